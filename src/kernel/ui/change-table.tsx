import type { Translate } from '../i18n/index.ts';
import { CaptionedTable } from './captioned-table.tsx';
import { diffText, type DiffPart } from './text-diff.ts';

/** What a field held, as a person reads it: a text, or a list of entries (keywords, owners' names). */
export type ShownValue = { text: string } | { list: string[] };

/** One changed field under its label, before and after (either is absent when the record was created or deleted). */
export type FieldChange = { label: string; before: ShownValue | null; after: ShownValue | null };

type Side = 'before' | 'after';

function Marked({ t, part }: { t: Translate; part: DiffPart }) {
  if (part.kind === 'same') return <>{part.text}</>;
  const Mark = part.kind === 'removed' ? 'del' : 'ins';
  return (
    <Mark>
      <span class="visually-hidden">{t(part.kind === 'removed' ? 'history.removed' : 'history.added')}</span>
      {part.text}
    </Mark>
  );
}

/** A text with the characters the other side lacks marked: removed ones on the before side, added ones after. */
function TextSide({ t, side, before, after }: { t: Translate; side: Side; before: string; after: string }) {
  const hidden = side === 'before' ? 'added' : 'removed';
  return (
    <pre>
      {diffText(before, after)
        .filter((part) => part.kind !== hidden)
        .map((part) => (
          <Marked t={t} part={part} />
        ))}
    </pre>
  );
}

/** A list with the entries the other side lacks marked as removed (before) or added (after). */
function ListSide({ t, side, items, other }: { t: Translate; side: Side; items: string[]; other: string[] }) {
  const kept = new Set(other);
  return (
    <ul class="change-list">
      {items.map((item) => (
        <li>{kept.has(item) ? item : <Marked t={t} part={{ kind: side === 'before' ? 'removed' : 'added', text: item }} />}</li>
      ))}
    </ul>
  );
}

function isEmpty(value: ShownValue): boolean {
  return ('text' in value ? value.text === '' : value.list.length === 0);
}

/** One side of a change, the characters (or entries) the other side lacks marked: a cell of a 新旧対照表. */
export function ChangeSide({ t, change, side }: { t: Translate; change: FieldChange; side: Side }) {
  const shown = change[side];
  if (shown === null || isEmpty(shown)) return <>{t('history.none')}</>;
  const other = change[side === 'before' ? 'after' : 'before'];
  if ('list' in shown) return <ListSide t={t} side={side} items={shown.list} other={other && 'list' in other ? other.list : []} />;
  const otherText = other && 'text' in other ? other.text : '';
  const [before, after] = side === 'before' ? [shown.text, otherText] : [otherText, shown.text];
  return <TextSide t={t} side={side} before={before} after={after} />;
}

/** A 新旧対照表: each changed field by its label, what it held before and after, the changed characters marked. */
export function ChangeTable({ t, caption, changes }: { t: Translate; caption: string; changes: FieldChange[] }) {
  return (
    <CaptionedTable
      caption={caption}
      rows={changes}
      columns={[
        { header: t('history.field'), rowHeader: true, cell: (change) => change.label },
        { header: t('history.before'), cell: (change) => <ChangeSide t={t} change={change} side="before" /> },
        { header: t('history.after'), cell: (change) => <ChangeSide t={t} change={change} side="after" /> },
      ]}
    />
  );
}
