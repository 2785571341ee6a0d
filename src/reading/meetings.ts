/**
 * Meeting headers: a title naming a meeting (or a 会議名 field), then its fields — 日時 / 開催日時 (date, and the time
 * on the same or next line), 場所 / 会場, 出席者, 欠席者, 事務局 — and the 次第 / 議題 / 議事: numbered items (speaker
 * after the item: 開会の挨拶 区長 …), nested by how they are numbered (1, (1), ①, ア, 議題N), 資料N under them.
 * A field is written `日時：…`, `開催日時 | … |` (a web table row), `○ 開催日時 …` or with its value on the next line.
 */
import { findAll, parseTimeRange } from '../kernel/wareki/index.ts';
import type { AgendaItem, Meeting } from './interchange.ts';
import { nextNonBlank } from './lines.ts';
import { RecordBlock, type ParseState } from './state.ts';
import { endsSentence, splitOutsideBrackets } from './text.ts';
import { MEETING_WORDS, SPEAKER_ROLE } from './vocabulary.ts';

type FieldKind = 'title' | 'date' | 'time' | 'venue' | 'attendees' | 'absentees' | 'secretariat' | 'observers' | 'agenda';
type ListKind = 'attendees' | 'absentees' | 'secretariat';

const LABELS: Readonly<Record<FieldKind, readonly string[]>> = {
  title: ['会議名称', '会議名', '会議体の名称'],
  date: ['開催日時', '開催日', '日時', '日程'],
  time: ['時間'],
  venue: ['開催場所', '会場', '場所'],
  attendees: ['出席者氏名', '出席者', '出席委員'],
  absentees: ['欠席者氏名', '欠席者', '欠席委員'],
  secretariat: ['事務局等', '事務局'],
  observers: ['傍聴者人数', '傍聴者数', '傍聴者', '傍聴人'],
  agenda: ['会議次第', '次第', '議題', '議事'],
};

/** A label as printed: its characters may be spaced out to fill a table cell (開 催 日 時). */
function spaced(label: string): string {
  return [...label].join('[\\s\\u3000]*');
}

const LABEL_SOURCE = Object.values(LABELS).flat().sort((a, b) => b.length - a.length).map(spaced).join('|');

/**
 * `[marker] label[(note)] separator value`: the marker is ○, ■, a list number (1. / 1 / (1)); the separator a colon,
 * a table's `|`, spaces, or nothing when the value is on the next line.
 */
const FIELD = new RegExp(
  '^(?:[○◯●■◆・•][\\s\\u3000]*|[0-9０-９]{1,2}[.．)）]?[\\s\\u3000]*|[（(][0-9０-９]{1,2}[)）][\\s\\u3000]*)?' +
    `[【［<＜]?(?<label>${LABEL_SOURCE})[】］>＞]?(?:[\\s\\u3000]*[（(][^）)]{1,8}[）)])?` +
    '(?:[\\s\\u3000]*[:：|｜][\\s\\u3000]*|[\\s\\u3000]+|$)(?<value>.*)$',
  'u',
);

const TABLE_RULE = /^[\s\u3000|｜:：\-－ー]+$/u;
const WEEKDAY = /^[\s\u3000]*[（(][日月火水木金土](?:曜日?)?(?:[・･][^）)]{1,2})?[）)]/u;

interface Field {
  kind: FieldKind;
  value: string;
}

export function readField(text: string): Field | null {
  const m = FIELD.exec(text)?.groups;
  if (!m) return null;
  const label = m['label']!.replace(/[\s\u3000]/gu, '');
  const kind = (Object.keys(LABELS) as FieldKind[]).find((k) => LABELS[k].includes(label))!;
  return { kind, value: m['value']!.replace(/[\s\u3000|｜]+$/u, '').trim() };
}

/** How an agenda item is numbered: items numbered alike are siblings; a new way nests under the item above. */
const ITEM_FORMS: readonly (readonly [string, RegExp])[] = [
  ['kind', /^(?<num>(?:議題|報告|協議|議事|審議)[\s\u3000]*[0-9０-９]{1,2})[\s\u3000:：.．]*(?<title>.*)$/u],
  ['bracketed', /^(?<num>[（(][0-9０-９]{1,2}[)）])[\s\u3000]*(?<title>\S.*)$/u],
  ['digit', /^(?<num>[0-9０-９]{1,2})(?:[\s\u3000.．、]+|[)）][\s\u3000]*)(?<title>\S.*)$/u],
  ['circled', /^(?<num>[①-⑳])[\s\u3000]*(?<title>\S.*)$/u],
  ['kana', /^(?<num>[ア-ン])[\s\u3000.．、)）]+(?<title>\S.*)$/u],
];
const MATERIAL = /^[【［]?(?<code>資料[\s\u3000]*[0-9０-９]+(?:[-－−][0-9０-９]+)?(?:[〜～~][0-9０-９]+)?)[】］]?[\s\u3000:：]*(?<title>.*)$/u;

function ascii(text: string): string {
  return text.normalize('NFKC').replace(/[\s]/gu, '');
}

/** 開会の挨拶 区長 権藤 由紀子 → title 開会の挨拶, speaker 区長 権藤 由紀子. */
export function splitSpeaker(text: string): { title: string; speaker?: string } {
  const words = text.split(/[\s\u3000]+/u);
  const k = words.findIndex((w, n) => n > 0 && SPEAKER_ROLE.test(w));
  return k > 0 ? { title: words.slice(0, k).join(' '), speaker: words.slice(k).join(' ') } : { title: text };
}

/** A short line that is not a sentence: what stands between a meeting's title and its fields (a page's header). */
function isHeaderLine(s: ParseState, i: number): boolean {
  const line = s.line(i);
  return !line.cells && line.width <= 60 && !endsSentence(line.t);
}

/** The index of the date field within the next lines when only header lines stand before it. */
function dateFieldAfter(s: ParseState, i: number): number | null {
  for (let k = i + 1, seen = 0; k < s.lines.length && seen <= 8; k++) {
    if (s.line(k).blank || !s.ledger.isFree(k)) continue;
    if (readField(s.line(k).t)?.kind === 'date') return k;
    if (!isHeaderLine(s, k)) return null;
    seen++;
  }
  return null;
}

export function meetingTrigger(s: ParseState, i: number): number | null {
  if (s.block instanceof MeetingBlock && s.block.inHeader) return null;
  const line = s.line(i);
  if (!isHeaderLine(s, i)) return null;
  const field = readField(line.t);
  if (field ? field.kind !== 'title' : !MEETING_WORDS.test(line.t)) return null;
  if (dateFieldAfter(s, i) === null) return null;
  const at = field?.value === '' ? nextNonBlank(s.lines, i + 1) : i;
  if (at !== i && readField(s.line(at).t)) return null;
  const title = field?.value || s.line(at).t;
  const meeting: Meeting = { title, date: null, start: null, end: null, venue: null, agenda: [], materials: [], sourceLines: s.range(i) };
  s.meetings.push(meeting);
  s.take(meeting, i, at);
  s.block = new MeetingBlock(s, meeting, at, field !== null);
  return at + 1;
}

class MeetingBlock extends RecordBlock<Meeting> {
  /** The field whose value the next line holds (`開催日時` alone on its line), or the list the lines continue. */
  private pending: FieldKind | null;
  private agenda = false;
  private fields = false;
  /** The numbering forms in the order they appeared, and the last item of each depth. */
  private forms: string[] = [];
  private lastAt: AgendaItem[] = [];

  constructor(s: ParseState, record: Meeting, last: number, private readonly titledByField: boolean) {
    super(s, record, last);
    this.pending = titledByField ? 'title' : null;
  }

  /** Between the title and the first field: lines there that are no field stay unrecognised. */
  get inHeader(): boolean {
    return !this.fields;
  }

  accept(i: number): number | null {
    const s = this.s;
    const line = s.line(i);
    if (s.gap(this.last, i) > 3 || line.cells) return null;
    if (this.read(line.t)) s.take(this.record, i);
    else if (!TABLE_RULE.test(line.t) && !(this.inHeader && isHeaderLine(s, i))) return null;
    this.last = i;
    return i + 1;
  }

  /** The next item of a 次第 right under the last one is the meeting's before any other reading of it. */
  acceptFirst(i: number): number | null {
    for (let j = this.last + 1; j < i; j++) if (!this.s.line(j).blank) return null;
    return this.agenda ? this.accept(i) : null;
  }

  /** The 次第 is the last of a meeting's fields: what follows its items is the minutes, not another field. */
  private read(text: string): boolean {
    if (this.agenda) return this.agendaLine(text);
    const field = readField(text);
    if (field) return this.field(field);
    if (this.pending) return this.continueField(this.pending, text);
    return this.record.date !== null && !this.record.start && this.time(text);
  }

  private field({ kind, value }: Field): boolean {
    if (kind === 'title' && this.fields) return false;
    this.fields ||= kind !== 'title';
    this.pending = kind === 'title' || (value === '' && kind !== 'agenda') ? kind : null;
    this.agenda = kind === 'agenda';
    if (value !== '') this.value(kind, value);
    return true;
  }

  /** A line after a field: its value, the next entry of a list, or the rest of a title broken over two lines. */
  private continueField(kind: FieldKind, text: string): boolean {
    if (!isList(kind)) this.pending = null;
    if (isList(kind) && (endsSentence(text) || text.length > 200)) return false;
    if (kind === 'title' && endsSentence(text)) return false;
    this.value(kind, text);
    return true;
  }

  private value(kind: FieldKind, value: string): void {
    if (kind === 'title') this.name(value);
    else if (kind === 'venue') this.record.venue = value;
    else if (kind === 'observers') this.record['observers'] = value;
    else if (kind === 'agenda') for (const item of inlineItems(value)) this.agendaItem(item) || this.addItem('', null, item);
    else if (isList(kind)) this.addToList(kind, value);
    else if (kind === 'time') this.time(value);
    else this.dateAndTime(value);
  }

  /**
   * 会議名 and the line continuing it: the title of a meeting it opens; under a heading that named the meeting
   * (平成27年度第5回…審議会), the body the meeting is of.
   */
  private name(value: string): void {
    const key = this.titledByField ? 'title' : 'body';
    this.record[key] = this.record[key] ? `${this.record[key] as string} ${value}` : value;
  }

  private addToList(kind: ListKind, value: string): void {
    const list = (this.record[kind] ??= []) as string[];
    list.push(...listedPeople(value.replace(/^[•・]\s*/u, '')));
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
    const range = parseTimeRange(text.replace(WEEKDAY, '').trim());
    if (!range.ok) return false;
    this.record.start = range.value.start;
    this.record.end = range.value.end ?? null;
    return true;
  }

  /** A line of the 次第: one item, or several written on one line (【資料1】 4.選出 5.諮問 (1)概要について). */
  private agendaLine(text: string): boolean {
    const pieces = inlineItems(text);
    if (!pieces.every(isAgendaPiece)) return false;
    for (const piece of pieces) this.agendaItem(piece);
    return true;
  }

  private agendaItem(text: string): boolean {
    const material = MATERIAL.exec(text)?.groups;
    if (material) {
      const code = ascii(material['code']!);
      this.record.agenda.at(-1)?.materials.push(code);
      this.record.materials.push({ code, title: material['title']!.trim() });
      return true;
    }
    for (const [form, pattern] of ITEM_FORMS) {
      const item = pattern.exec(text)?.groups;
      // ① is kept as printed (NFKC would make it 1).
      if (item) return this.addItem(form, form === 'circled' ? item['num']! : ascii(item['num']!), item['title']!.trim());
    }
    return false;
  }

  /** An item at the depth of its numbering form, with the 資料N its title cites. */
  private addItem(form: string, number: string | null, text: string): boolean {
    if (!this.forms.includes(form)) this.forms.push(form);
    const depth = this.forms.indexOf(form);
    const parent = depth > 0 ? this.lastAt[depth - 1] : undefined;
    const item: AgendaItem = { number, ...splitSpeaker(text), materials: [], ...(parent ? { parent: parent.number ?? '' } : {}) };
    for (const m of item.title.matchAll(/資料[\s\u3000]*[0-9０-９]+(?:[-－][0-9０-９]+)?/gu)) item.materials.push(ascii(m[0]));
    this.lastAt = [...this.lastAt.slice(0, depth), item];
    this.record.agenda.push(item);
    return true;
  }
}

function isAgendaPiece(text: string): boolean {
  return MATERIAL.test(text) || ITEM_FORMS.some(([, pattern]) => pattern.test(text));
}

/** 1.委員委嘱 2.市長挨拶 (1)概要について 【資料2】: a 次第 written on one line, in its items. */
function inlineItems(value: string): string[] {
  return value
    .split(/[\s\u3000]+(?=(?:[0-9０-９]{1,2}[.．]|[（(][0-9０-９]{1,2}[)）])\S)/u)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** <委員>, 【事務局】: a group's role before the names it heads. */
const GROUP = /[<＜【［]([^>＞】］]{1,8})[>＞】］]/gu;
/**
 * 委員長 田川佳代子 副委員長 加藤康彦 委員 横山智絵子、大木剛: a role word before a space heads the names after it;
 * roles listed by themselves (委員長、副委員長、委員8名) are entries.
 */
const ROLE_WORD = /^(?:会長|副会長|委員長|副委員長|座長|副座長|部会長|副部会長|委員|アドバイザー|オブザーバー|事務局)$/u;

/**
 * The people a 出席者 / 欠席者 list names, each with the role the list gives them (委員長 田川佳代子, 委員 曽根直樹);
 * (敬称略) and the like dropped. Names without a role stay as printed.
 */
function listedPeople(value: string): string[] {
  const people: string[] = [];
  let role: string | null = null;
  const text = value.replace(/[（(](?:敬称略|順不同|五十音順)[)）]/gu, ' ').replace(GROUP, ' $1 ');
  const words = text.split(/[\s\u3000]+/u).filter((w) => w !== '');
  for (const [w, word] of words.entries()) {
    const pieces = splitOutsideBrackets(word, '、，,');
    for (const [p, piece] of pieces.entries()) {
      const headsNext = p === pieces.length - 1 && w < words.length - 1;
      if (headsNext && ROLE_WORD.test(piece)) role = piece;
      else people.push(role ? `${role} ${piece}` : piece);
    }
  }
  return people;
}

function isList(kind: FieldKind): kind is ListKind {
  return kind === 'attendees' || kind === 'absentees' || kind === 'secretariat';
}
