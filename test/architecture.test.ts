import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory()
      ? filesUnder(full)
      : /\.(ts|js|mjs)$/.test(name)
        ? [full]
        : [];
  });
}

const FORBIDDEN =
  /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](telegraf|@slack\/[^'"]*|node:http|node:https|http|https|node:readline|readline|express|(?:\.\.\/)+adapters\/[^'"]*)['"]/g;

describe('the core knows no platform', () => {
  const files = filesUnder(path.join(ROOT, 'src'));

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('imports no platform SDK, no HTTP server, no readline and nothing from adapters/', () => {
    const offenders = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(FORBIDDEN)].map(
        (m) => `${path.relative(ROOT, file)}: ${m[1]}`,
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('never reads process.env (configuration is read once, at the edge)', () => {
    const offenders = files.filter((file) => /process\.env/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it('the check itself catches a forbidden import', () => {
    expect("import { Telegraf } from 'telegraf';").toMatch(new RegExp(FORBIDDEN.source));
    expect("import x from '../../adapters/cli/main.js';").toMatch(new RegExp(FORBIDDEN.source));
    expect("import { createServer } from 'node:http';").toMatch(new RegExp(FORBIDDEN.source));
  });
});

describe('adapters reach the core through its public surface', () => {
  const files = filesUnder(path.join(ROOT, 'adapters'));

  it('imports nothing from src/ but src/index.ts', () => {
    const deep = /(import type[^;]*?)?from\s+['"]((?:\.\.\/)+src\/(?!index\.js)[^'"]*)['"]/g;
    // The browser page may import the core's types (erased when bundled) straight from
    // src/types.ts: src/index.ts would pull Node modules into its type check.
    const browserTypes = (file: string, m: RegExpMatchArray) =>
      file.includes(path.join('adapters', 'web', 'client')) &&
      m[1] &&
      m[2]!.endsWith('src/types.js');
    const offenders = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(deep)]
        .filter((m) => !browserTypes(file, m))
        .map((m) => `${path.relative(ROOT, file)}: ${m[2]}`),
    );
    expect(offenders).toEqual([]);
  });
});
