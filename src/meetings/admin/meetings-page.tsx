import type { Translate } from '../../kernel/i18n/index.ts';
import { CaptionedTable } from '../../kernel/ui/captioned-table.tsx';
import { Layout, type Chrome, type Crumb } from '../../kernel/ui/layout.tsx';
import { formatDate } from '../../kernel/wareki/index.ts';
import type { Municipality, Ward } from '../../municipalities/queries.ts';
import { meetingPaths } from '../paths.ts';
import type { Meeting } from '../queries.ts';
import { Notice } from '../../kernel/ui/notice.tsx';
import { Ja } from '../../kernel/ui/japanese.tsx';
import { placeText } from '../../municipalities/names.ts';

/** Admin → the ward's meetings: the first crumbs of every meeting page. */
export function meetingsCrumbs(chrome: Pick<Chrome, 't' | 'locale'>, m: string, ward: Ward, ...more: Crumb[]): Crumb[] {
  const { t } = chrome;
  return [{ label: t('nav.admin'), href: '/admin' }, { label: t('meeting.listOf', { ward: placeText(chrome, ward) }), href: meetingPaths.list(m, ward.slug) }, ...more];
}

export function SharedBadge({ t, meeting }: { t: Translate; meeting: Meeting }) {
  return <span class={meeting.sharedAt ? 'status status--accepted' : 'status'}>{t(meeting.sharedAt ? 'meeting.shared' : 'meeting.notShared')}</span>;
}

type Props = { chrome: Chrome; municipality: Municipality; ward: Ward; meetings: Meeting[]; canManage: boolean; notice: string | null };

/** A ward's committee meetings: all of them for the secretariat, the shared ones for committee members. */
export function MeetingsPage({ chrome, municipality, ward, meetings, canManage, notice }: Props) {
  const { t, locale } = chrome;
  const m = municipality.slug;
  const title = t('meeting.listOf', { ward: placeText(chrome, ward) });
  return (
    <Layout chrome={chrome} title={title} crumbs={[{ label: t('nav.admin'), href: '/admin' }, { label: title }]}>
      <h1>{title}</h1>
      <Notice text={notice} />
      <p>{t(canManage ? 'meeting.lead' : 'meeting.leadCommittee')}</p>
      {canManage ? (
        <p class="actions">
          <a class="button" href={meetingPaths.new(m, ward.slug)}>
            {t('meeting.new')}
          </a>
        </p>
      ) : null}
      {meetings.length === 0 ? (
        <p>{t('meeting.none')}</p>
      ) : (
        <CaptionedTable
          caption={title}
          rows={meetings}
          columns={[
            {
              header: t('meeting.title'),
              cell: (meeting) => (
                <Ja>
                  <a href={meetingPaths.meeting(m, meeting.id)}>{meeting.title}</a>
                </Ja>
              ),
            },
            { header: t('meeting.date'), cell: (meeting) => formatDate(meeting.date, { locale, weekday: true }) },
            { header: t('meeting.venue'), cell: (meeting) => <Ja>{meeting.venue || '—'}</Ja> },
            { header: t('meeting.sharing'), cell: (meeting) => <SharedBadge t={t} meeting={meeting} /> },
          ]}
        />
      )}
    </Layout>
  );
}
