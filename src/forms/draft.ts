import type { AnswerRecord, Session, StoredDraft } from '../storage/state-store.js';
import type { Reply } from '../types.js';
import type { FormDefinition } from './definition.js';
import type { FormState } from './engine.js';
import { parseFormState, serializeFormState } from './state.js';

/** A nomination draft with its form state read: in progress or finished. */
export interface Draft {
  readonly id: string;
  readonly formId: string;
  readonly status: 'in_progress' | 'final';
  readonly state: FormState;
  /** The version it was read at (0: new); saving writes version + 1. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly copyOf?: string;
}

/**
 * What one turn of the conversation produced: the replies, and the changes to save together
 * (the session, drafts written or deleted, or everything forgotten) before the replies are sent.
 */
export interface Turn {
  readonly replies: Reply[];
  readonly session: Session;
  readonly drafts?: readonly Draft[];
  readonly deleteDrafts?: readonly string[];
  readonly forget?: boolean;
  /** Answers to questions about the Week given in this turn (the bot adds whose they are). */
  readonly answers?: readonly Omit<AnswerRecord, 'channel' | 'userId'>[];
  /** The user's verdict on one of their answers. */
  readonly rating?: { readonly answer: string; readonly helpful: boolean };
}

/** Reads a stored draft; undefined when its form no longer exists. */
export function readDraft(
  record: StoredDraft,
  forms: readonly FormDefinition[],
): Draft | undefined {
  const form = forms.find((f) => f.id === record.formId);
  if (!form) return undefined;
  return {
    id: record.id,
    formId: record.formId,
    status: record.status,
    state: parseFormState(form, record.data),
    version: record.version,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    ...(record.copyOf ? { copyOf: record.copyOf } : {}),
  };
}

/** A draft as the store keeps it. */
export function storeDraft(draft: Draft): StoredDraft {
  return {
    id: draft.id,
    formId: draft.formId,
    status: draft.status,
    data: serializeFormState(draft.state),
    version: draft.version,
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
    ...(draft.copyOf ? { copyOf: draft.copyOf } : {}),
  };
}

/** A session without one of its keys. */
export function without<K extends keyof Session>(session: Session, key: K): Omit<Session, K> {
  const copy = { ...session };
  delete copy[key];
  return copy;
}
