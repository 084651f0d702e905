import type { AnswerRecord, StoredDraft } from './state-store.js';

/** A draft as both SQL stores keep it; `data` is JSON text (SQLite) or parsed jsonb (PostgreSQL). */
export interface DraftRow {
  id: string;
  form_id: string;
  status: string;
  data: unknown;
  version: number;
  created_at: string;
  updated_at: string;
  copy_of: string | null;
}

/** A draft row as the store port gives it. */
export const toDraft = (r: DraftRow): StoredDraft => ({
  id: r.id,
  formId: r.form_id,
  status: r.status === 'final' ? 'final' : 'in_progress',
  data: typeof r.data === 'string' ? (JSON.parse(r.data) as unknown) : r.data,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  ...(r.copy_of ? { copyOf: r.copy_of } : {}),
});

/** An answer as both SQL stores keep it; `helpful` is 0/1 (SQLite) or a boolean (PostgreSQL). */
export interface AnswerRow {
  id: string;
  channel: string;
  user_id: string;
  question: string;
  intent: string;
  kind: string;
  language: string;
  at: string;
  helpful: number | boolean | null;
}

/** An answer row as the store port gives it. */
export const toAnswer = (r: AnswerRow): AnswerRecord => ({
  id: r.id,
  channel: r.channel,
  userId: r.user_id,
  question: r.question,
  intent: r.intent,
  kind: r.kind,
  language: r.language,
  at: r.at,
  ...(r.helpful === null ? {} : { helpful: r.helpful === true || r.helpful === 1 }),
});
