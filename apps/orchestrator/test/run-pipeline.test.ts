import path from 'node:path';
import { stateHomeAt } from '@autocorp/config';
import { describe, expect, it } from 'vitest';
import { CliError } from '../src/cli/cli-error';
import type { CommandIo } from '../src/cli/command';
import type { PipelineContext, PipelineStep } from '../src/pipeline/pipeline-step';
import { runPipeline } from '../src/pipeline/run-pipeline';

function context(): PipelineContext & { out: () => string } {
  let out = '';
  const sink = {
    write: (chunk: string | Uint8Array) => ((out += String(chunk)), true),
  } as unknown as NodeJS.WritableStream;
  const io: CommandIo = { stdout: sink, stderr: sink, env: {}, cwd: '/' };
  return {
    io,
    home: stateHomeAt(path.join('/', 'nowhere', 'home')),
    scale: 0.01,
    seed: 1,
    closers: [],
    out: () => out,
  };
}

describe('runPipeline', () => {
  it('names the failed step and keeps what it threw as the cause, after closing what the steps opened', async () => {
    const thrown = new Error('connection refused at 127.0.0.1:5432');
    const closed: string[] = [];
    const steps: PipelineStep[] = [
      {
        name: 'open things',
        run: async (c) => (c.closers.push(async () => void closed.push('db')), { headline: 'opened' }),
      },
      { name: 'load data', run: async () => Promise.reject(thrown) },
      { name: 'never', run: async () => ({ headline: 'not reached' }) },
    ];
    const c = context();
    const error = await runPipeline(steps, c).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({
      kind: 'pipeline-failed',
      message: 'pipeline step "load data" failed: connection refused at 127.0.0.1:5432',
    });
    expect((error as Error).cause).toBe(thrown);
    expect(closed).toEqual(['db']);
    expect(c.out()).toContain('== load data');
    expect(c.out()).not.toContain('== never');
  });
});
