import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { formatDateTime } from '../../kernel/ui/time.ts';
import type { Municipality, Ward } from '../../municipalities/queries.ts';
import { planPaths } from '../../plans/paths.ts';
import { reportPaths } from '../../reports/paths.ts';
import { periodTitle, type PlanWithPeriods } from '../../plans/queries.ts';
import type { Operation, SetField } from '../change-set.ts';
import { addedText, fieldLabel, valueText } from '../describe.ts';
import { importPaths } from '../paths.ts';
import type { AppliedRecord, DocumentImport } from '../queries.ts';
import { importCrumbs } from './list-page.tsx';
import { formatFiscalYearSpan } from '../../kernel/wareki/index.ts';

type Props = { chrome: Chrome; municipality: Municipality; ward: Ward; row: DocumentImport; plans: PlanWithPeriods[] };

/** The page of the report an operation wrote, or of the round it created. */
function writtenReportHref(m: string, op: Operation, created: Record<string, string>): string | null {
  if (op.op === 'setField' && op.entity === 'report') return reportPaths.report(m, op.target);
  if (op.op === 'createReport' && created[op.ref]) return reportPaths.report(m, created[op.ref]!);
  if (op.op === 'createReportRound' && created[op.ref]) return reportPaths.round(m, created[op.ref]!);
  return null;
}

/** After confirming (or discarding): what was written, which conflicts were left, and the way to the plan. */
export function ImportResultPage({ chrome, municipality, ward, row, plans }: Props) {
  const { t, locale } = chrome;
  const m = municipality.slug;
  const applied = row.applied as AppliedRecord | null;
  const done = (applied?.operations ?? []) as Operation[];
  const kept = (applied?.kept ?? []) as SetField[];
  const title = row.status === 'applied' ? t('import.result.title', { file: row.fileName }) : t('import.preview.title', { file: row.fileName });
  return (
    <Layout chrome={chrome} title={title} crumbs={importCrumbs(chrome, m, ward, { label: row.fileName })}>
      <h1>{title}</h1>
      {row.status === 'discarded' ? (
        <p class="notice">{t('import.result.discarded')}</p>
      ) : (
        <>
          <p class="notice" role="status">
            {t(`import.status.${row.status}`)}・{row.appliedBy}・{row.appliedAt ? formatDateTime(row.appliedAt, locale) : ''}
          </p>
          <h2>{t('import.result.plans')}</h2>
          <ul>
            {plans.flatMap((plan) =>
              plan.periods.map((period) => (
                <li>
                  <a href={planPaths.adminPeriod(m, plan.key, period.number)}>
                    {plan.name} {periodTitle(period, locale)}（{formatFiscalYearSpan(period.fiscalYearStart, period.fiscalYearEnd, { locale })}）
                  </a>
                </li>
              )),
            )}
          </ul>
          <h2>{t('import.result.done', { count: done.length })}</h2>
          {done.length === 0 ? <p>{t('import.preview.noChanges')}</p> : null}
          <ul>
            {done.map((op) => {
              const text = op.op === 'setField' ? `${op.label}・${fieldLabel(op, t)}: ${valueText(op.to, t)}` : addedText(op, t, locale);
              const href = writtenReportHref(m, op, applied?.created ?? {});
              return <li>{href ? <a href={href}>{text}</a> : text}</li>;
            })}
          </ul>
          {kept.length > 0 ? (
            <>
              <h2>{t('import.result.kept', { count: kept.length })}</h2>
              <ul>
                {kept.map((op) => (
                  <li>
                    {op.label}・{fieldLabel(op, t)}: {valueText(op.from, t)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
      <p>
        <a href={importPaths.list(m, ward.slug)}>{t('import.result.back')}</a>
      </p>
    </Layout>
  );
}
