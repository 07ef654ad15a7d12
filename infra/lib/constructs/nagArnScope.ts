import { Stack, Token } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * `<region>:<account>` as cdk-nag writes them in finding ids of ARNs: the pseudo parameters for an
 * environment-agnostic stack (`<AWS::Region>:<AWS::AccountId>`), the literals for a stack deployed to
 * a named environment. Acknowledgments built with it match in both cases.
 */
export function nagArnScope(scope: IConstruct): string {
  const stack = Stack.of(scope);
  const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
  const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
  return `${region}:${account}`;
}
