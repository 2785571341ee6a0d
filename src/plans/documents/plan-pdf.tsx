import { renderPdf } from '../../kernel/documents/pdf.ts';
import { PrintDocument } from '../../kernel/documents/print-document.tsx';
import { PeriodBody, PeriodMeta, PlanHeader } from '../views/plan-page.tsx';
import { planDocumentTitle, type PlanDocumentInput } from './plan-document.ts';

/** The plan page's content, without the site around it or its links to other pages, for print. */
export function PlanPrint({ municipality, plan, period, tree, t, locale }: PlanDocumentInput) {
  return (
    <PrintDocument lang={locale} title={planDocumentTitle(plan, period, locale)}>
      <PlanHeader plan={plan} t={t} />
      <PeriodMeta m={municipality.slug} plan={plan} period={period} chrome={{ t, locale }} />
      <PeriodBody m={municipality.slug} period={period} tree={tree} t={t} linkTitles={false} />
    </PrintDocument>
  );
}

export function renderPlanPdf(input: PlanDocumentInput, chromiumPath: string | null = null): Promise<Buffer> {
  const html = `<!doctype html>${(<PlanPrint {...input} />).toString()}`;
  return renderPdf(html, { footerText: planDocumentTitle(input.plan, input.period, input.locale), chromiumPath });
}
