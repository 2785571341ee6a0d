import type { Locale, Translate } from '../../kernel/i18n/index.ts';
import type { Municipality } from '../../municipalities/queries.ts';
import { periodTitle, type Period, type PlanNode, type PlanWithPeriods } from '../queries.ts';

/** What a plan period's document (PDF or Word) is made of. */
export type PlanDocumentInput = {
  municipality: Municipality;
  plan: PlanWithPeriods;
  period: Period;
  tree: PlanNode[];
  t: Translate;
  locale: Locale;
};

/** 戸塚区地域福祉保健計画 第4期: the plan page's title. */
export function planDocumentTitle(plan: PlanWithPeriods, period: Period, locale: Locale): string {
  return `${plan.name} ${periodTitle(period, locale)}`;
}

/** 戸塚区地域福祉保健計画_第4期.pdf */
export function planFileName(plan: PlanWithPeriods, period: Period, locale: Locale, extension: 'pdf' | 'docx'): string {
  return `${plan.name}_${periodTitle(period, locale)}.${extension}`;
}
