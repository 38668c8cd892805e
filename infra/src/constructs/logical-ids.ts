import { CfnResource } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { InfraError } from '../infra-error';

/**
 * Pins the CloudFormation logical id of a stateful resource so refactoring the construct tree can never
 * replace it (a new logical id means CloudFormation deletes the old bucket, secret or database).
 */
export function pinLogicalId(construct: IConstruct, logicalId: string): void {
  const resource = construct instanceof CfnResource ? construct : construct.node.defaultChild;
  if (!(resource instanceof CfnResource)) {
    throw new InfraError(
      'invalid-config',
      `Cannot pin logical id "${logicalId}": ${construct.node.path} has no CloudFormation resource as its default child.`,
    );
  }
  resource.overrideLogicalId(logicalId);
}
