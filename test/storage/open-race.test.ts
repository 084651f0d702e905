import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';

const STORE = path.join(ROOT, 'dist', 'src', 'storage', 'sqlite-store.js');

/** One process that opens `file` at wall-clock time `at` and saves a session; its exit code. */
function opener(file: string, at: number, user: string) {
  const script = `
    const { createSqliteStore } = await import(${JSON.stringify(STORE)});
    while (Date.now() < ${at}) {}
    const store = createSqliteStore(${JSON.stringify(file)});
    await store.commit({ channel: 'race', userId: '${user}', conversationId: '${user}' },
      { session: { value: {}, version: 0 } });
    store.close();`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stderr })),
  );
}

describe('several processes opening a new state.db at once', () => {
  it('all open it and save, none sees "database is locked"', async () => {
    for (let round = 0; round < 5; round++) {
      const file = path.join(await tempDir(), 'state.db');
      const at = Date.now() + 400;
      const runs = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => opener(file, at, `u${n}`)));
      for (const r of runs) expect(r.stderr, `round ${round}`).toBe('');
      for (const r of runs) expect(r.code).toBe(0);
    }
  }, 60_000);
});
