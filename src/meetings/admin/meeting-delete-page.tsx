import { CsrfField, FormActions } from '../../kernel/ui/forms.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { formatDate } from '../../kernel/wareki/index.ts';
import type { Municipality, Ward } from '../../municipalities/queries.ts';
import { meetingPaths } from '../paths.ts';
import type { MeetingRecord } from '../queries.ts';
import { RefusalNotice } from './meeting-page.tsx';
import { meetingsCrumbs } from './meetings-page.tsx';
import { japanese } from '../../kernel/ui/japanese.tsx';

type Props = {
  chrome: Chrome;
  municipality: Municipality;
  ward: Ward;
  /** The meeting as saved now: its version is the one the deletion will check. */
  record: MeetingRecord;
  /** Why the last attempt deleted nothing (someone changed the meeting in between). */
  refusal?: string | null;
};

/**
 * Asks before a meeting goes, without JavaScript: what goes with it (its 次第 and N materials), and whether the
 * committee can read it now. The form carries the version read here, so a change made meanwhile stops the deletion.
 */
export function MeetingDeletePage({ chrome, municipality, ward, record, refusal = null }: Props) {
  const { t, locale } = chrome;
  const m = municipality.slug;
  const { meeting } = record;
  const title = t('meeting.delete');
  return (
    <Layout chrome={chrome} title={`${title}：${meeting.title}`} crumbs={meetingsCrumbs(chrome, m, ward, { label: japanese(meeting.title), href: meetingPaths.meeting(m, meeting.id) }, { label: title })}>
      <h1>{title}</h1>
      <RefusalNotice t={t} refusal={refusal} />
      <p>{t('meeting.delete.question', { meeting: meeting.title, date: formatDate(meeting.date, { locale }), count: record.materials.length })}</p>
      {meeting.sharedAt ? (
        <div class="warning">
          <p>{t('meeting.delete.shared')}</p>
        </div>
      ) : null}
      {record.materials.length > 0 ? (
        <ul>
          {record.materials.map((material) => (
            <li>
              {material.number} {material.title}
            </li>
          ))}
        </ul>
      ) : null}
      <form method="post" action={meetingPaths.delete(m, meeting.id)}>
        <CsrfField token={chrome.csrfToken} />
        <input type="hidden" name="version" value={String(meeting.version)} />
        <FormActions t={t} cancelHref={meetingPaths.meeting(m, meeting.id)} label={t('meeting.delete.confirm')} look="danger" />
      </form>
    </Layout>
  );
}
