/// <reference types="vitest/config" />
// Vite builds ui/dist, which the Rust shell embeds (feature `custom-protocol`); Vitest runs the
// unit tests in jsdom with the same plugins.
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [vue()],
  // Relative asset URLs: the shell serves ui/dist from its own custom protocol.
  base: './',
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // WebKitGTK on Debian 12 and WebView2 on Windows 10/11 both handle ES2021.
    target: 'es2021',
    rollupOptions: {
      output: {
        // Element Plus alone is larger than Vite's 500 kB warning limit; keep it in its own chunk.
        manualChunks(id) {
          if (id.includes('node_modules/element-plus') || id.includes('node_modules/@element-plus')) {
            return 'element-plus';
          }
          return undefined;
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
    css: false,
  },
});
