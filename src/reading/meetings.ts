/**
 * Meeting headers: a title naming a meeting, then 日時 (date, and the time on the same or next line), 会場, 出席者,
 * and the 次第: numbered items (speaker after the item: 開会の挨拶 区長 …), 議題N under them, 資料N under those.
 */
import { findAll, parseTimeRange } from '../kernel/wareki/index.ts';
import type { AgendaItem, Meeting } from './interchange.ts';
import { RecordBlock, type ParseState } from './state.ts';
import { endsSentence, splitOutsideBrackets } from './text.ts';
import { MEETING_WORDS, SPEAKER_ROLE } from './vocabulary.ts';

const FIELD = /^[【［]?(?<name>日時|開催日時|開催日|日程|時間|会場|場所|開催場所|出席者|出席委員|欠席者|欠席委員)[】］]?[\s\u3000]*[:：][\s\u3000]*(?<value>.*)$/u;
const AGENDA_LABEL = /^[【［]?(?:会議)?次第[】］]?$/u;
const TOP_ITEM = /^(?<num>[0-9０-９]{1,2})[\s\u3000.．、]+(?<title>\S.*)$/u;
const BRACKETED_ITEM = /^(?<num>[（(][0-9０-９]{1,2}[)）])[\s\u3000]*(?<title>\S.*)$/u;
const SUB_ITEM = /^(?<kind>議題|報告|協議|議事|審議)[\s\u3000]*(?<num>[0-9０-９]{1,2})[\s\u3000:：.．]*(?<title>.*)$/u;
const MATERIAL = /^(?<code>資料[\s\u3000]*[0-9０-９]+(?:[-－][0-9０-９]+)?)[\s\u3000:：]*(?<title>.*)$/u;

function ascii(text: string): string {
  return text.normalize('NFKC').replace(/[\s()]/gu, '');
}

/** 開会の挨拶 区長 権藤 由紀子 → title 開会の挨拶, speaker 区長 権藤 由紀子. */
export function splitSpeaker(text: string): { title: string; speaker?: string } {
  const words = text.split(/[\s\u3000]+/u);
  const k = words.findIndex((w, n) => n > 0 && SPEAKER_ROLE.test(w));
  return k > 0 ? { title: words.slice(0, k).join(' '), speaker: words.slice(k).join(' ') } : { title: text };
}

export function meetingTrigger(s: ParseState, i: number): number | null {
  const line = s.line(i);
  if (line.cells || line.width > 60 || endsSentence(line.t) || !MEETING_WORDS.test(line.t) || FIELD.test(line.t)) return null;
  let k = i + 1;
  for (let seen = 0; k < s.lines.length && seen < 6; k++) {
    if (s.line(k).blank) continue;
    if (/^[【［]?(?:日時|開催日時|開催日)/u.test(s.line(k).t)) break;
    seen++;
  }
  if (k >= s.lines.length || !/^[【［]?(?:日時|開催日時|開催日)/u.test(s.line(k).t)) return null;
  const meeting: Meeting = { title: line.t, date: null, start: null, end: null, venue: null, agenda: [], materials: [], sourceLines: s.range(i) };
  s.meetings.push(meeting);
  s.take(meeting, i);
  s.block = new MeetingBlock(s, meeting, i);
  return i + 1;
}

class MeetingBlock extends RecordBlock<Meeting> {
  private agenda = false;

  accept(i: number): number | null {
    const s = this.s;
    if (s.gap(this.last, i) > 3 || s.line(i).cells || !this.read(s.line(i).t)) return null;
    s.take(this.record, i);
    this.last = i;
    return i + 1;
  }

  private read(text: string): boolean {
    const field = FIELD.exec(text)?.groups;
    if (field) return this.field(field['name']!, field['value']!);
    if (this.record.date && !this.record.start && this.time(text)) return true;
    if (AGENDA_LABEL.test(text)) return (this.agenda = true);
    return this.agenda && this.agendaItem(text);
  }

  private field(name: string, value: string): boolean {
    if (/会場|場所/u.test(name)) this.record.venue = value;
    else if (/出席/u.test(name)) this.record['attendees'] = splitOutsideBrackets(value, '、，,');
    else if (/欠席/u.test(name)) this.record['absentees'] = splitOutsideBrackets(value, '、，,');
    else this.dateAndTime(value);
    return true;
  }

  private dateAndTime(value: string): void {
    const date = findAll(value).find((m) => m.result.ok && m.result.value.kind === 'date');
    if (date?.result.ok && date.result.value.kind === 'date') {
      this.record.date = date.result.value.date;
      this.record['fiscalYear'] = date.result.value.fiscalYear;
      this.time(value.slice(date.index + date.text.length));
    } else this.time(value);
  }

  private time(text: string): boolean {
    const range = parseTimeRange(text.replace(/^[\s\u3000（(][日月火水木金土][）)]/u, '').trim());
    if (!range.ok) return false;
    this.record.start = range.value.start;
    this.record.end = range.value.end ?? null;
    return true;
  }

  private agendaItem(text: string): boolean {
    const material = MATERIAL.exec(text)?.groups;
    const last = this.record.agenda.at(-1);
    if (material) {
      const code = ascii(material['code']!);
      last?.materials.push(code);
      this.record.materials.push({ code, title: material['title']!.trim() });
      return true;
    }
    const parent = [...this.record.agenda].reverse().find((a) => a.parent === undefined);
    const sub = SUB_ITEM.exec(text)?.groups;
    const bracketed = BRACKETED_ITEM.exec(text)?.groups;
    if ((sub || bracketed) && parent) {
      const number = sub ? sub['kind']! + ascii(sub['num']!) : bracketed!['num']!.normalize('NFKC');
      this.push({ number, title: (sub ?? bracketed)!['title']!.trim(), materials: [], parent: parent.number ?? '' });
      return true;
    }
    const top = TOP_ITEM.exec(text)?.groups;
    if (!top) return false;
    this.push({ number: ascii(top['num']!), ...splitSpeaker(top['title']!.trim()), materials: [] });
    return true;
  }

  /** An agenda item, with the 資料N its title cites in brackets. */
  private push(item: AgendaItem): void {
    for (const m of item.title.matchAll(/資料[\s\u3000]*[0-9０-９]+(?:[-－][0-9０-９]+)?/gu)) item.materials.push(ascii(m[0]));
    this.record.agenda.push(item);
  }
}
