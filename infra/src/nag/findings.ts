/** The cdk-nag finding id of a wildcard resource (AwsSolutions-IAM5) for a literal ARN. */
export function wildcardResource(arn: string): string {
  return `AwsSolutions-IAM5[Resource::${arn}]`;
}

/** The cdk-nag finding id of a wildcard action (AwsSolutions-IAM5). */
export function wildcardAction(action: string): string {
  return `AwsSolutions-IAM5[Action::${action}]`;
}
