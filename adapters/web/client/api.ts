import type {
  AnswerKind,
  Block,
  Button,
  Citation,
  FormProgress,
  Language,
} from '../../../src/types.js';

/** A reply as the server's /api/messages gives it. */
export interface WebReply {
  readonly id: string;
  readonly kind: AnswerKind;
  readonly intent: string;
  readonly language: Language;
  readonly blocks: readonly Block[];
  readonly citations: readonly Citation[];
  readonly buttons: readonly Button[];
  readonly files: readonly { name: string; mediaType: string; url: string }[];
  readonly form?: FormProgress;
}

/** The assistant answered, but refused the request (too large, malformed): its words, not a network fault. */
export class Refused extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Posts JSON to the assistant; throws Refused for a 4xx, another error when it cannot be reached. */
async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  });
  if (res.status >= 400 && res.status < 500) {
    const error = (await res.json().catch(() => ({}))) as { error?: string };
    throw new Refused(error.error ?? `HTTP ${res.status}`, res.status);
  }
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as T;
}

/**
 * An id for a message. randomUUID exists only on https and localhost; a page opened over plain
 * http on an intranet address still needs one.
 */
export function messageId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Sends a message (typed text or a pressed button); sent again with the same id, it is answered once. */
export function sendMessage(
  message: { text: string } | { button: string },
  id: string,
): Promise<WebReply[]> {
  return post<{ replies: WebReply[] }>('/api/messages', { ...message, id }).then((r) => r.replies);
}
