import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';

/** A request handler in Node's own shape: what Bolt's receiver and Telegraf's webhook expect. */
export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** One route of the server: a method and an exact path, or a path prefix ending in `/`. */
export interface Route {
  readonly method: 'GET' | 'POST';
  /** `/healthz` matches itself only; `/api/drafts/` (with `prefix`) matches what starts with it. */
  readonly path: string;
  readonly prefix?: boolean;
  readonly handler: Handler;
}

/** Sends a JSON body with a status. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const data = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(data),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(data);
}

/** Reads a request body up to `limit` bytes; undefined (and a 413 sent) when it is larger. */
export async function readBody(
  req: IncomingMessage,
  res: ServerResponse,
  limit: number,
): Promise<Buffer | undefined> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    sendJson(res, 413, { error: 'body too large' });
    req.resume();
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      sendJson(res, 413, { error: 'body too large' });
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The one HTTP server of a process, and how to start and stop it. */
export interface HttpServer {
  readonly server: Server;
  /** Starts listening; resolves to the URL it listens on. */
  listen(port: number, host: string): Promise<string>;
  /** Stops taking connections and waits for open requests, at most `graceMs`. */
  close(graceMs: number): Promise<void>;
}

/**
 * The one HTTP server every channel mounts its routes on (/slack/events, /telegram/webhook,
 * /healthz; the web chat's routes later). Routes match an exact path; an unknown path gets 404
 * and a wrong method 405, both as JSON. A handler that throws gets a 500 with no details.
 *
 * Written on node:http rather than a framework: Bolt's receiver and Telegraf's webhook both want
 * Node's raw request and response, and exact-path routing is all that is needed.
 */
export function createHttpServer(routes: readonly Route[], log: Logger): HttpServer {
  const table = new Map<string, Map<string, Handler>>();
  const prefixes: string[] = [];
  for (const route of routes) {
    const methods = table.get(route.path) ?? new Map<string, Handler>();
    methods.set(route.method, route.handler);
    table.set(route.path, methods);
    if (route.prefix) prefixes.push(route.path);
  }
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const under = prefixes.find((p) => path.startsWith(p) && path.length > p.length);
    const methods = table.get(path) ?? (under ? table.get(under) : undefined);
    if (!methods) return sendJson(res, 404, { error: 'not found' });
    const handler =
      methods.get(req.method ?? '') ?? (req.method === 'HEAD' ? methods.get('GET') : undefined);
    if (!handler) {
      res.setHeader('allow', [...methods.keys()].join(', '));
      return sendJson(res, 405, { error: 'method not allowed' });
    }
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((err: unknown) => {
        log.error({ err, path }, 'request failed');
        sendJson(res, 500, { error: 'internal error' });
      });
  });
  // Slow or idle clients must not hold the process open on shutdown.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  // An idle connection is kept 65 s, longer than a load balancer's (60 s is the common default)
  // or a client pool's idle time: with Node's 5 s, the server closed connections a client was
  // just reusing, and that request failed with ECONNRESET before any reply (nodejs/undici#3141;
  // seen in db-outage.test.ts under load). Shutdown still closes idle connections at once.
  server.keepAliveTimeout = 65_000;
  return {
    server,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve(`http://${shown}:${address.port}`);
        });
      });
    },
    close(graceMs) {
      return new Promise((resolve) => {
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        // Connections whose last request finishes during the grace period go as soon as they idle.
        const sweep = setInterval(() => server.closeIdleConnections(), 50);
        server.close(() => {
          clearTimeout(timer);
          clearInterval(sweep);
          resolve();
        });
        server.closeIdleConnections();
      });
    },
  };
}
