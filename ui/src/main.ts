// Entry point: Vue with vue-i18n (zh-CN) and Element Plus's styles.

import { createApp } from 'vue';
import 'element-plus/dist/index.css';
import App from './App.vue';
import { i18n } from './i18n';

createApp(App).use(i18n).mount('#app');
