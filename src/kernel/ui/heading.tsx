import type { Child } from 'hono/jsx';

/** A heading whose level follows the page's outline (h2…h6), so nested plan items keep headings in order. */
export function Heading({ level, children, id, class: className }: { level: number; children?: Child; id?: string; class?: string }) {
  const clamped = Math.min(Math.max(level, 1), 6);
  const attrs = { ...(id ? { id } : {}), ...(className ? { class: className } : {}) };
  switch (clamped) {
    case 1:
      return <h1 {...attrs}>{children}</h1>;
    case 2:
      return <h2 {...attrs}>{children}</h2>;
    case 3:
      return <h3 {...attrs}>{children}</h3>;
    case 4:
      return <h4 {...attrs}>{children}</h4>;
    case 5:
      return <h5 {...attrs}>{children}</h5>;
    default:
      return <h6 {...attrs}>{children}</h6>;
  }
}
