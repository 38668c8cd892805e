import { BedrockAgentClient } from '@aws-sdk/client-bedrock-agent';
import { CHAT_LAMBDA_ENV, KnowledgeBase, type PublishEvent, publishKnowledgeBase } from '@autocorp/assistant';
import { openObjectStore } from '@autocorp/lake-storage';
import { CliError } from '../../cli/cli-error';
import type { Command, CommandIo } from '../../cli/command';
import { openCatalog, openExecutor } from '../query/query-backends';
import { knowledgeDocumentsTarget } from './knowledge-documents-target';

/** The environment variables the command reads when its options are not given. */
export const PUBLISH_ENV = {
  to: 'AUTOCORP_KB_DOCUMENTS_URI',
  knowledgeBaseId: CHAT_LAMBDA_ENV.knowledgeBaseId,
  dataSourceId: 'AUTOCORP_KB_DATA_SOURCE_ID',
} as const;

function progressLine(event: PublishEvent): string {
  switch (event.type) {
    case 'documents-published':
      return `documents: ${event.written} object(s) written, ${event.unchanged} unchanged, ${event.deleted} deleted`;
    case 'ingestion-started':
      return `ingestion job ${event.jobId} started`;
    case 'ingestion-progress': {
      const s = event.statistics;
      return `ingestion job ${event.jobId}: ${event.status} (${s.scanned} scanned, ${s.indexedNew} new, ${s.indexedModified} modified, ${s.deleted} deleted, ${s.failed} failed)`;
    }
    case 'ingestion-skipped':
      return `no ingestion job: ${event.reason}`;
  }
}

const text = (value: unknown, env: string | undefined): string | undefined =>
  (typeof value === 'string' ? value : env)?.trim() || undefined;

export const assistantPublishCommand: Command = {
  path: ['assistant', 'publish'],
  summary: 'Publish the assistant knowledge base to the Bedrock knowledge base (S3 documents, then an ingestion job)',
  description: `Builds the knowledge documents from the curated tables (the same documents and ids as the local assistant), writes the changed ones with their .metadata.json sidecars to the knowledge base's S3 data source, deletes the ones that are gone, then starts an ingestion job and waits for it. The ids are the AI stack's outputs.`,
  options: {
    to: {
      type: 'string',
      valueName: '<uri>',
      description: `The data source location, s3://<curated bucket>/knowledge-documents/ (default ${PUBLISH_ENV.to})`,
    },
    'knowledge-base-id': {
      type: 'string',
      valueName: '<id>',
      description: `The knowledge base to sync (default ${PUBLISH_ENV.knowledgeBaseId}); without it only documents are written`,
    },
    'data-source-id': {
      type: 'string',
      valueName: '<id>',
      description: `Its S3 data source (default ${PUBLISH_ENV.dataSourceId})`,
    },
    force: { type: 'boolean', default: false, description: 'Start an ingestion job even when no document changed' },
    json: { type: 'boolean', default: false, description: 'Print the result as JSON' },
  },
  async run(values, _positionals, io: CommandIo) {
    const to = text(values.to, io.env[PUBLISH_ENV.to]);
    if (!to)
      throw new CliError(
        'usage',
        `autocorp assistant publish needs --to (or ${PUBLISH_ENV.to}): the knowledge base's data source, s3://<curated bucket>/knowledge-documents/.`,
      );
    const target = knowledgeDocumentsTarget(to);
    const knowledgeBaseId = text(values['knowledge-base-id'], io.env[PUBLISH_ENV.knowledgeBaseId]);
    const dataSourceId = text(values['data-source-id'], io.env[PUBLISH_ENV.dataSourceId]);
    if ((knowledgeBaseId === undefined) !== (dataSourceId === undefined))
      throw new CliError(
        'usage',
        `Give both --knowledge-base-id and --data-source-id (or ${PUBLISH_ENV.knowledgeBaseId} and ${PUBLISH_ENV.dataSourceId}; the AI stack's outputs), or neither to only write the documents.`,
      );
    const executor = openExecutor(io, openCatalog(io));
    try {
      const kb = await KnowledgeBase.build(executor);
      const result = await publishKnowledgeBase(kb.documents, {
        store: openObjectStore(target.storeUri, { env: io.env, cwd: io.cwd }),
        prefix: target.prefix,
        ...(knowledgeBaseId && dataSourceId
          ? { ingestion: { client: new BedrockAgentClient({}), knowledgeBaseId, dataSourceId } }
          : {}),
        force: values.force === true,
        onEvent: (event) => io.stderr.write(`${progressLine(event)}\n`),
      });
      io.stdout.write(
        values.json
          ? `${JSON.stringify({ documentCount: kb.documents.length, ...result }, null, 2)}\n`
          : `${kb.documents.length} knowledge documents published to ${to}${
              result.ingestion ? `; ingestion job ${result.ingestion.jobId} ${result.ingestion.status}` : ''
            }\n`,
      );
    } finally {
      await executor.close();
    }
  },
};
