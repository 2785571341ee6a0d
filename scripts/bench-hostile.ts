/**
 * Hostile uploads against a real `npm start` server (node --import tsx src/main.ts, demo loaded): each bomb is posted
 * through its real route by a signed-in secretariat while a public page is requested every 100 ms (rendered, not
 * from the page cache). For each: the answer and how long it took, the peak resident memory meanwhile of the server
 * and of its parsing process (/proc, every 20 ms), and the slowest public page. Then twenty anonymous 49 MB uploads at once, which must not
 * be read. Goals: every bomb refused with its file named, the server under 1 GB, the public page under 1 s.
 *
 * `npm run bench` calls benchHostile(); it also runs alone: `node --import tsx scripts/bench-hostile.ts`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '../src/demo/accounts.ts';
import { docxBomb, docxParagraphs, pdfFlateBomb, xlsxBomb, xlsxRows } from '../src/kernel/documents/bounded/testing.ts';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const PUBLIC_PAGE = '/m/yokohama/plans/totsuka-ward?lang=ja';
const MEMORY_GOAL_MIB = 1024;
const LATENCY_GOAL_MS = 1000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)![1]) / 1024;
  } catch {
    return 0; // gone meanwhile
  }
}

/** Resident memory of the server's child processes (the parsing process), summed. */
function childrenMiB(pid: number): number {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  return children.reduce((sum, child) => sum + rssMiB(Number(child)), 0);
}

/** A cookie jar and fetch for one signed-in user. */
function session(base: string) {
  const jar = new Map<string, string>();
  const send = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(base + path, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      jar.set(name!.trim(), value.join('='));
    }
    return response;
  };
  const csrf = async (path: string) => /name="_csrf" value="([^"]+)"/.exec(await (await send(path)).text())?.[1] ?? '';
  return { send, csrf };
}

async function startServer(): Promise<{ child: ChildProcess; base: string; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sasaeai-bench-hostile-'));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOAD_DEMO: 'auto' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'main.ts')], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server stopped (exit ${child.exitCode})`);
    try {
      if ((await fetch(`${base}/`)).status === 200) return { child, base, dataDir };
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error('the server did not start in 120 s');
}

/** Runs `work` while the public page is requested every 100 ms and the server's memory is sampled every 20 ms. */
async function watched<T>(base: string, pid: number, work: () => Promise<T>) {
  let done = false;
  let peakMiB = rssMiB(pid);
  let parserPeakMiB = 0;
  const memory = setInterval(() => {
    peakMiB = Math.max(peakMiB, rssMiB(pid));
    parserPeakMiB = Math.max(parserPeakMiB, childrenMiB(pid));
  }, 20);
  const latencies: number[] = [];
  const reader = (async () => {
    while (!done) {
      const started = performance.now();
      const response = await fetch(base + PUBLIC_PAGE);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`public page answered ${response.status}`);
      latencies.push(performance.now() - started);
      await sleep(100);
    }
  })();
  const started = performance.now();
  try {
    const result = await work();
    return { result, ms: Math.round(performance.now() - started), peakMiB: Math.round(peakMiB), parserPeakMiB: Math.round(parserPeakMiB), slowestPageMs: Math.round(Math.max(0, ...latencies)), pages: latencies.length };
  } finally {
    done = true;
    clearInterval(memory);
    await reader;
  }
}

function multipart(fields: [string, string][], file: { field: string; name: string; bytes: Uint8Array }): FormData {
  const form = new FormData();
  for (const [name, value] of fields) form.set(name, value);
  form.set(file.field, new File([file.bytes as Uint8Array<ArrayBuffer>], file.name));
  return form;
}

/** The first error sentence of an answer page (the refusal), for the table. */
function refusalOf(page: string): string {
  const text = page.replace(/<[^>]+>/g, '\n').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
  return /[^\n]*(上限|展開|細工|読めません|超え)[^\n]*/.exec(text)?.[0]?.trim() ?? '(no refusal found)';
}

/** Twenty anonymous 49 MB uploads at once, each with its Content-Length: the server must turn them away unread. */
async function anonymousFlood(base: string, path: string): Promise<number[]> {
  const url = new URL(base + path);
  const size = 49 * 1024 * 1024;
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const one = () =>
    new Promise<number>((resolve) => {
      const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': size } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', () => resolve(-1));
      let sent = 0;
      const write = () => {
        while (sent < size && !req.destroyed) {
          sent += chunk.byteLength;
          if (!req.write(chunk)) return void req.once('drain', write);
        }
        if (!req.destroyed) req.end();
      };
      write();
    });
  return Promise.all(Array.from({ length: 20 }, one));
}

export async function benchHostile(): Promise<Record<string, unknown>> {
  const { child, base, dataDir } = await startServer();
  try {
    const pid = child.pid!;
    const secretariat = session(base);
    const loginToken = await secretariat.csrf('/login');
    await secretariat.send('/login', { method: 'POST', body: new URLSearchParams({ _csrf: loginToken, login: 'asahi-secretariat', password: DEMO_PASSWORD, next: '' }) });
    const imports = '/admin/m/yokohama/wards/asahi/imports';
    const token = await secretariat.csrf(imports);
    const roundsPage = await (await secretariat.send('/admin/m/yokohama/wards/asahi/rounds')).text();
    const round = /\/admin\/m\/yokohama\/rounds\/([0-9a-f-]{36})/.exec(roundsPage)?.[0];
    const periodPage = /\/admin\/m\/yokohama\/plans\/[^"/]+\/periods\/\d+/.exec(await (await secretariat.send('/admin')).text())?.[0];
    const cases: { route: string; path: string; field: string; name: string; make: () => Uint8Array }[] = [
      { route: 'import', path: imports, field: 'file', name: 'zip-bomb-300MB.docx', make: () => docxBomb(300) },
      { route: 'import', path: imports, field: 'file', name: 'lying-zip-300MB.docx', make: () => docxBomb(300, { declared: 900_000 }) },
      { route: 'import', path: imports, field: 'file', name: 'paragraphs-30001.docx', make: () => docxParagraphs(30_001) },
      { route: 'import', path: imports, field: 'file', name: 'rows-4M.xlsx', make: () => xlsxBomb(100) },
      { route: 'import', path: imports, field: 'file', name: 'rows-100001.xlsx', make: () => xlsxRows(100_001) },
      { route: 'import', path: imports, field: 'file', name: 'flate-1GB.pdf', make: () => pdfFlateBomb(1024) },
      ...(round ? [{ route: '庁内照会 workbook', path: `${round}/workbook-imports`, field: 'workbook', name: 'rows-4M.xlsx', make: () => xlsxBomb(100) }] : []),
      ...(round ? [{ route: '庁内照会 workbook', path: `${round}/workbook-imports`, field: 'workbook', name: 'rows-100001.xlsx', make: () => xlsxRows(100_001) }] : []),
      ...(periodPage ? [{ route: 'plan structure', path: `${periodPage}/structure`, field: 'file', name: 'rows-100001.xlsx', make: () => xlsxRows(100_001) }] : []),
    ];
    const results = [];
    for (const c of cases) {
      const bytes = c.make();
      const measured = await watched(base, pid, async () => {
        const response = await secretariat.send(c.path, { method: 'POST', body: multipart([['_csrf', token]], { field: c.field, name: c.name, bytes }) });
        return { status: response.status, refusal: refusalOf(await response.text()) };
      });
      results.push({ route: c.route, file: c.name, kb: Math.round(bytes.byteLength / 1024), status: measured.result.status, ms: measured.ms, peakMiB: measured.peakMiB, parserPeakMiB: measured.parserPeakMiB, slowestPageMs: measured.slowestPageMs, refusal: measured.result.refusal });
    }
    const before = Math.round(rssMiB(pid));
    const flood = await watched(base, pid, () => anonymousFlood(base, imports));
    const anonymous = { uploads: 20, megabytesEach: 49, statuses: [...new Set(flood.result)], ms: flood.ms, rssBeforeMiB: before, peakMiB: flood.peakMiB, slowestPageMs: flood.slowestPageMs };
    const peak = Math.max(...results.map((r) => r.peakMiB), anonymous.peakMiB);
    const slowest = Math.max(...results.map((r) => r.slowestPageMs), anonymous.slowestPageMs);
    return { publicPage: PUBLIC_PAGE, results, anonymous, peakMiB: peak, slowestPageMs: slowest, memoryGoalMet: peak < MEMORY_GOAL_MIB, latencyGoalMet: slowest < LATENCY_GOAL_MS };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The figures as lines: one per bomb with its refusal, the anonymous uploads, the goals. */
export function printHostile(result: Record<string, unknown>): void {
  for (const r of result['results'] as Record<string, unknown>[]) {
    console.log(`  ${r['route']} · ${r['file']} (${r['kb']} KB): ${r['status']} in ${r['ms']} ms; server peak ${r['peakMiB']} MiB, parsing process peak ${r['parserPeakMiB']} MiB, slowest public page ${r['slowestPageMs']} ms`);
    console.log(`      ${r['refusal']}`);
  }
  const a = result['anonymous'] as Record<string, unknown>;
  console.log(`  ${a['uploads']} anonymous ${a['megabytesEach']} MB uploads at once: ${(a['statuses'] as number[]).join('/')} in ${a['ms']} ms; server ${a['rssBeforeMiB']} → peak ${a['peakMiB']} MiB, slowest public page ${a['slowestPageMs']} ms`);
  console.log(`  server peak ${result['peakMiB']} MiB (goal < ${MEMORY_GOAL_MIB}: ${result['memoryGoalMet'] ? 'met' : 'NOT met'}), slowest public page ${result['slowestPageMs']} ms (goal < ${LATENCY_GOAL_MS}: ${result['latencyGoalMet'] ? 'met' : 'NOT met'})`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) printHostile(await benchHostile());
