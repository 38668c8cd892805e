import type { StackKey } from '../../src/app/stack-ids';
import type { SynthesizedEnvironment } from './synthesize';

export interface FoundStatement {
  readonly stack: StackKey;
  readonly logicalId: string;
  readonly type: string;
  readonly sid: string | undefined;
  readonly effect: string;
  readonly actions: readonly string[];
  readonly resources: readonly unknown[];
}

const POLICY_PROPERTY: Record<string, string> = {
  'AWS::IAM::Policy': 'PolicyDocument',
  'AWS::IAM::ManagedPolicy': 'PolicyDocument',
  'AWS::S3::BucketPolicy': 'PolicyDocument',
  'AWS::SNS::TopicPolicy': 'PolicyDocument',
  'AWS::Logs::ResourcePolicy': 'PolicyDocument',
  'AWS::KMS::Key': 'KeyPolicy',
  'AWS::SecretsManager::ResourcePolicy': 'ResourcePolicy',
};

/** A policy document given as a string built with Fn::Join (logs resource policies): tokens become "<token>". */
function joinedText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] } | null)?.['Fn::Join'];
  if (join === undefined) return undefined;
  return join[1].map((part) => (typeof part === 'string' ? part : '<token>')).join(join[0]);
}

const list = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Every statement of every policy document in the environment's templates: IAM policies, inline role policies, resource policies, key policies. */
export function policyStatements(synthesized: SynthesizedEnvironment): FoundStatement[] {
  const found: FoundStatement[] = [];
  for (const [stack, template] of Object.entries(synthesized.json) as [
    StackKey,
    SynthesizedEnvironment['json'][StackKey],
  ][]) {
    for (const [logicalId, resource] of Object.entries(template.Resources)) {
      const properties = resource.Properties ?? {};
      const documents: unknown[] = [];
      const property = POLICY_PROPERTY[resource.Type];
      if (property !== undefined) documents.push(properties[property]);
      if (resource.Type === 'AWS::IAM::Role')
        documents.push(
          ...list(properties.Policies).map((policy) => (policy as { PolicyDocument: unknown }).PolicyDocument),
        );
      for (const raw of documents) {
        if (raw === undefined) continue;
        const text = joinedText(raw);
        const document = (text !== undefined ? JSON.parse(text) : raw) as { Statement?: unknown };
        if (typeof document !== 'object' || document === null || !Array.isArray(document.Statement)) {
          throw new Error(
            `${stack}/${logicalId} (${resource.Type}) has a policy document the walker cannot read: ${JSON.stringify(raw).slice(0, 200)}`,
          );
        }
        for (const statement of document.Statement as Record<string, unknown>[]) {
          found.push({
            stack,
            logicalId,
            type: resource.Type,
            sid: statement.Sid as string | undefined,
            effect: statement.Effect as string,
            actions: list(statement.Action).map(String),
            resources: list(statement.Resource),
          });
        }
      }
    }
  }
  return found;
}
