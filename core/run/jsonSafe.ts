/**
 * A check's outcome as it will be stored: every store serialises to JSON, where a bigint (a balance,
 * a block number a check put in its evidence) would throw and lose the verdict. Bigints become
 * decimal strings; everything else is kept. Cycles cannot occur in outcomes (they are plain data).
 */
export function jsonSafe<T>(value: T): T {
  return convert(value) as T;
}

function convert(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) {
    const items = value.map(convert);
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  let changed = false;
  const entries = Object.entries(value).map(([k, v]) => {
    const converted = convert(v);
    if (converted !== v) changed = true;
    return [k, converted] as const;
  });
  return changed ? Object.fromEntries(entries) : value;
}
