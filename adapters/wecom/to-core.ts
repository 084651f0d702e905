import type { IncomingMessage } from '../../src/index.js';

/** The parts of a WeCom callback body the bot reads (messages and events alike). */
export interface WecomBody {
  readonly msgid: string;
  readonly create_time?: number;
  readonly chatid?: string;
  readonly chattype?: 'single' | 'group';
  readonly from?: { readonly userid?: string };
  readonly msgtype: string;
  readonly text?: { readonly content?: string };
  readonly voice?: { readonly content?: string };
  readonly mixed?: {
    readonly msg_item?: readonly { msgtype: string; text?: { content?: string } }[];
  };
  readonly event?: {
    readonly eventtype?: string;
    readonly event_key?: string;
    readonly task_id?: string;
  };
}

/** A callback the bot acts on: the core's message and the chat its answer goes to. */
export interface WecomInbound {
  readonly message: IncomingMessage;
  /** Where proactive messages go: the group's chatid, or the user's id in a single chat. */
  readonly chat: string;
}

/** The user's own words: a group's leading @mention of the bot dropped, line ends kept. */
export function wecomText(raw: string, group: boolean): string {
  // In a group the bot is only called by an @mention, which WeCom leaves at the start.
  const text = group ? raw.replace(/^\s*@\S+[\s\u2005]*/u, '') : raw;
  return text.trim();
}

/** The readable text of a message: text, a voice message's transcript, a mixed message's text. */
function textOf(body: WecomBody): string | undefined {
  switch (body.msgtype) {
    case 'text':
      return body.text?.content ?? '';
    case 'voice':
      // WeCom turns voice into text before it reaches a bot.
      return body.voice?.content;
    case 'mixed': {
      const texts = (body.mixed?.msg_item ?? [])
        .filter((item) => item.msgtype === 'text')
        .map((item) => item.text?.content ?? '');
      return texts.length > 0 ? texts.join('\n') : undefined;
    }
    default:
      return undefined;
  }
}

/** Who and where a callback comes from, as the core keys it. */
function placeOf(body: WecomBody) {
  const userId = body.from?.userid ?? '';
  const group = body.chattype === 'group' && Boolean(body.chatid);
  return {
    userId,
    group,
    chat: group ? body.chatid! : userId,
    base: {
      channel: 'wecom',
      userId,
      conversationId: group ? body.chatid! : userId,
      ...(group ? { group: true } : {}),
      messageId: body.msgid,
      ...(body.create_time ? { receivedAt: new Date(body.create_time * 1000) } : {}),
    },
  };
}

/**
 * A message callback as the core's message, or undefined when it holds no text the bot can read
 * (a picture, a file, a video), or no sender.
 */
export function messageToCore(body: WecomBody): WecomInbound | undefined {
  const text = textOf(body);
  const place = placeOf(body);
  if (text === undefined || !place.userId) return undefined;
  return { chat: place.chat, message: { ...place.base, text: wecomText(text, place.group) } };
}

/** A card button press (`template_card_event`) as the core's message carrying the action id. */
export function clickToCore(body: WecomBody): WecomInbound | undefined {
  const place = placeOf(body);
  const action = body.event?.event_key;
  if (!action || !place.userId) return undefined;
  return { chat: place.chat, message: { ...place.base, action } };
}

/** Where a non-text message came from, to answer it politely. */
export function chatOf(body: WecomBody): string | undefined {
  const place = placeOf(body);
  return place.userId ? place.chat : undefined;
}
