import { ConflictNotice } from '../../kernel/ui/conflict.tsx';
import { CsrfField, ErrorSummary, FormActions, TextInput, type FieldErrors } from '../../kernel/ui/forms.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { Notice } from '../../kernel/ui/notice.tsx';
import { placeName, placeText } from '../names.ts';
import { municipalityPaths } from '../paths.ts';
import { LabelText } from '../../kernel/ui/japanese.tsx';
import type { Municipality, Ward } from '../queries.ts';

/** The form's fields as typed (or as saved), the version they were read at. */
export type ContactFormValues = { version: number; department: string; phone: string; email: string };

export const valuesOfWard = (ward: Ward): ContactFormValues => ({
  version: ward.version,
  department: ward.contactDepartment ?? '',
  phone: ward.contactPhone ?? '',
  email: ward.contactEmail ?? '',
});

type Props = { chrome: Chrome; municipality: Municipality; ward: Ward; values: ContactFormValues; errors: FieldErrors; conflict: Ward | null; notice: string | null };

/** The ward secretariat sets the 問い合わせ先 its public pages end with. */
export function ContactPage({ chrome, municipality, ward, values, errors, conflict, notice }: Props) {
  const { t } = chrome;
  const title = t('contact.title', { ward: placeText(chrome, ward) });
  const action = municipalityPaths.adminContact(municipality.slug, ward.slug);
  return (
    <Layout chrome={chrome} title={title} crumbs={[{ label: t('nav.admin'), href: '/admin' }, { label: title }]}>
      <h1>{title}</h1>
      <Notice text={notice} />
      <p>{t('contact.lead')}</p>
      <ErrorSummary t={t} errors={errors} />
      {conflict ? (
        <ConflictNotice
          t={t}
          rows={[
            [t('contact.department'), conflict.contactDepartment ?? ''],
            [t('contact.phone'), conflict.contactPhone ?? ''],
            [t('contact.email'), conflict.contactEmail ?? ''],
          ]}
        />
      ) : null}
      <form method="post" action={action} novalidate>
        <CsrfField token={chrome.csrfToken} />
        <input type="hidden" name="version" value={String(conflict?.version ?? values.version)} />
        <TextInput name="department" label={t('contact.department')} hint={t('contact.departmentHint')} value={values.department} error={errors['department']} />
        <TextInput name="phone" label={t('contact.phone')} hint={t('contact.phoneHint')} value={values.phone} error={errors['phone']} type="tel" autocomplete="tel" />
        <TextInput name="email" label={t('contact.email')} value={values.email} error={errors['email']} type="email" autocomplete="email" />
        <FormActions t={t} cancelHref="/admin" />
      </form>
      <p>
        <a href={municipalityPaths.ward(municipality.slug, ward.slug)}>
          <LabelText label={placeName(chrome, ward)} />
        </a>
      </p>
    </Layout>
  );
}
