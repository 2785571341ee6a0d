import type { Translate } from '../../kernel/i18n/index.ts';
import { ConflictNotice } from '../../kernel/ui/conflict.tsx';
import { CsrfField, ErrorSummary, SaveOrMoreRows, TextArea, TextInput, WarekiInput, type FieldErrors } from '../../kernel/ui/forms.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import type { Municipality, Ward } from '../../municipalities/queries.ts';
import type { AgendaRowValues, MeetingValues } from '../inputs.ts';
import { meetingPaths } from '../paths.ts';
import { meetingsCrumbs } from './meetings-page.tsx';

/** What is saved now, field by field, and who saved it when, when someone else saved the meeting first. */
export type MeetingConflict = { rows: [string, string][]; savedBy: { who: string; when: string } };

type Props = {
  chrome: Chrome;
  municipality: Municipality;
  ward: Ward;
  /** null: a new meeting; else the meeting being edited and the version the form was read at. */
  editing: { id: string; version: number } | null;
  values: MeetingValues;
  errors: FieldErrors;
  conflict?: MeetingConflict | null;
};

function AgendaRow({ t, index, row, errors }: { t: Translate; index: number; row: AgendaRowValues; errors: FieldErrors }) {
  const name = (part: string) => `agenda-${index}-${part}`;
  return (
    <fieldset class="repeat">
      <legend>{t('meeting.agenda.row', { n: index + 1 })}</legend>
      <TextArea name={name('title')} label={t('meeting.agenda.item')} value={row.title} error={errors[name('title')]} rows={2} />
      <TextInput name={name('speaker')} label={t('meeting.agenda.speaker')} value={row.speaker} error={errors[name('speaker')]} />
      <TextInput name={name('materials')} label={t('meeting.agenda.materials')} hint={t('meeting.agenda.materialsHint')} value={row.materials} error={errors[name('materials')]} />
    </fieldset>
  );
}

/** Creating or editing a meeting: its details and its 次第, line by line (blank lines are not kept). */
export function MeetingFormPage({ chrome, municipality, ward, editing, values, errors, conflict = null }: Props) {
  const { t } = chrome;
  const m = municipality.slug;
  const title = t(editing ? 'meeting.edit' : 'meeting.new');
  const action = editing ? meetingPaths.meeting(m, editing.id) : meetingPaths.list(m, ward.slug);
  return (
    <Layout chrome={chrome} title={title} crumbs={meetingsCrumbs(chrome, m, ward, { label: title })}>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} />
      {conflict ? <ConflictNotice t={t} rows={conflict.rows} savedBy={conflict.savedBy} /> : null}
      <form method="post" action={action} novalidate>
        <CsrfField token={chrome.csrfToken} />
        {editing ? <input type="hidden" name="version" value={String(editing.version)} /> : null}
        <TextInput name="title" label={t('meeting.title')} hint={t('meeting.titleHint')} value={values.title} error={errors['title']} />
        <WarekiInput t={t} kind="date" name="date" label={t('meeting.date')} hint={t('meeting.dateHint')} value={values.date} error={errors['date']} />
        <TextInput name="startTime" label={t('meeting.startTime')} hint={t('meeting.timeHint')} value={values.startTime} error={errors['startTime']} />
        <TextInput name="endTime" label={t('meeting.endTime')} hint={t('meeting.timeHint')} value={values.endTime} error={errors['endTime']} />
        <TextInput name="venue" label={t('meeting.venue')} value={values.venue} error={errors['venue']} />
        <h2>{t('meeting.agenda')}</h2>
        <p>{t('meeting.agenda.lead')}</p>
        {values.agenda.map((row, index) => (
          <AgendaRow t={t} index={index} row={row} errors={errors} />
        ))}
        <TextArea name="notes" label={t('meeting.notes')} value={values.notes} error={errors['notes']} rows={3} />
        <SaveOrMoreRows t={t} save={t('admin.save')} more={t('meeting.agenda.more')} cancelHref={editing ? meetingPaths.meeting(m, editing.id) : meetingPaths.list(m, ward.slug)} />
      </form>
    </Layout>
  );
}
