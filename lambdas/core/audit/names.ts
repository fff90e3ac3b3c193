import { agencyIdentity } from '../agency/identity';
import type { Agency } from './types';

/** Characters that close an administrative division; a name re-starts with a place after one. */
const DIVISION = /[省市区县州盟旗乡镇]/;

/**
 * The tails of a name that begin after a division and still start with a place of their own, e.g.
 * 淮安市洪泽区人民政府 → 洪泽区人民政府. A tail must name a division after at least one character
 * (洪泽区…, 泗县…) so generic tails such as 人民政府 or 市场监督管理局 never stand for an agency.
 */
function tails(name: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < name.length - 1; i++) {
    if (!DIVISION.test(name[i - 1])) continue;
    const tail = name.slice(i);
    if (DIVISION.test(tail.slice(1, -1))) out.push(tail);
  }
  return out;
}

/**
 * The name two reports of one agency share without a registry: its identity (agencyIdentity) with its
 * leading divisions dropped (淮安市洪泽区人民政府 and 洪泽区人民政府 both give 洪泽区人民政府).
 */
export function agencyKey(printed: string): string {
  const name = agencyIdentity(printed);
  return tails(name).at(-1) ?? name;
}

/**
 * The name under which the audit groups a report's agency, for finding its other years: the
 * registered agency's name when the registry matches the printed one (name, alias or division),
 * else the printed one; either with its leading divisions dropped (agencyKey), so a registry that
 * names an agency the printed way keeps the key the agency had without it.
 */
export function matchingName(printed: string, registry: AgencyMatcher): string {
  return agencyKey(registry.match(printed).agency?.name ?? printed);
}

export type MatchResult = { agency: Agency; via: 'name' | 'alias' | 'division' } | { agency: null; candidates: Agency[] };

/**
 * Matches agency names as printed in reports to the registry: the exact name or an alias after
 * normalisation, else a unique match once a leading division is dropped on either side
 * (洪泽区人民政府 ↔ 淮安市洪泽区人民政府, 江苏省淮安市洪泽区人民政府 → 淮安市洪泽区人民政府).
 */
export class AgencyMatcher {
  private readonly exact = new Map<string, { agency: Agency; via: 'name' | 'alias' }>();
  private readonly byTail = new Map<string, Set<Agency>>();

  constructor(registry: readonly Agency[]) {
    // Names first: an alias never takes the name of another agency.
    for (const agency of registry) this.exact.set(agencyIdentity(agency.name), { agency, via: 'name' });
    for (const agency of registry) this.index(agency, false);
  }

  /** Adds one agency after the others (the audit groups unregistered names this way). */
  add(agency: Agency): void {
    this.index(agency, true);
  }

  private index(agency: Agency, withName: boolean): void {
    if (withName) this.exact.set(agencyIdentity(agency.name), { agency, via: 'name' });
    for (const alias of agency.aliases) {
      const key = agencyIdentity(alias);
      if (!this.exact.has(key)) this.exact.set(key, { agency, via: 'alias' });
    }
    for (const n of [agency.name, ...agency.aliases]) {
      for (const t of tails(agencyIdentity(n))) {
        const set = this.byTail.get(t) ?? new Set();
        set.add(agency);
        this.byTail.set(t, set);
      }
    }
  }

  match(printed: string | null): MatchResult {
    if (!printed) return { agency: null, candidates: [] };
    const name = agencyIdentity(printed);
    const exact = this.exact.get(name);
    if (exact) return exact;
    const shorter = [...(this.byTail.get(name) ?? [])];
    if (shorter.length === 1) return { agency: shorter[0], via: 'division' };
    if (shorter.length > 1) return { agency: null, candidates: shorter };
    const longer = new Set(
      tails(name).flatMap((t) => {
        const hit = this.exact.get(t);
        return hit ? [hit.agency] : [];
      }),
    );
    if (longer.size === 1) return { agency: [...longer][0], via: 'division' };
    return { agency: null, candidates: [...longer] };
  }
}
