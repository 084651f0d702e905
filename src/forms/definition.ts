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
  /** A unified social credit code (统一社会信用代码), checked by its check digit. */
  z.object({ ...base, kind: z.literal('credit-code') }).strict(),
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

/** The yearly call whose rules decide who may be nominated, paraphrased, with its reference. */
const callSchema = z
  .object({
    year: z.number().int().min(2000),
    reference: z.string().min(1),
    issuer: bilingual,
    conditions: z.array(bilingual).min(1),
  })
  .strict();

/**
 * One eligibility rule of the call, checked against one answer: it warns (the organizer decides)
 * when the answer is one of `is`, or contains one of `contains` and none of `unless` (a provincial
 * title is not the national one) unless it says 全国/national.
 */
const ruleSchema = z
  .object({
    id: z.string().min(1),
    field: z.string().min(1),
    is: z.array(z.string().min(1)).optional(),
    contains: z.array(z.string().min(1)).optional(),
    /** Regular expressions (on Simplified, lower-case text), for titles that must stand alone. */
    matches: z
      .array(
        z.string().refine((p) => {
          try {
            new RegExp(p, 'u');
            return true;
          } catch {
            return false;
          }
        }, 'is not a valid regular expression'),
      )
      .optional(),
    unless: z.array(z.string().min(1)).default([]),
    /** A clause that names a province or city is a local title, not the national one. */
    unless_place: z.boolean().default(false),
    rule: bilingual,
  })
  .strict()
  .refine(
    (r) => (r.is ? 1 : 0) + (r.contains ? 1 : 0) + (r.matches ? 1 : 0) === 1,
    'needs one of `is`, `contains` or `matches`',
  );

const formSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    title: bilingual,
    start_words: words,
    call: callSchema.optional(),
    rules: z.array(ruleSchema).default([]),
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
    form.rules.forEach((r, i) => {
      const field = form.fields.find((f) => f.id === r.field);
      if (!field)
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'field'],
          message: `no field "${r.field}"`,
        });
      else if (r.is) {
        const values = 'options' in field ? field.options.map((o) => o.value) : [];
        for (const v of r.is.filter((v) => !values.includes(v)))
          ctx.addIssue({
            code: 'custom',
            path: ['rules', i, 'is'],
            message: `"${r.field}" has no option "${v}"`,
          });
      }
      if (r && !form.call)
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i],
          message: 'rules need the `call` they come from',
        });
    });
  });

/** One field of a form: what to ask, how to check the answer. */
export type FieldDefinition = z.infer<typeof fieldSchema>;
/** A nomination form, as data (knowledge/forms/*.yaml). */
export type FormDefinition = z.infer<typeof formSchema>;
/** One eligibility rule of a form's call. */
export type FormRule = z.infer<typeof ruleSchema>;
/** The call a form's rules come from. */
export type FormCall = z.infer<typeof callSchema>;

/** Loads and validates every form of knowledge/forms/; a mistake names the file and the field. */
export async function loadForms(knowledgeDir: string): Promise<FormDefinition[]> {
  const files = await readYamlFolder(path.join(knowledgeDir, 'forms'), formSchema, 'FORMS_INVALID');
  return files.map((f) => f.data);
}
