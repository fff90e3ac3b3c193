import { agencyIdentity } from '../core/agency/identity';
import { AgencyMatcher, type Agency } from '../core/audit';
import { valuesForYear } from '../store';
import { getRegistry } from '../store/audit';

/** One agency as the page names it: the registered name when the registry knows it, else the printed one. */
export interface AgencyEntry {
  name: string;
  registered: boolean;
  kind: string | null;
  level: string | null;
  region: string | null;
  /** Every name its reports were printed under in the years read, and its registered aliases. */
  names: string[];
}

export interface AgencyDirectory {
  /** Every agency known so far: the registry, the years read, and any name `of` has been asked since. */
  entries(): AgencyEntry[];
  /** The agency a printed name stands for (added to the directory when new); null for no name. */
  of(printed: string | null): AgencyEntry | null;
}

/**
 * The agencies of some years: registered ones (with the names their reports printed, matched as
 * the audit matches them: aliases and a dropped leading division) and unregistered printed names.
 */
export async function agencyDirectory(years: number[]): Promise<AgencyDirectory> {
  const registry = await getRegistry();
  const matcher = new AgencyMatcher(registry);
  const byName = new Map<string, AgencyEntry>();
  const entry = (a: Agency): AgencyEntry => ({ name: a.name, registered: true, kind: a.kind, level: a.level, region: a.region, names: [a.name, ...a.aliases] });
  for (const a of registry) byName.set(a.name, entry(a));
  /** Unregistered agencies by identity: 第8师 and 第八师 are one entry. */
  const unregistered = new Map<string, AgencyEntry>();
  const printed = new Map<string, AgencyEntry>();
  const of = (name: string | null): AgencyEntry | null => {
    if (!name) return null;
    const known = printed.get(name);
    if (known) return known;
    const hit = matcher.match(name);
    const id = agencyIdentity(name);
    let e = hit.agency ? byName.get(hit.agency.name) : unregistered.get(id);
    if (!e) {
      e = { name, registered: false, kind: null, level: null, region: null, names: [name] };
      unregistered.set(id, e);
    }
    if (!e.names.includes(name)) e.names.push(name);
    printed.set(name, e);
    return e;
  };
  for (const year of years) for (const r of await valuesForYear(year)) of(r.agency);
  // Read when asked: a name met after the years were read (an audit finding about an agency known only
  // from an older registry or year) adds its entry, and a list taken before would miss it.
  return { entries: () => [...byName.values(), ...unregistered.values()], of };
}

/** Every name an agency's reports may be printed under, as far as the years read show. */
export async function namesOf(agency: string, years: number[]): Promise<string[]> {
  const dir = await agencyDirectory(years);
  return dir.of(agency)?.names ?? [agency];
}
