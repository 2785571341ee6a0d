import type { Child } from 'hono/jsx';

type Props = {
  caption: string;
  columns: string[];
  /** Shown above the table (a table of its own section); by default read out only, the page heading says it. */
  captionVisible?: boolean;
  /** One more class on the scrolling box, for a page's own table styles. */
  boxClass?: string;
  children?: Child;
};

/** A data table with its caption and column headings, in a box that scrolls sideways on narrow screens. */
export function CaptionedTable({ caption, columns, captionVisible = false, boxClass, children }: Props) {
  return (
    <div class={boxClass ? `table-scroll ${boxClass}` : 'table-scroll'}>
      <table>
        <caption {...(captionVisible ? {} : { class: 'visually-hidden' })}>{caption}</caption>
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
