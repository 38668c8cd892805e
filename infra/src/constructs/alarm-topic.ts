import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { resourceNames } from '../config/naming';

/**
 * The SNS topic alarms, failure events and the cost budget notify; encrypted with its own key whose policy lets
 * CloudWatch, EventBridge and Budgets publish (an AWS managed SNS key would not). E-mail subscription from config.
 */
export class AlarmTopic extends Construct {
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: { readonly config: EnvironmentConfig }) {
    super(scope, id);
    const { config } = props;
    const stack = Stack.of(this);
    const publishers = ['cloudwatch.amazonaws.com', 'events.amazonaws.com', 'budgets.amazonaws.com'].map(
      (service) => new iam.ServicePrincipal(service),
    );
    const key = new kms.Key(this, 'Key', {
      description: `AutoCorp ${config.name} alarm topic`,
      enableKeyRotation: true,
      alias: `alias/${resourceNames(config).alarmTopic}`,
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AlarmPublishersUseOfTheKey',
        principals: publishers,
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    );
    this.topic = new sns.Topic(this, 'Topic', {
      topicName: resourceNames(config).alarmTopic,
      displayName: `AutoCorp ${config.name} alarms`,
      masterKey: key,
      enforceSSL: true,
    });
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AlarmPublishers',
        principals: publishers,
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    );
    if (config.monitoring.alarmEmail !== undefined)
      this.topic.addSubscription(new subscriptions.EmailSubscription(config.monitoring.alarmEmail));
  }
}
