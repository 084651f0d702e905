import { createInFlight, type Channel } from '../../adapters/app/channel.js';
import { createHttpServer, type HttpServer } from '../../adapters/server/http.js';
import { createSlackChannel } from '../../adapters/slack/main.js';
import { createMemoryStore } from '../../src/index.js';
import type { Call } from '../fakes/http-stand-in.js';
import { SlackApi, slackSignature } from '../fakes/slack-api.js';
import { quietLog, testBot, until, type Harness, type Seen } from './harness.js';

export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5'.replace(/[yz]/g, 'a');
const USER = 'U7';
const DM = 'D7';

interface Element {
  type: string;
  text?: string | { text: string };
  value?: string;
  action_id?: string;
  elements?: Element[];
}

/** Every text of a Block Kit payload, in order (what a reader sees). */
function blockText(blocks: Element[]): string {
  const out: string[] = [];
  const walk = (e: Element, sep: string) => {
    if (typeof e.text === 'string') out.push(e.text);
    for (const child of e.elements ?? []) walk(child, sep);
    if (e.type.startsWith('rich_text_') && e.type !== 'rich_text_section') out.push('\n');
    if (e.type === 'rich_text_section') out.push('\n');
  };
  for (const b of blocks.filter((x) => x.type === 'rich_text')) walk(b, '');
  return out.join('');
}

/** Slack through Bolt in HTTP mode: signed requests to /slack/events, calls to the Web API stand-in. */
export function slackHarness(): Harness & {
  api: SlackApi;
  url: () => string;
  post: (body: string, type?: string, headers?: Record<string, string>) => Promise<Response>;
} {
  const api = new SlackApi();
  const inflight = createInFlight();
  const store = createMemoryStore();
  let server: HttpServer;
  let channel: Channel;
  let url = '';
  let last = '';
  let n = 0;

  const post = (body: string, type = 'application/json', headers: Record<string, string> = {}) =>
    fetch(`${url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': type, ...slackSignature(SIGNING_SECRET, body), ...headers },
      body,
    });

  /** Posts a request as Slack does, then waits for the bot to finish what it started. */
  const deliver = async (body: string, type?: string, headers: Record<string, string> = {}) => {
    const before = api.calls.length;
    const res = await post(body, type, headers);
    if (res.status !== 200) throw new Error(`/slack/events answered ${res.status}`);
    // Acknowledged at once, answered after: wait for the first send (or a quiet moment), then for the turn.
    await until(() => api.calls.length > before, 400).catch(() => undefined);
    await inflight.drain(15_000);
    return seen(api.calls.slice(before));
  };

  const seen = (calls: Call[]): Seen => {
    const posts = calls.filter((c) => c.method === 'chat.postMessage');
    const delivered = posts.filter(
      (c, i) => i === posts.length - 1 || c.body['blocks'] !== posts[i + 1]!.body['blocks'],
    );
    const blocks = delivered.map((c) => JSON.parse(String(c.body['blocks'] ?? '[]')) as Element[]);
    const actions = blocks.flat().filter((b) => b.type === 'actions');
    const uploads = calls.filter((c) => c.method.startsWith('/upload/'));
    return {
      messages: blocks.map(blockText),
      raw: delivered.map((c) => `${String(c.body['text'])}\n${String(c.body['blocks'])}`),
      buttons: (actions.at(-1)?.elements ?? []).map((e) => (e.text as { text: string }).text),
      files: uploads.map((c) => ({
        name: decodeURIComponent(c.method.slice('/upload/'.length)),
        data: c.files[0]?.data ?? Buffer.alloc(0),
      })),
    };
  };

  return {
    name: 'Slack',
    api,
    url: () => url,
    post,
    limit: 3000 + 1000,
    size: (raw) => raw.split('\n')[0]!.length,
    platform: true,
    async start() {
      await api.start();
      const log = quietLog();
      channel = createSlackChannel({
        settings: {
          botToken: 'xoxb-contract-suite',
          signingSecret: SIGNING_SECRET,
          apiUrl: api.apiUrl,
        },
        bot: await testBot(store),
        dedupe: store,
        log,
        inflight,
      });
      server = createHttpServer(channel.routes, log);
      url = await server.listen(0, '127.0.0.1');
      await channel.start();
    },
    async stop() {
      await channel.stop();
      await server.close(100);
      await api.stop();
    },
    say(text) {
      const ts = `${1_700_000_000 + ++n}.000200`;
      last = JSON.stringify({
        type: 'event_callback',
        team_id: 'T1',
        api_app_id: 'A1',
        event_id: `Ev${n}`,
        event_time: Math.floor(Date.now() / 1000),
        event: {
          type: 'message',
          channel_type: 'im',
          channel: DM,
          user: USER,
          // Slack escapes &, < and > in what people type.
          text: text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
          ts,
          event_ts: ts,
        },
      });
      return deliver(last);
    },
    press(label) {
      const post = [...api.of('chat.postMessage')]
        .reverse()
        .find((c) => String(c.body['blocks']).includes(JSON.stringify(label)));
      const blocks = JSON.parse(String(post?.body['blocks'] ?? '[]')) as Element[];
      const button = blocks
        .filter((b) => b.type === 'actions')
        .flatMap((b) => b.elements ?? [])
        .find((e) => (e.text as { text: string }).text === label);
      if (!button) throw new Error(`no button "${label}"`);
      const payload = {
        type: 'block_actions',
        team: { id: 'T1' },
        user: { id: USER },
        api_app_id: 'A1',
        token: 'legacy',
        trigger_id: `t${++n}`,
        channel: { id: DM },
        container: { type: 'message', message_ts: '1.1', channel_id: DM, is_ephemeral: false },
        message: { ts: '1.1', type: 'message', text: '' },
        response_url: api.responseUrl(String(n)),
        actions: [
          {
            type: 'button',
            action_id: button.action_id,
            block_id: 'b',
            value: button.value,
            text: { type: 'plain_text', text: label },
            action_ts: `${1_700_000_000 + n}.5`,
          },
        ],
      };
      return deliver(
        `payload=${encodeURIComponent(JSON.stringify(payload))}`,
        'application/x-www-form-urlencoded',
      );
    },
    redeliver() {
      return deliver(last, 'application/json', {
        'x-slack-retry-num': '1',
        'x-slack-retry-reason': 'http_timeout',
      });
    },
    failNextSend(status) {
      api.fail(
        'chat.postMessage',
        status === 429
          ? {
              status: 429,
              headers: { 'retry-after': '1' },
              body: { ok: false, error: 'ratelimited' },
            }
          : { status: 500, body: { ok: false, error: 'internal_error' } },
      );
    },
    sendAttempts() {
      return api.of('chat.postMessage').map((c) => c.at);
    },
    escaped(s, literal) {
      // Rich text is shown literally, never parsed as mrkdwn; the notification text is escaped.
      const inBlocks = s.messages.some((m) => m.includes(literal));
      const fallbacks = s.raw.map((r) => r.split('\n')[0]!);
      return inBlocks && !fallbacks.some((f) => /<(?!\s)/.test(f) && f.includes(literal));
    },
  };
}
