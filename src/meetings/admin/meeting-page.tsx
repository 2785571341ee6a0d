import { DOCX_CONTENT_TYPE } from '../../kernel/documents/docx.ts';
import type { Translate } from '../../kernel/i18n/index.ts';
import { CaptionedTable, type Column } from '../../kernel/ui/captioned-table.tsx';
import { PostButton, SwitchButton } from '../../kernel/ui/forms.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import type { Municipality, Ward } from '../../municipalities/queries.ts';
import { meetingWhen } from '../handout/handout-view.tsx';
import { meetingPaths } from '../paths.ts';
import type { Material, MeetingRecord } from '../queries.ts';
import { materialKinds } from '../schema.ts';
import { meetingsCrumbs, SharedBadge } from './meetings-page.tsx';
import { Notice } from '../../kernel/ui/notice.tsx';
import { contentLangOf, Ja, japanese } from '../../kernel/ui/japanese.tsx';

type Props = {
  chrome: Chrome;
  municipality: Municipality;
  ward: Ward;
  record: MeetingRecord;
  canManage: boolean;
  notice: string | null;
  /** Why a button did not go through (someone changed the meeting first, a material already at the top …). */
  refusal?: string | null;
};

function MaterialActions({ t, m, csrf, record, material, index }: { t: Translate; m: string; csrf: string; record: MeetingRecord; material: Material; index: number }) {
  const id = record.meeting.id;
  const version = String(record.meeting.version);
  const move = (direction: 'up' | 'down', label: string) => (
    <PostButton action={meetingPaths.moveMaterial(m, id, material.id)} csrf={csrf} label={label} fields={{ version, direction }} ariaLabel={`${material.number} ${label}`} />
  );
  return (
    <div class="actions">
      {index > 0 ? move('up', t('meeting.material.up')) : null}
      {index < record.materials.length - 1 ? move('down', t('meeting.material.down')) : null}
      <a href={meetingPaths.editMaterial(m, id, material.id)} aria-label={`${material.number} ${t('meeting.material.edit')}`}>
        {t('meeting.material.edit')}
      </a>
      <PostButton
        action={meetingPaths.deleteMaterial(m, id, material.id)}
        csrf={csrf}
        label={t('meeting.material.delete')}
        fields={{ version }}
        ariaLabel={`${material.number} ${t('meeting.material.delete')}`}
        confirm={t('meeting.material.deleteConfirm', { number: material.number })}
      />
    </div>
  );
}

function Materials({ t, m, csrf, record, canManage }: { t: Translate; m: string; csrf: string; record: MeetingRecord; canManage: boolean }) {
  if (record.materials.length === 0) return <p>{t('meeting.material.none')}</p>;
  const columns: Column<Material>[] = [
    { header: t('meeting.material.number'), cell: (material) => <Ja>{material.number}</Ja> },
    { header: t('meeting.material.title'), cell: (material) => <Ja>{material.title}</Ja> },
    { header: t('meeting.material.kind'), cell: (material) => t(`meeting.material.kind.${material.kind}`) },
  ];
  const actions: Column<Material> = {
    header: t('meeting.material.actions'),
    cell: (material, index) => <MaterialActions t={t} m={m} csrf={csrf} record={record} material={material} index={index} />,
  };
  return <CaptionedTable caption={t('meeting.materials')} rows={record.materials} columns={canManage ? [...columns, actions] : columns} />;
}

/** Why a button did not go through, where focus lands when the page comes back. */
export function RefusalNotice({ t, refusal }: { t: Translate; refusal: string | null }) {
  if (!refusal) return null;
  return (
    <div class="warning" role="alert" tabindex={-1} data-autofocus>
      <h2>{t('meeting.refused.title')}</h2>
      <p>{refusal}</p>
    </div>
  );
}

/** One meeting: its details, 次第 and materials; for the secretariat the buttons that prepare and share it. */
export function MeetingPage({ chrome, municipality, ward, record, canManage, notice, refusal = null }: Props) {
  const { t, locale } = chrome;
  const m = municipality.slug;
  const { meeting } = record;
  const csrf = chrome.csrfToken;
  const version = String(meeting.version);
  return (
    <Layout chrome={chrome} title={meeting.title} crumbs={meetingsCrumbs(chrome, m, ward, { label: japanese(meeting.title) })}>
      <h1>
        <Ja>{meeting.title}</Ja>
      </h1>
      <Notice text={notice} />
      <RefusalNotice t={t} refusal={refusal} />
      <dl class="meta">
        <dt>{t('meeting.when')}</dt>
        <dd>{meetingWhen(meeting, { t, locale })}</dd>
        <dt>{t('meeting.venue')}</dt>
        <dd>
          <Ja>{meeting.venue || '—'}</Ja>
        </dd>
        <dt>{t('meeting.sharing')}</dt>
        <dd>
          <SharedBadge t={t} meeting={meeting} />
        </dd>
      </dl>
      {canManage ? (
        <p class="actions">
          <a href={meetingPaths.edit(m, meeting.id)}>{t('meeting.edit')}</a>
          <a href={meetingPaths.delete(m, meeting.id)}>{t('meeting.delete')}</a>
        </p>
      ) : null}
      <h2>{t('meeting.agenda')}</h2>
      {record.agenda.length === 0 ? (
        <p>{t('meeting.agenda.none')}</p>
      ) : (
        <CaptionedTable
          caption={t('meeting.agenda')}
          rows={record.agenda}
          columns={[
            { header: t('meeting.agenda.item'), class: 'node__body', cell: (line) => <Ja>{line.title}</Ja> },
            { header: t('meeting.agenda.speakerHeading'), cell: (line) => <Ja>{line.speaker ?? ''}</Ja> },
            { header: t('meeting.agenda.materialsHeading'), cell: (line) => <Ja>{line.materials.join('・')}</Ja> },
          ]}
        />
      )}
      {meeting.notes ? (
        <p class="node__body" lang={contentLangOf(chrome.locale)}>
          {meeting.notes}
        </p>
      ) : null}
      <h2>{t('meeting.materials')}</h2>
      <Materials t={t} m={m} csrf={csrf} record={record} canManage={canManage} />
      {canManage ? (
        <p class="actions">
          {materialKinds.map((kind) => (
            <a class="button button--secondary" href={`${meetingPaths.newMaterial(m, meeting.id)}?kind=${kind}`}>
              {t(`meeting.material.add.${kind}`)}
            </a>
          ))}
        </p>
      ) : null}
      <h2>{t('meeting.download')}</h2>
      <p class="actions">
        <a class="button" href={meetingPaths.pdf(m, meeting.id)} type="application/pdf">
          {t('meeting.download.pdf')}
        </a>
        <a class="button button--secondary" href={meetingPaths.docx(m, meeting.id)} type={DOCX_CONTENT_TYPE}>
          {t('meeting.download.docx')}
        </a>
        <a href={meetingPaths.handout(m, meeting.id)}>{t('meeting.download.html')}</a>
      </p>
      {canManage ? (
        <>
          <h2>{t('meeting.sharing')}</h2>
          <p>{t(meeting.sharedAt ? 'meeting.share.sharedHint' : 'meeting.share.hint')}</p>
          <SwitchButton action={meetingPaths.share(m, meeting.id)} csrf={csrf} version={version} field="shared" on={meeting.sharedAt !== null} turnOn={t('meeting.share')} turnOff={t('meeting.unshare')} />
        </>
      ) : null}
    </Layout>
  );
}
