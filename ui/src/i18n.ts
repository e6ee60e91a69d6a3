// The vue-i18n instance. zh-CN is the only locale for now and the fallback for any later one.

import { createI18n } from 'vue-i18n';
import zhCN, { type Messages } from './locales/zh-CN';

export const i18n = createI18n<[Messages], 'zh-CN', false>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN },
});
