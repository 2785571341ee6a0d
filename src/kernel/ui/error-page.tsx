import type { Chrome } from './layout.tsx';
import { Layout } from './layout.tsx';

/** `reference`: for an unexpected error, the request id the error's log line carries, for the reader to quote. */
export function ErrorPage({ chrome, title, body, reference }: { chrome: Chrome; title: string; body: string; reference?: string }) {
  return (
    <Layout chrome={chrome} title={title}>
      <h1>{title}</h1>
      <p>{body}</p>
      {reference ? <p>{chrome.t('error.server.reference', { id: reference })}</p> : null}
      <p>
        <a href="/">{chrome.t('error.backHome')}</a>
      </p>
    </Layout>
  );
}
