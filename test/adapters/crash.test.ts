import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresStore, createSqliteStore, type StateStore } from '../../src/index.js';
import { copyKnowledge, tempDir } from '../helpers.js';
import { startLlw } from '../llw-process.js';
import { PG_URL, dropTestSchemas, postgresAvailable, testSchema } from '../postgres.js';

const pgAvailable = await postgresAvailable();
afterAll(() => dropTestSchemas());

/**
 * Answers a nomination's first questions through the web API, each acknowledged, then kills the
 * process with SIGKILL while the next answer is in flight, restarts it and reads what was kept.
 */
async function crashDuringNomination(
  env: Record<string, string>,
  open: (dataDir: string) => Promise<StateStore>,
) {
  const cwd = await tempDir();
  const knowledge = await copyKnowledge();
  const settings = { ...env, LLW_KNOWLEDGE_DIR: knowledge, LLW_DATA_DIR: path.join(cwd, 'data') };
  let cookie = '';
  const say = async (url: string, text: string) => {
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ text }),
    });
    cookie ||= res.headers.get('set-cookie')!.split(';')[0]!;
    return JSON.stringify(await res.json());
  };
  const first = await startLlw(cwd, settings);
  expect(await say(first.url, '我想推荐一位百姓学习之星')).toContain('姓名');
  // Each of these was answered: the user saw it accepted.
  for (const answer of ['欧阳秀芝', '女', '1962年5月']) await say(first.url, answer);
  // The next one is in flight when the process is killed.
  void say(first.url, '汉族').catch(() => undefined);
  await first.stop('SIGKILL');
  const second = await startLlw(cwd, settings);
  const userId = createHash('sha256').update(cookie.split('=')[1]!).digest('hex').slice(0, 32);
  const store = await open(settings.LLW_DATA_DIR);
  const drafts = await store.listDrafts({ channel: 'web', userId });
  await store.close();
  expect(drafts).toHaveLength(1);
  const kept = JSON.stringify(drafts[0]!.data);
  for (const value of ['欧阳秀芝', '1962']) expect(kept).toContain(value);
  // The restarted process carries on with the same draft.
  expect(await say(second.url, '查看')).toContain('欧阳秀芝');
  await second.stop('SIGKILL');
}

describe('kill -9 during a nomination, then a restart', () => {
  it('loses no accepted answer on SQLite', async () => {
    await crashDuringNomination({}, async (dataDir) =>
      createSqliteStore(path.join(dataDir, 'state.db')),
    );
  });

  it.skipIf(!pgAvailable)('loses no accepted answer on PostgreSQL', async () => {
    const schema = testSchema();
    await crashDuringNomination({ DATABASE_URL: PG_URL, LLW_DATABASE_SCHEMA: schema }, () =>
      createPostgresStore(PG_URL, { schema }),
    );
  });
});
