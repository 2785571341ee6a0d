import { access, constants } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { fillMessage, type Params } from '../i18n/index.ts';
import { kernelMessages } from '../i18n/messages.ts';
import { OperatorError } from '../process/operator-error.ts';
import { bundledChromium } from './bundled-chromium.ts';
import { launchChromium } from './chromium.ts';

/** Where distributions and Google put Chromium or Chrome, tried after the one npm installed. */
export const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib64/chromium-browser/headless_shell', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];

/** A browser tried and why it cannot print; `detail` is the browser's own first line when it would not start. */
export type Attempt = {
  source: 'CHROMIUM_PATH' | 'npm' | 'system';
  where: string;
  problem: 'missing' | 'not-executable' | 'platform' | 'failed';
  detail?: string;
};

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
}

async function isExecutable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(() => true, () => false);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

type PdfMessageKey = Extract<keyof typeof kernelMessages, `pdf.unavailable.${string}`>;

/** A request's translator, or the command line's Japanese: the page and the command line say the same. */
type Words = (key: PdfMessageKey, params?: Params) => string;

function describeAttempt(t: Words, attempt: Attempt): string {
  const problem = t(`pdf.unavailable.problem.${attempt.problem}`, { detail: attempt.detail ?? '' });
  return t(`pdf.unavailable.source.${attempt.source}`, { where: attempt.where, problem });
}

export type PdfUnavailableText = { title: string; reason: string; attempts: string[]; install: string[] };

/** What cannot be printed, what was looked for, and how to install a browser. */
export function pdfUnavailableText(t: Words, attempts: readonly Attempt[]): PdfUnavailableText {
  return {
    title: t('pdf.unavailable.title'),
    reason: t('pdf.unavailable.reason'),
    attempts: attempts.map((attempt) => describeAttempt(t, attempt)),
    install: [t('pdf.unavailable.install.debian'), t('pdf.unavailable.install.redhat'), t('pdf.unavailable.install.path')],
  };
}

const japanese: Words = (key, params) => fillMessage(kernelMessages[key].ja, params);

/**
 * No browser could print: the web answers a page saying so (503), the command line prints this message (Japanese)
 * and exits 1. Everything else keeps working.
 */
export class PdfUnavailableError extends OperatorError {
  constructor(readonly attempts: readonly Attempt[]) {
    const text = pdfUnavailableText(japanese, attempts);
    const list = (heading: string, lines: string[]) => [`${heading}:`, ...lines.map((line) => `  ${line}`)];
    super([`${text.title}: ${text.reason}`, ...list(japanese('pdf.unavailable.tried'), text.attempts), ...list(japanese('pdf.unavailable.install'), text.install)].join('\n'));
  }
}

async function tryLaunch(path: string, source: Attempt['source'], attempts: Attempt[]): Promise<Browser | null> {
  try {
    return await launchChromium(path);
  } catch (error) {
    attempts.push({ source, where: path, problem: 'failed', detail: firstLine(error) });
    return null;
  }
}

async function launchConfigured(path: string): Promise<Browser> {
  if (!(await exists(path))) throw new PdfUnavailableError([{ source: 'CHROMIUM_PATH', where: path, problem: 'missing' }]);
  if (!(await isExecutable(path))) throw new PdfUnavailableError([{ source: 'CHROMIUM_PATH', where: path, problem: 'not-executable' }]);
  const attempts: Attempt[] = [];
  const browser = await tryLaunch(path, 'CHROMIUM_PATH', attempts);
  if (!browser) throw new PdfUnavailableError(attempts);
  return browser;
}

async function launchBundled(attempts: Attempt[]): Promise<Browser | null> {
  const where = '@sparticuz/chromium';
  const bundled = await bundledChromium().catch((error: unknown) => ({ kind: 'failed' as const, detail: firstLine(error) }));
  if (bundled.kind === 'ready') return tryLaunch(bundled.path, 'npm', attempts);
  if (bundled.kind === 'failed') attempts.push({ source: 'npm', where, problem: 'failed', detail: bundled.detail });
  else attempts.push({ source: 'npm', where, problem: bundled.reason === 'platform' ? 'platform' : 'missing' });
  return null;
}

async function launchSystem(attempts: Attempt[]): Promise<Browser | null> {
  const installed: string[] = [];
  for (const path of SYSTEM_CHROMIUMS) if (await isExecutable(path)) installed.push(path);
  if (installed.length === 0) attempts.push({ source: 'system', where: SYSTEM_CHROMIUMS.join(', '), problem: 'missing' });
  for (const path of installed) {
    const browser = await tryLaunch(path, 'system', attempts);
    if (browser) return browser;
  }
  return null;
}

/**
 * The browser PDFs are printed with: the one CHROMIUM_PATH names and no other; without it the Chromium npm installed
 * (@sparticuz/chromium), then the system's. Throws PdfUnavailableError saying what was tried when none starts.
 */
export async function launchPrintingBrowser(chromiumPath: string | null): Promise<Browser> {
  if (chromiumPath !== null) return launchConfigured(chromiumPath);
  const attempts: Attempt[] = [];
  const browser = (await launchBundled(attempts)) ?? (await launchSystem(attempts));
  if (!browser) throw new PdfUnavailableError(attempts);
  return browser;
}
