import type { IncomingMessage } from '../../src/index.js';

/** Where to answer in Slack: a channel, and the thread when there is one. */
export interface SlackPlace {
  readonly channel: string;
  readonly threadTs?: string;
}

/** A Slack event the bot acts on: the core's message and where its answer goes. */
export interface SlackInbound {
  readonly message: IncomingMessage;
  readonly place: SlackPlace;
  /** True in the bot's own DM with the user: the one place it posts, uploads and drafts forms. */
  readonly direct: boolean;
  /** For slash commands and ephemeral buttons: answer through the response URL. */
  readonly responseUrl?: string;
}

/**
 * A message's text as the user wrote it: Slack escapes &, < and > and wraps mentions, channels
 * and links in angle brackets; the bot's own mention is dropped.
 */
export function slackText(raw: string, botUserId: string): string {
  return raw
    .replace(/<([^<>]*)>/g, (_, inner: string) => {
      const [target = '', label] = inner.split('|');
      if (target === `@${botUserId}`) return ' ';
      if (target.startsWith('@')) return label ? `@${label}` : target;
      if (target.startsWith('#')) return label ? `#${label}` : target;
      if (target.startsWith('!')) return `@${label ?? target.slice(1)}`;
      if (target.startsWith('mailto:')) return label ?? target.slice(7);
      return label && label !== target ? `${label} (${target})` : target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

/**
 * The conversation a place belongs to. A DM is one conversation, threads and all (people reply
 * in threads out of habit, and a form must carry on there); in a channel each thread is its own.
 */
const conversationOf = (place: SlackPlace, direct: boolean) =>
  place.threadTs && !direct ? `${place.channel}:${place.threadTs}` : place.channel;

/** A message event (a DM, or an @mention in a channel) as the core's message. */
export function eventToCore(
  event: { user: string; text?: string; channel: string; ts: string; thread_ts?: string },
  botUserId: string,
  mention: boolean,
): SlackInbound {
  // In channels the answer goes in a thread under the question; in a DM, where it was asked.
  const threadTs = mention ? (event.thread_ts ?? event.ts) : event.thread_ts;
  const place: SlackPlace = { channel: event.channel, ...(threadTs ? { threadTs } : {}) };
  // message.im events come from the bot's own DMs only; mentions from shared channels.
  const direct = !mention;
  return {
    place,
    direct,
    message: {
      channel: 'slack',
      userId: event.user,
      conversationId: conversationOf(place, direct),
      group: !direct,
      messageId: `${event.channel}:${event.ts}`,
      receivedAt: new Date(Number(event.ts) * 1000),
      text: slackText(event.text ?? '', botUserId),
    },
  };
}

/**
 * `/llw 2024年主题`, `/llw nominate`: the command's text, answered through its response URL
 * unless it was typed in the bot's own DM (`direct`: the adapter knows that DM's id).
 */
export function commandToCore(
  command: {
    user_id: string;
    channel_id: string;
    text: string;
    trigger_id: string;
    response_url: string;
  },
  direct: boolean,
): SlackInbound {
  const text = slackText(command.text, '');
  const place: SlackPlace = { channel: command.channel_id };
  return {
    place,
    direct,
    responseUrl: command.response_url,
    message: {
      channel: 'slack',
      userId: command.user_id,
      conversationId: conversationOf(place, direct),
      group: !direct,
      messageId: `command:${command.trigger_id}`,
      receivedAt: new Date(),
      // "/llw nominate" is the core's /nominate; "/llw help" its /help; anything else is a question.
      text: /^(nominate|drafts|forget|cancel|help|lang)\b/i.test(text) ? `/${text}` : text,
    },
  };
}

/** A button press (Block Kit block_actions) as the core's message, carrying the button's action id. */
export function actionToCore(body: {
  user: { id: string };
  channel?: { id: string };
  message?: { ts: string; thread_ts?: string };
  container?: { is_ephemeral?: boolean; channel_id?: string };
  response_url?: string;
  actions: readonly { value?: string; action_ts: string }[];
}): SlackInbound | undefined {
  const action = body.actions[0];
  const channel = body.channel?.id ?? body.container?.channel_id;
  if (!action?.value || !channel) return undefined;
  const threadTs = body.message?.thread_ts;
  const place: SlackPlace = { channel, ...(threadTs ? { threadTs } : {}) };
  const ephemeral = body.container?.is_ephemeral === true;
  // The bot posts lasting messages (with buttons) only in its own DMs and in channel threads.
  const direct = channel.startsWith('D') && !ephemeral;
  return {
    place,
    direct,
    ...(ephemeral && body.response_url ? { responseUrl: body.response_url } : {}),
    message: {
      channel: 'slack',
      userId: body.user.id,
      conversationId: conversationOf(place, direct),
      group: !direct,
      messageId: `action:${action.action_ts}:${body.user.id}`,
      receivedAt: new Date(Number(action.action_ts) * 1000),
      action: action.value,
    },
  };
}
