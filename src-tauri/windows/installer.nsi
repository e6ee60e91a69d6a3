; Kaohe's Windows installer (NSIS 3, Unicode): per-user, no administrator rights, Simplified
; Chinese pages, the desktop app and the command line in one folder, a start-menu folder and a
; desktop shortcut, an entry in 「应用和功能」 with a silent uninstall. The database is never touched:
; it lives in %APPDATA%\kaohe\Kaohe\data and stays when Kaohe is uninstalled.
;
; Built by `cargo xtask windows` on Linux (Debian's makensis) and by .github/workflows/windows.yml
; on Windows, from the same defines:
;   makensis -DVERSION=0.1.0 -DAPP_EXE=…\kaohe-app.exe -DCLI_EXE=…\kaohe.exe -DICON=…\icon.ico
;            -DOUTFILE=…\Kaohe_0.1.0_x64-setup.exe [-DNSIS_TARGET=amd64-unicode] [-DWEBVIEW2_LOADER=…\WebView2Loader.dll]
;            [-DWEBVIEW2_OFFLINE=…\MicrosoftEdgeWebView2RuntimeInstallerX64.exe]
;            src-tauri/windows/installer.nsi
;
; WebView2 (the web view the desktop app draws with; part of Windows 11 and of current Windows 10):
; when it is missing, the offline installer (built with WEBVIEW2_OFFLINE) installs the runtime it
; carries, with no internet; the standard installer downloads Microsoft's bootstrapper, and when it
; cannot (an office network without internet) says so, names the offline installer and goes on:
; the command line works without WebView2.

; NSIS_TARGET=amd64-unicode makes a 64-bit installer (Debian's NSIS has that stub; Wine without
; 32-bit support runs only 64-bit programs); without it, the usual 32-bit one (the only stub of the
; official Windows NSIS), which installs the same 64-bit files.
!ifdef NSIS_TARGET
  Target ${NSIS_TARGET}
!endif
Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifndef VERSION | APP_EXE | CLI_EXE | ICON | OUTFILE
  !error "需要 -DVERSION -DAPP_EXE -DCLI_EXE -DICON -DOUTFILE（见本文件开头）"
!endif

!define PRODUCT "考核 Kaohe"
!define PUBLISHER "Kaohe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Kaohe"
!define WEBVIEW2_GUID "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
!define WEBVIEW2_BOOTSTRAPPER_URL "https://go.microsoft.com/fwlink/p/?LinkId=2124703"

!include "MUI2.nsh"
!include "LogicLib.nsh"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Kaohe"
InstallDirRegKey HKCU "Software\Kaohe" "InstallDir"
RequestExecutionLevel user
BrandingText "${PRODUCT} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "FileDescription" "${PRODUCT} 安装程序"
VIAddVersionKey /LANG=2052 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "Kaohe contributors"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TEXT "将在本机为当前用户安装 ${PRODUCT} ${VERSION}：年度考核与职级晋升。$\r$\n$\r$\n无需管理员权限。数据库保存在 %APPDATA%\kaohe\Kaohe\data，卸载时不会删除。"
!define MUI_FINISHPAGE_RUN "$INSTDIR\kaohe-app.exe"
!define MUI_FINISHPAGE_RUN_TEXT "启动 ${PRODUCT}"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "将卸载 ${PRODUCT} 的程序文件和快捷方式。数据库及备份（%APPDATA%\kaohe\Kaohe\data）会保留。"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Function .onInit
  InitPluginsDir
FunctionEnd

; The installed WebView2 runtime's version in $0, or "" when there is none.
Function WebView2Version
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKLM "SOFTWARE\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "SOFTWARE\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${EndIf}
  ${If} $0 == "0.0.0.0"
    StrCpy $0 ""
  ${EndIf}
FunctionEnd

Section "WebView2"
  Call WebView2Version
  ${If} $0 != ""
    DetailPrint "WebView2 运行时已安装（$0）。"
    Return
  ${EndIf}
  !ifdef WEBVIEW2_OFFLINE
    DetailPrint "正在安装 WebView2 运行时（离线安装包，无需联网）……"
    File "/oname=$PLUGINSDIR\MicrosoftEdgeWebView2RuntimeInstaller.exe" "${WEBVIEW2_OFFLINE}"
    ExecWait '"$PLUGINSDIR\MicrosoftEdgeWebView2RuntimeInstaller.exe" /silent /install' $1
  !else
    DetailPrint "正在下载 WebView2 运行时安装程序……"
    NSISdl::download /TIMEOUT=30000 "${WEBVIEW2_BOOTSTRAPPER_URL}" "$PLUGINSDIR\MicrosoftEdgeWebview2Setup.exe"
    Pop $1
    ${If} $1 != "success"
      DetailPrint "无法下载 WebView2 运行时（$1）。"
      MessageBox MB_OK|MB_ICONEXCLAMATION "本机没有 WebView2 运行时，也无法联网下载。$\r$\n$\r$\n${PRODUCT} 的程序已安装，命令行（kaohe.exe）可以使用；桌面程序需要 WebView2 才能打开。请改用离线安装包（Kaohe_${VERSION}_x64-offline-setup.exe），或请信息技术人员安装 WebView2 运行时。" /SD IDOK
      Return
    ${EndIf}
    DetailPrint "正在安装 WebView2 运行时……"
    ExecWait '"$PLUGINSDIR\MicrosoftEdgeWebview2Setup.exe" /silent /install' $1
  !endif
  ${If} $1 == 0
    DetailPrint "WebView2 运行时安装完成。"
  ${Else}
    DetailPrint "WebView2 运行时安装失败（退出代码 $1）。"
    MessageBox MB_OK|MB_ICONEXCLAMATION "WebView2 运行时安装失败（退出代码 $1）。桌面程序需要它才能打开；请信息技术人员安装后再启动 ${PRODUCT}。" /SD IDOK
  ${EndIf}
SectionEnd

Section "Kaohe"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "/oname=kaohe-app.exe" "${APP_EXE}"
  File "/oname=kaohe.exe" "${CLI_EXE}"
  ; The gnu build of the app loads WebView2Loader.dll from its own folder (the MSVC build links
  ; it statically and has none).
  !ifdef WEBVIEW2_LOADER
    File "/oname=WebView2Loader.dll" "${WEBVIEW2_LOADER}"
  !endif
  File "/oname=kaohe.ico" "${ICON}"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${PRODUCT}"
  CreateShortCut "$SMPROGRAMS\${PRODUCT}\${PRODUCT}.lnk" "$INSTDIR\kaohe-app.exe" "" "$INSTDIR\kaohe.ico" 0
  CreateShortCut "$SMPROGRAMS\${PRODUCT}\卸载 ${PRODUCT}.lnk" "$INSTDIR\uninstall.exe"
  CreateShortCut "$DESKTOP\${PRODUCT}.lnk" "$INSTDIR\kaohe-app.exe" "" "$INSTDIR\kaohe.ico" 0

  WriteRegStr HKCU "Software\Kaohe" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\kaohe.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$INSTDIR\kaohe-app.exe"
  Delete "$INSTDIR\kaohe.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\kaohe.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${PRODUCT}\${PRODUCT}.lnk"
  Delete "$SMPROGRAMS\${PRODUCT}\卸载 ${PRODUCT}.lnk"
  RMDir "$SMPROGRAMS\${PRODUCT}"
  Delete "$DESKTOP\${PRODUCT}.lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\Kaohe"
SectionEnd
