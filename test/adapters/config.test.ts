import { describe, expect, it } from 'vitest';
import { readConfig } from '../../adapters/config/env.js';

describe('configuration from the environment', () => {
  it('runs fully local by default', () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      dataDir: '.llw',
      knowledgeDir: undefined,
      embeddings: { kind: 'local' },
      openAi: false,
      logLevel: 'warn',
    });
  });

  it('uses OpenAI-compatible embeddings when a key or base URL is set, with LLW_EMBEDDINGS_MODEL', () => {
    expect(readConfig({ OPENAI_API_KEY: 'sk-1' }).embeddings).toEqual({
      kind: 'openai',
      model: 'text-embedding-3-small',
      apiKey: 'sk-1',
    });
    expect(
      readConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1', LLW_EMBEDDINGS_MODEL: 'bge-m3' })
        .embeddings,
    ).toEqual({
      kind: 'openai',
      model: 'bge-m3',
      baseURL: 'http://127.0.0.1:8000/v1',
    });
  });

  it('keeps local embeddings when asked to, even with an LLM configured', () => {
    expect(readConfig({ OPENAI_API_KEY: 'sk-1', LLW_EMBEDDINGS: 'local' }).embeddings).toEqual({
      kind: 'local',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(readConfig({ OPENAI_API_KEY: '', LLW_DATA_DIR: '' })).toMatchObject({
      openAi: false,
      dataDir: '.llw',
    });
  });

  it('names every bad variable with how to fix it', () => {
    expect(() => readConfig({ LLW_EMBEDDINGS: 'remote', OPENAI_BASE_URL: 'ftp://x' })).toThrow(
      /LLW_EMBEDDINGS="remote" is not valid: set it to auto .*\nOPENAI_BASE_URL="ftp:\/\/x" is not valid: set it to the http\(s\) URL/,
    );
  });
});
