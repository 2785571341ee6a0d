/**
 * `npm run bench`: one run, five measurements, printed as a table and then as one JSON block.
 *
 *  1. Throughput of a public plan page against a static response of the very same bytes, both served by the same
 *     server process (scripts/bench-server.ts), loaded with autocannon: page cache on, then PAGE_CACHE=off.
 *  2. Cold start to first page of `npm start` (`node scripts/launch.mjs main`: the compiled build) on an empty data folder (create,
 *     migrate, load the demo), then again on the same folder.
 *  3. Peak RSS (VmHWM) of each server process after its load.
 *  4. Document reading: parse throughput (MB/s) at 1×, 4× and 16× a generated document (scripts/bench-reading.ts).
 *  5. Hostile uploads through the real routes of `npm start`: each bomb's refusal, the server's and the parsing
 *     process's peak memory, the slowest public page meanwhile (scripts/bench-hostile.ts).
 *
 * Every child process and temporary folder is removed on the way out, also after an error or Ctrl-C.
 */
import autocannon from 'autocannon';
import { benchReading } from './bench-reading.ts';
import { benchMaterial } from './bench-material.ts';
import { benchWorkbooks } from './bench-workbooks.ts';
import { benchHostile, printHostile } from './bench-hostile.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, cpus, freemem, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const PAGE = '/m/yokohama/plans/totsuka-ward';
const STATIC = '/__bench/static';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP_S = Number(process.env.BENCH_WARMUP ?? 2);
const GOAL_RATIO = 0.8;
const START_TIMEOUT_MS = 120_000;
/**
 * Longer than a run, so that a slow response is measured (in p99 / max) instead of dropped as a timeout: with the
 * page cache off some requests wait several seconds behind the others.
 */
const REQUEST_TIMEOUT_S = 30;
const CLOCK_TICKS = 100; // USER_HZ on Linux

// ---------------------------------------------------------------------------------------------------------------
// Children and temporary folders, cleaned up whatever happens.

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

function makeTempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `sasaeai-bench-${label}-`));
  tempDirs.add(dir);
  return dir;
}

function removeTempDir(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // best effort
  }
  tempDirs.delete(dir);
}

function killAllNow(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  children.clear();
  for (const dir of [...tempDirs]) removeTempDir(dir);
}

process.on('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    console.error(`\nbench: ${signal} — stopping children and removing temporary folders`);
    killAllNow();
    process.exit(130);
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** SIGTERM, wait for the exit (SIGKILL after `graceMs`); returns how long the stop took. */
async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<{ ms: number; graceful: boolean }> {
  const t0 = performance.now();
  let graceful = true;
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      graceful = false;
      child.kill('SIGKILL');
    }, graceMs);
    await exited(child);
    clearTimeout(timer);
  }
  children.delete(child);
  return { ms: Math.round(performance.now() - t0), graceful };
}

/** Keeps the last lines a child wrote, to show them if it fails. */
function captureOutput(child: ChildProcess): () => string {
  const lines: string[] = [];
  const take = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  return () => lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers.

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Peak resident set size (VmHWM) and current RSS (VmRSS) of a process, in MiB, from /proc. */
function memoryOf(pid: number): { peakMiB: number; rssMiB: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { peakMiB: round(kb('VmHWM') / 1024, 1), rssMiB: round(kb('VmRSS') / 1024, 1) };
  } catch {
    return null;
  }
}

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat (clock ticks of 10 ms). */
function cpuMsOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1000 / CLOCK_TICKS);
  } catch {
    return null;
  }
}

function round(n: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  // The bench always measures embedded PGlite, whatever the shell says.
  delete env.DATABASE_URL;
  delete env.LOAD_DEMO;
  delete env.LOG_REQUESTS;
  return env;
}

// ---------------------------------------------------------------------------------------------------------------
// 1 + 3: throughput, page vs static, with and without the page cache.

type ServerInfo = { port: number; pid: number; pageCache: boolean; page: string; bytes: number; contentType: string; setupMs: number };
type BenchServer = { child: ChildProcess; info: ServerInfo; url: string; dataDir: string; output: () => string };

async function startBenchServer(pageCache: 'on' | 'off'): Promise<BenchServer> {
  const dataDir = makeTempDir(`server-cache-${pageCache}`);
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'bench-server.ts')], {
    cwd: root,
    env: childEnv({ BENCH_DATA_DIR: dataDir, BENCH_PAGE: PAGE, PAGE_CACHE: pageCache }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.add(child);
  const output = captureOutput(child);
  const info = await new Promise<ServerInfo>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`bench server (PAGE_CACHE=${pageCache}) did not start in ${START_TIMEOUT_MS} ms\n${output()}`)), START_TIMEOUT_MS);
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /^BENCH_SERVER (.+)$/m.exec(buffer);
      if (match) {
        clearTimeout(timer);
        resolve(JSON.parse(match[1]!) as ServerInfo);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`bench server (PAGE_CACHE=${pageCache}) exited (${code ?? signal}) before listening\n${output()}`));
    });
  });
  return { child, info, url: `http://127.0.0.1:${info.port}`, dataDir, output };
}

type Load = {
  path: string;
  seconds: number;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  mbPerSec: number;
  /** Share of one core the server process used during the run (100 = one full core). */
  serverCpuPct: number | null;
  /** Server CPU time per request, µs: the cost that does not depend on how fast the load generator is. */
  serverCpuUsPerReq: number | null;
  /**
   * The server used ≥ 85 % of a core: it was the limit. Below that, something else was (the load generator sharing
   * the 2 cores, or other processes on the machine).
   */
  serverBound: boolean | null;
};

type Segment = { latencies: number[]; bytes: number; non2xx: number; errors: number; timeouts: number; wallMs: number; cpuMs: number | null };

/** One autocannon run; latencies are collected here so that several runs can be merged exactly. */
function segment(url: string, path: string, durationS: number, serverPid: number): Promise<Segment> {
  const latencies: number[] = [];
  let bytes = 0;
  const cpuBefore = cpuMsOf(serverPid);
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: url + path, connections: CONNECTIONS, duration: durationS, pipelining: 1, timeout: REQUEST_TIMEOUT_S },
      (error, result) => {
        if (error) return reject(error);
        const wallMs = performance.now() - t0;
        const cpuAfter = cpuMsOf(serverPid);
        resolve({
          latencies,
          bytes,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          wallMs,
          cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
        });
      },
    );
    instance.on('response', (_client, _statusCode, resBytes, responseTime) => {
      latencies.push(responseTime);
      bytes += resBytes;
    });
  });
}

function merge(path: string, segments: Segment[]): Load {
  const latencies = segments.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const wallMs = segments.reduce((sum, s) => sum + s.wallMs, 0);
  const cpuMs = segments.every((s) => s.cpuMs !== null) ? segments.reduce((sum, s) => sum + s.cpuMs!, 0) : null;
  const requests = latencies.length;
  const pct = (p: number) => (requests ? latencies[Math.min(requests - 1, Math.ceil((p / 100) * requests) - 1)]! : NaN);
  const serverCpuPct = cpuMs === null ? null : round((cpuMs / wallMs) * 100);
  return {
    path,
    seconds: round(wallMs / 1000, 1),
    requestsPerSec: round(requests / (wallMs / 1000)),
    p50Ms: round(pct(50), 1),
    p99Ms: round(pct(99), 1),
    maxMs: round(latencies[requests - 1] ?? NaN, 1),
    meanMs: round(latencies.reduce((sum, l) => sum + l, 0) / (requests || 1), 2),
    requests,
    non2xx: segments.reduce((sum, s) => sum + s.non2xx, 0),
    errors: segments.reduce((sum, s) => sum + s.errors, 0),
    timeouts: segments.reduce((sum, s) => sum + s.timeouts, 0),
    mbPerSec: round(segments.reduce((sum, s) => sum + s.bytes, 0) / (wallMs / 1000) / 1024 / 1024, 1),
    serverCpuPct,
    serverCpuUsPerReq: cpuMs === null || requests === 0 ? null : round((cpuMs * 1000) / requests),
    serverBound: serverCpuPct === null ? null : serverCpuPct >= 85,
  };
}

type ThroughputResult = {
  pageCache: 'on' | 'off';
  bytes: number;
  identicalBytes: boolean;
  page: Load;
  static: Load;
  ratio: number;
  /** Static / page server CPU per request: what the ratio would be if the server alone were the bottleneck. */
  cpuRatio: number | null;
  meetsGoal: boolean;
  server: { pid: number; setupMs: number; peakRssMiB: number | null; rssMiB: number | null };
};

async function throughput(server: BenchServer, pageCache: 'on' | 'off'): Promise<ThroughputResult> {
  // Sanity: the page answers 200 with the same bytes as the static copy.
  const [pageRes, staticRes] = await Promise.all([fetch(server.url + PAGE), fetch(server.url + STATIC)]);
  if (pageRes.status !== 200) throw new Error(`${PAGE} answered ${pageRes.status} (PAGE_CACHE=${pageCache})`);
  if (staticRes.status !== 200) throw new Error(`${STATIC} answered ${staticRes.status} (PAGE_CACHE=${pageCache})`);
  const [pageBytes, staticBytes] = await Promise.all([pageRes.arrayBuffer(), staticRes.arrayBuffer()]);
  const identicalBytes = Buffer.from(pageBytes).equals(Buffer.from(staticBytes));

  const pid = server.info.pid;
  process.stdout.write(`  PAGE_CACHE=${pageCache}: warm-up ${WARMUP_S}s page + ${WARMUP_S}s static`);
  await segment(server.url, PAGE, WARMUP_S, pid);
  await segment(server.url, STATIC, WARMUP_S, pid);
  // ${DURATION_S} s for each, in halves ordered page, static, static, page, so that a change in the machine's
  // background load during the run falls on both alike.
  const half = DURATION_S / 2;
  const pageSegments: Segment[] = [];
  const staticSegments: Segment[] = [];
  for (const [path, into] of [[PAGE, pageSegments], [STATIC, staticSegments], [STATIC, staticSegments], [PAGE, pageSegments]] as const) {
    process.stdout.write(`, ${path === PAGE ? 'page' : 'static'} ${half}s`);
    into.push(await segment(server.url, path, half, pid));
  }
  process.stdout.write(' … done\n');
  const page = merge(PAGE, pageSegments);
  const stat = merge(STATIC, staticSegments);

  for (const run of [page, stat]) {
    if (run.non2xx > 0 || run.errors > 0 || run.timeouts > 0) {
      throw new Error(
        `PAGE_CACHE=${pageCache} ${run.path}: ${run.non2xx} non-2xx responses, ${run.errors} errors, ${run.timeouts} timeouts ` +
          `out of ${run.requests} requests — the numbers would be meaningless.\nServer output:\n${server.output()}`,
      );
    }
    if (run.requests === 0) throw new Error(`PAGE_CACHE=${pageCache} ${run.path}: no request completed`);
  }

  const memory = memoryOf(server.info.pid);
  const ratio = round(page.requestsPerSec / stat.requestsPerSec, 3);
  const cpuRatio = page.serverCpuUsPerReq && stat.serverCpuUsPerReq ? round(stat.serverCpuUsPerReq / page.serverCpuUsPerReq, 3) : null;
  return {
    pageCache,
    bytes: server.info.bytes,
    identicalBytes,
    page,
    static: stat,
    ratio,
    cpuRatio,
    meetsGoal: ratio >= GOAL_RATIO,
    server: { pid: server.info.pid, setupMs: server.info.setupMs, peakRssMiB: memory?.peakMiB ?? null, rssMiB: memory?.rssMiB ?? null },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 2: cold start of `npm start`.

type StartResult = { ms: number; listeningMs: number | null; reportedMs: number | null; status: number; peakRssMiB: number | null; stopMs: number; stoppedGracefully: boolean };

async function timeStart(dataDir: string, label: string): Promise<StartResult> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, ['scripts/launch.mjs', 'main'], {
    cwd: root,
    env: childEnv({ PORT: String(port), DATA_DIR: dataDir }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const output = captureOutput(child);
  let reportedMs: number | null = null;
  let listeningMs: number | null = null;
  child.stdout!.on('data', (chunk: Buffer) => {
    const m = /（(\d+) ms）/.exec(chunk.toString());
    if (m) {
      reportedMs = Number(m[1]);
      listeningMs = Math.round(performance.now() - t0);
    }
  });
  let exitedEarly = false;
  void exited(child).then(() => (exitedEarly = true));

  let status = 0;
  let ms = 0;
  for (;;) {
    if (exitedEarly) throw new Error(`${label}: npm start exited (${child.exitCode ?? child.signalCode}) before serving /\n${output()}`);
    if (performance.now() - t0 > START_TIMEOUT_MS) throw new Error(`${label}: no 200 on / within ${START_TIMEOUT_MS} ms\n${output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.status === 200) {
        ms = Math.round(performance.now() - t0);
        status = res.status;
        break;
      }
      status = res.status;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  const memory = memoryOf(child.pid!);
  const stop = await stopChild(child);
  if (!stop.graceful) console.warn(`  warning: ${label} did not exit within 10 s of SIGTERM and was killed`);
  return { ms, listeningMs, reportedMs, status, peakRssMiB: memory?.peakMiB ?? null, stopMs: stop.ms, stoppedGracefully: stop.graceful };
}

// ---------------------------------------------------------------------------------------------------------------
// Report.

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  const line = (r: string[]) => '│ ' + r.map((c, i) => pad(c, widths[i]!, i > 0)).join(' │ ') + ' │';
  const rule = (l: string, m: string, r: string) => l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r;
  return [rule('┌', '┬', '┐'), line(cells[0]!), rule('├', '┼', '┤'), ...cells.slice(1).map(line), rule('└', '┴', '┘')].join('\n');
}

function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, w: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

function fmt(n: number | null, digits = 0): string {
  return n === null || Number.isNaN(n) ? '—' : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const benchStarted = performance.now();
  const cpuList = cpus();
  const machine = {
    node: process.version,
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    platform: `${platform()} ${release()} ${arch()}`,
    totalMemMiB: Math.round(totalmem() / 1024 / 1024),
    freeMemMiB: Math.round(freemem() / 1024 / 1024),
    loadAvgAtStart: loadavg().map((l) => round(l, 2)),
    autocannon: (JSON.parse(readFileSync(join(root, 'node_modules', 'autocannon', 'package.json'), 'utf8')) as { version: string }).version,
  };
  console.log('支えあい benchmark');
  console.log(`node ${machine.node} · ${machine.cpus} CPU (${machine.cpuModel}) · ${machine.platform} · ${fmt(machine.totalMemMiB)} MiB RAM`);
  console.log(`load average at start: ${machine.loadAvgAtStart.join(' ')}`);
  if (machine.loadAvgAtStart[0]! > 0.5 * machine.cpus) {
    console.log('  WARNING: the machine is already busy (other processes running); the numbers below will be noisy.');
  }
  console.log(`load: autocannon ${machine.autocannon}, ${CONNECTIONS} connections, ${DURATION_S} s per run after ${WARMUP_S} s warm-up; page ${PAGE}\n`);

  // Both server children prepare their databases at the same time (mostly fsync-bound), then are loaded one after the
  // other so that only one of them is busy at any moment.
  console.log('1. throughput — starting two server children (PAGE_CACHE=on / off): migrate + demo load …');
  const [serverOn, serverOff] = await Promise.all([startBenchServer('on'), startBenchServer('off')]);
  console.log(`  ready: cache on pid ${serverOn.info.pid} (setup ${fmt(serverOn.info.setupMs)} ms), cache off pid ${serverOff.info.pid} (setup ${fmt(serverOff.info.setupMs)} ms); page is ${fmt(serverOn.info.bytes)} bytes`);
  const cacheOn = await throughput(serverOn, 'on');
  await stopChild(serverOn.child);
  removeTempDir(serverOn.dataDir);
  const cacheOff = await throughput(serverOff, 'off');
  await stopChild(serverOff.child);
  removeTempDir(serverOff.dataDir);

  console.log('\n2. cold start of `npm start` (node scripts/launch.mjs main) to the first 200 on / …');
  const startDir = makeTempDir('start');
  const firstStart = await timeStart(startDir, 'first start');
  console.log(`  first start: ${fmt(firstStart.ms)} ms`);
  const laterStart = await timeStart(startDir, 'later start');
  console.log(`  later start: ${fmt(laterStart.ms)} ms`);
  removeTempDir(startDir);

  console.log('\n3. reading documents (parse throughput on a generated document at 1×, 4×, 16×) …');
  const reading = await benchReading();

  console.log('\n推進会議資料: 100 accepted reports with two 1600×1200 photos each, as PDF and Word (scripts/bench-material.ts) …');
  const material = await benchMaterial();
  console.log(`  read ${fmt(material['readHandoutMs'] as number)} ms; PDF ${fmt(material['pdfMsWithLaunch'] as number)} ms with the browser launch (goal < 6 s with the read: ${material['pdfGoalMet'] ? 'met' : 'NOT met'}; ${material['pdfTotalToBarePrint']}× a bare Chromium print of the same pages, ${fmt(material['barePrintMs'] as number)} ms in this run); Word ${fmt(material['docxMs'] as number)} ms (goal < 1 s with the read: ${material['docxGoalMet'] ? 'met' : 'NOT met'})`);

  console.log('\n4. 庁内照会: 50 owners’ workbooks written, filled in, previewed and taken back (scripts/bench-workbooks.ts) …');
  const workbooks = await benchWorkbooks();
  console.log(`  export ${fmt(workbooks['exportMs'] as number)} ms, preview ${fmt(workbooks['previewMs'] as number)} ms, apply ${fmt(workbooks['applyMs'] as number)} ms (${workbooks['reports']} reports)`);

  console.log('\n5. hostile uploads through the real routes of `npm start`, a public page requested meanwhile (scripts/bench-hostile.ts) …');
  const hostile = await benchHostile();
  printHostile(hostile);

  // ------ the table
  console.log('\nThroughput (same server process; static = the same bytes from a bare Hono route)');
  const rows: (string | number)[][] = [];
  for (const r of [cacheOn, cacheOff]) {
    for (const [name, run] of [['plan page', r.page], ['static copy', r.static]] as const) {
      rows.push([
        `PAGE_CACHE=${r.pageCache}`,
        name,
        fmt(run.requestsPerSec),
        fmt(run.p50Ms, 1),
        fmt(run.p99Ms, 1),
        fmt(run.maxMs, 1),
        fmt(run.mbPerSec, 1),
        fmt(run.requests),
        run.non2xx + run.errors + run.timeouts,
        fmt(run.serverCpuPct),
        fmt(run.serverCpuUsPerReq),
        run.serverBound === null ? '—' : run.serverBound ? 'yes' : 'no',
      ]);
    }
  }
  console.log(table(['cache', 'target', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'MB/s', 'requests', 'non-2xx/err', 'server CPU %', 'server CPU µs/req', 'server-bound'], rows));

  console.log(`\nRatio page / static (goal ≥ ${GOAL_RATIO})`);
  console.log(
    table(
      ['cache', 'ratio (req/s)', 'goal', 'ratio (CPU/req)', 'bytes identical', 'peak RSS MiB (VmHWM)', 'DB setup ms'],
      [cacheOn, cacheOff].map((r) => [
        `PAGE_CACHE=${r.pageCache}`,
        fmt(r.ratio, 3),
        r.meetsGoal ? 'met' : 'NOT met',
        fmt(r.cpuRatio, 3),
        r.identicalBytes ? 'yes' : 'no',
        fmt(r.server.peakRssMiB, 1),
        fmt(r.server.setupMs),
      ]),
    ),
  );

  console.log('\nCold start of `npm start` to the first 200 on /');
  console.log(
    table(
      ['start', 'spawn → 200 on / ms', 'spawn → "起動しました" ms', 'self-reported ms', 'peak RSS MiB', 'SIGTERM → exit ms'],
      [
        ['first (create + migrate + demo load)', fmt(firstStart.ms), fmt(firstStart.listeningMs), fmt(firstStart.reportedMs), fmt(firstStart.peakRssMiB, 1), fmt(firstStart.stopMs)],
        ['later (same data folder)', fmt(laterStart.ms), fmt(laterStart.listeningMs), fmt(laterStart.reportedMs), fmt(laterStart.peakRssMiB, 1), fmt(laterStart.stopMs)],
      ],
    ),
  );

  console.log('\nReading documents (.txt: decode, lines, parse into the interchange document; goal ≥ 1 MB/s, linear)');
  console.log(
    table(
      ['size', 'bytes', 'lines', 'ms', 'MB/s', 'unrecognised'],
      (reading['measurements'] as { size: string; bytes: number; lines: number; ms: number; mbPerSecond: number; unrecognised: number }[]).map((m) => [
        m.size,
        fmt(m.bytes),
        fmt(m.lines),
        fmt(m.ms),
        fmt(m.mbPerSecond, 2),
        fmt(m.unrecognised),
      ]),
    ),
  );
  console.log(`time per MB, 16× ÷ 1×: ${reading['timePerMbGrowth1xTo16x']} (linear: ${reading['linear'] ? 'yes' : 'no'}); slowest ${reading['slowestMbPerSecond']} MB/s (goal ${reading['goalMet'] ? 'met' : 'NOT met'})`);

  const totalS = round((performance.now() - benchStarted) / 1000, 1);
  const loadAvgAtEnd = loadavg().map((l) => round(l, 2));
  console.log(
    [
      '',
      'Notes: the load generator runs in this process and shares the 2 cores with the server, so req/s can be capped by',
      'the client ("server-bound: no" = the server used under 85 % of a core: the client or other processes were the',
      'limit). "server CPU µs/req" is the server\'s own cost per request, and "ratio (CPU/req)" = static µs/req ÷ page',
      'µs/req compares the two without the client in the way.',
      'Each target gets two 5 s halves, ordered page, static, static, page; latencies are over all responses of both halves.',
      '"spawn → 起動しました" is when `npm start` logs that it is listening; the rest up to "200 on /" is the first render of /.',
      '"self-reported ms" is what src/main.ts prints (it starts counting after its imports have loaded).',
    ].join('\n'),
  );
  console.log(`\nbench took ${totalS} s; load average at end: ${loadAvgAtEnd.join(' ')}`);

  const report = {
    machine,
    settings: { connections: CONNECTIONS, requestTimeoutS: REQUEST_TIMEOUT_S, durationS: DURATION_S, warmupS: WARMUP_S, page: PAGE, staticPath: STATIC, goalRatio: GOAL_RATIO },
    throughput: { cacheOn, cacheOff },
    coldStart: { first: firstStart, later: laterStart },
    reading,
    material,
    workbooks,
    hostile,
    loadAvgAtEnd,
    benchSeconds: totalS,
  };
  console.log('\n```json');
  console.log(JSON.stringify(report, null, 2));
  console.log('```');
}

main()
  .then(() => {
    killAllNow();
    process.exit(0);
  })
  .catch((error: unknown) => {
    console.error('\nbench FAILED:', error instanceof Error ? error.message : error);
    killAllNow();
    process.exit(1);
  });
