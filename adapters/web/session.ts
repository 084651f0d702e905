import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The cookie that names a web chat user. */
export const COOKIE = 'llw_session';
const TOKEN = /^[\w-]{43}$/;
/** A draft can take weeks; the cookie lasts 90 days. */
const MAX_AGE = 90 * 24 * 60 * 60;

/** Reads one cookie of a request. */
function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/** True when the page was reached over https (directly or through a proxy that says so). */
function secure(req: IncomingMessage): boolean {
  return (
    (req.socket as { encrypted?: boolean }).encrypted === true ||
    String(req.headers['x-forwarded-proto'] ?? '')
      .split(',')[0]
      ?.trim() === 'https'
  );
}

/**
 * The web user of a request: a random token in an HttpOnly, SameSite=Strict cookie, set when
 * missing. The user id kept in the database is a hash of the token, so the database never holds
 * what would let someone act as the user.
 */
export function webUser(
  req: IncomingMessage,
  res: ServerResponse,
): { userId: string; fresh: boolean } {
  let token = cookie(req, COOKIE);
  const fresh = !token || !TOKEN.test(token);
  if (fresh) token = randomBytes(32).toString('base64url');
  // Sent with every answer: the 90 days count from the last visit, not the first.
  res.setHeader(
    'set-cookie',
    `${COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${MAX_AGE}${secure(req) ? '; Secure' : ''}`,
  );
  return { userId: createHash('sha256').update(token!).digest('hex').slice(0, 32), fresh };
}

/** The user of a request that must already have one (downloads): undefined without a cookie. */
export function knownUser(req: IncomingMessage): { userId: string } | undefined {
  const token = cookie(req, COOKIE);
  if (!token || !TOKEN.test(token)) return undefined;
  return { userId: createHash('sha256').update(token).digest('hex').slice(0, 32) };
}

/**
 * Whether a state-changing request comes from the page itself. A cross-site form cannot send
 * JSON, a cross-site fetch of JSON needs a CORS preflight that this server never grants, and
 * browsers say where a request comes from (Sec-Fetch-Site, Origin): all three are checked.
 */
export function sameOrigin(req: IncomingMessage): boolean {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (type !== 'application/json') return false;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
