import { RejectedInput } from '../errors';
import { readMetadata } from '../metadata';
import { extractNarrative } from '../narrative';
import { checkAgency } from '../ocr/agency-check';
import { reviewScan } from '../ocr/review';
import type { ScanDoc } from '../ocr/scan';
import { NoTextLayer, partitionPdf } from '../partition/pdf';
import { readText } from '../partition/read-text';
import { checkReport } from '../rules';
import { withIds } from '../rules/evidence';
import { findSections } from '../sections/find-sections';
import { sniffKind } from '../sniff/input-kind';
import { extractTables } from '../tables';
import type { DocText, InputInfo, Report } from '../types';
import { computeDerived } from '../values/derived';
import { emptyReport, inputInfo, rejectReport } from './empty-report';
import { limits, type Limits, type ParseOptions } from './options';

export interface ParseInput {
  /** Record id: the file name without its extension. */
  id: string;
  /** Original file name; only a hint, the bytes decide the format. */
  name?: string;
  bytes: Uint8Array;
}

/**
 * Bytes to a checked record. Never throws for bad input: a file that is not a readable report
 * comes back `rejected` with a reason; an unexpected error comes back `failed`.
 */
export async function parseReport(input: ParseInput, options: ParseOptions = {}): Promise<Report> {
  const opts = limits(options);
  const info = inputInfo(input.bytes);
  const report = emptyReport(input.id, info);
  try {
    if (input.bytes.byteLength > opts.maxBytes)
      throw new RejectedInput(`The file is ${mb(input.bytes.byteLength)} MB, over the ${mb(opts.maxBytes)} MB limit for a report.`);
    const sniffed = sniffKind(input.bytes, input.name);
    if (!sniffed.kind) throw new RejectedInput(sniffed.reason);
    info.kind = sniffed.kind;
    const doc = await toDocText(input.bytes, info, report, opts);
    fill(report, doc);
  } catch (err) {
    if (err instanceof NeedsOcr) return awaitingOcr(report);
    if (err instanceof RejectedInput) return rejectReport(report, err);
    report.status = 'failed';
    report.reason = `Unexpected error while parsing: ${err instanceof Error ? err.message : String(err)}`;
    return report;
  }
  return report;
}

/** A scan met by a parse that does not OCR (the ingest function's): it is handed on, not rejected. */
class NeedsOcr extends Error {}

function awaitingOcr(report: Report): Report {
  report.status = 'ocr';
  report.reason = 'A scan (page images with no text layer): it is being read by OCR.';
  return report;
}

async function toDocText(bytes: Uint8Array, info: InputInfo, report: Report, opts: Limits): Promise<DocText | ScanDoc> {
  if (info.kind === 'pdf') {
    try {
      const doc = await partitionPdf(bytes, opts);
      info.encoding = 'pdf';
      info.pages = doc.pages;
      return doc;
    } catch (err) {
      if (!(err instanceof NoTextLayer)) throw err;
    }
  }
  if (info.kind === 'pdf' || info.kind === 'image') {
    if (!opts.ocr) throw new NeedsOcr();
    const doc = await opts.ocr(bytes, info.kind, opts.maxPages);
    info.encoding = 'ocr';
    info.pages = doc.pages;
    return doc;
  }
  // HTML shares the text cap: its DOM costs far more memory per byte than plain text.
  if (bytes.byteLength > opts.maxTextBytes)
    throw new RejectedInput(
      `The ${info.kind === 'html' ? 'HTML' : 'text'} file is ${mb(bytes.byteLength)} MB; an annual report is far smaller (limit ${mb(opts.maxTextBytes)} MB for text and HTML).`,
      'P-TOO-LARGE',
    );
  const { decoded, doc } = readText(bytes, info.kind);
  info.encoding = decoded.encoding;
  info.script = decoded.script;
  report.repairs = decoded.repairs;
  return doc;
}

function fill(report: Report, doc: DocText | ScanDoc): void {
  report.sections = findSections(doc.text);
  const meta = readMetadata(doc, report.sections);
  report.narrative = extractNarrative(doc.text, report.sections);
  const read = extractTables(doc, report.sections, report.narrative);
  // A scan's figures are as good as their reading: the uncertain ones are left for the identities, a neighbour or an officer.
  const tables = 'ocr' in doc ? reviewScan(read, doc.ocr) : read;
  if (!meta.isReport && tables.values.length === 0)
    throw new RejectedInput(
      'This document is not an annual report on government information disclosure: it has neither the title, the six sections nor the standard tables.',
      'P-NOT-A-REPORT',
    );
  // A scan's agency stands only as OCR surely read it somewhere it is printed; in doubt it is no agency's report yet.
  const checked = 'ocr' in doc && meta.agency ? checkAgency(meta.agency, doc.ocr.tokens) : undefined;
  report.agency = checked && 'doubt' in checked ? null : (checked?.agency ?? meta.agency);
  report.year = meta.year;
  report.publishedAt = meta.publishedAt;
  report.format = tables.format;
  report.tables = tables.tables;
  for (const v of tables.values) {
    report.values[v.key] = v.value;
    report.evidence[v.key] = v.evidence;
  }
  if (tables.undecided.length) report.undecided = tables.undecided;
  report.derived = computeDerived(report.values);
  const doubt = meta.doubtfulAgency
    ? [
        {
          rule: 'P-AGENCY-UNCERTAIN',
          severity: 'warning' as const,
          message: `标题中的机关名称“${meta.doubtfulAgency}”不指向具体机关，未采用；该报告不占用任何机关的年度位置。`,
          messageEn: `The title names "${meta.doubtfulAgency}", which is no particular agency: not used, so the report takes no agency's slot for the year.`,
          keys: ['agency'],
          evidence: meta.doubtfulAgency,
        },
      ]
    : [];
  const unread =
    checked && 'doubt' in checked
      ? [
          {
            rule: 'P-AGENCY-UNCERTAIN',
            severity: 'warning' as const,
            message: `扫描件中机关名称的第 ${checked.doubt.at.map((k) => k + 1).join('、')} 个字识别把握不足，各处读作：${checked.doubt.readings.join('、')}；未采用，待核实后该报告才占用机关的年度位置。`,
            messageEn: `The agency's name on the scan is not read for sure (character ${checked.doubt.at.map((k) => k + 1).join(', ')}); it reads ${checked.doubt.readings.join(' / ')} where it is printed: not used, so the report takes no agency's slot until confirmed.`,
            keys: ['agency'],
            evidence: checked.doubt.readings.join(' / '),
          },
        ]
      : [];
  report.findings = withIds(report.id, [...(doc.findings ?? []), ...tables.findings, ...doubt, ...unread, ...checkReport(report)]);
}

/** What is known of the bytes before they are read: size and hash; kind and encoding come later. */
const mb = (n: number) => (n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 0);
