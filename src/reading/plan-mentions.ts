/**
 * Plans as web pages, notices and minutes name them in a line of text: 第7期川崎区地域福祉計画 as a title, 「第二次○○市地域福祉
 * 計画・地域福祉活動計画」を策定し…, ○○村第9次高齢者福祉計画・第8期介護保険事業計画策定委員会, 第4期□□プラン（○○区地域福祉保健計画）;
 * and what running text says of them: 計画期間は令和5年度から令和9年度まで, 「…」を基本理念として. Only a numbered name that
 * starts a line (after a list number, 資料N, 第N回 or a bracketed note) or stands right after 「 counts as a mention:
 * a plan named in passing inside a sentence (…（第2期子育て支援事業計画調査）) is not the document's plan.
 */
import { findAll, parseFiscalYear, type FiscalYearSpan } from '../kernel/wareki/index.ts';
import { normaliseCode } from './text.ts';
import { TIER_WORDS } from './vocabulary.ts';

export interface PlanMention {
  name: string;
  /** Null when the name carries no 第N期 / 第N次. */
  period: number | null;
  nickname: string | null;
  span: FiscalYearSpan | null;
  /** Index of the line that names it. */
  line: number;
}

const NUMBER = '[0-9０-９一二三四五六七八九十]{1,2}';
const PERIOD = `第[\\s\\u3000]*(?<period>${NUMBER})[\\s\\u3000]*[期次]`;
const CHAR = '[^\\s\\u3000、。,，「」『』()（）・:：<>＜＞]';
/** A name ends in 計画 (or プラン, プラン21) and holds no particle that would make it a phrase (計画に向けた…計画). */
const NAME = `(?:(?!計画)${CHAR}){2,30}?(?:計画|プラン(?:[0-9０-９]{1,2})?)`;
/** Who makes the plan, before its number or name: ○○市, ○○村, 社協, ○○市社会福祉協議会 (not 市町村 in general). */
const PLACE = `(?!第[0-9０-９])(?!市町村)(?:${CHAR}{1,8}?[市区町村]|${CHAR}{0,8}?(?:社協|社会福祉協議会))`;
/**
 * A name without a number counts where what follows shows it is a plan's title: the end of a quotation, its span or
 * 素案 in brackets, 策定, に関する, について (a diagram's label 横浜市地域福祉保健計画 does not).
 */
const UNNUMBERED_FOLLOWER = '[」』]|[（(](?:[^）)]*年度|素案|案)|(?:の|を)?策定|に関する|について';
const MENTION = new RegExp(
  `^(?:(?<place>${PLACE})?${PERIOD}(?:(?<nickname>${CHAR}{2,20}?)[（(](?<inner>${CHAR}{2,30}?計画)[)）]|(?<name>${NAME}))` +
    `|(?<unnumberedPlace>${PLACE})(?<unnumbered>${NAME})(?=${UNNUMBERED_FOLLOWER}))`,
  'u',
);
/** ・地域福祉活動計画 or ・第2期○○市社会福祉協議会地域福祉活動計画 after a name: one plan made by two bodies. */
const SECOND_NAME = new RegExp(`^・(?:${PERIOD})?(?<name>${NAME})`, 'u');
/** What may stand before a mention at the start of a line: 1., (4), ①, 資料1-3, 第1回, 【概要版】, （令和6年11月19日開催）. */
const LEADER = /^(?:[(（]?[0-9０-９]{1,2}[)）.．]|[①-⑳]|資料[0-9０-９\-－‐]+|第[0-9０-９]{1,2}回|【[^】]{0,12}】|[(（][^)）]{1,20}[)）]|[・■◆●○])?[\s\u3000]*[「『(（]?/u;
const JOINER = /^[\s\u3000]*(?:及び|並びに|・|、|と)?[\s\u3000]*/u;
const NICKNAME_AFTER = /^[「『](?<nickname>[^」』]{2,20})[」』]/u;
const BRACKETED_AFTER = /^[（(](?<inside>[^）)]{2,30})[)）]/u;

function properName(name: string): boolean {
  return !(name in TIER_WORDS) && !/[にをはでへ]/u.test(name);
}

/** The mention at the start of text, and where it ends. */
function mentionAt(text: string, line: number): { mention: PlanMention; end: number } | null {
  const m = MENTION.exec(text);
  if (!m?.groups) return null;
  const period = m.groups['period'] === undefined ? null : Number(normaliseCode(m.groups['period']));
  let name = m.groups['inner'] ?? m.groups['name'] ?? m.groups['unnumbered']!;
  let end = m[0].length;
  const second = m.groups['inner'] === undefined ? SECOND_NAME.exec(text.slice(end)) : null;
  // Numbered otherwise, the second name is a plan of its own (第9次高齢者福祉計画・第8期介護保険事業計画).
  const secondPeriod = second?.groups!['period'];
  if (second && (secondPeriod === undefined || Number(normaliseCode(secondPeriod)) === period)) {
    name = `${name}・${second.groups!['name']!}`;
    end += second[0].length;
  }
  if (!properName(name)) return null;
  const mention: PlanMention = { name: `${m.groups['place'] ?? m.groups['unnumberedPlace'] ?? ''}${name}`, period, nickname: m.groups['nickname'] ?? null, span: null, line };
  const rest = text.slice(end).replace(/^[」』]/u, '');
  const nickname = NICKNAME_AFTER.exec(rest)?.groups?.['nickname'];
  const inside = BRACKETED_AFTER.exec(rest)?.groups?.['inside'];
  if (nickname) mention.nickname ??= nickname;
  else if (inside) mention.span = spanIn(inside) ?? null;
  return { mention, end };
}

/** 地域福祉活動計画[第3期]: the period in brackets right after the name, wherever it stands. */
const PERIOD_AFTER = new RegExp(`(?<name>${NAME})[［\\[（(]${PERIOD}[］\\]）)]`, 'gu');

/**
 * Mentions in one line: at its start, right after 「, each one joined to a mention before it (及び, ・), and names with
 * their period in brackets after them.
 */
export function mentionsIn(text: string, line: number): PlanMention[] {
  const found: PlanMention[] = [];
  const starts = [LEADER.exec(text)![0].length, ...[...text.matchAll(/[「『]/gu)].map((m) => m.index + 1)];
  for (const start of new Set(starts)) {
    let at = start;
    for (let next = mentionAt(text.slice(at), line); next; next = mentionAt(text.slice(at), line)) {
      if (!found.some((f) => f.name === next!.mention.name && f.period === next!.mention.period)) found.push(next.mention);
      at += next.end;
      at += JOINER.exec(text.slice(at))![0].length;
    }
  }
  for (const m of text.matchAll(PERIOD_AFTER)) {
    const name = m.groups!['name']!;
    const period = Number(normaliseCode(m.groups!['period']!));
    if (properName(name) && !found.some((f) => f.name.endsWith(name) && f.period === period)) found.push({ name, period, nickname: null, span: null, line });
  }
  return found;
}

/** 2021(令和3)年度 → 2021年度; 令和5度から → 令和5年度から (a dropped 年 before the span's other end). */
function spanText(text: string): string {
  return text
    .replace(/([0-9０-９]{4})[（(](?:令和|平成|昭和)[0-9０-９元]{1,2}[)）](?=年度)/gu, '$1')
    .replace(/((?:令和|平成|昭和)[0-9０-９元]{1,2})度(?=[\s\u3000]*(?:から|[～〜~－\-]))/gu, '$1年度');
}

export function spanIn(text: string): FiscalYearSpan | undefined {
  for (const m of findAll(spanText(text))) if (m.result.ok && m.result.value.kind === 'fiscalYearSpan') return m.result.value;
  return undefined;
}

const PERIOD_WORDS = /計画(?:の)?期間/u;
const PHILOSOPHY_IN_TEXT = [
  /基本理念(?:は|を|[:：])?[\s\u3000]*[「『](?<text>[^」』]{4,60})[」』]/u,
  /[「『](?<text>[^」』]{4,60})[」』](?:が|を|という|と(?:いう|する))?基本理念/u,
];

const DURATION = /(?<year>(?:令和|平成|昭和)[0-9０-９元一二三四五六七八九十]{1,3}年度|[0-9０-９]{4}年度)(?:から|より)(?<years>[0-9０-９一二三四五六七八九十]{1,2})(?:年間|か年|カ年|ヶ年)/u;

/** 令和七年度から六年間 → 2025–2030. */
function durationSpan(text: string): FiscalYearSpan | undefined {
  const m = DURATION.exec(text)?.groups;
  const start = m && parseFiscalYear(m['year']!);
  if (!m || !start?.ok) return undefined;
  return { start: start.value, end: start.value + Number(normaliseCode(m['years']!)) - 1 };
}

/** 計画期間は令和6年度から令和8年度まで / 令和6年度から令和8年度の3か年を計画期間とする / 平成29年度から5年間の計画. */
export function periodSpanInText(text: string): FiscalYearSpan | undefined {
  if (PERIOD_WORDS.test(text)) return spanIn(text) ?? durationSpan(text);
  return /年間の計画/u.test(text) ? durationSpan(text) : undefined;
}

/** 基本理念「…」を掲げ / 「…」を基本理念として / 「…」が基本理念です. */
export function philosophyInText(text: string): string | undefined {
  for (const pattern of PHILOSOPHY_IN_TEXT) {
    const found = pattern.exec(text)?.groups?.['text'];
    if (found) return found.trim();
  }
  return undefined;
}
