/** A piece the import's pages share: a table with a caption and column headings. */
import type { Child } from 'hono/jsx';

export function CaptionedTable({ caption, columns, children }: { caption: string; columns: string[]; children?: Child }) {
  return (
    <div class="table-scroll">
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col">{column}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
