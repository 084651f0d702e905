import { describe, expect, it } from 'vitest';
import { SECRETS } from '../../adapters/config/channels.js';
import { readConfig, readSettings } from '../../adapters/config/env.js';

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

describe('channel settings', () => {
  const token = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
  const secret = '0123456789abcdef0123456789abcdef';

  it('turns a channel on by its token, with its defaults', () => {
    const { channels } = readSettings({ TELEGRAM_BOT_TOKEN: token });
    expect(channels).toMatchObject({ port: 3000, host: '127.0.0.1', telegram: { token } });
    expect(channels.slack).toBeUndefined();
    expect(readSettings({}).channels.telegram).toBeUndefined();
  });

  it('puts /telegram/webhook after the public URL once', () => {
    for (const base of [
      'https://bot.example.org',
      'https://bot.example.org/',
      'https://bot.example.org/telegram/webhook',
    ])
      expect(
        readSettings({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_WEBHOOK_URL: base }).channels.telegram
          ?.webhookUrl,
      ).toBe('https://bot.example.org/telegram/webhook');
  });

  it('stops on a mistake with what to change, never printing a secret', () => {
    const check = (env: Record<string, string>, pattern: RegExp) => {
      let message = '';
      try {
        readSettings(env);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(pattern);
      for (const [name, value] of Object.entries(env))
        if (SECRETS.has(name) && value) expect(message).not.toContain(value);
    };
    check(
      { TELEGRAM_BOT_TOKEN: 'not-a-token-but-a-secret-value' },
      /TELEGRAM_BOT_TOKEN \(value hidden\) is not valid: set it to the token @BotFather gave/,
    );
    check(
      { TELEGRAM_BOT_TOKEN: token, TELEGRAM_WEBHOOK_URL: 'http://bot.example.org' },
      /TELEGRAM_WEBHOOK_URL="http:\/\/bot.example.org" is not valid: set it to the public https address/,
    );
    check(
      { SLACK_BOT_TOKEN: 'xoxb-1-2-secretsecret' },
      /SLACK_SIGNING_SECRET: is missing: HTTP mode needs the Signing Secret .* or set SLACK_APP_TOKEN/,
    );
    check(
      { SLACK_SIGNING_SECRET: secret },
      /SLACK_SIGNING_SECRET: is set but SLACK_BOT_TOKEN is not/,
    );
    check(
      { TELEGRAM_WEBHOOK_URL: 'https://bot.example.org' },
      /TELEGRAM_WEBHOOK_URL: is set but TELEGRAM_BOT_TOKEN is not: create a bot with @BotFather/,
    );
    check(
      { WECOM_BOT_ID: 'aibTestBot01' },
      /WECOM_BOT_SECRET: is missing: copy the Secret shown beside the Bot ID/,
    );
    check(
      { WECOM_BOT_ID: 'aibTestBot01', WECOM_BOT_SECRET: 'has spaces and a secret value' },
      /WECOM_BOT_SECRET \(value hidden\) is not valid/,
    );
    check(
      {
        WECOM_BOT_ID: 'aibTestBot01',
        WECOM_BOT_SECRET: 'secret-0123456789',
        WECOM_WS_URL: 'https://x.example.org',
      },
      /WECOM_WS_URL="https:\/\/x.example.org" is not valid: set it to the ws\(s\) address/,
    );
    check(
      {
        DATABASE_URL: 'postgres://llw:hunter2@db.example.org/llw',
        TELEGRAM_BOT_TOKEN: token,
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.org',
      },
      /TELEGRAM_WEBHOOK_SECRET: is missing: with DATABASE_URL \(several instances\) and a webhook, set the same secret on every instance/,
    );
    check(
      { DATABASE_URL: 'mysql://llw:hunter2@db.example.org/llw' },
      /DATABASE_URL \(value hidden\) is not valid: set it to a PostgreSQL URL/,
    );
    check(
      { PORT: 'eighty', OPENAI_API_KEY: '' },
      /PORT="eighty" is not valid: set it to a port number/,
    );
  });

  it('reports the core’s and the channels’ mistakes together', () => {
    expect(() => readSettings({ LLW_LOG_LEVEL: 'loud', PORT: '99999' })).toThrow(
      /LLW_LOG_LEVEL="loud"[\s\S]*PORT="99999"/,
    );
  });
});

describe('.env.example', () => {
  it('lists every variable the assistant reads, with a comment, and is valid as it stands', async () => {
    const { readFile } = await import('node:fs/promises');
    const { envSchema } = await import('../../src/index.js');
    const { channelSchema } = await import('../../adapters/config/channels.js');
    const text = await readFile(new URL('../../.env.example', import.meta.url), 'utf8');
    const listed = [...text.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);
    const known = [...Object.keys(envSchema.shape), ...Object.keys(channelSchema.shape)];
    expect(listed.sort()).toEqual(known.sort());
    const values = Object.fromEntries(
      [...text.matchAll(/^([A-Z_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]),
    );
    expect(() => readSettings(values)).not.toThrow();
  });
});
