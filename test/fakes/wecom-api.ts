import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One frame the bot sent, as the stand-in received it, and when (performance.now). */
export interface Sent {
  readonly cmd: string;
  readonly reqId: string;
  readonly body: Record<string, unknown>;
  readonly at: number;
  /** The error code the stand-in refused it with, if it did. */
  refused?: number;
}

/** A file the bot uploaded in chunks, put together again. */
export interface Upload {
  readonly filename: string;
  readonly data: Buffer;
  readonly mediaId: string;
}

/** Commands that carry a reply or a message to a user. */
export const SEND_COMMANDS = new Set([
  'aibot_respond_msg',
  'aibot_send_msg',
  'aibot_respond_update_msg',
  'aibot_respond_welcome_msg',
]);

/**
 * A stand-in of WeCom's AI-bot long connection on 127.0.0.1: it checks the subscribe frame,
 * answers heartbeats, acknowledges replies and sends (or fails them on request), takes chunked
 * uploads, pushes message and event callbacks, and keeps one connection per bot as WeCom does
 * (a newer one makes it send `disconnected_event` to the older and close it).
 */
export class WecomApi {
  readonly sent: Sent[] = [];
  readonly uploads: Upload[] = [];
  /** Every subscribe attempt, accepted or not. */
  subscribes = 0;
  /** Refuses every upload (a full media store, say). */
  failUploads = false;
  private server?: WebSocketServer;
  private current?: WebSocket;
  private readonly faults: { errcode: number; errmsg: string; test: (s: Sent) => boolean }[] = [];
  private readonly parts = new Map<string, { filename: string; chunks: Buffer[] }>();
  private waiters: { test: (s: Sent) => boolean; resolve: (s: Sent) => void }[] = [];
  private n = 0;

  constructor(
    readonly botId = 'aibTestBot01',
    readonly secret = 'test-secret-0123456789',
  ) {}

  url = '';

  async start(): Promise<void> {
    this.server = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: 8 * 1024 * 1024 });
    await new Promise<void>((resolve) => this.server!.once('listening', resolve));
    this.url = `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    this.server.on('connection', (socket) => {
      socket.on('message', (raw) => this.receive(socket, raw.toString()));
    });
  }

  async stop(): Promise<void> {
    for (const client of this.server?.clients ?? []) client.terminate();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  /** Whether a bot holds the connection now. */
  get connected(): boolean {
    return this.current?.readyState === 1;
  }

  /** How many sockets are open (an old one kicked out is closed). */
  get sockets(): number {
    return [...(this.server?.clients ?? [])].filter((c) => c.readyState === 1).length;
  }

  private ack(socket: WebSocket, reqId: string, errcode = 0, errmsg = 'ok', body?: unknown) {
    socket.send(
      JSON.stringify({ headers: { req_id: reqId }, errcode, errmsg, ...(body ? { body } : {}) }),
    );
  }

  private receive(socket: WebSocket, raw: string) {
    const frame = JSON.parse(raw) as {
      cmd: string;
      headers: { req_id: string };
      body?: Record<string, unknown>;
    };
    const reqId = frame.headers.req_id;
    const body = frame.body ?? {};
    switch (frame.cmd) {
      case 'aibot_subscribe': {
        this.subscribes++;
        if (body['bot_id'] !== this.botId || body['secret'] !== this.secret)
          return this.ack(socket, reqId, 40058, 'invalid bot_id or secret');
        const old = this.current;
        this.current = socket;
        if (old && old !== socket && old.readyState === 1) {
          old.send(
            JSON.stringify({
              cmd: 'aibot_event_callback',
              headers: { req_id: `kick-${++this.n}` },
              body: {
                msgid: `kick-${this.n}`,
                aibotid: this.botId,
                msgtype: 'event',
                create_time: Math.floor(Date.now() / 1000),
                from: { userid: 'sys' },
                event: { eventtype: 'disconnected_event' },
              },
            }),
          );
          setTimeout(() => old.close(), 20);
        }
        return this.ack(socket, reqId);
      }
      case 'ping':
        return this.ack(socket, reqId);
      case 'aibot_upload_media_init': {
        if (this.failUploads) return this.ack(socket, reqId, 40004, 'invalid media');
        const id = `up-${++this.n}`;
        this.parts.set(id, { filename: String(body['filename']), chunks: [] });
        return this.ack(socket, reqId, 0, 'ok', { upload_id: id });
      }
      case 'aibot_upload_media_chunk': {
        const upload = this.parts.get(String(body['upload_id']));
        if (!upload) return this.ack(socket, reqId, 40001, 'no such upload');
        upload.chunks[Number(body['chunk_index'])] = Buffer.from(
          String(body['base64_data']),
          'base64',
        );
        return this.ack(socket, reqId);
      }
      case 'aibot_upload_media_finish': {
        const id = String(body['upload_id']);
        const upload = this.parts.get(id);
        if (!upload) return this.ack(socket, reqId, 40001, 'no such upload');
        const mediaId = `media-${id}`;
        this.uploads.push({
          filename: upload.filename,
          data: Buffer.concat(upload.chunks),
          mediaId,
        });
        return this.ack(socket, reqId, 0, 'ok', { type: 'file', media_id: mediaId });
      }
    }
    if (!SEND_COMMANDS.has(frame.cmd)) return this.ack(socket, reqId, 40008, 'unknown cmd');
    const sent: Sent = { cmd: frame.cmd, reqId, body, at: performance.now() };
    this.sent.push(sent);
    this.waiters = this.waiters.filter((w) => !(w.test(sent) && (w.resolve(sent), true)));
    const fault = this.faults.findIndex((f) => f.test(sent));
    if (fault >= 0) {
      const [f] = this.faults.splice(fault, 1);
      sent.refused = f!.errcode;
      return this.ack(socket, reqId, f!.errcode, f!.errmsg);
    }
    this.ack(socket, reqId);
  }

  /** Refuses the next send that `test` picks with an error code (45009: rate limit; -1: busy). */
  failNext(errcode: number, test: (s: Sent) => boolean = () => true): void {
    this.faults.push({
      errcode,
      errmsg: errcode === 45009 ? 'api freq out of limit' : 'system busy',
      test,
    });
  }

  /** Resolves with the first frame from now on that `test` picks; rejects after `ms`. */
  waitFor(test: (s: Sent) => boolean, ms = 10_000): Promise<Sent> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('stand-in: no such frame in time')), ms);
      this.waiters.push({
        test,
        resolve: (s) => {
          clearTimeout(timer);
          resolve(s);
        },
      });
    });
  }

  /** Pushes a callback frame to the connected bot. */
  push(frame: object): void {
    if (!this.connected) throw new Error('stand-in: no bot connected');
    this.current!.send(JSON.stringify(frame));
  }

  /** Drops the bot's socket without a close handshake (a network failure). */
  drop(): void {
    this.current?.terminate();
  }
}

let seq = 0;

/** A text message callback from a user in a single chat (or a group when `chatid` is given). */
export function textFrame(
  text: string,
  options: { user?: string; chatid?: string; msgid?: string; botId?: string } = {},
) {
  const n = ++seq;
  return {
    cmd: 'aibot_msg_callback',
    headers: { req_id: `req-${n}` },
    body: {
      msgid: options.msgid ?? `msg-${n}-${Date.now()}`,
      aibotid: options.botId ?? 'aibTestBot01',
      create_time: Math.floor(Date.now() / 1000),
      chattype: options.chatid ? 'group' : 'single',
      ...(options.chatid ? { chatid: options.chatid } : {}),
      from: { userid: options.user ?? 'zhangsan' },
      msgtype: 'text',
      text: { content: text },
    },
  };
}

/** An event callback (`enter_chat`, `template_card_event`, …) from a user. */
export function eventFrame(
  event: Record<string, unknown>,
  options: { user?: string; chatid?: string } = {},
) {
  const n = ++seq;
  return {
    cmd: 'aibot_event_callback',
    headers: { req_id: `evt-${n}` },
    body: {
      msgid: `evt-${n}-${Date.now()}`,
      aibotid: 'aibTestBot01',
      create_time: Math.floor(Date.now() / 1000),
      chattype: options.chatid ? 'group' : 'single',
      ...(options.chatid ? { chatid: options.chatid } : {}),
      from: { userid: options.user ?? 'zhangsan' },
      msgtype: 'event',
      event,
    },
  };
}
