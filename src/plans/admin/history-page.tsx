import { changedFields, type AuditEvent } from '../../kernel/audit/queries.ts';
import type { MessageKey, Translate } from '../../kernel/i18n/index.ts';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { ChangeTable, type FieldChange, type ShownValue } from '../../kernel/ui/change-table.tsx';
import { nodeLabel, type NodeInContext } from '../queries.ts';
import type { NodeSection, SituationItem } from '../schema.ts';
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

/** Names an owner (an organisation id in the audit snapshot) for the reader. */
export type OwnerName = (organisationId: string) => string;

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function situationText(value: unknown): string {
  return ((value ?? []) as SituationItem[]).map((item) => [item.heading && `■ ${item.heading}`, item.body].filter(Boolean).join('\n')).join('\n');
}

function sectionsText(value: unknown): string {
  return ((value ?? []) as NodeSection[])
    .map((section) => [section.title, ...section.items.map((item) => `・${item.heading ? `${item.heading}：` : ''}${item.body}`)].join('\n'))
    .join('\n');
}

/**
 * The fields of a node's audit snapshot a reader sees, each under its form label and shown as it reads. The position
 * in the tree (parentId, position) is what a move's action name says; the import's source reference is not shown.
 */
function nodeFields(t: Translate, ownerName: OwnerName): Record<string, { label: string; show: (value: unknown) => ShownValue }> {
  const text = (value: unknown): ShownValue => ({ text: typeof value === 'string' ? value : '' });
  return {
    code: { label: t('field.code'), show: text },
    title: { label: t('field.title'), show: text },
    description: { label: t('field.description'), show: text },
    situation: { label: t('field.situation'), show: (value) => ({ text: situationText(value) }) },
    vision: { label: t('field.vision'), show: text },
    keywords: { label: t('history.field.keywords'), show: (value) => ({ list: texts(value) }) },
    examples: { label: t('history.field.examples'), show: (value) => ({ list: texts(value) }) },
    sections: { label: t('history.field.sections'), show: (value) => ({ text: sectionsText(value) }) },
    ownerIds: { label: t('field.owners'), show: (value) => ({ list: texts(value).map(ownerName) }) },
  };
}

function changesOf(t: Translate, ownerName: OwnerName, event: AuditEvent): FieldChange[] {
  const fields = nodeFields(t, ownerName);
  return changedFields(event.before, event.after).flatMap(({ field, before, after }) => {
    const shown = fields[field];
    if (!shown) return [];
    return [{ label: shown.label, before: event.before ? shown.show(before) : null, after: event.after ? shown.show(after) : null }];
  });
}

/** The owners' organisation ids a node's history names, to look their names up once. */
export function ownerIdsIn(events: AuditEvent[]): string[] {
  const snapshots = events.flatMap((event) => [event.before, event.after]) as ({ ownerIds?: unknown } | null)[];
  return [...new Set(snapshots.flatMap((snapshot) => texts(snapshot?.ownerIds)))];
}

type Props = { chrome: Chrome; m: string; context: NodeInContext; events: AuditEvent[]; ownerName: OwnerName; formatTime: (d: Date) => string };

export function NodeHistoryPage({ chrome, m, context, events, ownerName, formatTime }: Props) {
  const { t } = chrome;
  const { period, node } = context;
  const label = nodeLabel(node, period.levels, node.depth);
  return (
    <Layout
      chrome={chrome}
      title={`${t('admin.history')}: ${label}`}
      crumbs={nodeCrumbs(chrome, m, context, { label: t('admin.history') })}
    >
      <h1>{t('admin.historyOf', { item: label })}</h1>
      {events.length === 0 ? <p>{t('history.empty')}</p> : null}
      {events.map((event) => {
        const heading = t('history.event', { when: formatTime(event.at), action: actionNameOf(t, event.action), who: event.actorName });
        const changes = changesOf(t, ownerName, event);
        return (
          <section>
            <h2>{heading}</h2>
            {changes.length > 0 ? <ChangeTable t={t} caption={heading} changes={changes} /> : null}
          </section>
        );
      })}
    </Layout>
  );
}
