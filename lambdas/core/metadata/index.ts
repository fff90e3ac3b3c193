import type { DocText, Section } from '../types';
import { readSignature } from './signature';
import { readTitle } from './title';

export interface Metadata {
  agency: string | null;
  /** A name the title gave that says no particular body (`政府`): not used as the agency. */
  doubtfulAgency?: string;
  year: number | null;
  publishedAt: string | null;
  /** The document names itself an annual disclosure report or has its sections. */
  isReport: boolean;
}

/** The statistics period states the reporting year: `统计期限为2024年1月1日至2024年12月31日`. */
const PERIOD = /统计(?:期限|时限|周期|时间|区间|期间|范围)[^。]{0,16}?(\d{4})\s*年\s*1\s*月\s*1\s*日/;

/** Agency, year and publication date from the title (else the signature), the statistics period and the page's date line. */
export function readMetadata(doc: DocText, sections: Section[]): Metadata {
  const head = doc.text.slice(0, 1500);
  const titled = (doc.title ? readTitle(doc.title) : null) ?? readTitle(head);
  const period = doc.text.slice(0, 5000).replace(/\s+/g, '').match(PERIOD);
  const year = period ? +period[1] : (titled?.year ?? null);
  // A title that names no body (or none at all): the report's signature may.
  const signed = titled?.agency ? null : readSignature(doc.text);
  return {
    agency: titled?.agency ?? signed,
    doubtfulAgency: signed ? undefined : titled?.doubtful,
    year,
    publishedAt: doc.publishedAt ?? null,
    isReport: titled !== null || sections.length >= 4,
  };
}
