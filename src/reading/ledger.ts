/**
 * What became of each line: used by an item, ignored as layout noise (with the reason), or neither, which makes it
 * unrecognised. Nothing is dropped silently: every non-blank line ends in exactly one of the three.
 */
import type { Line } from './lines.ts';
import type { LineNote, UnrecognisedLine } from './interchange.ts';

type Fate = { kind: 'used' } | { kind: 'ignored'; reason: string };

export class Ledger {
  private readonly fates: (Fate | undefined)[];

  constructor(private readonly lines: readonly Line[]) {
    this.fates = new Array<Fate | undefined>(lines.length);
  }

  isFree(i: number): boolean {
    return this.fates[i] === undefined;
  }

  isIgnored(i: number): boolean {
    return this.fates[i]?.kind === 'ignored';
  }

  /** Marks lines from..to (indexes, inclusive) as used; blank lines stay blank. */
  use(from: number, to = from): void {
    for (let i = from; i <= to; i++) if (!this.lines[i]!.blank && this.fates[i] === undefined) this.fates[i] = { kind: 'used' };
  }

  ignore(i: number, reason: string): void {
    if (!this.lines[i]!.blank && this.fates[i] === undefined) this.fates[i] = { kind: 'ignored', reason };
  }

  ignored(): LineNote[] {
    const notes: LineNote[] = [];
    this.fates.forEach((fate, i) => {
      if (fate?.kind === 'ignored') notes.push({ line: i + 1, text: this.lines[i]!.raw, reason: fate.reason });
    });
    return notes;
  }

  unrecognised(hint: (i: number) => string | undefined): UnrecognisedLine[] {
    const out: UnrecognisedLine[] = [];
    this.lines.forEach((line, i) => {
      if (line.blank || this.fates[i] !== undefined) return;
      const h = hint(i);
      out.push(h === undefined ? { line: line.n, text: line.raw } : { line: line.n, text: line.raw, hint: h });
    });
    return out;
  }

  counts(): { lines: number; blank: number; used: number; ignored: number; unrecognised: number } {
    let blank = 0;
    let used = 0;
    let ignored = 0;
    this.lines.forEach((line, i) => {
      const fate = this.fates[i];
      if (line.blank) blank++;
      else if (fate?.kind === 'used') used++;
      else if (fate?.kind === 'ignored') ignored++;
    });
    return { lines: this.lines.length, blank, used, ignored, unrecognised: this.lines.length - blank - used - ignored };
  }
}
