import type { Finding, Report } from '../types';
import { fingerprint, renderEvidence } from './evidence';
import { RULES } from './registry';
import type { Issue, Rule } from './rule';

/**
 * Runs every registered rule over a record. A rule that throws gives a failed internal finding instead
 * of failing the parse (as audit rules do): one broken rule must not cost the report its other findings,
 * and an officer sees that it broke.
 */
export function checkReport(report: Report, rules: readonly Rule[] = RULES): Finding[] {
  return rules.flatMap((rule) => runRule(rule, report).map((issue) => toFinding(report, rule, issue)));
}

function runRule(rule: Rule, report: Report): Issue[] {
  try {
    return rule.check(report);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return [
      {
        rule: `${rule.id}-internal`,
        severity: 'warning',
        outcome: 'failed',
        message: `规则${rule.id}运行出错，未能判断：${why}`,
        messageEn: `Rule ${rule.id} failed internally and could not judge: ${why}`,
        keys: [],
      },
    ];
  }
}

function toFinding(report: Report, rule: Rule, issue: Issue): Finding {
  return {
    id: fingerprint(report.id, issue),
    rule: issue.rule,
    severity: issue.severity,
    outcome: issue.outcome,
    message: issue.message,
    messageEn: issue.messageEn,
    basis: issue.basis ?? rule.basis,
    keys: issue.keys,
    evidence: renderEvidence(report, issue),
  };
}
