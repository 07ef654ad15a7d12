import { Stack, Validations } from 'aws-cdk-lib';
import {
  AccessLogFormat,
  AuthorizationType,
  type CfnRestApi,
  EndpointType,
  LambdaIntegration,
  LogGroupLogDestination,
  MethodLoggingLevel,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import { Effect, ManagedPolicy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { nagArnScope } from './nagArnScope.ts';

export interface EvaluationApiProps {
  /** `POST /evaluations` (lambdas/apiStart). */
  readonly startFunction: IFunction;
  /** `GET /evaluations/{id}`, `GET /reports`, `GET /reports/{id}` (lambdas/apiRead). */
  readonly readFunction: IFunction;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
}

/**
 * The HTTP API of a chaineval deployment (issue 10, deliverable 2): a regional REST API whose every
 * method requires IAM (SigV4) authorization, so who may call what is IAM policy. Two managed
 * policies say it for the two roles a regulator's team has, to attach to their roles or users:
 * `starterPolicy` (start runs and read everything) and `readerPolicy` (read runs and reports only).
 * Access logs and execution logs (errors) go to CloudWatch; X-Ray tracing is on.
 */
export class EvaluationApi extends Construct {
  public readonly api: RestApi;
  public readonly starterPolicy: ManagedPolicy;
  public readonly readerPolicy: ManagedPolicy;

  constructor(scope: Construct, id: string, props: EvaluationApiProps) {
    super(scope, id);
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
    });
    this.api = new RestApi(this, 'Api', {
      description: 'chaineval: start evaluations, follow them, read reports (IAM authorization)',
      endpointConfiguration: { types: [EndpointType.REGIONAL] },
      // Execution logs need the account's API Gateway CloudWatch role (one per account and region).
      cloudWatchRole: true,
      deployOptions: {
        stageName: 'v1',
        tracingEnabled: true,
        loggingLevel: MethodLoggingLevel.ERROR,
        // Request and response bodies stay out of logs: they name targets and secrets' names.
        dataTraceEnabled: false,
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        accessLogFormat: AccessLogFormat.jsonWithStandardFields(),
        throttlingRateLimit: 10,
        throttlingBurstLimit: 20,
      },
      defaultMethodOptions: { authorizationType: AuthorizationType.IAM },
    });
    // Required parameters (the Idempotency-Key header) are refused by API Gateway itself. Bodies
    // have no API Gateway model: the handler validates them with the zod schemas the CLI uses, the
    // one validation, so the two cannot disagree.
    const validator = this.api.addRequestValidator('Request', {
      validateRequestParameters: true,
      validateRequestBody: true,
    });
    const start = new LambdaIntegration(props.startFunction);
    const read = new LambdaIntegration(props.readFunction);

    const evaluations = this.api.root.addResource('evaluations');
    evaluations.addMethod('POST', start, {
      requestValidator: validator,
      requestParameters: { 'method.request.header.Idempotency-Key': true },
    });
    evaluations.addResource('{id}').addMethod('GET', read, { requestValidator: validator });
    const reports = this.api.root.addResource('reports');
    reports.addMethod('GET', read, { requestValidator: validator });
    reports.addResource('{id}').addMethod('GET', read, { requestValidator: validator });

    const invoke = (method: string, path: string) => this.api.arnForExecuteApi(method, path, 'v1');
    const readArns = [
      invoke('GET', '/evaluations/*'),
      invoke('GET', '/reports'),
      invoke('GET', '/reports/*'),
    ];
    this.readerPolicy = new ManagedPolicy(this, 'ReaderPolicy', {
      description: 'chaineval API: read evaluations and reports (GET only)',
      statements: [
        new PolicyStatement({ effect: Effect.ALLOW, actions: ['execute-api:Invoke'], resources: readArns }),
      ],
    });
    this.starterPolicy = new ManagedPolicy(this, 'StarterPolicy', {
      description: 'chaineval API: start evaluations, and read evaluations and reports',
      statements: [
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ['execute-api:Invoke'],
          resources: [invoke('POST', '/evaluations'), ...readArns],
        }),
      ],
    });

    const stack = Stack.of(this);
    const apiId = stack.getLogicalId(this.api.node.defaultChild as CfnRestApi);
    for (const policy of [this.readerPolicy, this.starterPolicy]) {
      for (const path of ['/GET/evaluations/*', '/GET/reports/*']) {
        Validations.of(policy).acknowledge({
          id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:execute-api:${nagArnScope(this)}:<${apiId}>/v1${path}]`,
          reason:
            'The `*` is the `{id}` path parameter of one GET route of this API (a run or report id), not a wider scope.',
        });
      }
    }
    Validations.of(this.api).acknowledge(
      {
        id: 'AwsSolutions-APIG3',
        reason:
          'Every method requires IAM (SigV4) authorization, so unsigned traffic is refused by API Gateway before any handler runs, and the stage is throttled (10 req/s, burst 20). Attach an AWS WAF web ACL to the stage if your organisation mandates one (docs/deploy.md).',
      },
      {
        id: 'AwsSolutions-COG4',
        reason:
          "IAM authorization instead of a Cognito user pool: callers are the regulator's own IAM principals, granted by the exported starter and reader policies.",
      },
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
        reason:
          "The account-level role API Gateway uses to write execution logs (required for APIG6); AWS's service-role policy grants only CloudWatch Logs actions.",
      },
    );
  }
}
