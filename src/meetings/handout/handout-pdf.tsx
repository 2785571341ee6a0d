import { renderPdf } from '../../kernel/documents/pdf.ts';
import { PrintDocument } from '../../kernel/documents/print-document.tsx';
import type { Locale, Translate } from '../../kernel/i18n/index.ts';
import type { Handout } from './handout.ts';
import { HandoutBody, handoutCss } from './handout-view.tsx';

/** The handout as a document for Chromium to print: the app's print stylesheet plus the handout's own rules. */
export function HandoutPrint({ handout, t, locale }: { handout: Handout; t: Translate; locale: Locale }) {
  return (
    <PrintDocument lang={locale} title={handout.cover.title}>
      <style dangerouslySetInnerHTML={{ __html: handoutCss }} />
      <HandoutBody handout={handout} words={{ t, locale }} />
    </PrintDocument>
  );
}

/** A4, page numbers in the footer beside the meeting's title. */
export function renderHandoutPdf(handout: Handout, t: Translate, locale: Locale): Promise<Buffer> {
  const html = `<!doctype html>${(<HandoutPrint handout={handout} t={t} locale={locale} />).toString()}`;
  return renderPdf(html, { footerText: handout.cover.title });
}
