/**
 * The preview of one import: what will change (with conflicts to tick), the lines that could not be read, and the
 * document beside what was read from it, each parsed item linked to its source lines and open to correction.
 */
import { translateProblem, type Locale, type Translate } from '../../kernel/i18n/index.ts';
import { ChangeSide } from '../../kernel/ui/change-table.tsx';
import { formatFiscalYear, formatFiscalYearSpan } from '../../kernel/wareki/index.ts';
import { controlAttrs, CsrfField, ErrorSummary, Field, PostButton, WarekiInput, type FieldErrors } from '../../kernel/ui/forms.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import type { Municipality, Ward } from '../../municipalities/queries.ts';
import type { InterchangeDocument, Plan, PlanNode, Report, SourceLines } from '../../reading/interchange.ts';
import type { ChangeSet, SetField, Value } from '../change-set.ts';
import { nodeKey, type Corrections } from '../corrections.ts';
import { addedText, fieldLabel, groupsOf, linesText, shownValue, valueText } from '../describe.ts';
import { importPaths } from '../paths.ts';
import type { DocumentImport } from '../queries.ts';
import { importCrumbs } from './list-page.tsx';
import { Notice } from '../../kernel/ui/notice.tsx';
import { CaptionedTable } from '../../kernel/ui/captioned-table.tsx';
import { lineAnchor, lineUsage, nodeAnchor, otherAnchor, planAnchor, reportAnchor, type LineUse } from './line-usage.ts';

type Props = {
  chrome: Chrome;
  municipality: Municipality;
  ward: Ward;
  row: DocumentImport;
  document: InterchangeDocument;
  corrections: Corrections;
  changeSet: ChangeSet;
  errors: FieldErrors;
  typed: TypedCorrection | null;
  notice: string | null;
  warning: string | null;
};

function LinesLink({ t, lines }: { t: Translate; lines: SourceLines }) {
  return <a href={`#${lineAnchor(lines[0])}`}>{linesText(lines, t)}</a>;
}

type Groups = ReturnType<typeof groupsOf>;

/** A changed field, its item and field named, the document's line linked. */
function FieldName({ t, f }: { t: Translate; f: SetField }) {
  return (
    <>
      {f.label}・{fieldLabel(f, t)}（<LinesLink t={t} lines={f.sourceLines} />）
    </>
  );
}

/** One side of a change with the characters the other side lacks marked (the kernel's 新旧対照表 cell). */
function Side({ t, locale, f, side, other }: { t: Translate; locale: Locale; f: SetField; side: 'before' | 'after'; other: Value | undefined }) {
  const [before, after] = side === 'before' ? [f.from, other] : [other, f.to];
  const change = { label: '', before: shownValue(before, f.field, locale), after: shownValue(after, f.field, locale) };
  return <ChangeSide t={t} change={change} side={side} />;
}

/** What the import does, counted by kind before any detail: added, changed, conflicts to decide, items the document lacks. */
function Summary({ t, groups, missing }: { t: Translate; groups: Groups; missing: number }) {
  const counts: [string, string, number][] = [
    ['import-conflicts', t('import.preview.conflicts', { count: groups.conflicts.length }), groups.conflicts.length],
    ['import-changed', t('import.preview.changed', { count: groups.changed.length }), groups.changed.length],
    ['import-added', t('import.preview.added', { count: groups.added.length }), groups.added.length],
    ['import-missing', t('import.preview.missing', { count: missing }), missing],
  ];
  return (
    <ul class="import-summary" aria-label={t('import.preview.summary')}>
      {counts.map(([id, text, count]) => (
        <li class={count > 0 && id === 'import-conflicts' ? 'import-summary__conflicts' : undefined}>{count > 0 ? <a href={`#${id}`}>{text}</a> : text}</li>
      ))}
    </ul>
  );
}

/** A group of the change set under its heading with the count, the target of the summary's link. */
function CountedSection({ id, title, children }: { id: string; title: string; children: unknown }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {children}
    </section>
  );
}

function Conflicts({ t, locale, conflicts }: { t: Translate; locale: Locale; conflicts: SetField[] }) {
  if (conflicts.length === 0) return null;
  return (
    <CountedSection id="import-conflicts" title={t('import.preview.conflicts', { count: conflicts.length })}>
      <p>{t('import.preview.conflictsLead')}</p>
      <CaptionedTable
        caption={t('import.preview.conflicts', { count: conflicts.length })}
        rows={conflicts}
        columns={[
          { header: t('import.preview.item'), rowHeader: true, cell: (f) => <FieldName t={t} f={f} /> },
          { header: t('import.preview.currentValue'), cell: (f) => <Side t={t} locale={locale} f={f} side="before" other={f.to} /> },
          { header: t('import.preview.documentValue'), cell: (f) => <Side t={t} locale={locale} f={f} side="after" other={f.from} /> },
          { header: t('import.preview.baselineValue'), cell: (f) => <span class="import-value">{valueText(f.baseline, t)}</span> },
          {
            header: t('import.preview.overwrite'),
            cell: (f, index) => (
              <>
                <input type="checkbox" id={`overwrite-${index}`} name="overwrite" value={f.id} />
                <label for={`overwrite-${index}`}>
                  {t('import.preview.overwrite')}
                  <span class="visually-hidden">: {f.label}・{fieldLabel(f, t)}</span>
                </label>
              </>
            ),
          },
        ]}
      />
    </CountedSection>
  );
}

/** Values the document says otherwise and nobody edited by hand: 今の値 → 文書の値, the changed characters marked. */
function Changed({ t, locale, changed }: { t: Translate; locale: Locale; changed: SetField[] }) {
  if (changed.length === 0) return null;
  return (
    <CountedSection id="import-changed" title={t('import.preview.changed', { count: changed.length })}>
      <CaptionedTable
        caption={t('import.preview.changed', { count: changed.length })}
        rows={changed}
        columns={[
          { header: t('import.preview.item'), rowHeader: true, cell: (f) => <FieldName t={t} f={f} /> },
          { header: t('import.preview.from'), cell: (f) => <Side t={t} locale={locale} f={f} side="before" other={f.to} /> },
          { header: t('import.preview.to'), cell: (f) => <Side t={t} locale={locale} f={f} side="after" other={f.from} /> },
        ]}
      />
    </CountedSection>
  );
}

function Added({ t, locale, added }: { t: Translate; locale: Locale; added: Groups['added'] }) {
  if (added.length === 0) return null;
  return (
    <CountedSection id="import-added" title={t('import.preview.added', { count: added.length })}>
      <ul>
        {added.map((op) => (
          <li>
            {addedText(op, t, locale)}（<LinesLink t={t} lines={op.sourceLines} />）
          </li>
        ))}
      </ul>
    </CountedSection>
  );
}

/** A list that only informs, folded under its count: open it to read it (a link into it opens it too). */
function Folded({ id, title, lead, children }: { id: string; title: string; lead: string; children: unknown }) {
  return (
    <details id={id} class="import-folded">
      <summary>{title}</summary>
      <p>{lead}</p>
      {children}
    </details>
  );
}

/** What the model cannot hold yet, by kind (日程, 調査 …), each kind counted, each entry linked to its lines. */
function NotStored({ t, items }: { t: Translate; items: ChangeSet['notStored'] }) {
  if (items.length === 0) return null;
  const kinds = new Map<string, { index: number; label: string; lines: SourceLines }[]>();
  items.forEach((item, index) => {
    const kind = translateProblem(t, item.kind);
    const label = typeof item.label === 'string' ? item.label : translateProblem(t, item.label);
    kinds.set(kind, [...(kinds.get(kind) ?? []), { index, label, lines: item.sourceLines }]);
  });
  return (
    <Folded id="import-not-stored" title={t('import.preview.notStored', { count: items.length })} lead={t('import.preview.notStoredLead')}>
      {[...kinds].map(([kind, entries]) => (
        <>
          <h3>{t('import.preview.kindCount', { kind, count: entries.length })}</h3>
          <ul>
            {entries.map((entry) => (
              <li id={otherAnchor(entry.index)}>
                {entry.label}（<LinesLink t={t} lines={entry.lines} />）
              </li>
            ))}
          </ul>
        </>
      ))}
    </Folded>
  );
}

function Changes({ t, locale, m, ward, row, changeSet, csrf }: { t: Translate; locale: Locale; m: string; ward: Ward; row: DocumentImport; changeSet: ChangeSet; csrf: string }) {
  const canApply = changeSet.problems.length === 0;
  const groups = groupsOf(changeSet);
  return (
    <section aria-labelledby="changes-title">
      <h2 id="changes-title">{t('import.preview.changes')}</h2>
      {changeSet.problems.length > 0 ? (
        <div class="warning" role="alert">
          <h3>{t('import.preview.problems')}</h3>
          <ul>
            {changeSet.problems.map((p) => (
              <li>
                {translateProblem(t, p.message)}
                {p.sourceLines ? (
                  <>
                    （<LinesLink t={t} lines={p.sourceLines} />）
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {changeSet.operations.length === 0 ? <p class="notice">{t('import.preview.noChanges')}</p> : <Summary t={t} groups={groups} missing={changeSet.missing.length} />}
      <form method="post" action={importPaths.apply(m, ward.slug, row.id)}>
        <CsrfField token={csrf} />
        <input type="hidden" name="version" value={String(row.version)} />
        <input type="hidden" name="fingerprint" value={changeSet.fingerprint} />
        <Conflicts t={t} locale={locale} conflicts={groups.conflicts} />
        <Changed t={t} locale={locale} changed={groups.changed} />
        <Added t={t} locale={locale} added={groups.added} />
        {canApply ? (
          <p class="actions">
            <button type="submit" class="button">
              {t('import.preview.confirm')}
            </button>
          </p>
        ) : null}
      </form>
      <PostButton action={importPaths.discard(m, ward.slug, row.id)} csrf={csrf} label={t('import.preview.discard')} fields={{ version: String(row.version) }} confirm={t('import.preview.discardConfirm')} />
      {changeSet.missing.length > 0 ? (
        <Folded id="import-missing" title={t('import.preview.missing', { count: changeSet.missing.length })} lead={t('import.preview.missingLead')}>
          <ul>
            {changeSet.missing.map((item) => (
              <li>
                {item.planLabel} {item.label}
              </li>
            ))}
          </ul>
        </Folded>
      ) : null}
      <NotStored t={t} items={changeSet.notStored} />
    </section>
  );
}

function Unrecognised({ t, changeSet }: { t: Translate; changeSet: ChangeSet }) {
  const lines = changeSet.unrecognised;
  return (
    <section aria-labelledby="unrecognised-title" class={lines.length > 0 ? 'warning' : undefined}>
      <h2 id="unrecognised-title">{t('import.preview.unrecognised', { count: lines.length })}</h2>
      {lines.length === 0 ? (
        <p>{t('import.preview.noUnrecognised')}</p>
      ) : (
        <>
          <p>{t('import.preview.unrecognisedLead')}</p>
          <CaptionedTable
            caption={t('import.preview.unrecognised', { count: lines.length })}
            rows={lines}
            columns={[
              { header: t('import.preview.line'), cell: (line) => <a href={`#${lineAnchor(line.line)}`}>{line.line}</a> },
              { header: t('import.preview.text'), cell: (line) => line.text },
            ]}
          />
        </>
      )}
    </section>
  );
}

type CorrectionFormProps = { t: Translate; action: string; csrf: string; version: number; kind: 'plan' | 'node' | 'report'; itemKey: string; label: string; open?: boolean; children: unknown };

function CorrectionForm({ t, action, csrf, version, kind, itemKey, label, open, children }: CorrectionFormProps) {
  return (
    <details class="import-correct" {...(open ? { open: true } : {})}>
      <summary>
        {t('import.correct.summary')}
        <span class="visually-hidden">: {label}</span>
      </summary>
      <form method="post" action={action}>
        <CsrfField token={csrf} />
        <input type="hidden" name="version" value={String(version)} />
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="key" value={itemKey} />
        {children}
        <button type="submit" class="button button--secondary">
          {t('import.correct.save')}
        </button>
      </form>
    </details>
  );
}

/** A correction field: the kernel's Field, with an id unique on the page (`field-item-0-1-title`) and the plain form name. */
function Input({ id, name, label, value, error, hint, multiline }: { id: string; name: string; label: string; value: string; error?: string | undefined; hint?: string; multiline?: boolean }) {
  const attrs = { ...controlAttrs(id, { hint: Boolean(hint), error }), name };
  return (
    <Field name={id} label={label} {...(hint ? { hint } : {})} error={error}>
      {multiline ? <textarea rows={3} {...attrs}>{value}</textarea> : <input type="text" value={value} {...attrs} />}
    </Field>
  );
}

/** What the user typed into a correction that did not pass, shown again in its form. */
export type TypedCorrection = { kind: string; key: string; values: Record<string, string> };

type ItemContext = { t: Translate; locale: Chrome['locale']; action: string; csrf: string; version: number; corrections: Corrections; errors: FieldErrors; typed: TypedCorrection | null };

function typedOr(context: ItemContext, kind: string, key: string, field: string, value: string): string {
  const typed = context.typed;
  return typed && typed.kind === kind && typed.key === key ? typed.values[field] ?? value : value;
}

/** One item's correction fields: the value typed again after an error (else the read value), and each field's error. */
function correctionFields(context: ItemContext, kind: 'node' | 'report', key: string, id: string) {
  return {
    typed: (field: string, value: string) => typedOr(context, kind, key, field, value),
    error: (field: string) => context.errors[`${id}-${field}`],
  };
}

function NodeItem({ node, planIndex, path, context }: { node: PlanNode; planIndex: number; path: number[]; context: ItemContext }) {
  const { t } = context;
  const key = nodeKey(planIndex, path);
  const id = nodeAnchor(key);
  const label = `${node.level}${node.code} ${node.title}`.trim();
  const { typed, error } = correctionFields(context, 'node', key, id);
  return (
    <li id={id} class="import-item">
      <p>
        <strong>{label || t('import.preview.none')}</strong>（<LinesLink t={t} lines={node.sourceLines} />）
        {context.corrections.nodes[key] ? <span class="status">{t('import.correct.corrected')}</span> : null}
      </p>
      {node.owners.length > 0 ? (
        <p>
          {t('import.field.owners')}: {node.owners.join('、')}
        </p>
      ) : null}
      {node.keywords.length > 0 ? (
        <p>
          {t('import.field.keywords')}: {node.keywords.join('、')}
        </p>
      ) : null}
      <CorrectionForm t={t} action={context.action} csrf={context.csrf} version={context.version} kind="node" itemKey={key} label={label} open={['code', 'title', 'owners', 'vision', 'keywords'].some((field) => error(field))}>
        <Input id={`${id}-code`} name="code" label={t('import.field.code')} value={typed('code', node.code)} error={error('code')} />
        <Input id={`${id}-title`} name="title" label={t('import.field.title')} value={typed('title', node.title)} error={error('title')} />
        <Input id={`${id}-owners`} name="owners" label={t('import.field.owners')} hint={t('import.correct.linesHint')} value={typed('owners', node.owners.join('\n'))} error={error('owners')} multiline />
        <Input id={`${id}-vision`} name="vision" label={t('import.field.vision')} value={typed('vision', node.vision ?? '')} error={error('vision')} multiline />
        <Input id={`${id}-keywords`} name="keywords" label={t('import.field.keywords')} hint={t('import.correct.linesHint')} value={typed('keywords', node.keywords.join('\n'))} error={error('keywords')} multiline />
      </CorrectionForm>
      {node.children.length > 0 ? (
        <ol>
          {node.children.map((child, index) => (
            <NodeItem node={child} planIndex={planIndex} path={[...path, index]} context={context} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

function PlanItem({ plan, index, context }: { plan: Plan; index: number; context: ItemContext }) {
  const { t, errors } = context;
  const id = planAnchor(index);
  const name = [plan.name, plan.nickname && `（${plan.nickname}）`].filter(Boolean).join('') || t('import.preview.none');
  const typed = (field: string, value: string) => typedOr(context, 'plan', String(index), field, value);
  const hasErrors = Object.keys(errors).some((key) => key.startsWith(`${id}-`));
  const span = [plan.period ? t('import.preview.period', { n: plan.period }) : '', plan.fiscalYearStart ? formatFiscalYearSpan(plan.fiscalYearStart, plan.fiscalYearEnd, { locale: context.locale, withWestern: true }) : ''].filter(Boolean).join(' ');
  return (
    <section id={id} aria-labelledby={`${id}-title`} class="import-plan">
      <h3 id={`${id}-title`}>
        {name} {span}
      </h3>
      <p>
        <LinesLink t={t} lines={plan.sourceLines} />
        {plan.philosophy ? `・${t('import.field.philosophy')}: ${plan.philosophy}` : ''}
      </p>
      <CorrectionForm t={t} action={context.action} csrf={context.csrf} version={context.version} kind="plan" itemKey={String(index)} label={name} open={hasErrors}>
        <Input id={`${id}-name`} name="name" label={t('import.field.name')} value={typed('name', plan.name ?? '')} error={errors[`${id}-name`]} />
        <Input id={`${id}-nickname`} name="nickname" label={t('import.field.nickname')} value={typed('nickname', plan.nickname ?? '')} error={errors[`${id}-nickname`]} />
        <Input id={`${id}-period`} name="period" label={t('import.field.period')} value={typed('period', plan.period === null ? '' : String(plan.period))} error={errors[`${id}-period`]} />
        <WarekiInput t={t} kind="fiscalYear" id={`${id}-fiscalYearStart`} name="fiscalYearStart" label={t('import.field.fiscalYearStart')} hint={t('import.correct.fiscalYearHint')} value={typed('fiscalYearStart', plan.fiscalYearStart === null ? '' : String(plan.fiscalYearStart))} error={errors[`${id}-fiscalYearStart`]} />
        <WarekiInput t={t} kind="fiscalYear" id={`${id}-fiscalYearEnd`} name="fiscalYearEnd" label={t('import.field.fiscalYearEnd')} hint={t('import.correct.fiscalYearHint')} value={typed('fiscalYearEnd', plan.fiscalYearEnd === null ? '' : String(plan.fiscalYearEnd))} error={errors[`${id}-fiscalYearEnd`]} />
      </CorrectionForm>
      {plan.nodes.length > 0 ? (
        <ol class="import-tree">
          {plan.nodes.map((node, nodeIndex) => (
            <NodeItem node={node} planIndex={index} path={[nodeIndex]} context={context} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}

/** A report as read, with where it goes (goal, owners, fiscal year) open to correction. */
function ReportItem({ report, index, context }: { report: Report; index: number; context: ItemContext }) {
  const { t } = context;
  const id = reportAnchor(index);
  const { typed, error } = correctionFields(context, 'report', String(index), id);
  const goal = [report.goalCode, report.goal].filter(Boolean).join(' ');
  return (
    <li id={id} class="import-item">
      <p>
        <strong>{report.title}</strong>（<LinesLink t={t} lines={report.sourceLines} />）
        {context.corrections.reports[String(index)] ? <span class="status">{t('import.correct.corrected')}</span> : null}
      </p>
      <p>
        {report.fiscalYear === null ? t('import.preview.none') : formatFiscalYear(report.fiscalYear, { locale: context.locale })}・{t('import.field.vision')}: {goal || t('import.preview.none')}・{t('import.field.owners')}: {report.owner ?? t('import.preview.none')}
      </p>
      <CorrectionForm t={t} action={context.action} csrf={context.csrf} version={context.version} kind="report" itemKey={String(index)} label={report.title} open={['goalCode', 'goal', 'owner', 'fiscalYear'].some((field) => error(field))}>
        <Input id={`${id}-goalCode`} name="goalCode" label={t('import.field.goalCode')} value={typed('goalCode', report.goalCode ?? '')} error={error('goalCode')} />
        <Input id={`${id}-goal`} name="goal" label={t('import.field.goal')} value={typed('goal', report.goal ?? '')} error={error('goal')} />
        <Input id={`${id}-owner`} name="owner" label={t('import.field.owners')} hint={t('import.correct.ownersHint')} value={typed('owner', report.owner ?? '')} error={error('owner')} />
        <WarekiInput t={t} kind="fiscalYear" id={`${id}-fiscalYear`} name="fiscalYear" label={t('import.field.fiscalYear')} hint={t('import.correct.fiscalYearHint')} value={typed('fiscalYear', report.fiscalYear === null ? '' : String(report.fiscalYear))} error={error('fiscalYear')} />
      </CorrectionForm>
    </li>
  );
}

function ReportsRead({ reports, context }: { reports: Report[]; context: ItemContext }) {
  if (reports.length === 0) return null;
  return (
    <section aria-labelledby="reports-read-title" class="import-plan">
      <h3 id="reports-read-title">{context.t('import.preview.reports', { count: reports.length })}</h3>
      <ol class="import-tree">
        {reports.map((report, index) => (
          <ReportItem report={report} index={index} context={context} />
        ))}
      </ol>
    </section>
  );
}

/**
 * The document line by line, folded under its line count (a link to a line opens it); each run of lines read into one
 * item links to that item once, on its first line.
 */
function SourceColumn({ t, lines, uses, unrecognised }: { t: Translate; lines: string[]; uses: Map<number, LineUse>; unrecognised: Set<number> }) {
  return (
    <section aria-labelledby="source-title" class="import-source">
      <h2 id="source-title">{t('import.preview.source', { lines: lines.length })}</h2>
      <details class="import-folded">
        <summary>{t('import.preview.showSource')}</summary>
        <ol class="import-lines">
          {lines.map((text, index) => {
            const line = index + 1;
            const use = uses.get(line);
            const startsRun = use !== undefined && uses.get(line - 1)?.href !== use.href;
            return (
              <li id={lineAnchor(line)} value={line} class={unrecognised.has(line) ? 'import-line import-line--unrecognised' : 'import-line'}>
                <span class="import-line__text">{text}</span>
                {startsRun ? (
                  <a class="import-line__use" href={use.href}>
                    <span class="visually-hidden">{t('import.preview.usedBy')}: </span>
                    {use.label}
                  </a>
                ) : null}
              </li>
            );
          })}
        </ol>
      </details>
    </section>
  );
}

export function ImportPreviewPage({ chrome, municipality, ward, row, document, corrections, changeSet, errors, typed, notice, warning }: Props) {
  const { t } = chrome;
  const m = municipality.slug;
  const title = t('import.preview.title', { file: row.fileName });
  const context: ItemContext = { t, locale: chrome.locale, action: importPaths.corrections(m, ward.slug, row.id), csrf: chrome.csrfToken, version: row.version, corrections, errors, typed };
  const uses = lineUsage(document, changeSet.notStored, t);
  return (
    <Layout chrome={chrome} title={title} crumbs={importCrumbs(chrome, m, ward, { label: row.fileName })} wide>
      <h1>{title}</h1>
      <Notice text={notice} />
      {warning ? (
        <p class="warning" role="alert" tabindex={-1} data-autofocus>
          {warning}
        </p>
      ) : null}
      <ErrorSummary t={t} errors={errors} />
      {document.source.warnings.map((message) => (
        <p class="notice">{message}</p>
      ))}
      <Changes t={t} locale={chrome.locale} m={m} ward={ward} row={row} changeSet={changeSet} csrf={chrome.csrfToken} />
      <Unrecognised t={t} changeSet={changeSet} />
      <div class="import-columns">
        <section aria-labelledby="parsed-title" class="import-parsed">
          <h2 id="parsed-title">{t('import.preview.parsed')}</h2>
          {document.plans.map((plan, index) => (
            <PlanItem plan={plan} index={index} context={context} />
          ))}
          <ReportsRead reports={document.reports} context={context} />
        </section>
        <SourceColumn t={t} lines={row.lines} uses={uses} unrecognised={new Set(changeSet.unrecognised.map((u) => u.line))} />
      </div>
    </Layout>
  );
}
