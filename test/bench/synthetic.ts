/**
 * Synthetic notices for the scale benchmark: a knowledge folder holding the real notices plus
 * `(factor - 1) × 2` made-up ones, so the corpus is `factor` times the real one. Every synthetic
 * notice is labelled as such in its first line, its title and its id (`synthetic-…`), and is built
 * from one of the real notices' cleaned text by a seeded generator: paragraphs reordered, one Han
 * character or English word in six swapped for another of the same notice (so new word pairs, new
 * postings and a growing vocabulary, as new notices bring), every digit redrawn, and a year of its
 * own. Never shipped, never indexed by the assistant: only written into temporary folders.
 *
 * Run directly to write one: `tsx test/bench/synthetic.ts <factor> <folder>`.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { loadKnowledge } from '../../src/index.js';

/** mulberry32: a small seeded generator, so every run writes the same corpus. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKEN = /\p{Script=Han}|[A-Za-z]+|\d/gu;

function mutate(text: string, rand: () => number, label: string): string {
  const han = [...new Set(text.match(/\p{Script=Han}/gu) ?? [])];
  const words = [...new Set(text.match(/[A-Za-z]{3,}/g) ?? [])];
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const [title = '', ...rest] = text.split('\n');
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  const body = [title, ...rest].join('\n').replace(TOKEN, (t) => {
    if (/\d/.test(t)) return String(Math.floor(rand() * 10));
    if (rand() >= 1 / 6) return t;
    return /\p{Script=Han}/u.test(t) ? pick(han) : pick(words);
  });
  return `${label}\n${body}\n`;
}

/**
 * Writes a knowledge folder of `factor` times the shipped corpus into `dir` and returns how many
 * notices it holds. Glossary, forms, facts and renderings are the shipped ones (they speak of the
 * real notices only).
 */
export async function writeSyntheticKnowledge(
  knowledgeDir: string,
  dir: string,
  factor: number,
  seed = 20261127,
): Promise<number> {
  await cp(knowledgeDir, dir, { recursive: true });
  const kb = await loadKnowledge(knowledgeDir);
  const manifestFile = path.join(dir, 'manifest.yaml');
  const manifest = YAML.parse(await readFile(manifestFile, 'utf8')) as {
    sources: Record<string, unknown>[];
  };
  const rand = random(seed);
  let k = 0;
  for (let round = 1; round < factor; round++) {
    for (const source of kb.sources) {
      k++;
      const id = `synthetic-${String(k).padStart(5, '0')}`;
      const zh = source.entry.language === 'zh';
      const label = zh
        ? `（合成通知 ${k}，仅供基准测试，不是真实通知）`
        : `(Synthetic notice ${k}, for benchmarks only, not a real notice)`;
      const file = `sources/${id}.txt`;
      await writeFile(path.join(dir, file), mutate(source.cleaned.text, rand, label));
      manifest.sources.push({
        id,
        file,
        title: { zh: `合成通知 ${k}（基准测试）`, en: `Synthetic notice ${k} (benchmark)` },
        year: 2030 + (k % 60),
        issuers: source.entry.issuers,
        date: null,
        language: source.entry.language,
        script: source.entry.script,
        notes: 'synthetic, written by test/bench/synthetic.ts for the scale benchmark',
        cleaning: { strip_emoji: false },
      });
    }
  }
  await mkdir(path.join(dir, 'sources'), { recursive: true });
  await writeFile(manifestFile, YAML.stringify(manifest, { aliasDuplicateObjects: false }));
  return manifest.sources.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [factor, dir] = process.argv.slice(2);
  if (!factor || !dir) {
    console.error('usage: tsx test/bench/synthetic.ts <factor> <folder>');
    process.exit(2);
  }
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const n = await writeSyntheticKnowledge(path.join(root, 'knowledge'), dir, Number(factor));
  console.log(`wrote ${n} notices (${n - 2} synthetic) to ${dir}`);
}
