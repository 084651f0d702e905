import type { Session } from './session.js';

export type { Session } from './session.js';

/** Whose data it is: drafts are keyed by channel and user, never shared. */
export interface UserKey {
  readonly channel: string;
  readonly userId: string;
}

/** One conversation of a user: a private chat, a group, a Slack channel thread. Sessions are kept per conversation. */
export interface ConversationKey extends UserKey {
  readonly conversationId: string;
}

/** A stored value with the version it was read at (0: nothing stored yet). */
export interface Versioned<T> {
  readonly value: T;
  readonly version: number;
}

/**
 * A nomination draft as the store keeps it. The store knows drafts, not forms: `data` is the
 * form's state as JSON, parsed by the forms layer.
 */
export interface StoredDraft {
  readonly id: string;
  readonly formId: string;
  readonly status: 'in_progress' | 'final';
  readonly data: unknown;
  /** Bumped by every save; a save that read an older version is refused. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The draft this one was duplicated from. */
  readonly copyOf?: string;
}

/**
 * What one turn changes, saved in one transaction. Each session and draft carries the version it
 * was read at (0 for new); the store writes it as version + 1 only if the stored version is still
 * that one, so a concurrent turn can never overwrite an accepted answer.
 */
export interface Change {
  readonly session?: Versioned<Session>;
  readonly drafts?: readonly StoredDraft[];
  readonly deleteDrafts?: readonly string[];
  /**
   * The delivery this turn answers, marked handled in the same transaction: a commit for a
   * delivery already handled is refused, so a message delivered twice changes state once, and a
   * turn that never committed (a crash) leaves its delivery free to be handled when re-sent.
   */
  readonly delivery?: { readonly key: string; readonly ttlMs: number };
  /** Answers given in this turn, kept for feedback and the report of what the notices lack. */
  readonly answers?: readonly AnswerRecord[];
  /** The user's verdict on one of their own earlier answers (someone else's is ignored). */
  readonly rating?: { readonly answer: string; readonly helpful: boolean };
}

/** One answer to a question about the Week: what was asked, how it was answered, and whether it helped. */
export interface AnswerRecord {
  readonly id: string;
  readonly channel: string;
  readonly userId: string;
  /** The question as asked (a follow-up completed); never a nomination answer. */
  readonly question: string;
  readonly intent: string;
  readonly kind: string;
  readonly language: string;
  readonly at: string;
  /** True or false once the user said so. */
  readonly helpful?: boolean;
}

/** Remembers deliveries: claimed once within `ttlMs`, and whether one was handled already. */
export interface Dedupe {
  /** True for the first claim of a key within `ttlMs`, false after. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** True when the key was claimed (or committed as a delivery) and has not expired. */
  seen(key: string): Promise<boolean>;
}

/**
 * A lease: one holder at a time for a key (the one process allowed to hold a platform's single
 * connection), until it lapses unless renewed.
 */
export interface Lease {
  /**
   * Takes the lease for `holder`, or renews it when `holder` has it already; false while another
   * holder's lease has not lapsed.
   */
  lease(key: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up, if `holder` has it. */
  release(key: string, holder: string): Promise<void>;
}

/** Counts events per key in fixed windows: a per-user message allowance shared by instances. */
export interface RateCounter {
  /** Counts one more event of `key` in the current window of `windowMs`; the count so far. */
  count(key: string, windowMs: number): Promise<number>;
}

/** The storage port. Implementations: SQLite (default), in memory (tests), Postgres (scale-out). */
export interface StateStore extends Dedupe, Lease, RateCounter {
  getSession(key: ConversationKey): Promise<Versioned<Session>>;
  getDraft(key: UserKey, id: string): Promise<StoredDraft | undefined>;
  /** The user's drafts in the order they were created, oldest first: numbers in a list never move. */
  listDrafts(key: UserKey): Promise<StoredDraft[]>;
  /**
   * Saves a turn's changes atomically; false (and nothing written) when another turn saved first
   * or its delivery was already handled.
   */
  commit(key: ConversationKey, change: Change): Promise<boolean>;
  /** Deletes everything stored about the user, in every conversation; returns how many drafts went. */
  forget(key: UserKey): Promise<number>;
  /** Figures for an operator: forms being filled right now (conversations with an open draft). */
  stats(): Promise<{ readonly activeForms: number }>;
  /** The answers given from `since` up to `until`, oldest first. */
  answers(range: { since: Date; until: Date }): Promise<AnswerRecord[]>;
  /**
   * Deletes what is kept no longer: answers older than `answersBefore`, and conversations and
   * drafts untouched since `inactiveBefore` (an abandoned draft's personal data does not stay for ever).
   */
  sweep(limits: { answersBefore: Date; inactiveBefore: Date }): Promise<void>;
  close(): Promise<void>;
}
