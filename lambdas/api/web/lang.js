// The page in one language at a time: Chinese by default, English on the switch, remembered in
// this browser. Views write their texts as pairs, t('总览', 'Overview'), or as the one literal
// 'ZH English' that tr() splits where the English begins.

const KEY = 'ogi-lang';
const stored = () => {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
};

let current = stored() === 'en' ? 'en' : 'zh';

export const lang = () => current;

export function setLang(next) {
  current = next === 'en' ? 'en' : 'zh';
  document.documentElement.lang = current === 'en' ? 'en' : 'zh-CN';
  try {
    localStorage.setItem(KEY, current);
  } catch {
    // Private windows may refuse storage: the switch then lasts for this page only.
  }
}

/** The text in the chosen language; a missing English falls back to the Chinese. */
export const t = (zh, en) => (current === 'en' ? (en ?? zh) : zh);

/** A {zh, en} pair from the API (rule names, statuses, reasons) in the chosen language. */
export const pick = (pair, fallback = '') => (pair ? t(pair.zh, pair.en) : fallback);

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2026\u201c\u201d]/;

/**
 * 'ZH English' → the one the page shows: the English starts at the first Latin letter that
 * follows Chinese (or its punctuation) across spaces. A text with no such point is shown as it is.
 */
export function tr(both) {
  const s = String(both);
  for (let i = 1; i < s.length; i++) {
    if (!/[A-Za-z]/.test(s[i])) continue;
    let j = i - 1;
    while (j >= 0 && s[j] === ' ') j--;
    if (j >= 0 && j < i - 1 && CJK.test(s[j])) return t(s.slice(0, i).trim(), s.slice(i).trim());
    if (j >= 0 && j === i - 1 && /[。：；）」…]/.test(s[j])) return t(s.slice(0, i).trim(), s.slice(i).trim());
  }
  return s;
}
