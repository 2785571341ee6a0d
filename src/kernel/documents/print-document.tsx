import { readFileSync } from 'node:fs';
import type { Child } from 'hono/jsx';

/** The app's stylesheet with the print font on top, inlined: the print loads nothing, from the server or elsewhere. */
const stylesheet = ['../ui/assets/site.css', './print.css'].map((file) => readFileSync(new URL(file, import.meta.url), 'utf8')).join('\n');

/** A document for renderPdf: the page's content without the site around it. */
export function PrintDocument({ lang, title, children }: { lang: string; title: string; children?: Child }) {
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: stylesheet }} />
      </head>
      <body>
        <main class="container">{children}</main>
      </body>
    </html>
  );
}
