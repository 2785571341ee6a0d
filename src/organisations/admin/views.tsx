import type { Translate } from '../../kernel/i18n/index.ts';
import { CsrfField, ErrorSummary, FormActions, Select, TextArea, TextInput, type FieldErrors } from '../../kernel/ui/forms.tsx';
import { ConflictNotice } from '../../kernel/ui/conflict.tsx';
import { CaptionedTable } from '../../kernel/ui/captioned-table.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import type { Municipality, Ward } from '../../municipalities/queries.ts';
import { organisationPaths } from '../paths.ts';
import type { Organisation } from '../queries.ts';
import { organisationKinds } from '../schema.ts';
import { Ja } from '../../kernel/ui/japanese.tsx';

export type OrganisationFormValues = {
  version: number;
  name: string;
  kind: string;
  wardId: string;
  aliases: string;
  collective: boolean;
  description: string;
  contactEmail: string;
};

export function valuesOfOrganisation(o: Organisation): OrganisationFormValues {
  return {
    version: o.version,
    name: o.name,
    kind: o.kind,
    wardId: o.wardId ?? '',
    aliases: o.aliases.join('\n'),
    collective: o.collective,
    description: o.description ?? '',
    contactEmail: o.contactEmail ?? '',
  };
}

export const emptyOrganisation = (wardId: string): OrganisationFormValues => ({
  version: 0,
  name: '',
  kind: 'npo',
  wardId,
  aliases: '',
  collective: false,
  description: '',
  contactEmail: '',
});

function wardName(wards: Ward[], id: string | null, t: Translate): string {
  return wards.find((w) => w.id === id)?.name ?? t('registry.wholeCity');
}

export function RegistryPage({ chrome, municipality, wards, organisations }: { chrome: Chrome; municipality: Municipality; wards: Ward[]; organisations: Organisation[] }) {
  const { t } = chrome;
  const m = municipality.slug;
  return (
    <Layout chrome={chrome} title={t('registry.title')} crumbs={[{ label: t('nav.admin'), href: '/admin' }, { label: t('registry.title') }]}>
      <h1>{t('registry.title')}</h1>
      <p>
        <a class="button" href={organisationPaths.adminNew(m)}>
          {t('registry.add')}
        </a>
      </p>
      <CaptionedTable
        caption={t('registry.title')}
        rows={organisations}
        columns={[
          {
            header: t('field.name'),
            cell: (o) => (
              <Ja>
                <a href={organisationPaths.adminEdit(m, o.key)}>{o.name}</a>
              </Ja>
            ),
          },
          { header: t('org.kind'), cell: (o) => t(`org.kind.${o.kind}`) },
          { header: t('home.wards'), cell: (o) => (o.wardId ? <Ja>{wardName(wards, o.wardId, t)}</Ja> : t('registry.wholeCity')) },
          { header: t('org.aliases'), cell: (o) => <Ja>{o.aliases.join('、')}</Ja> },
        ]}
      />
    </Layout>
  );
}

type FormProps = {
  chrome: Chrome;
  municipality: Municipality;
  wardChoices: Ward[];
  allowWholeCity: boolean;
  organisation: Organisation | null;
  values: OrganisationFormValues;
  errors: FieldErrors;
  conflict: Organisation | null;
};

export function OrganisationFormPage({ chrome, municipality, wardChoices, allowWholeCity, organisation, values, errors, conflict }: FormProps) {
  const { t } = chrome;
  const m = municipality.slug;
  const title = organisation ? `${t('registry.edit')}：${organisation.name}` : t('registry.add');
  const wardOptions: [string, string][] = [...(allowWholeCity ? [['', t('registry.wholeCity')] as [string, string]] : []), ...wardChoices.map((w) => [w.id, w.name] as [string, string])];
  return (
    <Layout chrome={chrome} title={title} crumbs={[{ label: t('nav.admin'), href: '/admin' }, { label: t('registry.title'), href: organisationPaths.adminList(m) }, { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} />
      {conflict ? (
        <ConflictNotice
          t={t}
          rows={[
            [t('field.name'), conflict.name],
            [t('org.kind'), t(`org.kind.${conflict.kind}`)],
            [t('org.aliases'), conflict.aliases.join('、')],
            [t('field.description'), conflict.description ?? ''],
            [t('registry.contactEmail'), conflict.contactEmail ?? ''],
          ]}
        />
      ) : null}
      <form method="post" action={organisation ? organisationPaths.adminOne(m, organisation.key) : organisationPaths.adminList(m)} novalidate>
        <CsrfField token={chrome.csrfToken} />
        <input type="hidden" name="version" value={String(values.version)} />
        <TextInput name="name" label={t('field.name')} value={values.name} error={errors['name']} />
        <Select name="kind" label={t('org.kind')} value={values.kind} error={errors['kind']} options={organisationKinds.map((k) => [k, t(`org.kind.${k}`)])} />
        <Select name="wardId" label={t('home.wards')} value={values.wardId} error={errors['wardId']} options={wardOptions} />
        <TextArea name="aliases" label={t('registry.aliasesHint')} value={values.aliases} error={errors['aliases']} rows={3} />
        <div class="field">
          <input type="checkbox" id="field-collective" name="collective" value="on" checked={values.collective} />{' '}
          <label for="field-collective" class="inline-label">
            {t('registry.collective')}
          </label>
        </div>
        <TextArea name="description" label={t('field.description')} value={values.description} error={errors['description']} rows={3} />
        <TextInput name="contactEmail" type="email" autocomplete="email" label={t('registry.contactEmail')} hint={t('registry.contactEmailHint')} value={values.contactEmail} error={errors['contactEmail']} />
        <FormActions t={t} cancelHref={organisationPaths.adminList(m)} />
      </form>
    </Layout>
  );
}
