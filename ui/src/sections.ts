// The application's sections, in the order of the side menu. Each is mounted the first time it
// is opened and then kept; it receives `active` (true while shown) so that it can reload then.
// A new screen is one line here, one `nav.<name>` label in the locale, and its folder in views/.

import type { Component } from 'vue';
import HomePage from './views/home/index.vue';
import ImportPage from './views/import/index.vue';
import AssessmentPage from './views/assessment/index.vue';
import PromotionPage from './views/promotion/index.vue';
import PrintPage from './views/print/index.vue';
import PeoplePage from './views/people/index.vue';
import AuditPage from './views/audit/index.vue';
import SummaryPage from './views/summary/index.vue';
import RulesPage from './views/rules/index.vue';
import LogPage from './views/log/index.vue';
import SettingsPage from './views/settings/index.vue';

export interface Section {
  /** Stable name (menu index, `data-test="section-<name>"`). */
  name: string;
  /** The i18n key of its menu label. */
  label: string;
  component: Component;
}

export const SECTIONS: Section[] = [
  { name: 'home', label: 'nav.home', component: HomePage },
  { name: 'import', label: 'nav.import', component: ImportPage },
  // 导入 (import wizard), 人员 (people)
  { name: 'people', label: 'nav.people', component: PeoplePage },
  { name: 'assessment', label: 'nav.assessment', component: AssessmentPage },
  { name: 'promotion', label: 'nav.promotion', component: PromotionPage },
  { name: 'print', label: 'nav.print', component: PrintPage },
  { name: 'audit', label: 'nav.audit', component: AuditPage },
  { name: 'summary', label: 'nav.summary', component: SummaryPage },
  { name: 'rules', label: 'nav.rules', component: RulesPage },
  { name: 'log', label: 'nav.log', component: LogPage },
  { name: 'settings', label: 'nav.settings', component: SettingsPage },
];
