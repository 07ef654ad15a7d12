/** What `Ref` and `Fn::GetAtt` resolve to in a local emulation of a deployed stack. */
export interface IntrinsicValues {
  /** Pseudo parameters and resources by logical id, e.g. `{ 'AWS::Partition': 'aws', Results1234: 'table-x' }`. */
  readonly refs: Readonly<Record<string, string>>;
  /** `logicalId.Attribute` → value, e.g. `PlanDAF4E53A.Arn`. */
  readonly attributes: Readonly<Record<string, string>>;
}

/**
 * Renders the CloudFormation intrinsics a synthesized template uses in state machine definitions
 * and Lambda environments (`Ref`, `Fn::GetAtt`, `Fn::Join`) to plain values, as CloudFormation would
 * at deploy time. aws-local-stepfunctions reads only plain ASL (shared/reference/toolchain.md).
 * Anything else, or an unknown name, throws: a silently unrendered token would make the emulation
 * run something other than what deploys.
 */
export function renderIntrinsics(value: unknown, values: IntrinsicValues): unknown {
  if (Array.isArray(value)) return value.map((v) => renderIntrinsics(v, values));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const [first] = entries;
  if (entries.length === 1 && first !== undefined && (first[0] === 'Ref' || first[0].startsWith('Fn::'))) {
    const [fn, arg] = first;
    if (fn === 'Ref' && typeof arg === 'string') return lookup(values.refs, arg, 'Ref');
    if (fn === 'Fn::GetAtt' && Array.isArray(arg) && arg.length === 2) {
      return lookup(values.attributes, `${String(arg[0])}.${String(arg[1])}`, 'Fn::GetAtt');
    }
    if (fn === 'Fn::Join' && Array.isArray(arg) && arg.length === 2 && Array.isArray(arg[1])) {
      return (arg[1] as unknown[]).map((part) => String(renderIntrinsics(part, values))).join(String(arg[0]));
    }
    throw new Error(`renderIntrinsics: ${fn} ${JSON.stringify(arg)} is not supported`);
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, renderIntrinsics(v, values)]));
}

function lookup(table: Readonly<Record<string, string>>, name: string, fn: string): string {
  const found = table[name];
  if (found === undefined) throw new Error(`renderIntrinsics: no value for ${fn} ${name}`);
  return found;
}
