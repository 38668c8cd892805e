import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ASSISTANT_PROVIDERS, CONFIG_FILE_NAME, ConfigError, resolvePlatformConfig } from '../src/index';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'autocorp-assistant-config-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeConfig(value: unknown): string {
  const file = path.join(dir, CONFIG_FILE_NAME);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('the assistant.* configuration keys', () => {
  it('default to the local provider with nothing else set', () => {
    expect(resolvePlatformConfig({ env: {}, cwd: dir }).assistant).toEqual({
      provider: 'local',
      baseUrl: undefined,
      model: undefined,
      embeddingsUrl: undefined,
      embeddingsModel: undefined,
    });
  });

  it('read the file and AUTOCORP_ASSISTANT_* variables (the variables win)', () => {
    writeConfig({ assistant: { provider: 'openai-compatible', baseUrl: 'http://localhost:11434/v1/', model: 'a' } });
    const fromFile = resolvePlatformConfig({ env: {}, cwd: dir });
    expect(fromFile.assistant).toMatchObject({ provider: 'openai-compatible', baseUrl: 'http://localhost:11434/v1' });
    expect(fromFile.sources['assistant.baseUrl']).toBe('file');
    const fromEnv = resolvePlatformConfig({
      env: {
        AUTOCORP_ASSISTANT_MODEL: 'qwen2.5:7b',
        AUTOCORP_ASSISTANT_EMBEDDINGS_URL: 'http://127.0.0.1:8081/v1',
        AUTOCORP_ASSISTANT_EMBEDDINGS_MODEL: 'nomic-embed-text',
      },
      cwd: dir,
    });
    expect(fromEnv.assistant).toEqual({
      provider: 'openai-compatible',
      baseUrl: 'http://localhost:11434/v1',
      model: 'qwen2.5:7b',
      embeddingsUrl: 'http://127.0.0.1:8081/v1',
      embeddingsModel: 'nomic-embed-text',
    });
    expect(fromEnv.sources['assistant.model']).toBe('env');
  });

  it('names the key, where it was set and what it accepts for a bad provider or URL', () => {
    const file = writeConfig({ assistant: { provider: 'gpt' } });
    const provider = errorOf(() => resolvePlatformConfig({ env: {}, cwd: dir }));
    expect(provider.kind).toBe('invalid-config-value');
    expect(provider.message).toContain(`The config file ${file} key "assistant.provider" is "gpt"`);
    expect(provider.message).toContain(`one of: ${ASSISTANT_PROVIDERS.join(', ')}`);
    fs.rmSync(file);
    const url = errorOf(() =>
      resolvePlatformConfig({ env: { AUTOCORP_ASSISTANT_BASE_URL: 'localhost:11434' }, cwd: dir }),
    );
    expect(url.message).toContain('The environment variable AUTOCORP_ASSISTANT_BASE_URL is "localhost:11434"');
    expect(url.message).toContain('an http:// or https:// URL');
  });

  it('says which key the openai-compatible provider and vector retrieval still need, and how to set it', () => {
    const baseUrl = errorOf(() =>
      resolvePlatformConfig({ env: { AUTOCORP_ASSISTANT_PROVIDER: 'openai-compatible' }, cwd: dir }),
    );
    expect(baseUrl.message).toMatch(/^assistant\.baseUrl is not set, but assistant\.provider is openai-compatible/);
    expect(baseUrl.message).toContain('the environment variable AUTOCORP_ASSISTANT_PROVIDER');
    expect(baseUrl.message).toContain('AUTOCORP_ASSISTANT_BASE_URL');
    const file = writeConfig({ assistant: { provider: 'openai-compatible', baseUrl: 'http://127.0.0.1:1/v1' } });
    const model = errorOf(() => resolvePlatformConfig({ env: {}, cwd: dir }));
    fs.rmSync(file);
    expect(model.message).toContain(
      `assistant.model is not set, but assistant.provider is openai-compatible (from the config file ${file}`,
    );
    const embeddings = errorOf(() =>
      resolvePlatformConfig({ env: { AUTOCORP_ASSISTANT_EMBEDDINGS_URL: 'http://127.0.0.1:1/v1' }, cwd: dir }),
    );
    expect(embeddings.message).toContain('assistant.embeddingsModel is not set, but assistant.embeddingsUrl is set');
  });
});
