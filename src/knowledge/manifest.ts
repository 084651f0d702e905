import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { BotError, type ErrorCode } from '../errors.js';

const regexString = z.string().refine(
  (value) => {
    try {
      new RegExp(value, 'u');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'is not a valid regular expression' },
);

const cleaningSchema = z
  .object({
    strip_emoji: z.boolean().default(true),
    junk_tokens: z.array(z.string().min(1)).default([]),
    drop_lines: z.array(regexString).default([]),
    replace: z.array(z.object({ pattern: regexString, with: z.string() }).strict()).default([]),
    fix_glued_sentences: z.boolean().default(false),
  })
  .strict();

const bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();

const sourceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
    file: z
      .string()
      .regex(/\.(txt|md)$/, 'must name a .txt or .md file under the knowledge folder'),
    title: bilingual,
    year: z.number().int().min(1990).max(2100),
    issuers: z.array(bilingual).min(1),
    document_number: z.string().nullable().default(null),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
      .nullable()
      .default(null),
    language: z.enum(['zh', 'en']),
    script: z.enum(['Hans', 'Hant', 'Latn']),
    notes: z.string().optional(),
    cleaning: cleaningSchema.default({
      strip_emoji: true,
      junk_tokens: [],
      drop_lines: [],
      replace: [],
      fix_glued_sentences: false,
    }),
  })
  .strict();

const manifestSchema = z
  .object({ sources: z.array(sourceSchema).min(1, 'must list at least one source') })
  .strict()
  .superRefine((manifest, ctx) => {
    const seen = new Set<string>();
    manifest.sources.forEach((source, i) => {
      if (seen.has(source.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['sources', i, 'id'],
          message: `repeats "${source.id}"`,
        });
      }
      seen.add(source.id);
    });
  });

/** Per-source cleaning rules, as the manifest states them. */
export type CleaningRules = z.infer<typeof cleaningSchema>;
/** One notice as the manifest describes it. */
export type SourceEntry = z.infer<typeof sourceSchema>;
/** The whole manifest. */
export type Manifest = z.infer<typeof manifestSchema>;

/** Turns the first schema issue into "file: field: problem", the form every loader reports. */
export function describeIssue(file: string, error: z.ZodError, data?: unknown): string {
  const issue = error.issues[0];
  if (!issue) return `${file}: invalid`;
  const field = issue.path
    .map((part, i) => {
      if (typeof part === 'number') {
        const owner = lookup(data, issue.path.slice(0, i + 1)) as { id?: unknown } | undefined;
        return typeof owner?.id === 'string' ? `[${part}] (${owner.id})` : `[${part}]`;
      }
      return i === 0 ? String(part) : `.${String(part)}`;
    })
    .join('');
  return `${file}: ${field || '(top level)'}: ${issue.message}`;
}

function lookup(data: unknown, pathParts: readonly PropertyKey[]): unknown {
  let node = data;
  for (const part of pathParts) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return node;
}

/** Reads and parses a YAML file, reporting a failure as a BotError naming the file. */
export async function readYaml(file: string, code: ErrorCode): Promise<unknown> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (cause) {
    throw new BotError(code, `${file}: cannot be read (${(cause as Error).message})`, { cause });
  }
  try {
    return parseYaml(raw);
  } catch (cause) {
    throw new BotError(code, `${file}: is not valid YAML (${(cause as Error).message})`, { cause });
  }
}

/**
 * Reads every `*.yaml` of a folder, in name order, each validated by `schema`; a missing folder
 * is an empty list, and a mistake stops with the file and the field.
 */
export async function readYamlFolder<T>(dir: string, schema: z.ZodType<T>, code: ErrorCode): Promise<{ file: string; data: T }[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    return [];
  }
  const out: { file: string; data: T }[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const raw = await readYaml(file, code);
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new BotError(code, describeIssue(file, parsed.error, raw));
    out.push({ file, data: parsed.data });
  }
  return out;
}

/** Loads and validates `manifest.yaml` in a knowledge folder. */
export async function loadManifest(knowledgeDir: string): Promise<Manifest> {
  const file = path.join(knowledgeDir, 'manifest.yaml');
  const data = await readYaml(file, 'MANIFEST_INVALID');
  const parsed = manifestSchema.safeParse(data);
  if (!parsed.success) {
    throw new BotError('MANIFEST_INVALID', describeIssue(file, parsed.error, data));
  }
  return parsed.data;
}
