import { CliError } from '../../cli/cli-error';

/** Where the knowledge documents go: the store URI of the folder holding the prefix, and the prefix. */
export interface KnowledgeDocumentsTarget {
  readonly storeUri: string;
  readonly prefix: string;
}

/**
 * Splits a data source location such as `s3://autocorp-dev-curated-111111111111/knowledge-documents/` into the
 * store it lives in (`s3://autocorp-dev-curated-111111111111`) and the prefix the knowledge base ingests
 * (`knowledge-documents/`); the manifest goes beside the prefix, in the same store. A file:// URI works the same.
 */
export function knowledgeDocumentsTarget(uri: string): KnowledgeDocumentsTarget {
  const match = /^((?:s3:\/\/[^/]+|file:\/\/.*?))\/([^/]+)\/?$/.exec(uri.trim());
  if (!match)
    throw new CliError(
      'usage',
      `--to "${uri}" is not a documents location: give the knowledge base's data source as s3://<curated bucket>/knowledge-documents/ (or file:///folder/knowledge-documents/).`,
    );
  return { storeUri: match[1] as string, prefix: `${match[2]}/` };
}
