/**
 * Shingled similarity in constant memory: a narrative is cut into overlapping character shingles and
 * kept as a one-permutation MinHash signature (Li, Owen & Zhang 2012): each shingle is hashed once
 * into one of SLOTS buckets, which keeps the smallest value it saw. The share of equal buckets among
 * those not empty in both estimates the Jaccard similarity of the shingle sets, at one hash per
 * shingle instead of one per shingle and slot.
 */
export const SHINGLE = 5;
const SLOTS = 128;
/** Slots of a signature: 32-bit values, 512 bytes in all. */
export const SIGNATURE_SLOTS = SLOTS;
const EMPTY = 0xffffffff;
// Bound once: inside a vm context (jest) every global lookup in the hot loop costs ~100×.
const imul = Math.imul;

/** FNV-1a over UTF-16 units. */
export function hash32(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finaliser: spreads FNV's weak low bits before they pick a bucket. */
function mix(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

export function minHash(text: string): Uint32Array {
  const sig = new Uint32Array(SLOTS).fill(EMPTY);
  for (let i = 0; i + SHINGLE <= text.length; i++) {
    const h = mix(hash32(text.slice(i, i + SHINGLE)));
    const slot = h & (SLOTS - 1);
    // The bucket's bits are spent; the rest orders shingles within it.
    const v = h >>> 7;
    if (v < sig[slot]) sig[slot] = v;
  }
  return sig;
}

export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  let used = 0;
  for (let s = 0; s < SLOTS; s++) {
    if (a[s] === EMPTY && b[s] === EMPTY) continue;
    used++;
    if (a[s] === b[s]) same++;
  }
  return used === 0 ? 0 : same / used;
}

/** A signature as bytes, little-endian (DynamoDB keeps it as a 512-byte binary attribute). */
export function signatureBytes(sig: Uint32Array): Uint8Array {
  const out = new Uint8Array(SLOTS * 4);
  const view = new DataView(out.buffer);
  for (let s = 0; s < SLOTS; s++) view.setUint32(s * 4, sig[s], true);
  return out;
}

/** The inverse of signatureBytes; null for anything that is not a whole signature. */
export function signatureFromBytes(bytes: Uint8Array): Uint32Array | null {
  return signatureInto(bytes, new Uint32Array(SLOTS));
}

/** signatureFromBytes into `target` (SLOTS long: a view into a larger buffer, say). */
export function signatureInto(bytes: Uint8Array, target: Uint32Array): Uint32Array | null {
  if (bytes.byteLength !== SLOTS * 4 || target.length !== SLOTS) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let s = 0; s < SLOTS; s++) target[s] = view.getUint32(s * 4, true);
  return target;
}
