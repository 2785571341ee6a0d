/** A file on disk (or uploaded bytes) → its extracted lines and the interchange document read from them. */
import { extractBytes, extractFile, type ExtractedText, type ExtractOptions } from './extract-text.ts';
import type { InterchangeDocument } from './interchange.ts';
import { parseText } from './parse.ts';

export interface ReadDocument {
  text: ExtractedText;
  document: InterchangeDocument;
}

export async function readDocument(file: string, options: ExtractOptions = {}): Promise<ReadDocument> {
  const text = await extractFile(file, options);
  return { text, document: parseText(text) };
}

export async function readUpload(name: string, bytes: Uint8Array, options: ExtractOptions = {}): Promise<ReadDocument> {
  const text = await extractBytes(name, bytes, options);
  return { text, document: parseText(text) };
}
