// ESLint over the UI's TypeScript and Vue files (`npm run lint`, a step of `cargo xtask test`):
// the recommended rules of ESLint, typescript-eslint and eslint-plugin-vue; the types themselves
// are vue-tsc's (`npm run typecheck`). Generated IPC types are not linted.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'src/api/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/essential'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // A page is views/<section>/index.vue, named by its folder.
      'vue/multi-word-component-names': ['error', { ignores: ['index'] }],
    },
  },
  {
    // A test's stand-in for a library component keeps that component's name (Echarts).
    files: ['**/*.test.ts'],
    rules: { 'vue/multi-word-component-names': 'off' },
  },
);
