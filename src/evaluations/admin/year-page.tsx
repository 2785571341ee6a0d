import type { Translate } from '../../kernel/i18n/index.ts';
import { CsrfField, ErrorSummary, FieldError, FormActions, PostButton, TextArea, type FieldErrors } from '../../kernel/ui/forms.tsx';
import { Ja, useContentLang, withJapanese } from '../../kernel/ui/japanese.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { Notice } from '../../kernel/ui/notice.tsx';
import { formatFiscalYear } from '../../kernel/wareki/index.ts';
import { nodeLabel, type Period, type PlanNode } from '../../plans/queries.ts';
import { entryField, type EntryValues } from '../inputs.ts';
import { evaluationPaths } from '../paths.ts';
import { gradeSpread, type GradeSpread, type NodeEvaluation } from '../queries.ts';
import type { Grade } from '../schema.ts';
import { evaluationCrumbs } from './crumbs.ts';
import { GradesTable } from './scale-page.tsx';

type Props = {
  chrome: Chrome;
  m: string;
  plan: { key: string; name: string };
  fiscalYear: number;
  period: Period;
  nodes: PlanNode[];
  grades: Grade[];
  /** The evaluations as saved (for the roll-up and who saved last). */
  saved: NodeEvaluation[];
  /** What the form shows for each item: as saved, or as typed when it comes back. */
  values: Map<string, EntryValues>;
  published: boolean;
  notice: string | null;
  errors: FieldErrors;
  /** After a conflict: the items someone else saved first, with what they saved (null: they cleared it). */
  conflicts?: Map<string, NodeEvaluation | null>;
  /** Why a save or publishing was refused. */
  refusal?: string | null;
};

/** A12 B3 C0 未評価 1: the roll-up, in the scale's order. */
export function spreadText(t: Translate, spread: GradeSpread): string {
  const parts = spread.counts.map(({ grade, count }) => `${grade.label} ${count}`);
  return [...parts, ...(spread.none > 0 ? [t('evaluation.spread.none', { count: spread.none })] : [])].join('・');
}

function GradeChoice({ t, node, label, grades, value, error }: { t: Translate; node: PlanNode; label: string; grades: Grade[]; value: string; error: string | undefined }) {
  const name = entryField('grade', node.id);
  return (
    <fieldset id={`field-${name}`} class={error ? 'field field--error evaluation-grade' : 'field evaluation-grade'} {...(error ? { 'aria-describedby': `error-${name}` } : {})}>
      <legend>
        {t('evaluation.year.grade')}
        <span class="visually-hidden">
          （<Ja>{label}</Ja>）
        </span>
      </legend>
      <FieldError name={name} error={error} />
      <ul class="checkboxes">
        {[{ label: '', meaning: '' }, ...grades].map((grade, i) => (
          <li>
            <input type="radio" id={`${name}-${i}`} name={name} value={grade.label} checked={grade.label === value} />{' '}
            <label for={`${name}-${i}`}>
              {grade.label ? (
                <Ja>
                  <b>{grade.label}</b>
                  {grade.meaning ? `：${grade.meaning}` : ''}
                </Ja>
              ) : (
                t('evaluation.year.noGrade')
              )}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

type ItemProps = { t: Translate; node: PlanNode; levels: string[]; grades: Grade[]; saved: Map<string, NodeEvaluation>; value: EntryValues; errors: FieldErrors; conflict: NodeEvaluation | null | undefined };

function Item({ t, node, levels, grades, saved, value, errors, conflict }: ItemProps) {
  const label = nodeLabel(node, levels, node.depth);
  const savedGrades = new Map([...saved.values()].map((e) => [e.nodeId, e.grade]));
  const Heading = node.depth === 0 ? 'h2' : 'h3';
  return (
    <section class={`evaluation-item evaluation-item--depth-${Math.min(node.depth, 3)}`} aria-labelledby={`item-${node.id}`}>
      <Heading id={`item-${node.id}`}>
        <Ja>{label}</Ja>
      </Heading>
      {node.children.length > 0 ? <p class="muted">{t('evaluation.year.below', { spread: spreadText(t, gradeSpread(node, savedGrades, grades)) })}</p> : null}
      {conflict !== undefined ? (
        <div class="warning">
          <p>{withJapanese((who) => t('evaluation.year.theirs', { who }), conflict?.updatedBy ?? '—')}</p>
          <dl class="meta">
            <dt>{t('evaluation.year.grade')}</dt>
            <dd>{conflict ? <Ja>{conflict.grade}</Ja> : t('evaluation.year.noGrade')}</dd>
            <dt>{t('evaluation.year.comment')}</dt>
            <dd>
              <Ja>{conflict?.comment || '—'}</Ja>
            </dd>
          </dl>
        </div>
      ) : null}
      <input type="hidden" name={entryField('version', node.id)} value={value.version} />
      <GradeChoice t={t} node={node} label={label} grades={grades} value={value.grade} error={errors[entryField('grade', node.id)]} />
      <TextArea name={entryField('comment', node.id)} label={t('evaluation.year.comment')} value={value.comment} error={errors[entryField('comment', node.id)]} rows={3} lang={useContentLang()} />
      {saved.get(node.id) ? <p class="muted">{withJapanese((who) => t('evaluation.year.savedBy', { who }), saved.get(node.id)!.updatedBy)}</p> : null}
    </section>
  );
}

/** The secretariat's evaluation of one fiscal year: every item of the year's period in one form, and publishing it. */
export function YearPage({ chrome, m, plan, fiscalYear, period, nodes, grades, saved, values, published, notice, errors, conflicts = new Map(), refusal = null }: Props) {
  const { t, locale } = chrome;
  const title = t('evaluation.year.title', { year: formatFiscalYear(fiscalYear, { locale }) });
  const savedByNode = new Map(saved.map((e) => [e.nodeId, e]));
  const conflictLabels = nodes.filter((node) => conflicts.has(node.id)).map((node) => nodeLabel(node, period.levels, node.depth));
  return (
    <Layout chrome={chrome} title={title} crumbs={evaluationCrumbs(t, m, plan, { label: title })}>
      <h1>{title}</h1>
      <p>
        <Ja>{plan.name}</Ja>
      </p>
      <Notice text={notice} />
      <ErrorSummary t={t} errors={errors} />
      {refusal ? (
        <p class="warning" role="alert">
          {refusal}
        </p>
      ) : null}
      {conflictLabels.length > 0 ? (
        <section class="warning" aria-labelledby="conflict-title">
          <h2 id="conflict-title" tabindex={-1} data-autofocus>
            {t('admin.conflict.title')}
          </h2>
          <p>{t('evaluation.year.conflictLead', { items: conflictLabels.join('、') })}</p>
        </section>
      ) : null}
      <div class="actions">
        <span class={published ? 'status status--accepted' : 'status'}>{t(published ? 'evaluation.published' : 'evaluation.unpublished')}</span>
        <span>{t(published ? 'evaluation.year.publishedNote' : 'evaluation.year.unpublishedNote')}</span>
        <PostButton
          action={evaluationPaths.publication(m, plan.key, fiscalYear)}
          csrf={chrome.csrfToken}
          label={t(published ? 'evaluation.year.unpublish' : 'evaluation.year.publish')}
          fields={{ published: published ? '0' : '1' }}
          className={published ? 'button button--secondary' : 'button'}
        />
      </div>
      <details>
        <summary>{t('evaluation.scale.title')}</summary>
        <GradesTable t={t} grades={grades} caption={t('evaluation.scale.caption')} />
      </details>
      <p>{t(nodes.length > 0 ? 'evaluation.year.lead' : 'evaluation.year.noItems')}</p>
      <form method="post" action={evaluationPaths.year(m, plan.key, fiscalYear)} novalidate>
        <CsrfField token={chrome.csrfToken} />
        {nodes.map((node) => (
          <Item t={t} node={node} levels={period.levels} grades={grades} saved={savedByNode} value={values.get(node.id)!} errors={errors} conflict={conflicts.get(node.id)} />
        ))}
        <FormActions t={t} label={t('evaluation.year.save')} cancelHref={evaluationPaths.years(m, plan.key)} />
      </form>
    </Layout>
  );
}
