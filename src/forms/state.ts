import { z } from 'zod';
import { BotError } from '../errors.js';
import type { FormDefinition } from './definition.js';
import type { FormState } from './engine.js';

/** The schema version written with every stored form state. */
export const FORM_STATE_VERSION = 2;

const language = z.enum(['zh-Hans', 'zh-Hant', 'en']);
const phase = z.enum(['filling', 'review', 'confirm-cancel', 'choose-polish', 'done', 'cancelled']);
const value = z.union([z.string(), z.array(z.string())]);
// Version 1 (before field ids) kept the position of the field; it is read and converted.
const position = z.union([z.string().min(1), z.number().int().min(0)]);

const stored = z.object({
  v: z.literal([1, FORM_STATE_VERSION]).optional(),
  formId: z.string().min(1),
  language,
  phase,
  field: position,
  answers: z.record(z.string(), value),
  skipped: z.array(z.string()),
  history: z.array(position),
  editing: z.boolean(),
  resume: phase.optional(),
  polished: z.object({ field: z.string(), text: z.string() }).optional(),
  picked: z.array(z.string()).optional(),
});

/** A form state as stored: plain JSON with its schema version. */
export function serializeFormState(state: FormState): unknown {
  return { v: FORM_STATE_VERSION, ...state };
}

/**
 * Reads a stored form state: validated field by field (never cast), positions of version 1
 * turned into field ids, and answers to fields the form no longer has dropped.
 */
export function parseFormState(form: FormDefinition, data: unknown): FormState {
  const parsed = stored.safeParse(data);
  if (!parsed.success)
    throw new BotError(
      'STATE_FAILED',
      `a stored ${form.id} draft is not readable: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    );
  const s = parsed.data;
  const ids = form.fields.map((f) => f.id);
  const idOf = (p: string | number) =>
    typeof p === 'number' ? (ids[Math.min(p, ids.length - 1)] ?? ids[0]!) : p;
  const known = (id: string) => ids.includes(id);
  const field = idOf(s.field);
  return {
    formId: s.formId,
    language: s.language,
    phase: s.phase,
    field: known(field) ? field : ids[0]!,
    answers: Object.fromEntries(Object.entries(s.answers).filter(([id]) => known(id))),
    skipped: s.skipped.filter(known),
    history: s.history.map(idOf).filter(known),
    editing: s.editing,
    ...(s.resume ? { resume: s.resume } : {}),
    ...(s.polished && known(s.polished.field) ? { polished: s.polished } : {}),
    ...(s.picked?.length ? { picked: s.picked } : {}),
  };
}
