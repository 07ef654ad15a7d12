/** wawoff2 (Google's woff2 compiled to WebAssembly) ships no types; the test uses `decompress` only. */
declare module 'wawoff2' {
  /** WOFF2 → TrueType/OpenType (sfnt) bytes. */
  export function decompress(woff2: Uint8Array): Promise<Uint8Array>;
}
