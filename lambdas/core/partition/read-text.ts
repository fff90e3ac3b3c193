import { decode } from '../decode';
import type { Decoded, DocText } from '../types';
import { partitionHtml } from './html';
import { slimHtml } from './html-slim';
import { partitionText } from './text';

/**
 * An HTML or text report's bytes to its document text: the one path the parse and the evidence
 * view share, so a cell's offset (`Locator.offset`) means the same character in both.
 */
export function readText(bytes: Uint8Array, kind: 'html' | 'text'): { decoded: Decoded; doc: DocText } {
  const decoded = kind === 'html' ? decode(slimHtml(bytes), kind) : decode(bytes, kind);
  return { decoded, doc: kind === 'html' ? partitionHtml(decoded) : partitionText(decoded) };
}
