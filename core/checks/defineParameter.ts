import type { z } from 'zod';

/**
 * A threshold or setting a check reads (JR/T 0184 leaves many to the deployer: "specified time",
 * "acceptable latency"; shared/reference/standards.md §2.3). The check owns the name, meaning and
 * valid values; the profile supplies the default and says where it comes from (profiles/README.md).
 * One definition per name: checks that read the same setting import the same definition.
 */
export interface ParameterDefinition<N extends string = string, S extends z.ZodType = z.ZodType> {
  readonly name: N;
  /** Valid values, with no default: defaults are the profile's. */
  readonly schema: S;
  /** What the value controls, read by operators in `--help` and in reports. */
  readonly description: string;
}

// biome-ignore lint/suspicious/noExplicitAny: the erased form a registry holds; schemas are re-checked at run time.
export type AnyParameter = ParameterDefinition<string, any>;

/** The typed values of a list of parameter definitions, keyed by name. */
export type ParamsOf<P extends readonly AnyParameter[]> = {
  readonly [D in P[number] as D['name']]: z.output<D['schema']>;
};

export function defineParameter<const N extends string, S extends z.ZodType>(
  definition: ParameterDefinition<N, S>,
): ParameterDefinition<N, S> {
  return definition;
}
