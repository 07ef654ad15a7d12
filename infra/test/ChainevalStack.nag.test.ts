import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Vpc } from 'aws-cdk-lib/aws-ec2';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, describe, expect, it } from 'vitest';
import { ChainevalStack } from '../lib/ChainevalStack.ts';

const outdirs: string[] = [];
afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

interface NagRun {
  /** `rule | construct path` of every unacknowledged finding. */
  readonly findings: string[];
  /** Acknowledged rule id → reason, as recorded in the cloud assembly. */
  readonly acknowledged: Map<string, string>;
  readonly template: Template | undefined;
}

/**
 * Synthesizes what `build` adds to an app with cdk-nag's AwsSolutions pack as a validation plugin
 * (cdk-nag 3: `Validations.of(app).addPlugins`, toolchain.md), bundling skipped. Synth fails with
 * ValidationFailed when a finding is unacknowledged; the findings are read from its report.
 */
function runNag(build: (app: App) => Stack): NagRun {
  const outdir = mkdtempSync(join(tmpdir(), 'chaineval-nag-'));
  outdirs.push(outdir);
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = build(app);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  try {
    app.synth();
  } catch (error) {
    if (!String(error).includes('ValidationFailed')) throw error;
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: {
        violations: { ruleName: string; violatingConstructs: { constructPath: string }[] }[];
      }[];
    };
    const findings = report.pluginReports.flatMap((p) =>
      p.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.ruleName} | ${c.constructPath}`)),
    );
    return { findings, acknowledged: new Map(), template: undefined };
  }
  const metadata = JSON.parse(
    readFileSync(join(outdir, `${stack.stackName}.metadata.json`), 'utf8'),
  ) as Record<string, { type: string; data: unknown }[]>;
  const acknowledged = new Map<string, string>();
  for (const [path, entries] of Object.entries(metadata)) {
    for (const entry of entries) {
      if (entry.type !== 'aws:cdk:acknowledged-rules') continue;
      for (const [rule, reason] of Object.entries(entry.data as Record<string, string>)) {
        acknowledged.set(`${rule.replace(/^Annotation::/, '')} | ${path}`, reason);
      }
    }
  }
  return { findings: [], acknowledged, template: Template.fromStack(stack) };
}

/** Actions AWS offers no resource-level permission for: the only ones allowed on Resource "*". */
const unscopable =
  /^(ec2:(CreateNetworkInterface|DescribeNetworkInterfaces|DescribeSubnets|DeleteNetworkInterface|AssignPrivateIpAddresses|UnassignPrivateIpAddresses)|xray:(PutTraceSegments|PutTelemetryRecords|GetSamplingRules|GetSamplingTargets)|logs:(CreateLogDelivery|GetLogDelivery|UpdateLogDelivery|DeleteLogDelivery|ListLogDeliveries|PutResourcePolicy|DescribeResourcePolicies|DescribeLogGroups))$/;

function expectOnlyUnscopableWildcards(template: Template | undefined): void {
  const policies = Object.values(template?.findResources('AWS::IAM::Policy') ?? {}) as {
    Properties: { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } };
  }[];
  expect(policies.length).toBeGreaterThan(5);
  for (const policy of policies) {
    for (const statement of policy.Properties.PolicyDocument.Statement) {
      if (statement.Resource !== '*') continue;
      for (const action of [statement.Action].flat()) expect(action).toMatch(unscopable);
    }
  }
}

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged finding on the chaineval stack', () => {
    // GIVEN / WHEN
    const run = runNag((app) => new ChainevalStack(app, 'Nag'));
    // THEN
    expect(run.findings).toEqual([]);
  });

  it('acknowledges only the findings a reviewer has read, each with its reason', () => {
    // GIVEN / WHEN
    const { acknowledged } = runNag((app) => new ChainevalStack(app, 'Nag'));
    // THEN: a new acknowledgment changes this list, so it is seen in review.
    const rules = [
      ...new Set([...acknowledged.keys()].map((k) => k.split(' | ')[0]?.replace(/<[^>]+>/g, '<…>'))),
    ];
    expect(rules.sort()).toEqual(
      [
        'AwsSolutions-APIG3',
        'AwsSolutions-COG4',
        'AwsSolutions-IAM4[Policy::arn:<…>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
        'AwsSolutions-IAM5[Resource::arn:<…>:execute-api:<…>:<…>:<…>/v1/GET/evaluations/*]',
        'AwsSolutions-IAM5[Resource::arn:<…>:execute-api:<…>:<…>:<…>/v1/GET/reports/*]',
        'AwsSolutions-L1',
        'AwsSolutions-S1',
        'AwsSolutions-IAM5[Resource::*]',
        'AwsSolutions-IAM5[Resource::<…>/reports/*]',
        'AwsSolutions-IAM5[Resource::arn:<…>:secretsmanager:<…>:<…>:secret:chaineval/targets/*]',
        'AwsSolutions-IAM5[Resource::arn:<…>:secretsmanager:<…>:<…>:secret:chaineval/targets/runs/*]',
        'AwsSolutions-IAM5[Resource::<…>:*]',
        'AwsSolutions-IAM5[Resource::arn:<…>:states:<…>:<…>:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"EvaluationStateMachineC0098225"}]}]}:*]',
        'AwsSolutions-IAM5[Resource::arn:<…>:states:<…>:<…>:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"EvaluationStateMachineC0098225"}]}]}/*:*]',
      ].sort(),
    );
    for (const [rule, reason] of acknowledged) expect(reason.length, rule).toBeGreaterThan(80);
  });

  it('keeps the acknowledged "Resource: *" to actions AWS offers no resource-level permission for', () => {
    // GIVEN / WHEN
    const { template } = runNag((app) => new ChainevalStack(app, 'Nag'));
    // THEN
    expectOnlyUnscopableWildcards(template);
    // No AWS managed policy (IAM4) but the one API Gateway's account-level logging role needs.
    const roles = Object.entries(template?.findResources('AWS::IAM::Role') ?? {}) as [
      string,
      { Properties: { ManagedPolicyArns?: unknown } },
    ][];
    expect(roles.length).toBeGreaterThan(5);
    for (const [id, role] of roles) {
      if (id.startsWith('ApiCloudWatchRole')) {
        expect(JSON.stringify(role.Properties.ManagedPolicyArns)).toMatch(
          /AmazonAPIGatewayPushToCloudWatchLogs"\]\]\}\]$/,
        );
      } else {
        expect(role.Properties.ManagedPolicyArns, id).toBeUndefined();
      }
    }
  });

  it('reports no unacknowledged finding with the functions that reach targets placed in a VPC', () => {
    // GIVEN / WHEN
    const run = runNag((app) => {
      const env = { account: '123456789012', region: 'us-east-1' };
      // A VPC the organisation already has (peered with the vendor's network), imported by id.
      const targetVpc = Vpc.fromVpcAttributes(new Stack(app, 'Network', { env }), 'Peered', {
        vpcId: 'vpc-0123456789abcdef0',
        availabilityZones: ['us-east-1a', 'us-east-1b'],
        privateSubnetIds: ['subnet-0aaaaaaaaaaaaaaaa', 'subnet-0bbbbbbbbbbbbbbbb'],
      });
      return new ChainevalStack(app, 'NagVpc', { env, targetVpc });
    });
    // THEN (the helper stack holding the imported VPC is empty, which CloudFormation rejects: F0001)
    expect(run.findings.filter((f) => f !== 'F0001 | Network')).toEqual([]);
    expectOnlyUnscopableWildcards(run.template);
    const functions = run.template?.findResources('AWS::Lambda::Function') ?? {};
    const inVpc = Object.entries(functions)
      .filter(([, f]) => (f as { Properties: { VpcConfig?: unknown } }).Properties.VpcConfig !== undefined)
      .map(([id]) => id.replace(/[0-9A-F]{8}$/, ''));
    expect(inVpc.sort()).toEqual(['Conformance', 'LoadShard', 'Plan', 'Property']);
  });

  it('fails when a stack grants a wildcard without acknowledging it (the plugin is live)', () => {
    // GIVEN / WHEN
    const run = runNag((app) => {
      const stack = new Stack(app, 'Wide');
      const role = new Role(stack, 'R', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
      role.addToPolicy(new PolicyStatement({ actions: ['dynamodb:*'], resources: ['*'] }));
      return stack;
    });
    // THEN
    expect(run.findings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^AwsSolutions-IAM5\[Action::dynamodb:\*\] \| Wide\/R\//),
      ]),
    );
  });
});
