import path from 'node:path';
import { z } from 'zod';
import { BotError } from '../errors.js';
import { extractEnglishFacts } from './extract-en.js';
import { extractChineseFacts } from './extract-zh.js';
import type { ExtractedFact, Fact, FactKind } from './facts.js';
import { readYamlFolder, type SourceEntry } from './manifest.js';

const fields = z.record(z.string(), z.string().min(1));
const KINDS = [
  'theme',
  'period',
  'arrangement',
  'opening',
  'hosts',
  'organizers',
  'office',
  'submission',
  'summary',
  'contact',
  'website',
  'issuer',
  'annexes',
  'document-number',
  'definition',
  'role',
] as const satisfies readonly FactKind[];

const factFileSchema = z
  .object({
    source: z.string().min(1),
    renderings: z
      .record(z.string(), z.object({ zh: fields.optional(), en: fields.optional() }).strict())
      .default({}),
    corrections: z.record(z.string(), fields).default({}),
    add: z
      .array(
        z
          .object({ key: z.string().min(1), kind: z.enum(KINDS), fields, quote: z.string().min(1) })
          .strict(),
      )
      .default([]),
  })
  .strict();

type FactFile = z.infer<typeof factFileSchema>;

/** The facts of one notice, as the rules extract them from its cleaned text. */
export function extractFacts(entry: SourceEntry, cleaned: string): ExtractedFact[] {
  return entry.language === 'zh'
    ? extractChineseFacts(entry.id, cleaned)
    : extractEnglishFacts(entry.id, cleaned);
}

function readFactFiles(knowledgeDir: string): Promise<{ file: string; data: FactFile }[]> {
  return readYamlFolder(path.join(knowledgeDir, 'facts'), factFileSchema, 'FACTS_INVALID');
}

/**
 * Extracts every notice's facts, merges the reviewed renderings, corrections and additions of
 * knowledge/facts/*.yaml, and checks that every fact's quote is in its cleaned notice. Any
 * mismatch stops the build with a message naming the file and the fact.
 */
export async function buildFacts(
  knowledgeDir: string,
  sources: readonly { entry: SourceEntry; cleaned: string }[],
): Promise<Fact[]> {
  const files = await readFactFiles(knowledgeDir);
  const facts: Fact[] = [];
  for (const { entry, cleaned } of sources) {
    const extracted = extractFacts(entry, cleaned);
    const reviewed = files.filter((f) => f.data.source === entry.id);
    const byKey = new Map<string, ExtractedFact & { renderings: Fact['renderings'] }>();
    for (const f of extracted) byKey.set(f.id.slice(entry.id.length + 1), { ...f, renderings: {} });
    for (const { file, data } of reviewed) {
      for (const added of data.add) {
        if (!cleaned.includes(added.quote)) {
          throw new BotError(
            'FACTS_INVALID',
            `${file}: add (${added.key}): the quote is not in the cleaned text of ${entry.id}: "${added.quote}"`,
          );
        }
        byKey.set(added.key, {
          id: `${entry.id}/${added.key}`,
          sourceId: entry.id,
          kind: added.kind,
          fields: added.fields,
          quote: added.quote,
          renderings: {},
        });
      }
      const known = () => [...byKey.keys()].join(', ');
      for (const [key, value] of Object.entries(data.corrections)) {
        const fact = byKey.get(key);
        if (!fact)
          throw new BotError(
            'FACTS_INVALID',
            `${file}: corrections.${key}: ${entry.id} has no such fact (it has: ${known()})`,
          );
        byKey.set(key, { ...fact, fields: { ...fact.fields, ...value } });
      }
      for (const [key, value] of Object.entries(data.renderings)) {
        const fact = byKey.get(key);
        if (!fact)
          throw new BotError(
            'FACTS_INVALID',
            `${file}: renderings.${key}: ${entry.id} has no such fact (it has: ${known()})`,
          );
        const renderings = {
          ...fact.renderings,
          ...(value.zh ? { zh: value.zh } : {}),
          ...(value.en ? { en: value.en } : {}),
        };
        byKey.set(key, { ...fact, renderings });
      }
    }
    for (const fact of byKey.values()) {
      if (!cleaned.includes(fact.quote)) {
        throw new BotError(
          'FACTS_INVALID',
          `fact ${fact.id}: its quote is not in the cleaned text of ${entry.id}: "${fact.quote}"`,
        );
      }
      facts.push(fact);
    }
  }
  const unknown = files.find((f) => !sources.some((s) => s.entry.id === f.data.source));
  if (unknown) {
    throw new BotError(
      'FACTS_INVALID',
      `${unknown.file}: source: "${unknown.data.source}" is not a source id of manifest.yaml`,
    );
  }
  return facts;
}
