import { CONVERSATION_TABLE } from '@autocorp/assistant/conversation-table';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { removalPolicyOf } from './removal';

/**
 * The chat conversations (CONVERSATION_TABLE's shape, which the chat Lambda's DynamoConversationStore reads and
 * writes): on demand, encrypted with the lake key, point-in-time recovery, expired conversations deleted by TTL.
 */
export class ConversationTable extends Construct {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: { config: EnvironmentConfig; key: kms.IKey; tableName: string }) {
    super(scope, id);
    this.table = new dynamodb.Table(this, 'Table', {
      tableName: props.tableName,
      partitionKey: { name: CONVERSATION_TABLE.partitionKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: CONVERSATION_TABLE.ttlAttribute,
      removalPolicy: removalPolicyOf(props.config),
    });
  }
}
