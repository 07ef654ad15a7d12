/**
 * SM3, the Chinese national hash function (GB/T 32905-2016, GM/T 0004-2012): 256-bit digest, a
 * Merkle–Damgård construction over 512-bit blocks. Written from the standard so CR-02 can tell an
 * SM3 ledger from a keccak256 one without relying on the platform's OpenSSL build (which may lack
 * `sm3`); the unit test holds it to the standard's two examples (Appendix A) and to OpenSSL.
 */

/** GB/T 32905-2016 §4.1: the initial value IV. */
const iv = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];

const rotl = (x: number, n: number): number => ((x << (n & 31)) | (x >>> (32 - (n & 31)))) >>> 0;
/** §4.4 permutations P0 and P1. */
const p0 = (x: number): number => (x ^ rotl(x, 9) ^ rotl(x, 17)) >>> 0;
const p1 = (x: number): number => (x ^ rotl(x, 15) ^ rotl(x, 23)) >>> 0;
/** §4.2 constants T_j. */
const t = (j: number): number => (j < 16 ? 0x79cc4519 : 0x7a879d8a);
/** §4.3 boolean functions FF_j and GG_j. */
const ff = (j: number, x: number, y: number, z: number): number =>
  (j < 16 ? x ^ y ^ z : (x & y) | (x & z) | (y & z)) >>> 0;
const gg = (j: number, x: number, y: number, z: number): number =>
  (j < 16 ? x ^ y ^ z : (x & y) | (~x & z)) >>> 0;

/** §5.3.2 message expansion and §5.3.3 compression of one 64-byte block into `v`. */
function compress(v: number[], block: DataView, offset: number): void {
  const w = new Array<number>(68);
  for (let j = 0; j < 16; j++) w[j] = block.getUint32(offset + j * 4);
  for (let j = 16; j < 68; j++) {
    const x = (w[j - 16] as number) ^ (w[j - 9] as number) ^ rotl(w[j - 3] as number, 15);
    w[j] = (p1(x >>> 0) ^ rotl(w[j - 13] as number, 7) ^ (w[j - 6] as number)) >>> 0;
  }
  let [a, b, c, d, e, f, g, h] = v as [number, number, number, number, number, number, number, number];
  for (let j = 0; j < 64; j++) {
    const ss1 = rotl((rotl(a, 12) + e + rotl(t(j), j % 32)) >>> 0, 7);
    const ss2 = (ss1 ^ rotl(a, 12)) >>> 0;
    const w1 = ((w[j] as number) ^ (w[j + 4] as number)) >>> 0;
    const tt1 = (ff(j, a, b, c) + d + ss2 + w1) >>> 0;
    const tt2 = (gg(j, e, f, g) + h + ss1 + (w[j] as number)) >>> 0;
    d = c;
    c = rotl(b, 9);
    b = a;
    a = tt1;
    h = g;
    g = rotl(f, 19);
    f = e;
    e = p0(tt2);
  }
  const next = [a, b, c, d, e, f, g, h];
  for (let i = 0; i < 8; i++) v[i] = ((v[i] as number) ^ (next[i] as number)) >>> 0;
}

/** The SM3 digest (32 bytes) of `message`. */
export function sm3(message: Uint8Array): Uint8Array {
  // §5.2 padding: a 1 bit, zeros to 448 mod 512, then the bit length as a 64-bit big-endian integer.
  const bitLength = BigInt(message.length) * 8n;
  const paddedLength = Math.ceil((message.length + 9) / 64) * 64;
  const padded = new Uint8Array(paddedLength);
  padded.set(message);
  padded[message.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setBigUint64(paddedLength - 8, bitLength);
  const v = [...iv];
  for (let offset = 0; offset < paddedLength; offset += 64) compress(v, view, offset);
  const digest = new Uint8Array(32);
  const out = new DataView(digest.buffer);
  for (const [i, word] of v.entries()) out.setUint32(i * 4, word);
  return digest;
}

/** SM3 of `0x`-hex bytes, as `0x`-hex (the form block and transaction hashes take on the wire). */
export function sm3Hex(data: `0x${string}`): `0x${string}` {
  const bytes = Buffer.from(data.slice(2), 'hex');
  return `0x${Buffer.from(sm3(bytes)).toString('hex')}`;
}
