import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { InfraError } from '../infra-error';
import { flattenForFinding, wildcardResource } from './findings';

/**
 * Acknowledges cdk-nag findings on a construct (and everything below it), each with the same reason. Finding ids are
 * exact (`AwsSolutions-IAM5[Resource::...]`), so a new wildcard elsewhere is never silently accepted.
 */
export function acknowledge(scope: IConstruct, reason: string, ...ids: string[]): void {
  if (reason.trim().length < 20)
    throw new InfraError(
      'invalid-config',
      `cdk-nag acknowledgement of ${ids.join(', ')} on ${scope.node.path} needs a real reason (at least a sentence).`,
    );
  for (const id of ids) Validations.of(scope).acknowledge({ id, reason });
}

/** Acknowledges the IAM5 findings of exactly these resources (those with a wildcard), spelt as cdk-nag spells them. */
export function acknowledgeWildcardResources(scope: IConstruct, reason: string, resources: readonly string[]): void {
  const stack = Stack.of(scope);
  const spelt = resources.map((resource) => flattenForFinding(stack.resolve(resource)));
  acknowledge(scope, reason, ...spelt.filter((resource) => resource.includes('*')).map(wildcardResource));
}
