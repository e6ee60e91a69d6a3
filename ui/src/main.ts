// Entry point: Vue with Pinia (shared state), vue-i18n (zh-CN) and Element Plus's styles.

import { createApp } from 'vue';
import { createPinia } from 'pinia';
import 'element-plus/dist/index.css';
import App from './App.vue';
import { i18n } from './i18n';

createApp(App).use(createPinia()).use(i18n).mount('#app');
