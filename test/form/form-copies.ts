/**
 * Finds places in source code that write down part of the national form themselves instead of
 * reading lambdas/core/form: lists of its row or column keys, label maps keyed by them, patterns
 * or strings that are its printed labels, and numeric tolerances of their own. Parsed with the
 * TypeScript compiler, so comments and prose in messages do not count.
 */
import ts from 'typescript';
import {
  DERIVED_ROWS,
  FORMATS,
  HEADERS,
  SECTIONS,
  T3_COLUMNS,
  T3_GROUPS,
  T3_LEGAL_PERSONS,
  T3_ROWS,
  T4_COLUMNS,
  T4_GROUPS,
  T4_LITIGATION,
  t2Rows,
} from '../../lambdas/core/form';

export interface Copy {
  file: string;
  line: number;
  kind: 'key-list' | 'label-map' | 'label-pattern' | 'label-string' | 'tolerance';
  text: string;
}

const t2 = FORMATS.flatMap((f) => t2Rows(f));
const rows = [...t2, ...T3_ROWS, ...T4_GROUPS];
const columns = [...rows.flatMap((r) => r.columns), T3_LEGAL_PERSONS];

/** Every row, group and column key part of the form. */
export const KEY_PARTS = new Set([...rows.map((r) => r.key), ...DERIVED_ROWS.map((d) => d.key), ...Object.keys(T3_GROUPS), ...columns.map((c) => c.key)]);

/** Every label the form prints or names a field by: rows, groups, columns, headers, section titles. */
export const LABELS: string[] = [
  ...new Set([
    ...rows.flatMap((r) => [r.zh, r.label]),
    ...Object.values(T3_GROUPS).flatMap((g) => [g.zh, g.label]),
    ...[...columns, ...T3_COLUMNS, ...T4_COLUMNS].flatMap((c) => [c.zh, c.label]),
    ...Object.values(HEADERS),
    T4_LITIGATION.zh,
    ...SECTIONS.map((s) => s.title),
  ]),
].filter((l) => l !== '');

const isKeyPart = (s: string) => KEY_PARTS.has(s);
const isFullKey = (s: string) =>
  /^t[234]\./.test(s) &&
  s
    .split('.')
    .slice(1)
    .every((p, i, all) => KEY_PARTS.has(all.slice(0, i + 1).join('.')) || KEY_PARTS.has(p));
const HAN = /[\u4e00-\u9fff]/;
/** A string literal this long or longer that equals a label is a copy of it; shorter ones (`其他`, `总计`) are common words. */
const MIN_LABEL = 4;

const stringOf = (n: ts.Node): string | null => (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) ? n.text : null);
const nameOf = (p: ts.ObjectLiteralElementLike): string | null => {
  if (!('name' in p) || !p.name) return null;
  if (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) return p.name.text;
  return null;
};

/** A regex's top-level alternatives (`a|b(c|d)|e` → a, b(c|d), e). */
function alternatives(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') i++;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === '|' && depth === 0) {
      out.push(body.slice(from, i));
      from = i + 1;
    }
  }
  return [...out, body.slice(from)];
}

/** An alternative that is plain words (no pattern syntax) of at least MIN_LABEL characters, found in a label of the form. */
function isLabelWords(alt: string): boolean {
  const words = alt.replace(/\\\//g, '/');
  if (words.length < MIN_LABEL || !/^[\u4e00-\u9fff（）“”、/·]+$/.test(words)) return false;
  return LABELS.some((l) => l.replace(/\s+/g, '').includes(words));
}

/** Whether a literal is an operand of a comparison, directly or through arithmetic (`Math.abs(a - b) < 1e-6`, `x <= y + 1e-9`). */
function inComparison(node: ts.Node): boolean {
  for (let n: ts.Node = node; n.parent; n = n.parent) {
    const p = n.parent;
    if (ts.isParenthesizedExpression(p) || ts.isPrefixUnaryExpression(p)) continue;
    if (!ts.isBinaryExpression(p)) return false;
    const op = p.operatorToken.kind;
    if ([ts.SyntaxKind.LessThanToken, ts.SyntaxKind.LessThanEqualsToken, ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.GreaterThanEqualsToken].includes(op))
      return true;
    if (![ts.SyntaxKind.PlusToken, ts.SyntaxKind.MinusToken].includes(op)) return false;
  }
  return false;
}

/**
 * The form's copies in one source file's text. `prose` files read how reports word figures in
 * sentences (`不予公开N件`, `主动公开规章22件`), a vocabulary of their own: their patterns and strings
 * may hold the form's words, but not its key lists, label maps or tolerance.
 */
export function formCopies(file: string, source: string, prose = false): Copy[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true, file.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const out: Copy[] = [];
  const add = (node: ts.Node, kind: Copy['kind']) =>
    out.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, kind, text: node.getText(sf).slice(0, 120) });
  const visit = (node: ts.Node) => {
    if (ts.isArrayLiteralExpression(node)) {
      const strings = node.elements.map(stringOf);
      if (strings.length >= 2 && strings.every((s) => s !== null && isKeyPart(s))) add(node, 'key-list');
    } else if (ts.isObjectLiteralExpression(node)) {
      const labelled = node.properties.filter((p) => {
        const name = nameOf(p);
        const value = ts.isPropertyAssignment(p) ? stringOf(p.initializer) : null;
        return name !== null && (isKeyPart(name) || isFullKey(name)) && value !== null && HAN.test(value);
      });
      if (labelled.length >= 2) add(node, 'label-map');
    } else if (ts.isRegularExpressionLiteral(node)) {
      const body = node.text.slice(1, node.text.lastIndexOf('/'));
      if (!prose && alternatives(body).some(isLabelWords)) add(node, 'label-pattern');
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (!prose && node.text.length >= MIN_LABEL && LABELS.includes(node.text)) add(node, 'label-string');
    } else if (ts.isNumericLiteral(node)) {
      const v = Number(node.text);
      // A numeric equality of its own (`Math.abs(a - b) < 1e-6`): the form's is core/form/tolerance.ts.
      if (v > 0 && v <= 1e-5 && inComparison(node)) add(node, 'tolerance');
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}
