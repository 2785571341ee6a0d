import type { Chrome } from '../ui/layout.tsx';
import { Layout } from '../ui/layout.tsx';
import { pdfUnavailableText, type Attempt } from './printing-browser.ts';

/**
 * Answers a PDF download when no browser can print: what is missing, how to install it, and the same document as Word
 * (every PDF download has its Word twin beside it, `….pdf` and `….docx`).
 */
export function PdfUnavailablePage({ chrome, attempts, wordHref }: { chrome: Chrome; attempts: readonly Attempt[]; wordHref: string }) {
  const { t } = chrome;
  const text = pdfUnavailableText(t, attempts);
  return (
    <Layout chrome={chrome} title={text.title}>
      <h1>{text.title}</h1>
      <p>{text.reason}</p>
      <p>
        {t('pdf.unavailable.word')} <a href={wordHref}>{t('pdf.unavailable.wordLink')}</a>
      </p>
      <h2>{t('pdf.unavailable.tried')}</h2>
      <ul>
        {text.attempts.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
      <h2>{t('pdf.unavailable.install')}</h2>
      <ul>
        {text.install.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
    </Layout>
  );
}
