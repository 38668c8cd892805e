import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { InfraError } from '../infra-error';
import { wildcardResource } from './findings';

/**
 * Acknowledges cdk-nag findings on a construct (and everything below it), each with the same reason. Finding ids are
 * exact (`AwsSolutions-IAM5[Resource::...]`), so a new wildcard elsewhere is never silently accepted.
 */
export function acknowledge(scope: IConstruct, reason: string, ...ids: string[]): void {
  if (reason.trim().length < 20) throw new InfraError('invalid-config', `cdk-nag acknowledgement of ${ids.join(', ')} on ${scope.node.path} needs a real reason (at least a sentence).`);
  for (const id of ids) Validations.of(scope).acknowledge({ id, reason });
}

/** Acknowledges the IAM5 findings of exactly these resource ARNs (those with a wildcard), which must resolve to literal strings. */
export function acknowledgeWildcardResources(scope: IConstruct, reason: string, resources: readonly string[]): void {
  const stack = Stack.of(scope);
  const literal = resources.map((resource) => {
    const resolved: unknown = stack.resolve(resource);
    if (typeof resolved !== 'string') {
      throw new InfraError('invalid-config', `Cannot acknowledge a wildcard on ${scope.node.path}: ${JSON.stringify(resolved)} is not a literal ARN; build it from names, not cross-stack references.`);
    }
    return resolved;
  });
  acknowledge(scope, reason, ...literal.filter((arn) => arn.includes('*')).map(wildcardResource));
}
