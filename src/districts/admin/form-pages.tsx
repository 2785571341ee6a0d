import type { Child } from 'hono/jsx';
import type { Translate } from '../../kernel/i18n/index.ts';
import { ConflictNotice } from '../../kernel/ui/conflict.tsx';
import { CsrfField, ErrorSummary, FormActions, PostButton, SaveOrMoreRows, Select, TextArea, TextInput, WarekiInput, type FieldErrors } from '../../kernel/ui/forms.tsx';
import { Ja, LabelText } from '../../kernel/ui/japanese.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { placeName, placeText } from '../../municipalities/names.ts';
import type { District, Municipality, Ward } from '../../municipalities/queries.ts';
import { flattenTree } from '../../plans/queries.ts';
import type { ActivityValues, DetailsValues, MemberValues, MilestoneValues, PlanValues, StatisticValues } from '../inputs.ts';
import { districtPaths } from '../paths.ts';
import { activityKinds, milestoneKinds, teamOrganisations } from '../queries.ts';
import type { DistrictPlanView } from '../views/district-parts.tsx';
import { adminCrumbs } from './district-admin-page.tsx';

/** Where a form stands: the district, what someone else saved first (field by field), the problems to show. */
export type FormFrame = { chrome: Chrome; municipality: Municipality; ward: Ward; district: District; errors: FieldErrors; conflict: [string, string][] | null };

function FormLayout({ frame, title, action, version, lead, children, after }: { frame: FormFrame; title: string; action: string; version?: number; lead?: string; children: Child; after?: Child }) {
  const { chrome, municipality, ward, district, errors, conflict } = frame;
  const { t } = chrome;
  return (
    <Layout chrome={chrome} title={`${title}（${placeText(chrome, district)}）`} crumbs={[...adminCrumbs(chrome, municipality, ward, district), { label: title }]}>
      <h1>{title}</h1>
      <p class="muted">
        <LabelText label={placeName(chrome, district)} />
      </p>
      {lead ? <p>{lead}</p> : null}
      <ErrorSummary t={t} errors={errors} />
      {conflict ? <ConflictNotice t={t} rows={conflict} /> : null}
      <form method="post" action={action} novalidate>
        <CsrfField token={chrome.csrfToken} />
        {version === undefined ? null : <input type="hidden" name="version" value={String(version)} />}
        {children}
      </form>
      {after}
    </Layout>
  );
}

const back = (frame: FormFrame) => districtPaths.admin(frame.municipality.slug, frame.ward.slug, frame.district.slug);
const path = (frame: FormFrame, of: (m: string, w: string, d: string) => string) => of(frame.municipality.slug, frame.ward.slug, frame.district.slug);

export function DetailsFormPage({ frame, version, values }: { frame: FormFrame; version: number; values: DetailsValues }) {
  const { t } = frame.chrome;
  return (
    <FormLayout frame={frame} title={t('district.details.edit')} action={path(frame, districtPaths.details)} version={version}>
      <TextInput name="associationArea" label={t('district.area')} hint={t('district.areaHint')} value={values.associationArea} error={frame.errors['associationArea']} />
      <TextArea name="description" label={t('district.description')} value={values.description} error={frame.errors['description']} rows={6} lang="ja" />
      <FormActions t={t} cancelHref={back(frame)} />
    </FormLayout>
  );
}

function organisationOptions(t: Translate): [string, string][] {
  return [['', '—'], ...teamOrganisations.map((o): [string, string] => [o, t(`district.organisation.${o}`)])];
}

export function TeamFormPage({ frame, version, rows }: { frame: FormFrame; version: number; rows: MemberValues[] }) {
  const { t } = frame.chrome;
  const { errors } = frame;
  return (
    <FormLayout frame={frame} title={t('district.team.edit')} action={path(frame, districtPaths.team)} version={version} lead={t('district.team.lead.hint')}>
      {rows.map((row, index) => {
        const name = (part: string) => `member-${index}-${part}`;
        return (
          <fieldset class="repeat">
            <legend>{t('district.team.row', { n: index + 1 })}</legend>
            <Select name={name('organisation')} label={t('district.team.organisation')} value={row.organisation} options={organisationOptions(t)} error={errors[name('organisation')]} />
            <TextInput name={name('unit')} label={t('district.team.unit')} hint={t('district.team.unitHint')} value={row.unit} error={errors[name('unit')]} />
            <TextInput name={name('name')} label={t('district.team.name')} value={row.name} error={errors[name('name')]} />
            <div class={errors[name('lead')] ? 'field field--error' : 'field'}>
              {errors[name('lead')] ? (
                <p class="field__error" id={`error-${name('lead')}`}>
                  {errors[name('lead')]}
                </p>
              ) : null}
              <input type="checkbox" id={`field-${name('lead')}`} name={name('lead')} value="1" checked={row.lead === '1'} />{' '}
              <label for={`field-${name('lead')}`}>{t('district.team.lead.label')}</label>
            </div>
          </fieldset>
        );
      })}
      <SaveOrMoreRows t={t} save={t('admin.save')} more={t('district.team.more')} cancelHref={back(frame)} />
    </FormLayout>
  );
}

export function StatisticsFormPage({ frame, version, rows }: { frame: FormFrame; version: number; rows: StatisticValues[] }) {
  const { t } = frame.chrome;
  const { errors } = frame;
  return (
    <FormLayout frame={frame} title={t('district.statistics.edit')} action={path(frame, districtPaths.statistics)} version={version} lead={t('district.statistics.lead')}>
      {rows.map((row, index) => {
        const name = (part: string) => `stat-${index}-${part}`;
        return (
          <fieldset class="repeat">
            <legend>{t('district.statistics.row', { n: index + 1 })}</legend>
            <WarekiInput t={t} kind="fiscalYear" name={name('fiscalYear')} label={t('district.statistics.fiscalYear')} hint={t('district.statistics.fiscalYearHint')} value={row.fiscalYear} error={errors[name('fiscalYear')]} />
            <TextInput name={name('item')} label={t('district.statistics.item')} value={row.item} error={errors[name('item')]} />
            <TextInput name={name('value')} label={t('district.statistics.value')} value={row.value} error={errors[name('value')]} />
            <TextInput name={name('unit')} label={t('district.statistics.unit')} value={row.unit} error={errors[name('unit')]} />
          </fieldset>
        );
      })}
      <SaveOrMoreRows t={t} save={t('admin.save')} more={t('district.team.more')} cancelHref={back(frame)} />
    </FormLayout>
  );
}

export function MilestonesFormPage({ frame, version, values }: { frame: FormFrame; version: number; values: MilestoneValues }) {
  const { t } = frame.chrome;
  return (
    <FormLayout frame={frame} title={t('district.milestones.edit')} action={path(frame, districtPaths.milestones)} version={version} lead={t('district.milestones.lead')}>
      {milestoneKinds.map((kind) => {
        const milestone = t(`district.milestone.${kind}`);
        return (
          <fieldset class="repeat">
            <legend>{milestone}</legend>
            <WarekiInput t={t} kind="date" name={`${kind}-date`} label={t('district.milestone.date', { milestone })} hint={t('district.dateHint')} value={values[kind].date} error={frame.errors[`${kind}-date`]} />
            <TextInput name={`${kind}-note`} label={t('district.milestone.note', { milestone })} value={values[kind].note} error={frame.errors[`${kind}-note`]} />
          </fieldset>
        );
      })}
      <FormActions t={t} cancelHref={back(frame)} />
    </FormLayout>
  );
}

export function PlanFormPage({ frame, values }: { frame: FormFrame; values: PlanValues }) {
  const { t } = frame.chrome;
  const { errors } = frame;
  return (
    <FormLayout frame={frame} title={t('district.plan.new')} action={path(frame, districtPaths.plan)} lead={t('district.plan.lead')}>
      <TextInput name="name" label={t('district.plan.name')} value={values.name} error={errors['name']} />
      <TextArea name="slogan" label={t('district.plan.slogan')} value={values.slogan} error={errors['slogan']} rows={3} lang="ja" />
      <WarekiInput t={t} kind="fiscalYear" name="fiscalYearStart" label={t('district.plan.fiscalYearStart')} hint={t('district.statistics.fiscalYearHint')} value={values.fiscalYearStart} error={errors['fiscalYearStart']} />
      <WarekiInput t={t} kind="fiscalYear" name="fiscalYearEnd" label={t('district.plan.fiscalYearEnd')} hint={t('district.statistics.fiscalYearHint')} value={values.fiscalYearEnd} error={errors['fiscalYearEnd']} />
      <FormActions t={t} label={t('district.plan.create')} cancelHref={back(frame)} />
    </FormLayout>
  );
}

function TargetChoices({ t, plan, chosen, error }: { t: Translate; plan: DistrictPlanView | null; chosen: string[]; error: string | undefined }) {
  const nodes = plan ? flattenTree(plan.nodes) : [];
  return (
    <fieldset id="field-targets" class={error ? 'field field--error' : undefined}>
      <legend>{t('district.activity.targets')}</legend>
      <p class="field__hint">{nodes.length === 0 ? t('district.activity.noPlanTargets') : t('district.activity.targetsHint')}</p>
      {error ? <p class="field__error">{error}</p> : null}
      {nodes.length > 0 ? (
        <ul class="checkboxes">
          {nodes.map((node) => (
            <li>
              <input type="checkbox" id={`target-${node.id}`} name="targets" value={node.id} checked={chosen.includes(node.id)} />{' '}
              <label for={`target-${node.id}`}>
                {node.depth > 0 ? '　'.repeat(node.depth) : ''}
                <Ja>{node.title}</Ja>
              </label>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}

/** Recording an activity, or correcting one (`editing`: its id and the version the form was read at). */
export function ActivityFormPage({ frame, editing, values, plan }: { frame: FormFrame; editing: { id: string; version: number } | null; values: ActivityValues; plan: DistrictPlanView | null }) {
  const { t } = frame.chrome;
  const { errors } = frame;
  const [m, w, d] = [frame.municipality.slug, frame.ward.slug, frame.district.slug];
  const action = editing ? districtPaths.activity(m, w, d, editing.id) : districtPaths.activities(m, w, d);
  const remove = editing ? (
    <PostButton
      action={districtPaths.deleteActivity(m, w, d, editing.id)}
      csrf={frame.chrome.csrfToken}
      label={t('district.activity.delete')}
      fields={{ version: String(editing.version) }}
      className="button button--danger"
      confirm={t('district.activity.deleteConfirm')}
    />
  ) : null;
  return (
    <FormLayout frame={frame} title={t(editing ? 'district.activity.edit' : 'district.activity.new')} action={action} version={editing?.version} after={remove}>
      <WarekiInput t={t} kind="date" name="date" label={t('district.activity.date')} hint={t('district.dateHint')} value={values.date} error={errors['date']} />
      <Select name="kind" label={t('district.activity.kind')} value={values.kind} options={activityKinds.map((k) => [k, t(`district.activityKind.${k}`)])} error={errors['kind']} />
      <TextInput name="title" label={t('district.activity.title')} value={values.title} error={errors['title']} />
      <TextInput name="participants" label={t('district.activity.participants')} hint={t('district.activity.participantsHint')} value={values.participants} error={errors['participants']} />
      <TextArea name="notes" label={t('district.activity.notes')} value={values.notes} error={errors['notes']} rows={4} lang="ja" />
      <TargetChoices t={t} plan={plan} chosen={values.targets} error={errors['targets']} />
      <p class="muted">{t('district.activity.photos')}</p>
      <FormActions t={t} cancelHref={back(frame)} />
    </FormLayout>
  );
}

/** The secretariat's list of its ward's districts, each with what it still lacks. */
export function WardDistrictsAdminPage({ chrome, municipality, ward, rows }: { chrome: Chrome; municipality: Municipality; ward: Ward; rows: { district: District; next: number; activities: number }[] }) {
  const { t } = chrome;
  const title = t('district.admin.wardTitle', { ward: placeText(chrome, ward) });
  return (
    <Layout chrome={chrome} title={title} crumbs={[{ label: t('nav.admin'), href: '/admin' }, { label: title }]}>
      <h1>{title}</h1>
      <p>
        <a href={districtPaths.ward(municipality.slug, ward.slug)}>{t('district.admin.publicPage')}</a>
      </p>
      {rows.length === 0 ? <p>{t('district.none')}</p> : null}
      <ul>
        {rows.map(({ district, next, activities }) => (
          <li>
            <a href={districtPaths.admin(municipality.slug, ward.slug, district.slug)}>
              <LabelText label={placeName(chrome, district)} />
            </a>
            <span class="muted">　{t('district.admin.wardRow', { activities, next })}</span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
