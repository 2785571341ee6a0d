import { CsrfField, ErrorSummary, FormActions, TextInput, type FieldErrors } from '../../kernel/ui/forms.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { Notice } from '../../kernel/ui/notice.tsx';

export function LoginPage({ chrome, login, next, errors, notice = null }: { chrome: Chrome; login: string; next: string; errors: FieldErrors; notice?: string | null }) {
  const { t } = chrome;
  return (
    <Layout chrome={chrome} title={t('login.title')} crumbs={[{ label: t('nav.home'), href: '/' }, { label: t('login.title') }]}>
      <h1>{t('login.title')}</h1>
      <Notice text={notice} />
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action="/login" novalidate>
        <CsrfField token={chrome.csrfToken} />
        <input type="hidden" name="next" value={next} />
        <TextInput name="login" label={t('login.login')} value={login} error={errors['login']} autocomplete="username" required />
        <TextInput name="password" type="password" label={t('login.password')} value="" error={errors['password']} autocomplete="current-password" required />
        <FormActions t={t} label={t('login.submit')} />
      </form>
    </Layout>
  );
}
