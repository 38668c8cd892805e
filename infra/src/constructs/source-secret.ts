import type * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { resourceNames } from '../config/naming';
import { acknowledge } from '../nag/acknowledge';
import { pinLogicalId } from './logical-ids';
import { removalPolicyOf } from './removal';

/**
 * The PostgreSQL credentials DMS connects with, in the JSON shape DMS and the rotation function read
 * (engine, host, port, dbname, username, password). The password is generated at creation; set the real one with
 * `aws secretsmanager put-secret-value` (see README) unless rotation is on and owns it.
 */
export class SourceSecret extends Construct {
  readonly secret: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: { readonly config: EnvironmentConfig; readonly key: kms.IKey }) {
    super(scope, id);
    const { config } = props;
    this.secret = new secretsmanager.Secret(this, 'Secret', {
      secretName: resourceNames(config).secret,
      description: `Credentials of the AutoCorp ${config.name} source PostgreSQL database, read by AWS DMS`,
      encryptionKey: props.key,
      removalPolicy: removalPolicyOf(config),
      generateSecretString: {
        secretStringTemplate: JSON.stringify({
          engine: 'postgres',
          host: config.source.host,
          port: config.source.port,
          dbname: config.source.databaseName,
          username: config.source.username,
        }),
        generateStringKey: 'password',
        passwordLength: 32,
        // DMS rejects some punctuation in endpoint passwords; letters and digits are always accepted.
        excludePunctuation: true,
      },
    });
    pinLogicalId(this.secret, 'SourceDatabaseSecret');
    if (config.secretRotation.enabled) {
      acknowledge(
        this.secret,
        `Rotated every ${config.secretRotation.afterDays} days by the RotationSchedule in the ingestion stack, which runs the rotation function in the replication VPC.`,
        'AwsSolutions-SMG4',
      );
    } else {
      acknowledge(
        this.secret,
        `Rotation is off for the ${config.name} environment (secretRotation in its configuration): its source database password is managed outside AWS.`,
        'AwsSolutions-SMG4',
      );
    }
  }
}
