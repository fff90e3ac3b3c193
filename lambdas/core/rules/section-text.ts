import { squeeze } from '../partition/normalize';
import type { Report } from '../types';

/**
 * A section's prose with all whitespace removed: PDF lines break inside words (`管理办\n法`) and
 * inside dates (`2023 年`), and Chinese needs no spaces to be read.
 */
export function sectionText(report: Report, n: number): string | null {
  const section = report.sections.find((s) => s.n === n);
  return section ? squeeze(section.text) : null;
}
