import { randomUUID } from 'node:crypto';
import { WSClient, type WsFrame } from '@wecom/aibot-node-sdk';
import type { Logger } from 'pino';
import {
  botMessagesFor,
  detectLanguage,
  renderText,
  toScript,
  type Bot,
  type Dedupe,
  type IncomingMessage,
  type Language,
  type Lease,
  type Reply,
} from '../../src/index.js';
import { createKeyedQueue, createKeyedSlots, type Channel, type InFlight } from '../app/channel.js';
import { cardBody, replyToWecom, type Card } from './from-core.js';
import { createWecomLink, type WecomLink } from './link.js';
import {
  chatOf,
  clickToCore,
  messageToCore,
  type WecomBody,
  type WecomInbound,
} from './to-core.js';

/** The WeCom settings the environment gave (validated in adapters/config). */
export interface WecomSettings {
  readonly botId: string;
  readonly secret: string;
  /** The long connection's address; unset for WeCom's own (private deployments have theirs). */
  readonly wsUrl?: string | undefined;
}

/** A re-sent callback carries the same msgid; twelve hours is longer than any re-send. */
const MESSAGE_TTL_MS = 12 * 60 * 60 * 1000;
/** WeCom lets a user have three answers open at once; the rest wait in order. */
const OPEN_PER_USER = 3;
/** Cards (and users' languages) kept in memory; older ones are answered without them. */
const MAX_CARDS = 10_000;

/** A running WeCom channel, with what `/readyz` needs to know. */
export interface WecomChannel extends Channel {
  /** False while this process holds the connection but it is down; true otherwise. */
  ready(): boolean;
  /** `connected`, `reconnecting`, `standby` (another process holds it), `taken-over`, … */
  state(): string;
}

/**
 * The WeCom 智能机器人 (AI bot) channel over its WebSocket long connection: one process of
 * several holds the connection (a lease in the store); each message is claimed once, gets a
 * "looking it up" stream frame at once, then its answer in that stream, with cards for buttons
 * and uploaded files for drafts.
 */
export function createWecomChannel(options: {
  readonly settings: WecomSettings;
  readonly bot: Bot;
  readonly store: Dedupe & Lease;
  readonly log: Logger;
  readonly inflight: InFlight;
  /** How long the lease lasts unless renewed (renewed every third of it). Default 30 s. */
  readonly leaseMs?: number;
  /** The first reconnect delay (doubling up to 30 s). Default 1 s. */
  readonly reconnectMs?: number;
  /** How long start waits for the connection to be accepted. Default 15 s. */
  readonly startTimeoutMs?: number;
}): WecomChannel {
  const { settings, bot, store, inflight } = options;
  const log = options.log.child({ channel: 'wecom' });
  const queue = createKeyedQueue();
  const slots = createKeyedSlots(OPEN_PER_USER);
  const cards = new Map<string, Card & { readonly userId: string }>();
  /** Each user's last answer language: the interim frame of "你好" or "2024?" follows it. */
  const languages = new Map<string, Language>();
  let link: WecomLink | undefined;
  let stopping = false;

  /** Sends one reply to a chat: markdown parts (the first into the open stream), cards, files. */
  const deliver = async (
    client: WSClient,
    to: { chat: string; userId: string; stream?: Stream },
    reply: Reply,
  ) => {
    const out = replyToWecom(reply);
    for (const part of out.parts) {
      if (to.stream && !to.stream.finished && (await to.stream.finish(part))) continue;
      await sendMarkdown(client, to.chat, part);
    }
    await sendCards(client, to, out.cards);
    for (const file of out.files) {
      try {
        const uploaded = await link!.send(() =>
          client.uploadMedia(Buffer.from(file.data), { type: 'file', filename: file.name }),
        );
        await link!.send(() => client.sendMediaMessage(to.chat, 'file', uploaded.media_id));
      } catch (err) {
        log.warn({ err: describe(err), file: file.name }, 'could not send a file');
        const text = toScript(
          botMessagesFor(reply.language).fileNotSent(file.name),
          reply.language,
        );
        await sendMarkdown(client, to.chat, text);
      }
    }
    for (const effect of reply.effects ?? []) {
      if (effect.kind === 'forget-user') {
        languages.delete(to.userId);
        for (const [id, card] of cards) if (card.userId === to.userId) cards.delete(id);
      }
      if (effect.kind === 'continue-privately')
        await continuePrivately(client, to.userId, effect.start);
    }
  };

  const sendMarkdown = (client: WSClient, chat: string, content: string) =>
    link!.send(() => client.sendMessage(chat, { msgtype: 'markdown', markdown: { content } }));

  /** Sends button cards, each remembered (bounded) to show the choice when it is clicked. */
  const sendCards = async (
    client: WSClient,
    to: { chat: string; userId: string },
    sent: readonly Card[],
  ) => {
    for (const card of sent) {
      await link!.send(() =>
        client.sendMessage(to.chat, { msgtype: 'template_card', template_card: cardBody(card) }),
      );
      cards.set(card.taskId, { ...card, userId: to.userId });
      for (const id of cards.keys()) {
        if (cards.size <= MAX_CARDS) break;
        cards.delete(id);
      }
    }
  };

  /** A nomination asked for in a group continues in the bot's single chat with the user. */
  const continuePrivately = async (client: WSClient, userId: string, start: string) => {
    const replies = await bot.handle({
      channel: 'wecom',
      userId,
      conversationId: userId,
      messageId: `private:${randomUUID()}`,
      action: start,
    });
    for (const reply of replies) await deliver(client, { chat: userId, userId }, reply);
  };

  /** Handles one message in its conversation's turn, each reply sent whatever befell the last. */
  const answer = async (
    client: WSClient,
    inbound: WecomInbound,
    stream?: Stream,
  ): Promise<void> => {
    const { message, chat } = inbound;
    const to = { chat, userId: message.userId, ...(stream ? { stream } : {}) };
    await queue(message.conversationId ?? message.userId, async () => {
      const replies = await bot.handle(message, { interim: (r) => deliver(client, to, r) });
      const language = replies[0]?.language;
      if (language) {
        languages.delete(message.userId);
        languages.set(message.userId, language);
        if (languages.size > MAX_CARDS) languages.delete(languages.keys().next().value!);
      }
      for (const reply of replies) {
        try {
          await deliver(client, to, reply);
        } catch (err) {
          log.error({ err: describe(err) }, 'could not send a reply');
        }
      }
    });
    // Nothing to say (handled before, by another path): the stream must not stay "looking it up".
    if (stream && !stream.finished) await stream.finish('✓');
  };

  const onMessage = async (client: WSClient, frame: WsFrame<WecomBody>) => {
    const body = frame.body;
    if (!body?.msgid || stopping) return;
    if (!(await claim(body.msgid))) return;
    const inbound = messageToCore(body);
    const userId = body.from?.userid ?? '';
    const release = await slots.acquire(userId);
    try {
      const language: Language = detectLanguage(
        inbound?.message.text ?? '',
        languages.get(userId) ?? 'zh-Hans',
      );
      const stream = openStream(client, frame, log, link!);
      await stream.interim(toScript(botMessagesFor(language).working, language));
      if (!inbound) {
        if (chatOf(body))
          await stream.finish(toScript(botMessagesFor(language).textOnly, language));
        return;
      }
      await answer(client, inbound, stream);
    } finally {
      release();
    }
  };

  const onClick = async (client: WSClient, frame: WsFrame<WecomBody>) => {
    const body = frame.body;
    if (!body?.msgid || stopping) return;
    if (!(await claim(body.msgid))) return;
    const inbound = clickToCore(body);
    if (!inbound) return;
    // The card shows the choice at once (WeCom takes an update within 5 s of the click only).
    const card = cards.get(body.event?.task_id ?? '');
    const chosen = card?.buttons.find((b) => b.action === inbound.message.action);
    if (card && chosen)
      await client
        .updateTemplateCard(frame, cardBody(card, chosen.label) as never)
        .catch((err: unknown) => log.debug({ err: describe(err) }, 'card not updated'));
    await answer(client, inbound);
  };

  /** The welcome, within the 5 s WeCom allows after a user opens the bot's chat. */
  const onEnter = async (client: WSClient, frame: WsFrame<WecomBody>) => {
    const body = frame.body;
    const userId = body?.from?.userid;
    if (!body?.msgid || !userId || stopping || !(await claim(body.msgid))) return;
    const message: IncomingMessage = {
      channel: 'wecom',
      userId,
      conversationId: userId,
      messageId: body.msgid,
      text: '/start',
    };
    const [first, ...rest] = await bot.handle(message);
    if (!first) return;
    await client
      .replyWelcome(frame, { msgtype: 'text', text: { content: renderText(first) } })
      .catch((err: unknown) => log.warn({ err: describe(err) }, 'welcome not sent'));
    // The welcome is text only: its buttons follow as cards.
    await sendCards(client, { chat: userId, userId }, replyToWecom(first).cards);
    for (const reply of rest) await deliver(client, { chat: userId, userId }, reply);
  };

  /** Claims a callback once; when the store cannot say, it is handled rather than lost. */
  const claim = (msgid: string) =>
    store.claim(`wecom-msg:${msgid}`, MESSAGE_TTL_MS).catch((err: unknown) => {
      log.warn({ err }, 'could not record a WeCom message id; handling it');
      return true;
    });

  /** Runs a callback counted in flight, so that shutdown waits for its replies. */
  const run = (task: () => Promise<void>) =>
    void inflight
      .run(task)
      .catch((err: unknown) => log.error({ err: describe(err) }, 'callback failed'));

  return {
    name: 'WeCom',
    get mode() {
      return `AI bot (智能机器人) over the long connection${link?.state() === 'standby' ? ', on standby: another process holds it' : ''}`;
    },
    routes: [],
    ready: () => link?.ready() ?? true,
    state: () => link?.state() ?? 'stopped',
    async start() {
      stopping = false;
      link = createWecomLink({
        settings,
        store,
        log,
        ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
        ...(options.reconnectMs ? { reconnectMs: options.reconnectMs } : {}),
        ...(options.startTimeoutMs ? { startTimeoutMs: options.startTimeoutMs } : {}),
        wire(client) {
          client.on('message', (frame) =>
            run(() => onMessage(client, frame as WsFrame<WecomBody>)),
          );
          client.on('event.template_card_event', (frame) =>
            run(() => onClick(client, frame as unknown as WsFrame<WecomBody>)),
          );
          client.on('event.enter_chat', (frame) =>
            run(() => onEnter(client, frame as unknown as WsFrame<WecomBody>)),
          );
        },
      });
      await link.start();
    },
    async stop() {
      // New callbacks are left alone; the answers being made are finished before the socket closes.
      stopping = true;
      await inflight.drain(10_000);
      await link?.stop();
    },
  };
}

/** An answer's stream in WeCom: an interim frame now, the first part of the answer when ready. */
export interface Stream {
  readonly finished: boolean;
  interim(text: string): Promise<void>;
  /** Ends the stream with `text`; false when it could not (the caller sends it another way). */
  finish(text: string): Promise<boolean>;
}

function openStream(client: WSClient, frame: WsFrame, log: Logger, link: WecomLink): Stream {
  const id = `llw_${randomUUID().replace(/-/g, '')}`;
  let finished = false;
  return {
    get finished() {
      return finished;
    },
    async interim(text) {
      await client
        .replyStream(frame, id, text, false)
        .catch((err: unknown) => log.debug({ err: describe(err) }, 'interim frame not sent'));
    },
    async finish(text) {
      finished = true;
      try {
        // Only a rate limit is worth waiting for here: after a dropped socket the stream is gone.
        await link.send(() => client.replyStream(frame, id, text, true), { streamed: true });
        return true;
      } catch (err) {
        log.warn({ err: describe(err) }, 'stream not finished; sending the answer as a message');
        return false;
      }
    },
  };
}

/** An error as something safe to log: the SDK rejects with a bare frame on a refused send. */
export function describe(err: unknown): unknown {
  if (err instanceof Error) return err;
  const frame = err as { errcode?: number; errmsg?: string } | undefined;
  return frame?.errcode !== undefined ? { errcode: frame.errcode, errmsg: frame.errmsg } : err;
}
