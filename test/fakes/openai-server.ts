import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the stand-in received. */
export interface RecordedRequest {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: Record<string, unknown>;
}

/** Deterministic toy embedding: character codes folded into `dim` buckets, unit length. */
export function toyVector(text: string, dim = 16): number[] {
  const v = new Array<number>(dim).fill(0);
  for (const ch of text) v[ch.codePointAt(0)! % dim]! += 1;
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
}

/** How the stand-in answers one chat completion request. */
export interface ChatBehaviour {
  /** The assistant message to return. */
  readonly content?: string;
  /** Wait this long before answering. */
  readonly delayMs?: number;
  /** Answer with this HTTP status and an error body. */
  readonly status?: number;
  /** Send this raw body instead of a well-formed completion. */
  readonly raw?: string;
}

/**
 * A local stand-in of an OpenAI-compatible API on 127.0.0.1: `/v1/embeddings` answers with toy
 * vectors in the encoding the client asks for (the SDK defaults to base64 float32), and
 * `/v1/chat/completions` answers as `chat` decides for each request.
 */
export class FakeOpenAi {
  readonly requests: RecordedRequest[] = [];
  url = '';
  chat: (body: Record<string, unknown>) => ChatBehaviour = () => ({ content: 'ok [1]' });
  /** Make `/v1/embeddings` never answer ('hang') or answer with this HTTP status. */
  embeddingsFault: 'hang' | number | undefined;
  private readonly server: Server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      this.requests.push({ path, authorization: req.headers.authorization, body });
      if (path === '/v1/embeddings' && this.embeddingsFault === 'hang') return;
      if (path === '/v1/embeddings' && typeof this.embeddingsFault === 'number') {
        res.writeHead(this.embeddingsFault, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'stand-in failure', type: 'server_error' } }));
        return;
      }
      if (path === '/v1/embeddings') {
        const input = Array.isArray(body['input'])
          ? (body['input'] as string[])
          : [String(body['input'])];
        const base64 = body['encoding_format'] !== 'float';
        const data = input.map((text, index) => {
          const v = toyVector(text);
          const embedding = base64 ? Buffer.from(new Float32Array(v).buffer).toString('base64') : v;
          return { object: 'embedding', index, embedding };
        });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            object: 'list',
            data,
            model: body['model'],
            usage: { prompt_tokens: 1, total_tokens: 1 },
          }),
        );
        return;
      }
      if (path === '/v1/chat/completions') {
        const behaviour = this.chat(body);
        const send = () => {
          if (res.destroyed) return;
          if (behaviour.status) {
            res.writeHead(behaviour.status, { 'content-type': 'application/json' });
            res.end(
              JSON.stringify({ error: { message: 'stand-in failure', type: 'server_error' } }),
            );
          } else if (behaviour.raw !== undefined) {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(behaviour.raw);
          } else {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(
              JSON.stringify({
                id: 'chatcmpl-1',
                object: 'chat.completion',
                created: 0,
                model: body['model'],
                choices: [
                  {
                    index: 0,
                    finish_reason: 'stop',
                    message: { role: 'assistant', content: behaviour.content ?? '' },
                  },
                ],
                usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
              }),
            );
          }
        };
        if (behaviour.delayMs) setTimeout(send, behaviour.delayMs);
        else send();
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `no route ${path}` } }));
    });
  });

  /** Starts listening on a free port of 127.0.0.1; returns the base URL (ending in /v1). */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
