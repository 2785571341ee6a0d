import type { Child } from 'hono/jsx';

/** One column: its heading and what each row shows under it. */
export type Column<Row> = {
  header: string;
  cell: (row: Row, index: number) => Child;
  /** The cell names its row (a row header); on a narrow screen it is the card's title. */
  rowHeader?: true;
  /** The cell's class, e.g. `node__body` for text shown as written. */
  class?: string;
};

type Props<Row> = {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  /** Shown above the table (a table of its own section); by default read out only, the page heading says it. */
  captionVisible?: boolean;
};

/**
 * A data table with its caption and column headings. On a narrow screen each row becomes a card and each cell shows
 * its column's heading above it (the `data-label` the stylesheet writes out), so no column is squeezed and nothing
 * scrolls sideways; printed, it stays a table.
 */
export function CaptionedTable<Row>({ caption, columns, rows, captionVisible = false }: Props<Row>) {
  return (
    <table class="data-table">
      <caption {...(captionVisible ? {} : { class: 'visually-hidden' })}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col">{column.header}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr>
            {columns.map((column) =>
              column.rowHeader ? (
                <th scope="row" class={column.class}>
                  {column.cell(row, index)}
                </th>
              ) : (
                <td data-label={column.header} class={column.class}>
                  {column.cell(row, index)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
