import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAutocorp } from './autocorp-process';

// The built CLI (Nx builds it before this project's tests), in a child process, over an empty state folder.
const BIN = path.resolve(import.meta.dirname, '..', 'bin', 'autocorp.mjs');

describe('autocorp serve', () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'autocorp-serve-'));
  afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

  it('serves the API on the port it prints, over a lake with nothing in it, with the configured chat provider, and stops on SIGTERM', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      AUTOCORP_HOME: home,
      AUTOCORP_ASSISTANT_PROVIDER: 'openai-compatible',
      AUTOCORP_ASSISTANT_BASE_URL: 'http://127.0.0.1:9/v1',
      AUTOCORP_ASSISTANT_MODEL: 'qwen2.5:7b',
    };
    delete env.DATABASE_URL;
    delete env.LAKE_URI;
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        const match = /Platform API on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (match) resolve(match[1] as string);
      });
      child.on('close', (code) => reject(new Error(`serve exited (${code}) before printing its URL: ${stderr}`)));
    });
    try {
      expect(await (await fetch(`${url}/health`)).json()).toMatchObject({ status: 'ok', mode: 'static' });
      expect(await (await fetch(`${url}/api/tables`)).json()).toEqual({
        zones: [
          { zone: 'raw', database: 'autocorp_raw', tables: [] },
          { zone: 'curated', database: 'autocorp_curated', tables: [] },
        ],
      });
      const document = (await (await fetch(`${url}/openapi.json`)).json()) as { openapi: string };
      expect(document.openapi).toBe('3.1.0');
      // The assistant.* configuration reaches the chat endpoint (not ready: the lake has no curated tables).
      expect(await (await fetch(`${url}/api/chat/info`)).json()).toMatchObject({
        provider: 'openai-compatible',
        model: 'qwen2.5:7b',
        ready: false,
        reason: expect.stringContaining('autocorp run'),
      });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toContain('SIGTERM: stopping the API');
  });

  it('refuses a bad assistant provider, naming the variable, the key and what it accepts', async () => {
    const result = await runAutocorp(['serve', '--port', '0'], {
      AUTOCORP_HOME: home,
      AUTOCORP_ASSISTANT_PROVIDER: 'gpt',
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('The environment variable AUTOCORP_ASSISTANT_PROVIDER is "gpt"');
    expect(result.stderr).toContain('assistant.provider: give one of: local, openai-compatible, bedrock');
  });

  it('refuses a port out of range, naming the flag', async () => {
    const result = await runAutocorp(['serve', '--port', '70000'], { AUTOCORP_HOME: home });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('--port must be at most 65535');
  });
});
