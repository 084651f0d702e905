import { appendFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIndex } from '../../adapters/app/knowledge.js';
import { formatChecks, runDoctor, type Check } from '../../adapters/cli/doctor-command.js';
import { readSettings } from '../../adapters/config/env.js';
import { FakeOpenAi } from '../fakes/openai-server.js';
import { SlackApi } from '../fakes/slack-api.js';
import { TelegramApi } from '../fakes/telegram-api.js';
import { WecomApi } from '../fakes/wecom-api.js';
import { createSqliteStore } from '../../src/index.js';
import { copyKnowledge, tempDir } from '../helpers.js';

const telegram = new TelegramApi();
const slack = new SlackApi();
const llm = new FakeOpenAi();
beforeAll(async () => {
  await Promise.all([telegram.start(), slack.start(), llm.start()]);
});
afterAll(async () => {
  await Promise.all([telegram.stop(), slack.stop(), llm.stop()]);
});

const byName = (checks: Check[]) => Object.fromEntries(checks.map((c) => [c.name, c]));

async function doctor(env: Record<string, string>, knowledge?: string) {
  const dir = knowledge ?? (await copyKnowledge());
  const settings = readSettings({
    LLW_DATA_DIR: env['LLW_DATA_DIR'] ?? (await tempDir()),
    PORT: '0',
    LLW_EMBEDDINGS: 'local',
    ...env,
  });
  return { checks: byName(await runDoctor(settings, dir)), settings, knowledge: dir };
}

describe('llw doctor', () => {
  it('checks the WeCom credentials when no assistant holds the bot, and leaves a running one alone', async () => {
    const wecom = new WecomApi();
    await wecom.start();
    try {
      const dataDir = await tempDir();
      const env = {
        LLW_DATA_DIR: dataDir,
        WECOM_BOT_ID: wecom.botId,
        WECOM_BOT_SECRET: wecom.secret,
        WECOM_WS_URL: wecom.url,
      };
      expect((await doctor(env)).checks['WeCom']).toMatchObject({
        status: 'ok',
        detail: 'Bot ID and Secret accepted over the long connection',
      });
      const wrong = (await doctor({ ...env, WECOM_BOT_SECRET: 'wrong-secret-123456' })).checks;
      expect(wrong['WeCom']).toMatchObject({
        status: 'fail',
        fix: expect.stringContaining('WECOM_BOT_SECRET'),
      });
      expect(wrong['WeCom']!.detail).not.toContain('wrong-secret-123456');
      // A running assistant holds the lease: the doctor does not take its connection.
      const store = createSqliteStore(path.join(dataDir, 'state.db'));
      await store.lease(`wecom:${wecom.botId}`, 'running-assistant', 60_000);
      const subscribes = wecom.subscribes;
      expect((await doctor(env)).checks['WeCom']!.detail).toMatch(
        /holds the bot's connection; not checked/,
      );
      expect(wecom.subscribes).toBe(subscribes);
      await store.close();
    } finally {
      await wecom.stop();
    }
  });

  it('says what is fine, and that a missing index is built on start', async () => {
    const { checks } = await doctor({});
    expect(checks['data folder']!.status).toBe('ok');
    expect(checks['knowledge']!.detail).toMatch(/^2 notices/);
    expect(checks['index']).toMatchObject({
      status: 'warn',
      fix: 'run llw index (npm start builds it too)',
    });
    expect(checks['database']!.status).toBe('ok');
    expect(checks['LLM']!.detail).toBe('none configured: answers are extractive');
    expect(checks['Telegram']).toBeUndefined();
  });

  it('reaches the configured LLM, Telegram and Slack for real, and says what to fix when they refuse', async () => {
    const env = {
      OPENAI_BASE_URL: `${llm.url}`,
      TELEGRAM_BOT_TOKEN: '123456:doctor-test-token-abcdefghijklmnop',
      TELEGRAM_API_ROOT: telegram.url,
      SLACK_BOT_TOKEN: 'xoxb-doctor',
      SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
      SLACK_API_URL: slack.apiUrl,
    };
    llm.chat = () => ({ content: 'pong' });
    const good = (await doctor(env)).checks;
    expect(good['LLM']!.status).toBe('ok');
    expect(good['Telegram']!.detail).toBe('token accepted: @llw_test_bot, long polling');
    expect(good['Slack']!.status).toBe('ok');
    llm.chat = () => ({ status: 500 });
    telegram.fail('getMe', {
      status: 401,
      body: { ok: false, error_code: 401, description: 'Unauthorized' },
    });
    slack.fail('auth.test', { status: 200, body: { ok: false, error: 'invalid_auth' } });
    const bad = (await doctor(env)).checks;
    expect(bad['LLM']!.status).toBe('fail');
    expect(bad['Telegram']).toMatchObject({
      status: 'fail',
      fix: expect.stringContaining('@BotFather'),
    });
    expect(bad['Slack']).toMatchObject({
      status: 'fail',
      detail: 'the token was refused (invalid_auth)',
    });
    expect(formatChecks(Object.values(bad))).toMatch(
      /✗ Telegram: the token was refused\n {4}→ copy the token again/,
    );
  });

  it('finds an index older than the knowledge, and a data folder it cannot write', async () => {
    const { settings, knowledge } = await doctor({});
    await runIndex(settings.config, knowledge);
    const fresh = byName(await runDoctor(settings, knowledge));
    expect(fresh['index']!.status).toBe('ok');
    await appendFile(
      path.join(knowledge, 'sources', 'notice-2024.en.txt'),
      '\nA line added later.\n',
    );
    const stale = byName(await runDoctor(settings, knowledge));
    expect(stale['index']).toMatchObject({
      status: 'warn',
      fix: expect.stringContaining('run llw index'),
    });
    const file = path.join(await tempDir(), 'plain');
    await writeFile(file, 'x');
    const blocked = (await doctor({ LLW_DATA_DIR: path.join(file, 'data') })).checks;
    expect(blocked['data folder']!.status).toBe('fail');
  });
});
