import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Bot, Reply } from '../../src/index.js';
import { readBody, sendJson, type Route } from '../server/http.js';
import { createLimiter } from './limit.js';
import { knownUser, sameOrigin, webUser } from './session.js';

/** The most a message request may weigh: 8,000 characters of Chinese are 24 KB of UTF-8. */
export const BODY_LIMIT = 64 * 1024;

const messageSchema = z
  .object({
    text: z.string().max(1_000_000).optional(),
    button: z.string().min(1).max(64).optional(),
    /** The page's id for this message, so that a retried request is answered once. */
    id: z
      .string()
      .regex(/^[\w-]{1,64}$/)
      .optional(),
  })
  .strict()
  .refine((m) => (m.text === undefined) !== (m.button === undefined), {
    message: 'send either "text" or "button"',
  });

/** A reply as the page gets it: the core's shape, files as links to download, and an id. */
export interface WebReply extends Omit<Reply, 'files'> {
  readonly id: string;
  readonly files: readonly { name: string; mediaType: string; url: string }[];
}

/** The core's reply for the page: files become links (`/api/drafts/<name>`), served on request. */
export function toWeb(reply: Reply): WebReply {
  const { files, ...rest } = reply;
  return {
    ...rest,
    id: randomUUID(),
    files: files.map((f) => ({
      name: f.name,
      mediaType: f.mediaType,
      url: `/api/drafts/${encodeURIComponent(f.name)}`,
    })),
  };
}

/** The browser's first language, as a locale the core understands. */
const localeOf = (req: IncomingMessage) =>
  String(req.headers['accept-language'] ?? '')
    .split(',')[0]
    ?.split(';')[0]
    ?.trim() || undefined;

/** Sends an error as JSON: `{ error }` with a sentence that says what was wrong. */
const refuse = (res: ServerResponse, status: number, error: string) =>
  sendJson(res, status, { error });

/**
 * The JSON API the page uses, which other clients may call too: `POST /api/messages` with
 * `{text}` or `{button}` returns `{replies}`; `GET /api/drafts/<name>` serves a file of the
 * caller's own finished drafts. Requests from other sites, bodies too large, malformed JSON and
 * unknown fields are refused with a 4xx and reach nothing.
 */
export function apiRoutes(
  bot: Bot,
  log: Logger,
  limiter = createLimiter({ burst: 20, perMinute: 30 }),
  /** With LLW_RATE_LIMIT=0 a browser with its cookie is not limited here either. */
  limits: { readonly users: boolean } = { users: true },
): Route[] {
  const messages: Route = {
    method: 'POST',
    path: '/api/messages',
    async handler(req, res) {
      if (!sameOrigin(req)) {
        req.resume();
        return refuse(res, 403, 'requests must come from this site, as JSON');
      }
      const body = await readBody(req, res, BODY_LIMIT);
      if (!body) return;
      let data: unknown;
      try {
        data = JSON.parse(body.toString('utf8'));
      } catch {
        return refuse(res, 400, 'the body is not valid JSON');
      }
      const parsed = messageSchema.safeParse(data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
        return refuse(res, 400, `${where}${issue?.message ?? 'invalid message'}`);
      }
      const { userId, fresh } = webUser(req, res);
      // A browser with its cookie is limited as itself; one without, by its address.
      const wait =
        fresh || limits.users
          ? limiter.take(fresh ? `ip:${req.socket.remoteAddress ?? ''}` : userId)
          : true;
      if (wait !== true) {
        res.setHeader('retry-after', String(wait));
        return refuse(res, 429, `too many messages: wait ${wait} s`);
      }
      const { text, button, id } = parsed.data;
      const locale = localeOf(req);
      const replies = await bot.handle({
        channel: 'web',
        userId,
        conversationId: userId,
        ...(id ? { messageId: `${userId}:${id}` } : {}),
        receivedAt: new Date(),
        ...(button !== undefined ? { action: button } : { text: text ?? '' }),
        ...(locale ? { locale } : {}),
      });
      sendJson(res, 200, { replies: replies.map(toWeb) });
    },
  };

  const drafts: Route = {
    method: 'GET',
    path: '/api/drafts/',
    prefix: true,
    async handler(req, res) {
      let name: string;
      try {
        name = decodeURIComponent((req.url ?? '').split('?')[0]!.slice('/api/drafts/'.length));
      } catch {
        return refuse(res, 404, 'no such draft file for you');
      }
      const user = knownUser(req);
      // Another user's file and no file at all look the same: 404.
      const file = user ? await bot.draftFile({ channel: 'web', ...user }, name) : undefined;
      if (!file) return refuse(res, 404, 'no such draft file for you');
      log.info({ channel: 'web' }, 'draft file downloaded');
      res.writeHead(200, {
        'content-type': file.mediaType,
        'content-length': file.data.byteLength,
        // A header holds Latin-1 only: the nominee's name goes in filename*, an
        // ASCII name (star-1a2b3c4d.docx) in filename for old clients.
        'content-disposition': `attachment; filename="${asciiName(file.name)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(Buffer.from(file.data));
    },
  };
  return [messages, drafts];
}

/** `star-张秀英-1a2b3c4d.docx` → `star-1a2b3c4d.docx`: what fits an HTTP header as it is. */
function asciiName(name: string): string {
  return name
    .replace(/-[^\x20-\x7e]+(?=-)/gu, '')
    .replace(/^[^\x20-\x7e]+-/u, 'nominations-')
    .replace(/[^\x20-\x7e]|"/gu, '_');
}
