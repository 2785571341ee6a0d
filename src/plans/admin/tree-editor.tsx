import type { Child } from 'hono/jsx';
import { Ja, japanese } from '../../kernel/ui/japanese.tsx';
import { CsrfField, FormActions, PostButton } from '../../kernel/ui/forms.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import type { Municipality } from '../../municipalities/queries.ts';
import { planPaths } from '../paths.ts';
import { nodeLabel, periodTitle, type Period, type PlanNode, type PlanWithPeriods } from '../queries.ts';
import { StructureSection } from './structure-section.tsx';
import { Notice } from '../../kernel/ui/notice.tsx';
import { formatFiscalYearSpan } from '../../kernel/wareki/index.ts';

type Props = { chrome: Chrome; municipality: Municipality; plan: PlanWithPeriods; period: Period; tree: PlanNode[]; notice?: string | null };

function AddForm({ chrome, action, parentId, label, levelName }: { chrome: Chrome; action: string; parentId: string; label: Child; levelName: string }) {
  const id = `add-${parentId || 'top'}`;
  return (
    <details class="add-node">
      <summary>{label}</summary>
      <form method="post" action={action}>
        <CsrfField token={chrome.csrfToken} />
        <input type="hidden" name="parentId" value={parentId} />
        <p class="muted">
          <Ja>{levelName}</Ja>
        </p>
        <label for={`${id}-code`}>{chrome.t('field.code')}</label>
        <input type="text" id={`${id}-code`} name="code" value="" />
        <label for={`${id}-title`}>{chrome.t('field.title')}</label>
        <input type="text" id={`${id}-title`} name="title" value="" required />
        <FormActions t={chrome.t} label={label} look="small" />
      </form>
    </details>
  );
}

function TreeItem({ chrome, m, node, period, index, count, addAction }: { chrome: Chrome; m: string; node: PlanNode; period: Period; index: number; count: number; addAction: string }) {
  const { t } = chrome;
  const label = nodeLabel(node, period.levels, node.depth);
  const move = (direction: string, text: string, enabled: boolean) =>
    enabled ? (
      <PostButton action={planPaths.adminNodeMove(m, node.id)} csrf={chrome.csrfToken} label={text} fields={{ direction }} ariaLabel={t('admin.actionOn', { item: label, action: text })} />
    ) : null;
  return (
    <li class="tree__item" id={`item-${node.id}`}>
      <div class="tree__row">
        <span class="tree__label">
          <a href={planPaths.adminNodeEdit(m, node.id)}>{label ? <Ja>{label}</Ja> : t('admin.unnamed')}</a>
          {node.owners.length > 0 ? (
            <span class="muted">
              　{t('plan.owners')}：<Ja>{node.owners.map((o) => o.name).join('、')}</Ja>
            </span>
          ) : null}
        </span>
        <span class="tree__tools">
          {move('up', t('admin.moveUp'), index > 0)}
          {move('down', t('admin.moveDown'), index < count - 1)}
          {move('indent', t('admin.indent'), index > 0)}
          {move('outdent', t('admin.outdent'), node.parentId !== null)}
          <a class="button button--secondary button--small" href={planPaths.adminNodeHistory(m, node.id)} aria-label={t('admin.historyOf', { item: label })}>
            {t('admin.history')}
          </a>
          <PostButton
            action={planPaths.adminNodeDelete(m, node.id)}
            csrf={chrome.csrfToken}
            label={t('admin.delete')}
            fields={{ version: String(node.version) }}
            className="button button--danger button--small"
            confirm={t('admin.deleteConfirm')}
            ariaLabel={t('admin.actionOn', { item: label, action: t('admin.delete') })}
          />
        </span>
      </div>
      {node.children.length > 0 ? (
        <ol>
          {node.children.map((child, i) => (
            <TreeItem chrome={chrome} m={m} node={child} period={period} index={i} count={node.children.length} addAction={addAction} />
          ))}
        </ol>
      ) : null}
      <AddForm chrome={chrome} action={addAction} parentId={node.id} label={
          <>
            {t('admin.addChild')}（<Ja>{label}</Ja>）
          </>
        } levelName={period.levels[node.depth + 1] ?? ''} />
    </li>
  );
}

/** The whole tree with buttons for every move: keyboard and no-JavaScript friendly, no drag-and-drop. */
export function TreeEditorPage({ chrome, municipality, plan, period, tree, notice }: Props) {
  const { t, locale } = chrome;
  const m = municipality.slug;
  const addAction = planPaths.adminNodes(m, plan.key, period.number);
  return (
    <Layout
      chrome={chrome}
      wide
      title={`${t('admin.editTree')}: ${plan.name} ${periodTitle(period, locale)}`}
      crumbs={[
        { label: t('nav.admin'), href: '/admin' },
        { label: japanese(plan.name, ` ${periodTitle(period, locale)}`) },
      ]}
    >
      <h1>
        <Ja>{plan.name}</Ja> {periodTitle(period, locale)}
      </h1>
      <p class="muted">
        {formatFiscalYearSpan(period.fiscalYearStart, period.fiscalYearEnd, { locale })}　<a href={planPaths.period(m, plan.key, period.number)}>{t('admin.viewPublic')}</a>　
        <a href={planPaths.adminPeriodEdit(m, plan.key, period.number)}>{t('admin.editPeriod')}</a>
      </p>
      <Notice text={notice} />
      <h2>{t('admin.editTree')}</h2>
      {tree.length === 0 ? <p>{t('plan.noNodes')}</p> : null}
      <ol class="tree">
        {tree.map((node, i) => (
          <TreeItem chrome={chrome} m={m} node={node} period={period} index={i} count={tree.length} addAction={addAction} />
        ))}
      </ol>
      <AddForm chrome={chrome} action={addAction} parentId="" label={t('admin.addTop')} levelName={period.levels[0] ?? ''} />
      <StructureSection chrome={chrome} m={m} plan={plan.key} period={period.number} />
    </Layout>
  );
}
