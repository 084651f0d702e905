/** Stable error codes: callers branch on these, never on message text. */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'MANIFEST_INVALID'
  | 'SOURCE_UNREADABLE'
  | 'GLOSSARY_INVALID'
  | 'INDEX_MISSING'
  | 'INDEX_CORRUPT'
  | 'INDEX_LOCKED'
  | 'INDEX_UNWRITABLE'
  | 'INDEX_EMBEDDINGS_MISMATCH'
  | 'EMBEDDINGS_FAILED'
  | 'FACTS_INVALID'
  | 'SCHEDULE_INVALID'
  | 'RENDERING_INVALID'
  | 'LLM_FAILED'
  | 'FORMS_INVALID'
  | 'STATE_FAILED'
  | 'CHANNEL_FAILED'
  | 'QUESTIONS_INVALID'
  | 'DATA_DIR_INVALID';

/** The one error type of the core: a stable `code`, a message that says how to fix it, and a cause. */
export class BotError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BotError';
    this.code = code;
  }
}

/** True when `error` is a BotError, optionally with the given code. */
export function isBotError(error: unknown, code?: ErrorCode): error is BotError {
  return error instanceof BotError && (code === undefined || error.code === code);
}
