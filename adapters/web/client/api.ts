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

/** Posts JSON to the assistant; throws when it cannot be reached or refuses. */
async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** Sends a message (typed text or a pressed button); sent again with the same id, it is answered once. */
export function sendMessage(
  message: { text: string } | { button: string },
  id: string,
): Promise<WebReply[]> {
  return post<{ replies: WebReply[] }>('/api/messages', { ...message, id }).then((r) => r.replies);
}
