// DOM building without innerHTML: report text is untrusted, so every string becomes a text node
// or an attribute set through setAttribute, never markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** el('td', {class: 'x', onclick: fn}, 'text', childNode, [more]) */
export function el(tag, attrs = {}, ...children) {
  return build(document.createElement(tag), attrs, children);
}

export function svg(tag, attrs = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

function build(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

/** Appends children as el() does: strings as text nodes, arrays flattened, null/undefined/false skipped (DOM append would print "null"). */
export function append(node, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export const percent = (x) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);
export const number = (x) => (x === null || x === undefined ? '—' : Number(x).toLocaleString('zh-CN'));

/** A table's head: one row of the given cells (`th` elements, or arrays of them). */
export const thead = (...cells) => el('thead', {}, el('tr', {}, ...cells));
