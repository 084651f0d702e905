/**
 * A state.db the assistant cannot use (damaged, or read-only for the user running it) stops the
 * start with one line that says what to fix, never a stack trace, and never a chat in which every
 * message fails (issue 11, the fault probe's reproductions).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, openSync, writeSync, closeSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyKnowledge, ROOT, tempDir } from '../helpers.js';

const MAIN = path.join(ROOT, 'dist', 'adapters', 'cli', 'main.js');
const NOBODY = 65534;

async function setup() {
  const cwd = await tempDir();
  const data = path.join(cwd, 'data');
  const env = {
    PATH: process.env['PATH'] ?? '',
    HOME: cwd,
    LLW_DATA_DIR: data,
    LLW_KNOWLEDGE_DIR: await copyKnowledge(),
  };
  const chat = (input: string, asNobody = false) => {
    const [command, args] = asNobody
      ? [
          'setpriv',
          [
            `--reuid=${NOBODY}`,
            `--regid=${NOBODY}`,
            '--clear-groups',
            process.execPath,
            MAIN,
            'chat',
          ],
        ]
      : [process.execPath, [MAIN, 'chat']];
    const r = spawnSync(command, args, {
      cwd,
      env,
      input,
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  return { cwd, data, chat, knowledge: env.LLW_KNOWLEDGE_DIR };
}

/** Whether this process can run the assistant as another user (root with setpriv, files readable). */
function canRunAsNobody(): boolean {
  if (process.getuid?.() !== 0) return false;
  const r = spawnSync(
    'setpriv',
    [
      `--reuid=${NOBODY}`,
      `--regid=${NOBODY}`,
      '--clear-groups',
      process.execPath,
      '-e',
      `require('fs').accessSync(${JSON.stringify(MAIN)})`,
    ],
    { encoding: 'utf8' },
  );
  return r.status === 0;
}

describe('a state.db that cannot be used', () => {
  it('names a damaged file and how to set it aside, and stops', async () => {
    const { data, chat } = await setup();
    expect(chat('你好\n').code).toBe(0);
    // The header page overwritten, as a crash of the disk or a careless copy would leave it.
    const fd = openSync(path.join(data, 'state.db'), 'r+');
    writeSync(fd, Buffer.alloc(100, 0), 0, 100, 0);
    closeSync(fd);
    const r = chat('2024年主题是什么\n');
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('file is not a database');
    expect(r.stderr).toContain(
      `mv ${path.join(data, 'state.db')} ${path.join(data, 'state.db')}.damaged`,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it.skipIf(process.getuid?.() === 0 && !canRunAsNobody())(
    'names a read-only file, the user that cannot write it and the fix, and stops',
    async () => {
      const { cwd, data, chat, knowledge } = await setup();
      await mkdir(data, { recursive: true });
      expect(chat('你好\n').code).toBe(0);
      const asNobody = process.getuid?.() === 0;
      // The folder handed over to the other user, as an operator's deployment would: everything
      // readable, only state.db (and the folder) not writable.
      if (asNobody) {
        expect(
          spawnSync('chown', ['-R', `${NOBODY}:${NOBODY}`, cwd, path.dirname(knowledge)]).status,
        ).toBe(0);
        chownSync(data, NOBODY, NOBODY);
      }
      chmodSync(path.join(data, 'state.db'), 0o444);
      chmodSync(data, 0o555);
      const r = chat('2024年主题是什么\n', asNobody);
      chmodSync(data, 0o755);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('readonly database');
      expect(r.stderr).toMatch(/writable by the user running llw \(uid \d+\), or set LLW_DATA_DIR/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    },
  );

  it.skipIf(process.getuid?.() !== 0 || !canRunAsNobody())(
    'names an index folder the user cannot use at once, instead of waiting on its lock',
    async () => {
      const { cwd, data, chat, knowledge } = await setup();
      expect(chat('你好\n').code).toBe(0);
      // Everything handed over except the index folder, left to root (0700).
      expect(
        spawnSync('chown', ['-R', `${NOBODY}:${NOBODY}`, cwd, path.dirname(knowledge)]).status,
      ).toBe(0);
      expect(spawnSync('chown', ['-R', 'root:root', path.join(data, 'index')]).status).toBe(0);
      chmodSync(path.join(data, 'index'), 0o700);
      const started = Date.now();
      const r = chat('2024年主题是什么\n', true);
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(
        `llw: cannot write the index folder ${path.join(data, 'index')} (EACCES): make LLW_DATA_DIR readable and writable by the user running llw (uid ${NOBODY}), or set it to a folder that is`,
      );
    },
  );
});
