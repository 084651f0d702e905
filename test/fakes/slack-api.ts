import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { StandIn, type Call } from './http-stand-in.js';

/** The identity the stand-in gives the bot (auth.test). */
export const SLACK_BOT = { user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' };

/** Signs a request body as Slack does (v0 HMAC-SHA256 over `v0:timestamp:body`). */
export function slackSignature(
  secret: string,
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
) {
  return {
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`,
  };
}

/**
 * A stand-in of the Slack Web API on 127.0.0.1, for Bolt's `slackApiUrl`: auth.test,
 * chat.postMessage, conversations.open, the three calls of files.uploadV2, response URLs, and
 * apps.connections.open with a local WebSocket server for Socket Mode.
 */
export class SlackApi extends StandIn {
  private nextTs = 1_700_000_000;
  private sockets = new Set<WebSocket>();
  readonly acks: unknown[] = [];
  private wss: WebSocketServer | undefined;

  protected methodOf(path: string): string {
    return path.replace(/^\/api\//, '');
  }

  /** The Web API base URL, as Bolt's slackApiUrl wants it. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A response URL for a slash command or ephemeral button. */
  responseUrl(id: string): string {
    return `${this.url}/respond/${id}`;
  }

  /** What the bot posted (messages, ephemeral responses, uploads) to a channel, in order. */
  posted(channel: string): Call[] {
    return this.calls.filter(
      (c) =>
        (c.method === 'chat.postMessage' && c.body['channel'] === channel) ||
        (c.method === 'files.completeUploadExternal' && c.body['channel_id'] === channel),
    );
  }

  /** The files the bot uploaded, with their names and bytes. */
  uploads(): { name: string; data: Buffer }[] {
    return this.calls
      .filter((c) => c.method.startsWith('/upload/'))
      .map((c) => ({
        name: decodeURIComponent(c.method.slice('/upload/'.length)),
        data: c.files[0]?.data ?? Buffer.alloc(0),
      }));
  }

  /** Starts the WebSocket server Socket Mode connects to. */
  async startSocket(): Promise<void> {
    this.wss = new WebSocketServer({ server: this.server, path: '/socket' });
    this.wss.on('connection', (ws) => {
      this.sockets.add(ws);
      ws.on('message', (data) => this.acks.push(JSON.parse(String(data))));
      ws.on('close', () => this.sockets.delete(ws));
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1 }));
    });
  }

  /** Sends an envelope to every connected Socket Mode client. */
  envelope(envelope: Record<string, unknown>): void {
    for (const ws of this.sockets) ws.send(JSON.stringify(envelope));
  }

  get connected(): number {
    return this.sockets.size;
  }

  override async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss?.close();
    await super.stop();
  }

  protected route(method: string, call: Call, _req: IncomingMessage, res: ServerResponse) {
    const ok = (body: Record<string, unknown> = {}) => this.json(res, 200, { ok: true, ...body });
    if (method.startsWith('/respond/') || method.startsWith('/upload/')) return ok();
    switch (method) {
      case 'auth.test':
        return ok(SLACK_BOT);
      case 'chat.postMessage':
        return ok({ channel: call.body['channel'], ts: `${this.nextTs++}.000100` });
      case 'conversations.open':
        return ok({ channel: { id: `D${String(call.body['users'])}` } });
      case 'files.getUploadURLExternal':
        return ok({
          upload_url: `${this.url}/upload/${String(call.body['filename'])}`,
          file_id: `F${this.nextTs++}`,
        });
      case 'files.completeUploadExternal': {
        const files = JSON.parse(String(call.body['files'] ?? '[]')) as { id: string }[];
        return ok({ files: files.map((f) => ({ id: f.id })) });
      }
      case 'apps.connections.open':
        return ok({ url: `${this.url.replace('http', 'ws')}/socket` });
      default:
        return ok();
    }
  }
}
