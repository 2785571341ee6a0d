/** A change set in words: the values as people read them, and the plain-text report the CLI prints. */
import { translateProblem, type Locale, type Translate } from '../kernel/i18n/index.ts';
import type { ShownValue } from '../kernel/ui/change-table.tsx';
import type { SourceLines } from '../reading/interchange.ts';
import { formatFiscalYear, formatFiscalYearSpan } from '../kernel/wareki/index.ts';
import { conflictsOf, notStoredText, type AgendaLine, type ChangeSet, type MeetingField, type NodeField, type Operation, type PeriodField, type SetField, type Value } from './change-set.ts';

/** 議題1 令和5年度の実組報告（説明者）［資料1・資料2］ */
function agendaLineText(line: AgendaLine): string {
  return `${line.title}${line.speaker ? `（${line.speaker}）` : ''}${line.materials.length > 0 ? `［${line.materials.join('・')}］` : ''}`;
}

function entriesOf(value: Exclude<Value, string | number | null>): string[] {
  return value.map((item) => (typeof item === 'string' ? item : 'heading' in item ? `■${item.heading} ${item.body}` : agendaLineText(item)));
}

export function valueText(value: Value | undefined, t: Translate): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('import.preview.none');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return entriesOf(value).join('\n');
}

const fiscalYearFields = new Set<SetField['field']>(['fiscalYearStart', 'fiscalYearEnd']);

/** A value as the preview's 新旧対照表 shows it: a period's years in 和暦 with the Western year, a list entry by entry. */
export function shownValue(value: Value | undefined, field: SetField['field'], locale: Locale): ShownValue {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number') return { text: fiscalYearFields.has(field) ? formatFiscalYear(value, { locale, withWestern: true }) : String(value) };
  if (typeof value === 'string') return { text: value };
  return { list: entriesOf(value) };
}

/** A report's field is named by its form; the other fields by the interface messages. */
export const fieldLabel = (f: Pick<SetField, 'field' | 'fieldLabel'>, t: Translate) => f.fieldLabel ?? t(`import.field.${f.field}` as `import.field.${NodeField | PeriodField | MeetingField}`);

export const linesText = ([from, to]: SourceLines, t: Translate) => (from === to ? t('import.preview.oneLine', { line: from }) : t('import.preview.lines', { from, to }));

/** Operations in the groups the preview shows: what is added, what changes, what conflicts with a hand edit. */
export function groupsOf(changeSet: ChangeSet) {
  const fields = changeSet.operations.filter((o): o is SetField => o.op === 'setField');
  return {
    added: changeSet.operations.filter((o): o is Exclude<Operation, SetField> => o.op !== 'setField'),
    changed: fields.filter((f) => !f.conflict),
    conflicts: conflictsOf(changeSet),
  };
}

/** What an operation adds, in words; a year in 和暦 on Japanese pages (and from the command line), FY2021 in English. */
export function addedText(op: Exclude<Operation, SetField>, t: Translate, locale: Locale = 'ja'): string {
  switch (op.op) {
    case 'createOrganisation':
      return `${t('import.preview.newOrganisation', { kind: t(`org.kind.${op.kind}`) })}: ${op.name}`;
    case 'createPlan':
      return `${t('import.preview.newPlan')}: ${op.name}${op.nickname ? `（${op.nickname}）` : ''}`;
    case 'createPeriod':
      return `${t('import.preview.newPeriod')}: ${op.name}（${formatFiscalYearSpan(op.fiscalYearStart, op.fiscalYearEnd, { locale })}）`;
    case 'createNode':
      return `${t('import.preview.newNode')}: ${op.label}${op.values.owners && (op.values.owners as string[]).length ? `（${(op.values.owners as string[]).join('、')}）` : ''}`;
    case 'createMeeting':
      return `${t('import.preview.newMeeting', { count: op.values.agenda.length })}: ${op.label}${meetingPlaceText(op.values)}`;
    case 'createReportRound':
      return `${t('import.preview.newReportRound', { year: formatFiscalYear(op.fiscalYear, { locale }) })}: ${op.title}`;
    case 'createReport':
      return `${t('import.preview.newReport')}: ${op.label}（${op.owners.join('、')}）→ ${op.nodeLabel}`;
  }
}

function meetingPlaceText(values: { startTime: string | null; endTime: string | null; venue: string | null }): string {
  const time = values.startTime ? `${values.startTime}${values.endTime ? `～${values.endTime}` : ''}` : '';
  const parts = [time, values.venue ?? ''].filter((p) => p !== '');
  return parts.length > 0 ? `（${parts.join('、')}）` : '';
}

const oneLine = (text: string) => text.replace(/\n/g, ' / ');

/** The plain-text report of `./bin/sasaeai import`: counts, then each line with its source lines. */
export function changeSetReport(changeSet: ChangeSet, t: Translate): string {
  const { added, changed, conflicts } = groupsOf(changeSet);
  const at = (lines: SourceLines) => `（${linesText(lines, t)}）`;
  const section = (title: string, rows: string[]) => (rows.length === 0 ? [] : ['', `■ ${title}`, ...rows]);
  const summary = changeSet.operations.length === 0 ? t('import.preview.noChanges') : `${t('import.preview.added', { count: added.length })}・${t('import.preview.changed', { count: changed.length })}・${t('import.preview.conflicts', { count: conflicts.length })}`;
  return [
    summary,
    ...section(t('import.preview.problems'), changeSet.problems.map((p) => `  × ${translateProblem(t, p.message)}${p.sourceLines ? at(p.sourceLines) : ''}`)),
    ...section(t('import.preview.added', { count: added.length }), added.map((op) => `  + ${addedText(op, t)}${at(op.sourceLines)}`)),
    ...section(
      t('import.preview.changed', { count: changed.length }),
      changed.map((f) => `  ~ ${f.label}: ${fieldLabel(f, t)} 「${oneLine(valueText(f.from, t))}」 → 「${oneLine(valueText(f.to, t))}」${at(f.sourceLines)}`),
    ),
    ...section(
      t('import.preview.conflicts', { count: conflicts.length }),
      conflicts.flatMap((f) => [
        `  ! ${f.label}: ${fieldLabel(f, t)}${at(f.sourceLines)}`,
        `      ${t('import.preview.documentValue')}: ${oneLine(valueText(f.to, t))}`,
        `      ${t('import.preview.currentValue')}: ${oneLine(valueText(f.from, t))}`,
        `      ${t('import.preview.baselineValue')}: ${oneLine(valueText(f.baseline, t))}`,
      ]),
    ),
    ...section(t('import.preview.missing', { count: changeSet.missing.length }), changeSet.missing.map((m) => `  - ${m.planLabel} ${m.label}`)),
    ...section(t('import.preview.notStored', { count: changeSet.notStored.length }), changeSet.notStored.map((n) => `  ・${notStoredText(t, n)}${at(n.sourceLines)}`)),
    ...section(t('import.preview.unrecognised', { count: changeSet.unrecognised.length }), changeSet.unrecognised.map((u) => `  ${u.line}: ${u.text.trim()}`)),
  ].join('\n');
}
