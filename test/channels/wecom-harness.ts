import MarkdownIt from 'markdown-it';
import { createInFlight, type InFlight } from '../../adapters/app/channel.js';
import { createWecomChannel, type WecomChannel } from '../../adapters/wecom/main.js';
import { createMemoryStore, type StateStore } from '../../src/index.js';
import { WecomApi, eventFrame, textFrame, type Sent } from '../fakes/wecom-api.js';
import { htmlText, quietLog, testBot, until, type Harness, type Seen } from './harness.js';

// WeCom's markdown is CommonMark with HTML tags (<font>, <@userid>): rendered here the same way.
const markdown = new MarkdownIt({ html: true, linkify: false });

/** The markdown a frame shows a user, if it shows any (a stream's last frame or a message). */
export function shown(s: Sent): string | undefined {
  if (s.refused !== undefined) return undefined;
  const body = s.body as {
    msgtype?: string;
    stream?: { finish?: boolean; content?: string };
    markdown?: { content?: string };
  };
  if (s.cmd === 'aibot_respond_msg' && body.msgtype === 'stream' && body.stream?.finish)
    return body.stream.content;
  if (s.cmd === 'aibot_send_msg' && body.msgtype === 'markdown') return body.markdown?.content;
  return undefined;
}

/** A frame that carries an answer (not the interim "looking it up"). */
export const answerSend = (s: Sent): boolean =>
  (s.cmd === 'aibot_respond_msg' &&
    (s.body as { stream?: { finish?: boolean } }).stream?.finish === true) ||
  s.cmd === 'aibot_send_msg';

interface CardButton {
  text: string;
  key: string;
}

/** The cards with buttons among frames, newest last. */
function cardsIn(sent: readonly Sent[]) {
  return sent
    .filter((s) => s.refused === undefined && s.body['msgtype'] === 'template_card')
    .map((s) => s.body['template_card'] as { task_id: string; button_list?: CardButton[] });
}

/** What a user saw in frames: rendered markdown, card buttons, files. */
export function seenIn(api: WecomApi, sent: readonly Sent[]): Seen {
  const raw = sent.map(shown).filter((m): m is string => m !== undefined);
  const media = sent
    .filter((s) => s.refused === undefined && s.body['msgtype'] === 'file')
    .map((s) => (s.body['file'] as { media_id: string }).media_id);
  return {
    messages: raw.map((m) => htmlText(markdown.render(m)).trim()),
    raw,
    buttons: (cardsIn(sent).at(-1)?.button_list ?? []).map((b) => b.text),
    files: media
      .map((id) => api.uploads.find((u) => u.mediaId === id))
      .filter((u) => u !== undefined)
      .map((u) => ({ name: u.filename, data: u.data })),
  };
}

/** WeCom through the official SDK connected to the loopback stand-in of its long connection. */
export function wecomHarness(
  options: { store?: StateStore; user?: string } = {},
): Harness & { api: WecomApi; channel: () => WecomChannel; inflight: InFlight } {
  const api = new WecomApi();
  const inflight = createInFlight();
  const store = options.store ?? createMemoryStore();
  const user = options.user ?? 'zhangsan';
  let channel: WecomChannel;
  let last: object | undefined;

  const deliver = async (frame: object) => {
    const before = api.sent.length;
    api.push(frame);
    await until(() => api.sent.length > before, 400).catch(() => undefined);
    await inflight.drain(15_000);
    return seenIn(api, api.sent.slice(before));
  };

  return {
    name: 'WeCom',
    api,
    inflight,
    channel: () => channel,
    limit: 20_480,
    size: (raw) => Buffer.byteLength(raw, 'utf8'),
    platform: true,
    async start() {
      await api.start();
      channel = createWecomChannel({
        settings: { botId: api.botId, secret: api.secret, wsUrl: api.url },
        bot: await testBot(store),
        store,
        log: quietLog(),
        inflight,
        reconnectMs: 50,
      });
      await channel.start();
    },
    async stop() {
      await channel.stop();
      await api.stop();
    },
    say(text) {
      last = textFrame(text, { user });
      return deliver(last);
    },
    press(label) {
      const card = cardsIn(api.sent)
        .reverse()
        .find((c) => c.button_list?.some((b) => b.text === label));
      const button = card?.button_list?.find((b) => b.text === label);
      if (!card || !button) throw new Error(`no button "${label}"`);
      return deliver(
        eventFrame(
          { eventtype: 'template_card_event', event_key: button.key, task_id: card.task_id },
          { user },
        ),
      );
    },
    redeliver() {
      if (!last) throw new Error('nothing to redeliver');
      return deliver(last);
    },
    failNextSend(status) {
      api.failNext(status === 429 ? 45009 : -1, answerSend);
    },
    sendAttempts() {
      return api.sent.filter(answerSend).map((s) => s.at);
    },
    escaped(seen, literal) {
      // Shown exactly as typed: the rendered HTML holds the literal as text, never as tags.
      const asText = literal.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      return seen.raw.some((m) => markdown.render(m).includes(asText));
    },
  };
}

/** Waits until the stand-in has a bot connected. */
export const connected = (api: WecomApi) => until(() => api.connected, 5000);
