import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Agency } from '../../lambdas/core/audit';
import { putRegistry } from '../../lambdas/store/audit';
import type { Report } from '../../lambdas/core/types';
import { renderTextRuns } from '../../scripts/generate/render-text-runs';
import { auditLocally } from '../../local/audit-machine';
import type { LocalStack } from '../../local/stack';
import { LICENSING_2019, LICENSING_2020, pair2019 } from '../resolve/fixtures';
import { seedWorkbench, WB_REGISTRY } from './workbench-fixtures';

/**
 * The officers' workbench as a new user meets it after a few audits: the 62-agency province over
 * 2023 and 2024, the 2024 audit run against a registry that named one more agency, then the
 * registry changed (that agency dropped, one renamed) and 2023 audited again; a PDF report; and
 * an agency whose 2020 table-2 rows ran together, waiting for review (待核实).
 */

/** Registered at the 2024 audit (missing, so X3-MISSING), gone from the registry by the 2023 audit: known only from an audit finding. */
export const DROPPED_AGENCY = '淮安市档案馆';
/** Printed run-together rows (the Pingtan pair of the issue) wait for review under this agency in 2020. */
export const PENDING_AGENCY = '南溪县教育局';

const ROOT = path.resolve(__dirname, '../..');
const dropped: Agency = { name: DROPPED_AGENCY, aliases: [], kind: 'department', region: '淮安市', level: '市', parent: '淮安市人民政府', deadline: null };

export interface World {
  reports: Report[];
}

export async function buildWorkbenchWorld(stack: LocalStack): Promise<World> {
  const reports = await seedWorkbench(stack);
  await putRegistry([...WB_REGISTRY, dropped]);
  await auditLocally({ year: 2024, today: '2025-06-01' });
  // The registry changes between audits: one agency leaves it, another is renamed.
  const renamed = WB_REGISTRY.map((a) => (a.name === WB_REGISTRY[1].name ? { ...a, aliases: [a.name], name: `${a.name}（新）` } : a));
  await putRegistry(renamed);
  await auditLocally({ year: 2023, today: '2024-06-01' });
  await stack.upload('incoming/gen-2021-pdf-cid.pdf', readFileSync(path.join(ROOT, 'samples/pdf/gen-2021-pdf-cid.pdf')));
  const [r19, r20] = pair2019(LICENSING_2019, LICENSING_2020, [PENDING_AGENCY, PENDING_AGENCY]).map((s) => renderTextRuns(s));
  await stack.upload('incoming/nanxi-2019.txt', r19);
  await stack.upload('incoming/nanxi-2020.txt', r20);
  return { reports };
}
