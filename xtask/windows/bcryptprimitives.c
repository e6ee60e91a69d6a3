/* ProcessPrng for Wine 8, which lacks it.
 *
 * Rust's standard library (1.78 and later) takes its random bytes on Windows from
 * bcryptprimitives.dll!ProcessPrng, which Windows 10 and 11 have. Wine 8 (Debian 12) has no such
 * export, so a Windows build of Kaohe does not start under it. `cargo xtask windows --test` builds
 * this file with mingw-w64 into the Wine prefix's system32 (never into an installer: real Windows
 * has its own). It hands the request to BCryptGenRandom, which Wine has.
 */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
