import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a stand-in received: the API method, the parsed body, the files, and when. */
export interface Call {
  readonly method: string;
  readonly body: Record<string, unknown>;
  readonly files: readonly { field: string; name: string; data: Buffer }[];
  readonly headers: IncomingMessage['headers'];
  readonly at: number;
  /** The status of the failure this call was answered with, when a queued one was. */
  faulted?: number;
}

/** A canned failure for the next calls of a method: an HTTP status, headers and a body. */
export interface Fault {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body: unknown;
}

/** Reads a body as JSON, form-urlencoded or multipart (files kept as bytes). */
export async function parseBody(req: IncomingMessage): Promise<Pick<Call, 'body' | 'files'>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  const raw = Buffer.concat(chunks);
  const type = String(req.headers['content-type'] ?? '');
  if (type.includes('multipart/form-data')) {
    // undici's Request parses multipart exactly as a server would.
    const form = await new Request('http://stand-in/', {
      method: 'POST',
      headers: { 'content-type': type },
      body: raw,
    }).formData();
    const body: Record<string, unknown> = {};
    const files: Call['files'][number][] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') body[field] = value;
      else files.push({ field, name: value.name, data: Buffer.from(await value.arrayBuffer()) });
    }
    return { body, files };
  }
  const text = raw.toString('utf8');
  if (type.includes('json'))
    return { body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, files: [] };
  if (type.includes('x-www-form-urlencoded'))
    return { body: Object.fromEntries(new URLSearchParams(text)), files: [] };
  return { body: {}, files: raw.length > 0 ? [{ field: 'raw', name: 'raw', data: raw }] : [] };
}

/**
 * The common part of the platform stand-ins: an HTTP server on 127.0.0.1 that records every call,
 * lets a test queue failures per method, and waits for calls.
 */
export abstract class StandIn {
  readonly calls: Call[] = [];
  private readonly faults = new Map<string, Fault[]>();
  private readonly delays = new Map<string, number>();
  private readonly waiters: { test: (c: Call) => boolean; resolve: (c: Call) => void }[] = [];
  protected readonly server: Server = createServer((req, res) => void this.receive(req, res));
  url = '';

  /** Answers one API call; `method` is what the subclass read from the path. */
  protected abstract route(
    method: string,
    call: Call,
    req: IncomingMessage,
    res: ServerResponse,
  ): void | Promise<void>;
  /** Reads the API method from a request path. */
  protected abstract methodOf(path: string): string;

  /** Makes the next `times` calls of `method` fail as given. */
  fail(method: string, fault: Fault, times = 1): void {
    this.faults.set(method, [
      ...(this.faults.get(method) ?? []),
      ...Array<Fault>(times).fill(fault),
    ]);
  }

  /** Makes every call of `method` wait `ms` before it is answered (a slow platform). */
  delay(method: string, ms: number): void {
    this.delays.set(method, ms);
  }

  /** Resolves with the first call (already made or to come) that passes `test`. */
  waitFor(test: (c: Call) => boolean, timeoutMs = 10_000): Promise<Call> {
    const seen = this.calls.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('stand-in: no such call in time')),
        timeoutMs,
      );
      this.waiters.push({
        test,
        resolve: (c) => {
          clearTimeout(timer);
          resolve(c);
        },
      });
    });
  }

  /** The calls of one method. */
  of(method: string): Call[] {
    return this.calls.filter((c) => c.method === method);
  }

  async start(): Promise<string> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  protected json(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    res
      .writeHead(status, { 'content-type': 'application/json', ...headers })
      .end(JSON.stringify(body));
  }

  private async receive(req: IncomingMessage, res: ServerResponse) {
    const path = (req.url ?? '/').split('?')[0]!;
    const method = this.methodOf(path);
    const { body, files } = await parseBody(req);
    const call: Call = { method, body, files, headers: req.headers, at: performance.now() };
    this.calls.push(call);
    for (const w of [...this.waiters])
      if (w.test(call)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(call);
      }
    const delay = this.delays.get(method);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const fault = this.faults.get(method)?.shift();
    if (fault) {
      call.faulted = fault.status;
      return this.json(res, fault.status, fault.body, fault.headers);
    }
    await this.route(method, call, req, res);
  }
}
