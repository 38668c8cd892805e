import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CliError } from '../src/cli/cli-error';
import type { CommandIo } from '../src/cli/command';
import { PUBLISH_ENV, assistantPublishCommand } from '../src/commands/assistant/assistant-publish';
import { knowledgeDocumentsTarget } from '../src/commands/assistant/knowledge-documents-target';

const io = (env: NodeJS.ProcessEnv = {}): CommandIo => ({
  stdout: new PassThrough(),
  stderr: new PassThrough(),
  env,
  cwd: '/',
});

describe('autocorp assistant publish: where the documents go', () => {
  it('splits the data source location into its store and the prefix the knowledge base ingests', () => {
    expect(knowledgeDocumentsTarget('s3://autocorp-dev-curated-111111111111-us-east-1/knowledge-documents/')).toEqual({
      storeUri: 's3://autocorp-dev-curated-111111111111-us-east-1',
      prefix: 'knowledge-documents/',
    });
    expect(knowledgeDocumentsTarget('file:///tmp/lake/knowledge-documents')).toEqual({
      storeUri: 'file:///tmp/lake',
      prefix: 'knowledge-documents/',
    });
  });

  it.each([['s3://bucket-only'], ['https://example.com/knowledge-documents/'], ['knowledge-documents/']])(
    'refuses %s as a usage error naming the expected shape',
    (uri) => {
      expect(() => knowledgeDocumentsTarget(uri)).toThrow(/s3:\/\/<curated bucket>\/knowledge-documents\//);
    },
  );

  it('needs --to, and both ids or neither', async () => {
    await expect(assistantPublishCommand.run({}, [], io())).rejects.toMatchObject({
      kind: 'usage',
      message: expect.stringContaining(PUBLISH_ENV.to),
    });
    const half = assistantPublishCommand.run(
      { to: 's3://bucket/knowledge-documents/', 'knowledge-base-id': 'KB12345678' },
      [],
      io(),
    );
    await expect(half).rejects.toBeInstanceOf(CliError);
    await expect(half).rejects.toThrow(/both --knowledge-base-id and --data-source-id/);
  });
});
