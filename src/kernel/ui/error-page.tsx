import type { Chrome } from './layout.tsx';
import { Layout } from './layout.tsx';

export function ErrorPage({ chrome, title, body }: { chrome: Chrome; title: string; body: string }) {
  return (
    <Layout chrome={chrome} title={title}>
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <a href="/">{chrome.t('error.backHome')}</a>
      </p>
    </Layout>
  );
}
