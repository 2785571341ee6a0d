import { createHash } from 'node:crypto';
import { onLocalContentChange, CONTENT_CHANNEL } from '../db/command.ts';
import type { Database } from '../db/database.ts';

/** `disposition`: the Content-Disposition of a download (a PDF, a Word file) kept like a page. */
export type CachedEntry = { body: Uint8Array; etag: string; contentType: string; disposition?: string };

/** Public pages and API answers take no query parameters, so the language and the path name an entry. */
export function pageKey(locale: string, path: string): string {
  return `${locale} ${path}`;
}

const encoder = new TextEncoder();

/**
 * Public pages rendered once and served from memory until their data changes. A change committed in this process
 * clears it at once; one committed by another process arrives by LISTEN/NOTIFY. Everything is cleared rather than
 * tracked per page: changes are rare and a page renders in milliseconds.
 */
export class PageCache {
  private entries = new Map<string, CachedEntry>();
  private values = new Map<string, unknown>();
  private generation = 0;
  private stopListening: (() => Promise<void>) | null = null;
  private stopLocal: (() => void) | null = null;

  constructor(readonly enabled: boolean) {}

  async attach(database: Database): Promise<void> {
    this.stopLocal = onLocalContentChange(database, () => this.clear());
    if (database.kind === 'postgres') this.stopListening = await database.listen(CONTENT_CHANNEL, () => this.clear());
  }

  async detach(): Promise<void> {
    this.stopLocal?.();
    await this.stopListening?.();
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.values.clear();
  }

  get(key: string): CachedEntry | undefined {
    return this.enabled ? this.entries.get(key) : undefined;
  }

  /** Stores a page (or a download) unless the data changed while it was being rendered. */
  async remember(key: string, contentType: string, render: () => Promise<string | Uint8Array>, disposition?: string): Promise<CachedEntry> {
    const generation = this.generation;
    const rendered = await render();
    // Kept as bytes: encoding a 60 KB page to UTF-8 on every hit costs more than the rest of serving it.
    const body = typeof rendered === 'string' ? encoder.encode(rendered) : rendered;
    const entry = { body, contentType, etag: `"${createHash('sha1').update(body).digest('base64url')}"`, ...(disposition ? { disposition } : {}) };
    if (this.enabled && generation === this.generation) this.entries.set(key, entry);
    return entry;
  }

  /**
   * A value read from the data that every page shows (whether to warn of published passwords), kept and dropped with
   * the pages, so that a request reads it from memory; computed every time when the cache is off.
   */
  async value<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.enabled && this.values.has(key)) return this.values.get(key) as T;
    const generation = this.generation;
    const value = await compute();
    if (this.enabled && generation === this.generation) this.values.set(key, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
