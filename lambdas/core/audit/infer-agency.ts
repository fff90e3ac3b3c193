import { AgencyMatcher } from './names';
import type { Agency, ReportSummary } from './types';

/** Division words that end a place name; the first group widens the autonomous ones to their level. */
const DIVISION = '(?:自治区|自治州|自治县|省|市|县|区|州|盟|旗|乡|镇|街道)';
/**
 * The place a name starts with: one or more divisions, each after at least one other character
 * (淮安市洪泽区…), but not the division characters inside words (城乡, 市场, 社区, 县域).
 */
const PLACE = new RegExp(`^(?:[^省市县区州盟旗乡镇]{1,12}?(?<![城社])${DIVISION}(?![场域村级]))+`, 'u');
const LAST_DIVISION = new RegExp(`${DIVISION}$`, 'u');
const LEVEL_OF: Record<string, string> = { 自治区: '省', 自治州: '市', 盟: '市', 州: '市', 自治县: '县', 旗: '县', 乡: '镇' };
/** What follows the place in a government's own name; anything else (局, 办公室, 委员会 …) is a department. */
const GOVERNMENT_TAIL = /^(?:人民政府|政府|管委会|管理委员会|街道办事处|办事处)?$/u;

/**
 * Kind, level and parent government of an agency from its name alone, for agencies no registry row
 * names: 淮安市洪泽区教育局 is a department at 区 level under 淮安市洪泽区人民政府.
 */
export function inferAgency(name: string): Agency {
  const place = PLACE.exec(name)?.[0] ?? '';
  const rest = name.slice(place.length);
  const division = LAST_DIVISION.exec(place)?.[0] ?? '';
  const kind = place && GOVERNMENT_TAIL.test(rest) ? 'government' : 'department';
  return {
    name,
    aliases: [],
    kind,
    region: place,
    level: LEVEL_OF[division] ?? division,
    parent: kind === 'department' && place ? `${place}人民政府` : null,
    deadline: null,
    inferred: true,
  };
}

/**
 * Gives every report that matches no registered agency an inferred one. Names are grouped as the
 * registry groups them (normalisation, a leading division dropped), longest first so the fullest
 * name stands for the agency; a department's parent is resolved among registered and inferred names.
 */
export function withInferredAgencies(reports: readonly ReportSummary[], registry: AgencyMatcher): ReportSummary[] {
  const unmatched = new Set<string>();
  for (const r of reports) if (!r.agency && r.agencyText) unmatched.add(r.agencyText);
  const printed = [...unmatched];
  const inferred = new AgencyMatcher([]);
  const byPrinted = new Map<string, Agency>();
  for (const name of printed.sort((a, b) => b.length - a.length || (a < b ? -1 : 1))) {
    const hit = inferred.match(name);
    if (hit.agency) {
      if (hit.agency.name !== name) hit.agency.aliases.push(name);
      byPrinted.set(name, hit.agency);
    } else if (!('candidates' in hit && hit.candidates.length)) {
      const agency = inferAgency(name);
      inferred.add(agency);
      byPrinted.set(name, agency);
    }
  }
  for (const agency of byPrinted.values()) {
    if (agency.parent) agency.parent = registry.match(agency.parent).agency?.name ?? inferred.match(agency.parent).agency?.name ?? agency.parent;
  }
  return reports.map((r) => {
    const agency = !r.agency && r.agencyText ? byPrinted.get(r.agencyText) : undefined;
    return agency ? { ...r, agency } : r;
  });
}
