import { renderPdf } from '../../kernel/documents/pdf.ts';
import { PrintDocument } from '../../kernel/documents/print-document.tsx';
import type { Locale, Translate } from '../../kernel/i18n/index.ts';
import { handoutPhotos, type Handout, type Photo } from './handout.ts';
import { HandoutBody, handoutCss, type PhotoUrl } from './handout-view.tsx';

/** The handout as a document for Chromium to print: the app's print stylesheet plus the handout's own rules. */
export function HandoutPrint({ handout, t, locale, photoUrl }: { handout: Handout; t: Translate; locale: Locale; photoUrl: PhotoUrl }) {
  return (
    <PrintDocument lang={locale} title={handout.cover.title}>
      <style dangerouslySetInnerHTML={{ __html: handoutCss }} />
      <HandoutBody handout={handout} words={{ t, locale }} photoUrl={photoUrl} />
    </PrintDocument>
  );
}

/** Each photo as a file beside the printed document (see renderPdf). */
const printedPhotoUrl: PhotoUrl = (photo) => `${photo.id}.${photo.contentType === 'image/png' ? 'png' : 'jpg'}`;

/** A4, page numbers in the footer beside the meeting's title; the photos as files beside the document. */
export function renderHandoutPdf(handout: Handout, t: Translate, locale: Locale, chromiumPath: string | null = null): Promise<Buffer> {
  const html = `<!doctype html>${(<HandoutPrint handout={handout} t={t} locale={locale} photoUrl={printedPhotoUrl} />).toString()}`;
  const resources = new Map(handoutPhotos(handout).map((photo: Photo) => [printedPhotoUrl(photo), photo.bytes]));
  return renderPdf(html, { footerText: handout.cover.title, resources, chromiumPath });
}
