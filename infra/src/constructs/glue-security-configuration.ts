import * as glue from 'aws-cdk-lib/aws-glue';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/** Glue encrypts what it writes with the lake key: S3 output, CloudWatch logs and job bookmarks. */
export class GlueSecurityConfiguration extends Construct {
  readonly name: string;

  constructor(scope: Construct, id: string, props: { readonly name: string; readonly key: kms.IKey }) {
    super(scope, id);
    const kmsKeyArn = props.key.keyArn;
    const configuration = new glue.CfnSecurityConfiguration(this, 'Resource', {
      name: props.name,
      encryptionConfiguration: {
        s3Encryptions: [{ s3EncryptionMode: 'SSE-KMS', kmsKeyArn }],
        cloudWatchEncryption: { cloudWatchEncryptionMode: 'SSE-KMS', kmsKeyArn },
        jobBookmarksEncryption: { jobBookmarksEncryptionMode: 'CSE-KMS', kmsKeyArn },
      },
    });
    this.name = configuration.ref;
  }
}
