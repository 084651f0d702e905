/**
 * `npm run bench`: every part of the benchmark in one run, each in a process of its own (so one
 * part's heap and caches do not colour the next), its output shown as it comes; then one table of
 * every figure beside the aim it has, written with the machine it came from to
 * .artifacts/bench/bench.json. A part that fails is named in the table; the rest still run.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers.js';
import { LLW_MAIN } from '../llw-process.js';

type Figures = Record<string, unknown>;

const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const parts: { name: string; args: string[] }[] = [
  { name: 'core', args: [LLW_MAIN, 'bench', '--json'] },
  { name: 'recipe', args: [TSX, 'test/bench/recipe.ts'] },
  { name: 'scale', args: [TSX, 'test/bench/scale.ts'] },
  { name: 'channels', args: [TSX, 'test/bench/channels.ts'] },
  { name: 'web', args: [TSX, 'test/bench/web.ts'] },
];

/** Runs one part, echoing its output; resolves with the JSON of its last line that is JSON. */
function runPart(args: string[]): Promise<Figures | undefined> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      out += chunk.toString();
    });
    child.on('close', (code) => {
      const last = out
        .trim()
        .split('\n')
        .reverse()
        .find((l) => l.startsWith('{'));
      if (code !== 0 || !last) return resolve(undefined);
      try {
        resolve(JSON.parse(last) as Figures);
      } catch {
        resolve(undefined);
      }
    });
  });
}

const only = process.env['BENCH_PARTS']?.split(',');
const results: Figures = {};
const failed: string[] = [];
for (const part of parts.filter((p) => !only || only.includes(p.name))) {
  console.log(`\n=== ${part.name} ===`);
  const figures = await runPart(part.args);
  if (figures) Object.assign(results, figures);
  else failed.push(part.name);
}

// One row per figure: what, measured, aim (where the issues set one), met.
type Row = [string, string, string, string];
const rows: Row[] = [];
const num = (x: unknown, digits = 1) => (typeof x === 'number' ? x.toFixed(digits) : '—');
const aim = (value: unknown, limit: number, below: boolean): string =>
  typeof value !== 'number' ? '—' : (below ? value < limit : value >= limit) ? 'yes' : 'no';

const core = results['core'] as Figures | undefined;
if (core) {
  rows.push(
    [
      'handle() p50 / p99, project set repeated',
      `${num(core['handleP50Ms'], 2)} / ${num(core['handleP99Ms'], 2)} ms`,
      'p99 < 5 ms',
      aim(core['handleP99Ms'], 5, true),
    ],
    [
      `handle() p50 / p99, ${core['unseenQuestions']} held-out asked once`,
      `${num(core['unseenP50Ms'], 2)} / ${num(core['unseenP99Ms'], 2)} ms`,
      'p99 < 5 ms',
      aim(core['unseenP99Ms'], 5, true),
    ],
    ['questions per second, one core', num(core['handlePerSecond'], 0), '', ''],
    [
      'search p50 / p99',
      `${num(core['searchP50Ms'], 2)} / ${num(core['searchP99Ms'], 2)} ms`,
      '',
      '',
    ],
    ['retrieval recall@3 (source)', `${num(Number(core['recallAt3']) * 100)}%`, '', ''],
  );
}
const recipe = results['recipe'] as { scores: Figures[] } | undefined;
for (const set of ['project set', 'held-out sets']) {
  const [own, stock] = ['assistant', 'LangChain stock'].map((e) =>
    recipe?.scores.find((s) => s['set'] === set && s['engine'] === e),
  );
  if (!own || !stock) continue;
  const q = Number(own['questions']);
  rows.push([
    `${set} (${q}): assistant vs LangChain stock recipe`,
    `${own['asSeen']} vs ${stock['asSeen']} as seen (${(Number(own['asSeen']) / Math.max(1, Number(stock['asSeen']))).toFixed(1)}×), ${own['content']} vs ${stock['content']} content`,
    '',
    '',
  ]);
}
for (const r of (results['scale'] as Figures[] | undefined) ?? []) {
  const big = String(r['corpus']).startsWith('1000');
  rows.push(
    [
      `${r['corpus']}: build time / peak RSS`,
      `${num(r['buildS'])} s / ${num(r['buildRssMb'], 0)} MB`,
      big ? '< 120 s' : '',
      big ? aim(r['buildS'], 120, true) : '',
    ],
    [
      `${r['corpus']}: search p50 / p99`,
      `${num(r['searchP50Ms'], 2)} / ${num(r['searchP99Ms'], 2)} ms`,
      big ? 'p99 < 50 ms' : '',
      big ? aim(r['searchP99Ms'], 50, true) : '',
    ],
    [
      `${r['corpus']}: handle() p50 / p99`,
      `${num(r['handleP50Ms'], 2)} / ${num(r['handleP99Ms'], 2)} ms`,
      '',
      '',
    ],
    [
      `${r['corpus']}: serving RSS / index size`,
      `${num(r['queryRssMb'], 0)} MB / ${num(r['indexMb'])} MB`,
      big ? 'RSS < 1,536 MB' : '',
      big ? aim(r['queryRssMb'], 1536, true) : '',
    ],
  );
}
for (const r of (results['channels'] as Figures[] | undefined) ?? [])
  rows.push([
    `${r['path']} (${r['state']}): per second / arrival→send p99`,
    `${num(r['perSecond'], 0)} / ${num(r['p99'])} ms`,
    '',
    '',
  ]);
for (const r of (results['web'] as Figures[] | undefined) ?? []) {
  const sqlite = r['store'] === 'SQLite';
  rows.push([
    `web API, 50 clients (${r['store']}): requests/s / p99`,
    `${num(r['requestsPerSecond'], 0)} / ${r['p99']} ms`,
    sqlite ? '2,000/s, p99 < 50 ms' : '',
    sqlite ? (Number(r['requestsPerSecond']) >= 2000 && Number(r['p99']) < 50 ? 'yes' : 'no') : '',
  ]);
}
for (const name of failed) rows.push([`${name}: did not finish`, '—', '', 'no']);

const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  kernel: release(),
  at: new Date().toISOString(),
};
const widths = [0, 1, 2, 3].map((i) =>
  Math.max(...rows.map((r) => r[i]!.length), ['figure', 'measured', 'aim', 'met'][i]!.length),
);
const line = (r: readonly string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(
  `\n=== all figures (${machine.cpus} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, no LLM) ===`,
);
console.log(line(['figure', 'measured', 'aim', 'met']));
for (const r of rows) console.log(line(r));
const file = path.join(ROOT, '.artifacts', 'bench', 'bench.json');
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify({ machine, ...results, failed }, null, 2)}\n`);
console.log(`\nwritten to ${path.relative(ROOT, file)}`);
process.exit(failed.length > 0 ? 1 : 0);
