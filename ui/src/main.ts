// Entry point: Vue with Pinia (shared state), vue-i18n (zh-CN) and Element Plus's styles. The
// settings kept in the database (操作人, rule profile) are loaded at start.

import { createApp } from 'vue';
import { createPinia } from 'pinia';
import 'element-plus/dist/index.css';
import App from './App.vue';
import { i18n } from './i18n';
import { useSettingsStore } from './stores/settings';

const pinia = createPinia();
createApp(App).use(pinia).use(i18n).mount('#app');
void useSettingsStore(pinia).load();
