import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './helpers.js';

/** The compiled `llw` entry point, as users run it. */
export const LLW_MAIN = path.join(ROOT, 'dist', 'adapters', 'cli', 'main.js');

/** A running `llw start` process: the address it printed and what it wrote to stderr. */
export interface LlwProcess {
  readonly child: ChildProcess;
  readonly url: string;
  stderr(): string;
  /** Stops it with `signal` and waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `llw start` in `cwd` with only `env` (and PATH), and waits until it says where it listens. */
export async function startLlw(cwd: string, env: Record<string, string>): Promise<LlwProcess> {
  const child = spawn(process.execPath, [LLW_MAIN, 'start'], {
    cwd,
    env: { PATH: process.env['PATH'] ?? '', PORT: '0', ...env },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`llw start did not start: ${stderr}`)), 60_000);
    child.stderr.on('data', () => {
      const m = /Open (http:\/\/localhost:\d+)\/ in a browser/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!.replace('localhost', '127.0.0.1'));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`llw start exited (${code}): ${stderr}`));
    });
  });
  return {
    child,
    url,
    stderr: () => stderr,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
