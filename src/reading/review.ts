/**
 * Review texts (振り返り, 取組・成果, 継続したい視点, 注力ポイント) under a review heading. Texts right under a node's
 * heading are that node's. A list with no heading of its own (a scrambled diagram) goes to the top goal whose words
 * it shares most, when one clearly wins; otherwise to the plan.
 */
import type { Plan, PlanNode, ReviewItem } from './interchange.ts';
import { nextNonBlank } from './lines.ts';
import { paragraphEnd, paragraphLines } from './paragraphs.ts';
import { ensurePlan } from './plans.ts';
import type { ParseState } from './state.ts';
import { isCjk, isProse, joinParagraph, startsWithBullet, stripBullet } from './text.ts';

const FOCUS_LINE = /^(?<heading>[^◇◆。]{2,30}?)[\s\u3000]*[◇◆](?<items>.+)$/u;
const EXAMPLE_LINE = /^例[）)]/u;

/** Kanji and katakana carry the content; pairs with hiragana are mostly grammar (います, ように). */
function isContentChar(ch: string | undefined): boolean {
  return isCjk(ch) && !/[\u3040-\u309f]/u.test(ch!);
}

function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  const chars = [...text];
  for (let k = 0; k + 1 < chars.length; k++) if (isContentChar(chars[k]) && isContentChar(chars[k + 1])) out.add(chars[k]! + chars[k + 1]!);
  return out;
}

function profile(node: PlanNode): Set<string> {
  return bigrams([node.title, ...node.keywords, ...node.children.map((c) => c.title), ...node.examples].join('／'));
}

/** The top goal whose title, keywords, children and examples share the rarest words with the text, if one clearly wins. */
export function bestMatch(nodes: readonly PlanNode[], text: string): PlanNode | undefined {
  if (nodes.length < 2) return undefined;
  const profiles = nodes.map(profile);
  const documentFrequency = new Map<string, number>();
  for (const p of profiles) for (const b of p) documentFrequency.set(b, (documentFrequency.get(b) ?? 0) + 1);
  const words = bigrams(text);
  const scores = profiles.map((p) => [...words].reduce((sum, b) => sum + (p.has(b) ? Math.log(nodes.length / documentFrequency.get(b)!) : 0), 0));
  const ranked = scores.map((score, k) => ({ score, k })).sort((a, b) => b.score - a.score);
  const [best, second] = ranked;
  return best && best.score > 0 && best.score >= 1.5 * (second?.score ?? 0) ? nodes[best.k] : undefined;
}

function add(s: ParseState, target: { review: ReviewItem[] }, heading: string | null, text: string, from: number, to: number, focus: string | null = null): void {
  s.addReview(target, heading, text, from, to);
  s.lastReview = { item: target.review.at(-1)!, focus };
}

/** Consecutive list items (blank lines between allowed): [from, end) and their texts. */
function itemRun(s: ParseState, i: number): { end: number; items: { text: string; from: number; to: number }[] } {
  const items: { text: string; from: number; to: number }[] = [];
  let k = i;
  while (k < s.lines.length && s.ledger.isFree(k) && isItem(s, k)) {
    const end = paragraphEnd(s, k);
    const lines = paragraphLines(s, k, end);
    items.push({ text: joinParagraph(lines.map((l, n) => (n === 0 ? { ...l, text: stripBullet(l.t), indent: false } : l))), from: k, to: end - 1 });
    k = nextNonBlank(s.lines, end, 2);
  }
  return { end: items.at(-1)!.to + 1, items };
}

function isItem(s: ParseState, k: number): boolean {
  const line = s.line(k);
  return !line.blank && line.cells === null && line.heading === 0 && (line.bullet > 0 || startsWithBullet(line.t)) && !/^[◇◆※]/u.test(line.t);
}

function targetFor(s: ParseState, plan: Plan, text: string | null): { review: ReviewItem[] } {
  if (s.directNode) return s.directNode;
  return (text !== null ? bestMatch(plan.nodes, text) : undefined) ?? plan;
}

export function reviewFallback(s: ParseState, i: number): number | null {
  if (!s.inReview) return null;
  const next = readReview(s, i);
  if (next !== null) s.keepDirect = true;
  return next;
}

function readReview(s: ParseState, i: number): number | null {
  const line = s.line(i);
  if (line.cells || line.heading > 0) return null;
  const plan = s.directNode ? s.nodeInfo.get(s.directNode)!.plan : ensurePlan(s, i);
  const heading = s.reviewHeading;
  const focus = FOCUS_LINE.exec(line.t)?.groups;
  if (focus || (/^[◇◆]/u.test(line.t) && s.lastReview?.focus)) {
    const focusHeading = focus ? focus['heading']!.trim() : s.lastReview!.focus!;
    const items = (focus ? focus['items']! : line.t.slice(1)).split(/[◇◆]/u).map((t) => t.trim()).filter((t) => t !== '');
    for (const text of items) add(s, targetFor(s, plan, null), focusHeading, text, i, i, focusHeading);
    return i + 1;
  }
  if (EXAMPLE_LINE.test(line.t) && s.lastReview) {
    s.lastReview.item.text += `\n${line.t}`;
    s.lastReview.item.sourceLines[1] = line.n;
    s.ledger.use(i);
    return i + 1;
  }
  if (isItem(s, i)) {
    const run = itemRun(s, i);
    const target = targetFor(s, plan, run.items.map((r) => r.text).join('\n'));
    for (const item of run.items) add(s, target, heading, item.text, item.from, item.to);
    return run.end;
  }
  const end = paragraphEnd(s, i);
  const lines = paragraphLines(s, i, end);
  if (!isProse(lines)) return null;
  add(s, targetFor(s, plan, null), heading, joinParagraph(lines), i, end - 1);
  return end;
}
