// Every text of the locale is shown somewhere: a key under ui/src/locales that no source file of
// ui/src names (tests and the locale itself aside) is a dead key, and fails here. A key is named
// by its full dotted path in a string (`t('audit.column.kind')`, `label: 'nav.home'`), or built
// at run time under one of the prefixes of DYNAMIC below.

import { describe, expect, it } from 'vitest';
import zhCN from './zh-CN';

/**
 * The keys built at run time from a value, by the prefix the source writes before the value
 * (`t(\`errors.${e.code}\`)`): every key under such a prefix counts as used. A new dynamic use
 * adds its prefix here; a prefix no source file builds any more fails the second test.
 */
const DYNAMIC: readonly string[] = [
  'errors.', // an ErrorCode (ErrorAlert, api/error.ts)
  'assessment.consequence.kind.',
  'assessment.flag.',
  'assessment.log.action.',
  'assessment.pool.mode.',
  'assessment.ratio.source.',
  'audit.states.',
  'dashboard.chart.source.',
  'dashboard.year.',
  'export.progress.',
  'import.check.change.',
  'import.check.severityTag.',
  'import.mapping.level.',
  'import.progress.',
  'import.steps.',
  'log.kinds.',
  'people.drawer.restrictionState.',
  'people.drawer.timelineKind.',
  'people.grade.',
  'print.basis.',
  'promotion.block.',
  'promotionPage.block.',
  'promotionPage.filter.',
  'promotionPage.slot.',
  'promotionPage.status.',
  'rules.assessment.conditions.',
  'rules.assessment.dimension.',
  'rules.assessment.effects.',
  'rules.assessment.regularGrade.',
  'rules.assessment.roundings.',
  'rules.restriction.blocks.',
  'rules.service.timing.',
  'rules.status.',
  'settings.password.done.',
  'whatif.kinds.',
  'whatif.reasons.',
  'whatif.slot.',
];

/** `export.${kind}.name`: each saved workbook's name, by its kind (views/print/modules/ExportPanel.vue). */
const DYNAMIC_PATTERNS: readonly RegExp[] = [/^export\.[^.]+\.name$/];

/**
 * The groups of words a dialog is given by name, whose keys it builds as `${group}.title`:
 * components/ReasonDialog.vue (`messages="…"`; `say('reason')` …) and the groups OverrideDialog.vue
 * chooses between. A key of a group counts as used when the source builds its last part so.
 */
const GROUPS: readonly string[] = [
  'assessment.override',
  'assessment.supplement',
  'assessment.reopenDialog',
  'assessment.ratio',
  'audit.mark',
  'audit.unmark',
];

/** The source files of ui/src that show text: not the tests, not the locale. */
const sources: Record<string, string> = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>('../**/*.{ts,vue}', { query: '?raw', import: 'default', eager: true }),
  ).filter(([path]) => !path.endsWith('.test.ts') && !path.startsWith('./') && !path.includes('/locales/')),
);
const text = Object.values(sources).join('\n');

/** Every leaf key of the messages, as its dotted path. */
function leaves(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? leaves(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function escaped(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A key of a group built from its group's name and its own (`${messages}.title`, `say('reason')`). */
function builtInGroup(key: string): boolean {
  const group = GROUPS.find((g) => key.startsWith(`${g}.`));
  if (group === undefined) return false;
  const rest = key.slice(group.length + 1);
  return text.includes(`}.${rest}\``) || text.includes(`say('${rest}')`);
}

/** The key written whole, not as part of a longer one (`audit.state` is not `audit.states.all`). */
function named(key: string): boolean {
  return new RegExp(`(?<![\\w.])${escaped(key)}(?![\\w.])`).test(text);
}

describe('locale keys', () => {
  it('reads the sources', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    expect(Object.keys(sources)).toContain('../App.vue');
  });

  it('has no key that the sources never use', () => {
    const dead = leaves(zhCN).filter(
      (key) =>
        !named(key) &&
        !builtInGroup(key) &&
        !DYNAMIC.some((prefix) => key.startsWith(prefix)) &&
        !DYNAMIC_PATTERNS.some((pattern) => pattern.test(key)),
    );
    expect(dead).toEqual([]);
  });

  it('lists only prefixes and groups that the sources build keys under', () => {
    const stale = DYNAMIC.filter((prefix) => !text.includes(`\`${prefix}\${`));
    expect(stale).toEqual([]);
    const unnamed = GROUPS.filter((group) => !text.includes(`'${group}'`) && !text.includes(`"${group}"`));
    expect(unnamed).toEqual([]);
  });
});
