import { z } from 'zod';

/** The schema version written with every stored session. */
export const SESSION_VERSION = 1;

const sessionSchema = z.object({
  /** The draft being filled in, if any. */
  activeDraftId: z.string().min(1).optional(),
  /** A question waiting for yes or no, or for a choice. */
  pending: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('forget') }),
      z.object({ kind: z.literal('choose-form') }),
      z.object({ kind: z.literal('delete'), draftId: z.string().min(1) }),
    ])
    .optional(),
  /** The language of the user's last message with letters in it (for button presses). */
  language: z.enum(['zh-Hans', 'zh-Hant', 'en']).optional(),
  /** The last question answered, to complete follow-ups such as "那2024年呢？". */
  lastQuestion: z.string().optional(),
});

/** What the bot remembers of one conversation between messages. */
export type Session = z.infer<typeof sessionSchema>;

/** A session as stored: plain JSON with its schema version. */
export function serializeSession(session: Session): string {
  return JSON.stringify({ v: SESSION_VERSION, ...session });
}

/**
 * Reads a stored session, validated rather than cast. Fields that do not fit are dropped one by
 * one (a session is a convenience: losing a follow-up question is better than failing a turn).
 */
export function parseSession(json: string): Session {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return {};
  }
  if (typeof data !== 'object' || data === null) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const field = sessionSchema.shape[key as keyof typeof sessionSchema.shape];
    if (field?.safeParse(value).success) out[key] = value;
  }
  return sessionSchema.parse(out);
}
