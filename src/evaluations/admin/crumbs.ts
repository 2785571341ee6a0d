import type { Translate } from '../../kernel/i18n/index.ts';
import { japanese } from '../../kernel/ui/japanese.tsx';
import type { Crumb } from '../../kernel/ui/layout.tsx';
import { evaluationPaths } from '../paths.ts';

/** Admin → the plan → its evaluation (a link when more crumbs follow): the crumbs of every evaluation page. */
export function evaluationCrumbs(t: Translate, m: string, plan: { key: string; name: string }, ...more: Crumb[]): Crumb[] {
  const evaluation: Crumb = more.length > 0 ? { label: t('evaluation.years.title'), href: evaluationPaths.years(m, plan.key) } : { label: t('evaluation.years.title') };
  return [{ label: t('nav.admin'), href: '/admin' }, { label: japanese(plan.name) }, evaluation, ...more];
}
