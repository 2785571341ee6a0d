/**
 * Document reader throughput: a large plan-like document is generated (plans, goals with 現状と課題, targets,
 * initiatives with 推進主体, figures, tables, a meeting, reports, a survey, a schedule; words varied by a seeded PRNG,
 * no title taken from the seeds), then read as a .txt upload (decoding, lines, parsing) at 1×, 4× and 16× its base
 * size. Prints ms and MB/s for each, and whether time grows linearly with size. Goal: ≥ 1 MB/s.
 *
 * `npm run bench` calls benchReading(); it also runs alone: `node --import tsx scripts/bench-reading.ts`.
 */
import { fileURLToPath } from 'node:url';
import { readUpload } from '../src/reading/read-document.ts';
import { prng } from '../src/reading/testing/prng.ts';

const BASE_BYTES = 256 * 1024;
const SIZES = [1, 4, 16] as const;
const RUNS = 3;


const WORDS = {
  place: ['あおば', 'みなと', 'ひかり', 'もみじ', 'はるかぜ', 'しらかば', 'すずかけ', 'こもれび'],
  topic: ['見守り', '居場所', '子育て', '健康づくり', '防災', '相談支援', '多世代交流', '担い手', '権利擁護', '移動支援', '食支援', '学び'],
  aim: ['広げる', '深める', '支える', 'つなぐ', '育てる', '届ける', '守る', '生かす'],
  owner: ['区社協', '地域ケアプラザ', '地域振興課', '区政推進課', 'こども家庭支援課', '高齢・障害支援課', '福祉保健課', '区民活動センター'],
  clause: ['地域の中で顔の見える関係をつくり', '困りごとを抱える人に早く気づき', '身近な場所で気軽に集える機会を増やし', '関係機関が情報を共有して連携し', '住民が自分らしく活躍できるよう'],
  close: ['取組を進めます。', '支援を行います。', '仕組みを整えます。', '活動を広げていきます。', '機会をつくります。'],
};

function generator(seed: number) {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const serial = { n: 0 };
  /** A sentence with a serial number, so that the generated text never repeats itself (repeats are ignored). */
  const sentence = () => `${pick(WORDS.clause)}、第${++serial.n}の${pick(WORDS.topic)}について${pick(WORDS.close)}`;
  /** Wraps a paragraph at 38 characters, as PDF text arrives. */
  const wrapped = (text: string) => `　${text}`.match(/.{1,38}/gu)!.join('\n');
  return { random, pick, sentence, wrapped, serial };
}

function planText(g: ReturnType<typeof generator>, k: number): string {
  const { pick, sentence, wrapped, random } = g;
  const ward = `${pick(WORDS.place)}${k}区`;
  const out: string[] = [`${ward}地域福祉保健計画`, `（愛称：${pick(WORDS.topic)}プラン${k}）`, '', `第${1 + (k % 5)}期 ${ward}地域福祉保健計画　令和${1 + (k % 6)}年度～令和${5 + (k % 6)}年度`, '', '基本理念', `${pick(WORDS.topic)}と${pick(WORDS.topic)}で${pick(WORDS.aim)}まち${k}`, ''];
  for (let goal = 1; goal <= 3; goal++) {
    out.push(`基本目標${goal}　${pick(WORDS.topic)}を${pick(WORDS.aim)}まち${k}-${goal}`, '現状と課題', '');
    for (let s = 0; s < 2; s++) out.push(`■ ${pick(WORDS.topic)}の課題${g.serial.n + 1}があります`, '', wrapped(sentence() + sentence()), '');
    out.push('5年後の地域の目指す姿', wrapped(sentence()), '');
    for (let target = 1; target <= 2; target++) {
      out.push(`【取組目標${goal}-${target}】${pick(WORDS.topic)}の${pick(WORDS.aim)}取組${k}-${goal}-${target}`, '', wrapped(sentence()), '', '【主な取組】', '');
      for (let item = 1; item <= 4; item++) {
        const owners = [...new Set([pick(WORDS.owner), pick(WORDS.owner), pick(WORDS.owner)])].join('、');
        out.push(`${item}　${pick(WORDS.topic)}事業${g.serial.n + 1}の推進`, ` 推進主体／${owners}`, '', `■ ${sentence()}${sentence()}`.match(/.{1,38}/gu)!.join('\n'), '');
      }
    }
    out.push('キーワード', pick(WORDS.topic), pick(WORDS.topic), '');
  }
  out.push('数字で見てみよう', `・${pick(WORDS.topic)}の場${k}　：${Math.floor(random() * 300)}か所（H28）⇒${Math.floor(random() * 300)}か所（H30）`, '');
  out.push('指標\t令和4年度\t令和5年度', `${pick(WORDS.topic)}の参加者数${k}\t${Math.floor(random() * 2000)}人\t記載なし`, '');
  return out.join('\n');
}

function handoutText(g: ReturnType<typeof generator>, k: number): string {
  const { pick, sentence, random } = g;
  return [
    `# 令和6年度 第${k}回地域福祉保健推進会議`, '', `日時：令和6年${1 + (k % 12)}月${1 + (k % 28)}日`, '', '10時から12時まで', '', `会場：区役所${k}号会議室`, '', '## 次第', '',
    '1 開会', '', '2 議事', '', `議題1 令和5年度の実績報告${k}`, '', `資料1 実績報告${k}`, '', '',
    `## ${pick(WORDS.topic)}の取組${k}（${pick(WORDS.owner)}）`, '',
    `地域と共有した課題\t<ul><li>・ ${sentence()}</li></ul>`, `取組の内容\t・ ${sentence()}`, `地域と連携したポイント\t・ ${sentence()}`, `成果\t<ul><li>・ ${sentence()}</li></ul>`, '',
    `${pick(WORDS.topic)}の様子`, '',
    `## 令和5年度 区民意識調査${k}（抜粋）`, '', '★ …複数選択の設問', '', `${pick(WORDS.topic)}について${k}★\t\t`,
    `${pick(WORDS.topic)}${k}\t${Math.floor(random() * 60)}%\t↗ (${Math.floor(random() * 60)}%)`, `${pick(WORDS.topic)}${k}\t${Math.floor(random() * 60)}%`, '', `n=${1000 + k}`, '',
    '# 策定スケジュール', '', '令和6年度', '', `- 5月 第${k}回策定検討部会`, `- 6～8月 団体ヒアリング${k}`, '',
  ].join('\n');
}

/** A document of at least `bytes` bytes of UTF-8 made of generated plans and handouts. */
export function generateDocument(bytes: number, seed = 1): string {
  const g = generator(seed);
  const parts: string[] = [];
  let size = 0;
  for (let k = 1; size < bytes; k++) {
    const part = k % 3 === 0 ? handoutText(g, k) : planText(g, k);
    parts.push(part);
    size += Buffer.byteLength(part, 'utf8') + 1;
  }
  return parts.join('\n');
}

interface Measurement {
  size: string;
  bytes: number;
  lines: number;
  ms: number;
  mbPerSecond: number;
  unrecognised: number;
}

async function measure(multiple: number): Promise<Measurement> {
  const text = generateDocument(BASE_BYTES * multiple);
  const bytes = new TextEncoder().encode(text);
  let best = Infinity;
  let last;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    last = await readUpload(`bench-${multiple}x.txt`, bytes);
    best = Math.min(best, performance.now() - started);
  }
  const mb = bytes.byteLength / 1024 / 1024;
  return {
    size: `${multiple}×`,
    bytes: bytes.byteLength,
    lines: last!.text.lines.length,
    ms: Math.round(best),
    mbPerSecond: Number((mb / (best / 1000)).toFixed(2)),
    unrecognised: last!.document.stats.unrecognised,
  };
}

export async function benchReading(): Promise<Record<string, unknown>> {
  const measurements: Measurement[] = [];
  for (const multiple of SIZES) measurements.push(await measure(multiple));
  const perMb = measurements.map((m) => m.ms / (m.bytes / 1024 / 1024));
  // Linear: the time per MB at 16× stays within twice the time per MB at 1× (a quadratic step would give ~16×).
  const growth = Number((perMb.at(-1)! / perMb[0]!).toFixed(2));
  const slowest = Math.min(...measurements.map((m) => m.mbPerSecond));
  return { measurements, timePerMbGrowth1xTo16x: growth, linear: growth < 2, slowestMbPerSecond: slowest, goalMet: slowest >= 1 };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await benchReading();
  const rows = result['measurements'] as Measurement[];
  console.log('文書の読み取り（.txt、抽出と解析）');
  console.log('size   bytes        lines     ms      MB/s   unrecognised');
  for (const m of rows) {
    console.log(`${m.size.padEnd(6)} ${String(m.bytes).padStart(10)} ${String(m.lines).padStart(9)} ${String(m.ms).padStart(7)} ${m.mbPerSecond.toFixed(2).padStart(8)} ${String(m.unrecognised).padStart(8)}`);
  }
  console.log(`1 MB あたりの時間の伸び（1×→16×）: ${result['timePerMbGrowth1xTo16x']}倍（線形: ${result['linear'] ? 'はい' : 'いいえ'}）`);
  console.log(`最も遅い: ${result['slowestMbPerSecond']} MB/s（目標 1 MB/s: ${result['goalMet'] ? '達成' : '未達'}）`);
  console.log(JSON.stringify(result));
}
