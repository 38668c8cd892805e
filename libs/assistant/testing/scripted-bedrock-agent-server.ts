import { type ScriptedHttpServer, startScriptedHttpServer } from './scripted-http-server';

/** One GetIngestionJob answer of the script: the job's status, its statistics and failure reasons. */
export interface ScriptedIngestionState {
  readonly status: 'STARTING' | 'IN_PROGRESS' | 'COMPLETE' | 'FAILED' | 'STOPPING' | 'STOPPED';
  readonly statistics?: Record<string, number>;
  readonly failureReasons?: string[];
}

const JSON_TYPE = { 'content-type': 'application/json' };

/**
 * A local stand-in for the Bedrock Agent endpoint's ingestion-job operations (REST JSON, as the SDK calls them):
 * `PUT /knowledgebases/{kb}/datasources/{ds}/ingestionjobs/` starts a job (202, STARTING) and each
 * `GET .../ingestionjobs/{id}` answers the next state of `states` (the last one repeats). `conflict` makes the
 * start answer ConflictException, as Bedrock does while another job of the data source runs.
 */
export function startScriptedBedrockAgent(
  states: readonly ScriptedIngestionState[],
  options: { readonly conflict?: boolean } = {},
): Promise<ScriptedHttpServer> {
  let polls = 0;
  const job = (knowledgeBaseId: string, dataSourceId: string, state: ScriptedIngestionState) => ({
    ingestionJob: {
      knowledgeBaseId,
      dataSourceId,
      ingestionJobId: 'JOB0000001',
      status: state.status,
      statistics: state.statistics ?? {},
      ...(state.failureReasons ? { failureReasons: state.failureReasons } : {}),
      startedAt: '2026-01-05T12:00:00Z',
      updatedAt: '2026-01-05T12:00:00Z',
    },
  });
  return startScriptedHttpServer((request) => {
    const route = /^\/knowledgebases\/([^/]+)\/datasources\/([^/]+)\/ingestionjobs\/([^/]*)$/.exec(request.path);
    if (!route) return { status: 404, body: `no route ${request.method} ${request.path}` };
    const [, kb = '', ds = '', id = ''] = route;
    if (request.method === 'PUT' && id === '') {
      if (options.conflict)
        return {
          status: 409,
          headers: { ...JSON_TYPE, 'x-amzn-errortype': 'ConflictException' },
          body: JSON.stringify({ message: 'Another ingestion job is running for this data source.' }),
        };
      return { status: 202, headers: JSON_TYPE, body: JSON.stringify(job(kb, ds, { status: 'STARTING' })) };
    }
    if (request.method === 'GET' && id === 'JOB0000001') {
      const state = states[Math.min(polls, states.length - 1)] as ScriptedIngestionState;
      polls += 1;
      return { headers: JSON_TYPE, body: JSON.stringify(job(kb, ds, state)) };
    }
    return {
      status: 404,
      headers: { ...JSON_TYPE, 'x-amzn-errortype': 'ResourceNotFoundException' },
      body: JSON.stringify({ message: `no ingestion job ${id}` }),
    };
  });
}

/** A clock whose `sleep` returns at once and moves the time on: what a test waits with. */
export function steppingClock(start = Date.UTC(2026, 0, 5, 12)): {
  now(): number;
  sleep(ms: number): Promise<void>;
  readonly sleeps: number[];
} {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: (ms) => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
    sleeps,
  };
}
