import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { tableDesign } from '#reports/store/tableDesign.ts';

export interface ResultTableProps {
  /**
   * What happens to the table (and every stored report) when it leaves the stack.
   *
   * @default RemovalPolicy.RETAIN - reports are evidence for certification and must outlive a stack
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The result store's one DynamoDB table (docs/adr/0002), keyed exactly as the local store writes
 * it: the key and index names are imported from reports/store/tableDesign.ts, so CDK and the code
 * that reads the table cannot drift apart.
 *
 * Fixed, not configurable:
 * - on-demand billing (runs are bursty: a load run writes thousands of items, then nothing for days)
 * - point-in-time recovery (35 days of restorable history for sealed reports)
 * - encryption with the AWS-managed key (`aws/dynamodb`)
 * - deletion protection (a `cdk destroy` or console click cannot delete report history)
 * - the sparse `byCreatedAt` GSI, projecting only the report summary attributes
 */
export class ResultTable extends Table {
  constructor(scope: Construct, id: string, props: ResultTableProps = {}) {
    super(scope, id, {
      partitionKey: { name: tableDesign.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDesign.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    const index = tableDesign.byCreatedAtIndex;
    this.addGlobalSecondaryIndex({
      indexName: index.name,
      partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
      sortKey: { name: index.sortKey, type: AttributeType.STRING },
      // Listing reports reads only the summary: cheap however large the reports are (ensureTable.ts does the same).
      projectionType: ProjectionType.INCLUDE,
      nonKeyAttributes: [...tableDesign.reportSummaryAttributes],
    });
  }
}
