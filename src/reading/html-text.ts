/**
 * Small HTML → text conversion for what documents carry: table cells written as HTML (`<ul><li>…</li></ul>`,
 * `<p>&lt;取組目標1&gt;</p>`) and the HTML mammoth makes of a .docx. Not a general HTML parser: no scripts, no CSS.
 */

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: '　', hellip: '…', yen: '¥',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|<!--[\s\S]*?-->/g;
const BLOCK_TAGS = new Set(['p', 'div', 'li', 'br', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'blockquote']);

export function looksLikeHtml(text: string): boolean {
  return /<(?:p|ul|ol|li|br|div|span|table|tr|td|strong|em|b|i)\b[^>]*>/i.test(text);
}

/** The text of an HTML fragment, one line per block element (list item, paragraph), blank lines dropped. */
export function htmlToTextLines(html: string): string[] {
  const withBreaks = html.replace(TAG, (tag, name: string | undefined) =>
    name && BLOCK_TAGS.has(name.toLowerCase()) ? '\n' : '',
  );
  return decodeEntities(withBreaks)
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/u, '').replace(/^[ \t]+/u, ''))
    .filter((line) => line.trim() !== '');
}

/** An HTML table cell as text: its block lines joined with a space, or the text itself when it is no HTML. */
export function cellText(cell: string): string {
  return looksLikeHtml(cell) ? htmlToTextLines(cell).join(' ') : decodeEntities(cell).trim();
}

interface HtmlToken {
  tag?: string;
  closing?: boolean;
  text?: string;
}

function* tokens(html: string): Generator<HtmlToken> {
  let last = 0;
  for (const m of html.matchAll(TAG)) {
    if (m.index > last) yield { text: html.slice(last, m.index) };
    if (m[1]) yield { tag: m[1].toLowerCase(), closing: m[0].startsWith('</') };
    last = m.index + m[0].length;
  }
  if (last < html.length) yield { text: html.slice(last) };
}

/**
 * A whole HTML document (as mammoth writes a .docx) → lines: headings as `# …` (markdown, so the reader sees them
 * as headings), list items as `- …`, paragraphs alone with a blank line after, table rows as tab-separated cells.
 */
export function htmlDocumentToLines(html: string): string[] {
  const out: string[] = [];
  let buffer = '';
  let cells: string[] | null = null;
  let tableDepth = 0;
  const flushBlock = (prefix: string) => {
    const text = decodeEntities(buffer).replace(/\s+/g, ' ').trim();
    buffer = '';
    if (text === '') return;
    out.push(prefix + text, '');
  };
  let prefix = '';
  for (const token of tokens(html)) {
    if (token.text !== undefined) {
      buffer += token.text;
      continue;
    }
    const tag = token.tag!;
    if (tableDepth > 0 && (tag === 'td' || tag === 'th')) {
      if (token.closing) cells?.push(decodeEntities(buffer).replace(/\s+/g, ' ').trim());
      buffer = '';
      continue;
    }
    if (tag === 'table') {
      tableDepth += token.closing ? -1 : 1;
      if (token.closing && tableDepth === 0) out.push('');
      continue;
    }
    if (tag === 'tr') {
      if (!token.closing) cells = [];
      else if (cells) {
        while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
        if (cells.length > 0) out.push(cells.join('\t'));
        cells = null;
      }
      continue;
    }
    if (tableDepth > 0) {
      if (tag === 'p' || tag === 'br' || tag === 'li') buffer += ' ';
      continue;
    }
    const heading = /^h([1-6])$/.exec(tag);
    if (heading || tag === 'p' || tag === 'li') {
      if (token.closing) flushBlock(prefix);
      else {
        flushBlock(prefix);
        prefix = heading ? `${'#'.repeat(Number(heading[1]))} ` : tag === 'li' ? '- ' : '';
      }
    } else if (tag === 'br') buffer += '\n';
  }
  flushBlock(prefix);
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}
