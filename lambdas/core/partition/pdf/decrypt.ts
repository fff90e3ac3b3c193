import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { RejectedInput } from '../../errors';
import { resolve, type PdfObjects } from './objects';
import { isDict, nameOf, PdfString, type PdfDict } from './syntax';

/**
 * The standard security handler (ISO 32000-2 §7.6.4), as far as pdf.js goes without asking for a
 * password: a file encrypted with an empty user password (only its owner may change it) opens in
 * pdf.js silently, so its streams are decrypted here before they are measured. RC4 (40–128 bit),
 * AES-128 and AES-256 (revisions 2–6).
 */

/** What pdf.js says of a file it cannot open without a password; the same words either way. */
export const encryptedRejection = () =>
  new RejectedInput('The PDF is encrypted (password-protected); publish or upload an unprotected copy.', 'P-PDF-ENCRYPTED');

type Cipher = 'rc4' | 'aes128' | 'aes256' | 'identity';

export interface Decryptor {
  /** A stream's data as pdf.js decrypts it (object number and generation give its key). */
  stream(num: number, gen: number, data: Buffer, dict: PdfDict): Buffer;
}

const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

/**
 * The decryptor of an encrypted file, or undefined for a file that is not encrypted. A file pdf.js
 * could not open without a password (or whose encryption this reading does not know) is refused
 * as encrypted: pdf.js would refuse it the same way, and nothing here can measure what it holds.
 */
export function decryptorOf(objects: PdfObjects): Decryptor | undefined {
  const trailer = [...objects.trailers].reverse().find((t) => t.has('Encrypt'));
  if (!trailer) return undefined;
  const enc = resolve(objects, trailer.get('Encrypt'));
  if (!isDict(enc) || nameOf(resolve(objects, enc.get('Filter'))) !== 'Standard') throw encryptedRejection();
  const num = (k: string, d: number) => {
    const v = resolve(objects, enc.get(k));
    return typeof v === 'number' ? v : d;
  };
  const str = (k: string) => {
    const v = resolve(objects, enc.get(k));
    return v instanceof PdfString ? Buffer.from(v.bytes, 'latin1') : Buffer.alloc(0);
  };
  const ids = resolve(objects, trailer.get('ID'));
  const id = Array.isArray(ids) && ids[0] instanceof PdfString ? Buffer.from(ids[0].bytes, 'latin1') : Buffer.alloc(0);
  const v = num('V', 0);
  const r = num('R', 2);
  const o = str('O');
  const u = str('U');
  const p = num('P', 0);
  const encryptMetadata = resolve(objects, enc.get('EncryptMetadata')) !== false;
  const cipher = streamCipher(objects, enc, v);
  const key = r >= 5 ? aes256Key(r, u, str('UE')) : rc4Key(r, v === 1 ? 5 : num('Length', v >= 4 ? 128 : 40) / 8, o, u, p, id, encryptMetadata);
  if (!key || cipher === undefined) throw encryptedRejection();
  return {
    stream(n, gen, data, dict) {
      // Cross-reference streams are never encrypted; metadata only when the file says so.
      const type = nameOf(resolve(objects, dict.get('Type')));
      if (cipher === 'identity' || type === 'XRef' || (type === 'Metadata' && !encryptMetadata)) return data;
      if (cipher === 'aes256') return aesDecrypt(key, data);
      const objectKey = md5(
        key,
        Buffer.from([n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, gen & 0xff, (gen >> 8) & 0xff]),
        cipher === 'aes128' ? Buffer.from('sAlT') : Buffer.alloc(0),
      );
      const k = objectKey.subarray(0, Math.min(key.length + 5, 16));
      return cipher === 'rc4' ? rc4(k, data) : aesDecrypt(k, data);
    },
  };
}

/** The cipher of streams: RC4 for V 1–2, the `/StmF` crypt filter's method for V 4–5. */
function streamCipher(objects: PdfObjects, enc: PdfDict, v: number): Cipher | undefined {
  if (v === 1 || v === 2) return 'rc4';
  if (v !== 4 && v !== 5) return undefined;
  const stmF = nameOf(resolve(objects, enc.get('StmF'))) ?? 'Identity';
  if (stmF === 'Identity') return 'identity';
  const filters = resolve(objects, enc.get('CF'));
  const cf = isDict(filters) ? resolve(objects, filters.get(stmF)) : undefined;
  const method = isDict(cf) ? nameOf(resolve(objects, cf.get('CFM'))) : undefined;
  return method === 'V2' ? 'rc4' : method === 'AESV2' ? 'aes128' : method === 'AESV3' ? 'aes256' : method === 'None' ? 'identity' : undefined;
}

const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();
const sha = (alg: string, ...parts: Buffer[]) => createHash(alg).update(Buffer.concat(parts)).digest();

/** Algorithm 2 with the empty user password, checked against `/U` (pdf.js tries an owner password only when given one). */
function rc4Key(r: number, n: number, o: Buffer, u: Buffer, p: number, id: Buffer, encryptMetadata: boolean): Buffer | undefined {
  const pBytes = Buffer.alloc(4);
  pBytes.writeInt32LE(p | 0);
  let key = md5(PAD, o, pBytes, id, r >= 4 && !encryptMetadata ? Buffer.from([255, 255, 255, 255]) : Buffer.alloc(0));
  if (r >= 3) for (let i = 0; i < 50; i++) key = md5(key.subarray(0, n));
  key = key.subarray(0, n);
  if (r === 2) return rc4(key, PAD).equals(u.subarray(0, 32)) ? key : undefined;
  let x = rc4(key, md5(PAD, id));
  for (let i = 1; i <= 19; i++) x = rc4(xorKey(key, i), x);
  return x.equals(u.subarray(0, 16)) ? key : undefined;
}

const xorKey = (key: Buffer, i: number) => Buffer.from(key.map((b) => b ^ i));

/** Revisions 5 and 6: the file key is `/UE` decrypted with a hash of the empty password and the key salt, once the validation salt checks. */
function aes256Key(r: number, u: Buffer, ue: Buffer): Buffer | undefined {
  const empty = Buffer.alloc(0);
  const hash = (salt: Buffer) => (r === 5 ? sha('sha256', empty, salt) : hash2B(empty, salt, empty));
  if (u.length < 48 || ue.length < 32 || !hash(u.subarray(32, 40)).equals(u.subarray(0, 32))) return undefined;
  const d = createDecipheriv('aes-256-cbc', hash(u.subarray(40, 48)), Buffer.alloc(16));
  d.setAutoPadding(false);
  return Buffer.concat([d.update(ue.subarray(0, 32)), d.final()]);
}

/** Algorithm 2.B (revision 6): rounds of SHA-256/384/512 over AES-128 encryptions, at least 64. */
function hash2B(password: Buffer, salt: Buffer, udata: Buffer): Buffer {
  let k = sha('sha256', password, salt, udata);
  for (let i = 0; ;) {
    const k1 = Buffer.concat(Array.from({ length: 64 }, () => Buffer.concat([password, k, udata])));
    const c = createCipheriv('aes-128-cbc', k.subarray(0, 16), k.subarray(16, 32));
    c.setAutoPadding(false);
    const e = Buffer.concat([c.update(k1), c.final()]);
    let sum = 0;
    for (let j = 0; j < 16; j++) sum += e[j];
    k = sha(['sha256', 'sha384', 'sha512'][sum % 3], e);
    i++;
    if (i >= 64 && e[e.length - 1] <= i - 32) break;
  }
  return k.subarray(0, 32);
}

/** RC4 (OpenSSL 3 leaves it to its legacy provider, so it is written out). */
function rc4(key: Buffer, data: Buffer): Buffer {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
    out[n] = data[n] ^ s[(s[i] + s[j]) & 0xff];
  }
  return out;
}

/** AES-CBC with the first 16 bytes as IV; the padding is removed when it is valid (pdf.js is lenient too). */
function aesDecrypt(key: Buffer, data: Buffer): Buffer {
  if (data.length < 32) return Buffer.alloc(0);
  const body = data.subarray(16, 16 + Math.floor((data.length - 16) / 16) * 16);
  const d = createDecipheriv(key.length === 32 ? 'aes-256-cbc' : 'aes-128-cbc', key, data.subarray(0, 16));
  d.setAutoPadding(false);
  const out = Buffer.concat([d.update(body), d.final()]);
  const pad = out[out.length - 1];
  return pad >= 1 && pad <= 16 ? out.subarray(0, out.length - pad) : out;
}
