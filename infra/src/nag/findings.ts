/** The cdk-nag finding id of a wildcard resource (AwsSolutions-IAM5) for a resource as it appears in the template. */
export function wildcardResource(resource: string): string {
  return `AwsSolutions-IAM5[Resource::${resource}]`;
}

/**
 * A resolved CloudFormation value as cdk-nag spells it in finding ids: Fn::Join joined, Ref and Fn::GetAtt as
 * `<Name>` / `<Resource.Attribute>`, Fn::Sub's `${X}` as `<X>`, anything else as JSON.
 */
export function flattenForFinding(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\$\{/g, '<').replace(/\}/g, '>');
  const node = value as Record<string, unknown>;
  if (Array.isArray(node['Fn::Join'])) {
    const [delimiter, items] = node['Fn::Join'] as [string, unknown[]];
    return items.map(flattenForFinding).join(delimiter);
  }
  if (node['Fn::Sub'] !== undefined) return flattenForFinding(node['Fn::Sub']);
  if (Array.isArray(node['Fn::GetAtt'])) {
    const [resource, attribute] = node['Fn::GetAtt'] as [unknown, unknown];
    return `<${flattenForFinding(resource)}.${flattenForFinding(attribute)}>`;
  }
  if (node['Fn::ImportValue'] !== undefined) return flattenForFinding(node['Fn::ImportValue']);
  if (node.Ref !== undefined) return `<${flattenForFinding(node.Ref)}>`;
  return JSON.stringify(value);
}
