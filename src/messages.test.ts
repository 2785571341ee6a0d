import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineMessages, mergeMessages, translator } from './kernel/i18n/index.ts';
import { catalogue } from './messages.ts';

/**
 * Keys the code builds from a value instead of writing them out, each with where and why. A key matching one of these
 * counts as used; a pattern that matches no key any more fails, so the list stays true.
 */
const builtKeys: { pattern: RegExp; reason: string }[] = [
  { pattern: /^org\.kind\./, reason: '`org.kind.${kind}`: an organisation’s kind, on its pages, the registry and the node form' },
  { pattern: /^plan\.tier\./, reason: '`plan.tier.${plan.tier}`: city, ward or district plan, on the plan and ward pages' },
  { pattern: /^setup\.kind\./, reason: '`setup.kind.${kind}`: the kinds of municipality offered on the setup page' },
  { pattern: /^admin\.lead\./, reason: '`admin.lead.${user.role}`: what each role can do, at the top of /admin' },
  { pattern: /^role\./, reason: '`role.${user.role}`: the signed-in user’s role on /admin' },
  { pattern: /^evaluation\.scale\.preset\./, reason: '`evaluation.scale.preset.${name}`: the scale page’s preset buttons' },
  { pattern: /^report\.state\./, reason: '`report.state.${state}`: a report’s state badge, the round table and the reminder mail' },
  { pattern: /^report\.round\.status\./, reason: '`report.round.status.${status}`: open or closed, beside a round' },
  { pattern: /^report\.form\.kind\./, reason: '`report.form.kind.${kind}`: a report form field’s kind, in the form settings' },
  { pattern: /^report\.form\.preset\./, reason: '`report.form.preset.${preset}`: the form templates offered in the form settings' },
  { pattern: /^report\.reminders\.outcome\./, reason: '`report.reminders.outcome.${outcome}`: sent or failed, in the reminder log' },
  { pattern: /^meeting\.material\.(kind|add)\./, reason: '`meeting.material.kind|add.${kind}`: a material’s kind on the meeting page and its form' },
  { pattern: /^import\.status\./, reason: '`import.status.${status}`: an import’s state in the list and on the result page' },
  { pattern: /^import\.field\./, reason: '`import.field.${field}`: the field a change of the import preview sets' },
  { pattern: /^place\.suffix\./, reason: '`place.suffix.${suffix}`: the English word after a romanised place name (Ward, City …) by its Japanese ending' },
  { pattern: /^search\.kind\./, reason: '`search.kind.${kind}`: what a search result is (plan item, report …), its badge and the kind filter' },
  { pattern: /^district\.(organisation|milestone|activityKind|next)\./, reason: '`district.organisation|milestone|activityKind|next.${…}`: a team member’s organisation, a milestone, an activity’s kind and a next step, on the district pages and forms' },
  { pattern: /^pdf\.unavailable\.(source|problem)\./, reason: '`pdf.unavailable.source|problem.${…}`: where a browser was looked for and why it cannot print, when no PDF can be made' },
];

/** The code and browser tests, without the catalogues (every `messages.ts`), where a key is written as 'key'. */
function sourceTexts(): string[] {
  return ['src', 'e2e'].flatMap((folder) =>
    readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('messages.ts'))
      .map((file) => readFileSync(join(folder, file), 'utf8')),
  );
}

describe('the message catalogue', () => {
  it('has no key that nobody uses', () => {
    const texts = sourceTexts();
    const written = (key: string) => texts.some((text) => text.includes(`'${key}'`) || text.includes(`"${key}"`));
    const unused = Object.keys(catalogue).filter((key) => !written(key) && !builtKeys.some(({ pattern }) => pattern.test(key)));
    expect(unused).toEqual([]);
  });

  it('lists only key patterns that still match keys', () => {
    const stale = builtKeys.filter(({ pattern }) => !Object.keys(catalogue).some((key) => pattern.test(key)));
    expect(stale.map(({ reason }) => reason)).toEqual([]);
  });

  it('refuses a key that two parts define', () => {
    const one = defineMessages({ 'x.same': { ja: '一', en: 'one' } });
    const other = defineMessages({ 'x.same': { ja: '二', en: 'two' } });
    expect(() => mergeMessages(one, other)).toThrow('x.same');
  });

  it('translates into the chosen language with its parameters', () => {
    expect(translator(catalogue, 'ja')('login.throttled', { minutes: 15 })).toContain('15分ほど');
    expect(translator(catalogue, 'en')('nav.home')).toBe('Home');
  });
});
