import type { FormState } from '../forms/engine.js';
import type { Language } from '../types.js';

/** Whose state it is: everything stored is keyed by channel and user, never shared. */
export interface UserKey {
  readonly channel: string;
  readonly userId: string;
}

/** What the bot remembers about a user between messages. */
export interface Session {
  /** The draft being filled in, if any. */
  readonly activeDraftId?: string;
  /** A question waiting for yes or no, or for a choice. */
  readonly pending?:
    | { readonly kind: 'forget' }
    | { readonly kind: 'choose-form' }
    | { readonly kind: 'delete'; readonly draftId: string };
  /** The language of the user's last message with letters in it (for button presses). */
  readonly language?: Language;
  /** The last question answered, to complete follow-ups such as "那2024年呢？". */
  readonly lastQuestion?: string;
}

/** A nomination draft: the form state, in progress or finished. */
export interface Draft {
  readonly id: string;
  readonly formId: string;
  readonly status: 'in_progress' | 'final';
  readonly state: FormState;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The draft this one was duplicated from. */
  readonly copyOf?: string;
}

/** The storage port. Implementations: SQLite (default), in memory (tests), Postgres (scale-out). */
export interface StateStore {
  getSession(key: UserKey): Promise<Session>;
  /** Saves the session and, in the same transaction, a draft: an accepted answer is never half-saved. */
  save(key: UserKey, session: Session, draft?: Draft): Promise<void>;
  getDraft(key: UserKey, id: string): Promise<Draft | undefined>;
  /** The user's drafts, most recently created first (numbers in a list stay put while one is edited). */
  listDrafts(key: UserKey): Promise<Draft[]>;
  deleteDraft(key: UserKey, id: string): Promise<boolean>;
  /** Deletes everything stored about the user; returns how many drafts went. */
  forget(key: UserKey): Promise<number>;
  close(): Promise<void>;
}
