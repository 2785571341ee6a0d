/** The fiscal years a plan is evaluated for, each with the period whose items are evaluated that year. */

type PeriodSpan = { number: number; fiscalYearStart: number; fiscalYearEnd: number | null };

/** A period without an end year ends where the next period begins, or runs on to the current fiscal year. */
function lastYearOf<P extends PeriodSpan>(period: P, periods: P[], currentFiscalYear: number): number {
  const next = periods.filter((p) => p.fiscalYearStart > period.fiscalYearStart).map((p) => p.fiscalYearStart);
  return Math.min(period.fiscalYearEnd ?? (next.length > 0 ? Math.min(...next) - 1 : currentFiscalYear), currentFiscalYear);
}

/** The years that have begun, newest first, each with its period (where periods overlap, the one that began last). */
export function evaluationYears<P extends PeriodSpan>(periods: P[], currentFiscalYear: number): { fiscalYear: number; period: P }[] {
  const years = new Map<number, P>();
  for (const period of [...periods].sort((a, b) => a.fiscalYearStart - b.fiscalYearStart || a.number - b.number)) {
    for (let year = period.fiscalYearStart; year <= lastYearOf(period, periods, currentFiscalYear); year++) years.set(year, period);
  }
  return [...years.entries()].sort(([a], [b]) => b - a).map(([fiscalYear, period]) => ({ fiscalYear, period }));
}

export function periodOfYear<P extends PeriodSpan>(periods: P[], fiscalYear: number, currentFiscalYear: number): P | null {
  return evaluationYears(periods, currentFiscalYear).find((y) => y.fiscalYear === fiscalYear)?.period ?? null;
}
