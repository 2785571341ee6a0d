import { changedFields, type AuditEvent } from '../../kernel/audit/queries.ts';
import type { MessageKey, Translate } from '../../kernel/i18n/index.ts';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { CaptionedTable } from '../../kernel/ui/captioned-table.tsx';
import { nodeLabel, type NodeInContext } from '../queries.ts';
import { nodeCrumbs } from './node-form.tsx';

const actionNames: Record<string, MessageKey> = {
  create: 'history.action.create',
  update: 'history.action.update',
  delete: 'history.action.delete',
  move_up: 'history.action.moveUp',
  move_down: 'history.action.moveDown',
  move_indent: 'history.action.indent',
  move_outdent: 'history.action.outdent',
};

function actionNameOf(t: Translate, action: string): string {
  const key = actionNames[action];
  return key ? t(key) : action;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 1);
}

function Changes({ t, event }: { t: Translate; event: AuditEvent }) {
  return (
    <dl class="meta">
      {changedFields(event.before, event.after).map((change) => (
        <>
          <dt>{change.field}</dt>
          <dd>
            <span class="visually-hidden">{t('history.before')}</span>
            <pre>{show(change.before)}</pre>
            <span aria-hidden="true">↓</span>
            <span class="visually-hidden">{t('history.after')}</span>
            <pre class="changed">{show(change.after)}</pre>
          </dd>
        </>
      ))}
    </dl>
  );
}

export function NodeHistoryPage({ chrome, m, context, events, formatTime }: { chrome: Chrome; m: string; context: NodeInContext; events: AuditEvent[]; formatTime: (d: Date) => string }) {
  const { t } = chrome;
  const { period, node } = context;
  const label = nodeLabel(node, period.levels, node.depth);
  return (
    <Layout
      chrome={chrome}
      title={`${t('admin.history')}: ${label}`}
      crumbs={nodeCrumbs(chrome, m, context, { label: t('admin.history') })}
    >
      <h1>
        {t('admin.history')}：{label}
      </h1>
      {events.length === 0 ? <p>{t('history.empty')}</p> : null}
      <CaptionedTable
        caption={t('admin.history')}
        rows={events}
        columns={[
          { header: t('history.when'), cell: (event) => formatTime(event.at) },
          { header: t('history.who'), cell: (event) => event.actorName },
          { header: t('history.action'), cell: (event) => actionNameOf(t, event.action) },
          { header: t('history.changes'), cell: (event) => <Changes t={t} event={event} /> },
        ]}
      />
    </Layout>
  );
}
