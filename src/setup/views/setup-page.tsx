import { CsrfField, ErrorSummary, Select, TextArea, TextInput, type FieldErrors } from '../../kernel/ui/forms.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { municipalityKinds } from '../../municipalities/queries.ts';
import { setupPaths } from '../paths.ts';

/** What the form shows again after a mistake (never the password nor its confirmation). */
export type SetupValues = { municipalityName: string; municipalityRomanisedName: string; slug: string; prefecture: string; kind: string; wards: string; login: string; displayName: string };

export const emptySetup: SetupValues = { municipalityName: '', municipalityRomanisedName: '', slug: '', prefecture: '', kind: 'designated_city', wards: '', login: '', displayName: '' };

/** The first start without the demo: the municipality, its wards and the first administrator, on one page. */
export function SetupPage({ chrome, values, errors }: { chrome: Chrome; values: SetupValues; errors: FieldErrors }) {
  const { t } = chrome;
  return (
    <Layout chrome={chrome} title={t('setup.title')} crumbs={[{ label: t('nav.home'), href: '/' }, { label: t('setup.title') }]}>
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.lead')}</p>
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action={setupPaths.setup} novalidate>
        <CsrfField token={chrome.csrfToken} />
        <fieldset>
          <legend>{t('setup.municipality')}</legend>
          <TextInput name="municipalityName" label={t('setup.municipalityName')} hint={t('setup.municipalityNameHint')} value={values.municipalityName} error={errors['municipalityName']} required />
          <TextInput name="municipalityRomanisedName" label={t('setup.romanisedName')} hint={t('setup.romanisedNameHint')} value={values.municipalityRomanisedName} error={errors['municipalityRomanisedName']} autocomplete="off" />
          <TextInput name="slug" label={t('setup.slug')} hint={t('setup.slugHint')} value={values.slug} error={errors['slug']} autocomplete="off" required />
          <TextInput name="prefecture" label={t('setup.prefecture')} hint={t('setup.prefectureHint')} value={values.prefecture} error={errors['prefecture']} required />
          <Select name="kind" label={t('setup.kind')} value={values.kind} options={municipalityKinds.map((kind): [string, string] => [kind, t(`setup.kind.${kind}`)])} error={errors['kind']} />
          <TextArea name="wards" label={t('setup.wards')} hint={t('setup.wardsHint')} value={values.wards} error={errors['wards']} rows={6} />
        </fieldset>
        <fieldset>
          <legend>{t('setup.admin')}</legend>
          <TextInput name="login" label={t('setup.login')} value={values.login} error={errors['login']} autocomplete="username" required />
          <TextInput name="displayName" label={t('setup.displayName')} value={values.displayName} error={errors['displayName']} required />
          <TextInput name="password" type="password" label={t('setup.password')} hint={t('account.passwordHint')} value="" error={errors['password']} autocomplete="new-password" required />
          <TextInput name="passwordConfirmation" type="password" label={t('setup.passwordConfirmation')} value="" error={errors['passwordConfirmation']} autocomplete="new-password" required />
        </fieldset>
        <div class="actions">
          <button type="submit" class="button">
            {t('setup.submit')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
