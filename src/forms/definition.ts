import path from 'node:path';
import { z } from 'zod';
import { readYamlFolder } from '../knowledge/manifest.js';

const bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
const words = z
  .object({
    zh: z.array(z.string().min(1)).default([]),
    en: z.array(z.string().min(1)).default([]),
  })
  .strict();
const option = z
  .object({
    value: z.string().min(1),
    zh: z.string().min(1),
    en: z.string().min(1),
    /** Other ways people name this choice (大学 for 本科, 照片 for 图片). */
    aliases: z.array(z.string().min(1)).default([]),
  })
  .strict();
const range = z.tuple([z.number().int().min(0), z.number().int().min(1)]);

const base = {
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower-case letters, digits and _'),
  label: bilingual,
  prompt: bilingual,
  hint: bilingual,
  example: bilingual,
  optional: z.boolean().default(false),
  aliases: words.default({ zh: [], en: [] }),
  polish: z.boolean().default(false),
};

const fieldSchema = z.discriminatedUnion('kind', [
  z
    .object({
      ...base,
      kind: z.literal('text'),
      min: z.number().int().min(0).default(1),
      max: z.number().int().min(1).default(200),
    })
    .strict(),
  /** A person's name: labels, phrases and titles around it are dropped; a sentence is refused. */
  z.object({ ...base, kind: z.literal('person') }).strict(),
  z.object({ ...base, kind: z.literal('choice'), options: z.array(option).min(2) }).strict(),
  z.object({ ...base, kind: z.literal('multichoice'), options: z.array(option).min(2) }).strict(),
  z
    .object({
      ...base,
      kind: z.literal('year-month'),
      min_age: z.number().int().default(0),
      max_age: z.number().int().default(120),
    })
    .strict(),
  z.object({ ...base, kind: z.literal('year'), min: z.number().int().default(1900) }).strict(),
  z.object({ ...base, kind: z.literal('region') }).strict(),
  z.object({ ...base, kind: z.literal('ethnicity') }).strict(),
  z.object({ ...base, kind: z.literal('phone') }).strict(),
  z.object({ ...base, kind: z.literal('email') }).strict(),
  z
    .object({
      ...base,
      kind: z.literal('longtext'),
      zh_chars: range,
      en_words: range,
      require_figures: z.boolean().default(false),
    })
    .strict(),
]);

const formSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    title: bilingual,
    start_words: words,
    fields: z.array(fieldSchema).min(1),
  })
  .strict()
  .superRefine((form, ctx) => {
    const seen = new Set<string>();
    form.fields.forEach((f, i) => {
      if (seen.has(f.id))
        ctx.addIssue({ code: 'custom', path: ['fields', i, 'id'], message: `repeats "${f.id}"` });
      seen.add(f.id);
    });
  });

/** One field of a form: what to ask, how to check the answer. */
export type FieldDefinition = z.infer<typeof fieldSchema>;
/** A nomination form, as data (knowledge/forms/*.yaml). */
export type FormDefinition = z.infer<typeof formSchema>;

/** Loads and validates every form of knowledge/forms/; a mistake names the file and the field. */
export async function loadForms(knowledgeDir: string): Promise<FormDefinition[]> {
  const files = await readYamlFolder(path.join(knowledgeDir, 'forms'), formSchema, 'FORMS_INVALID');
  return files.map((f) => f.data);
}
