import { randomUUID } from 'node:crypto';
import {
  botMessagesFor,
  decodeAction,
  splitReply,
  toScript,
  type Block,
  type Button,
  type ChannelCapabilities,
  type Inline,
  type Language,
  type Reply,
  type ReplyFile,
  type Segment,
} from '../../src/index.js';

/**
 * What one WeCom AI-bot message holds: 20,480 UTF-8 bytes of markdown (about 6,800 Chinese
 * characters), counted as bytes, with a margin; template cards carry at most 6 buttons each.
 */
export const WECOM_CAPABILITIES: ChannelCapabilities = {
  maxLength: 20_000,
  unit: 'bytes',
  buttons: { perRow: 6, max: 24 },
  markup: 'markdown',
  files: true,
};

/** Buttons per `button_interaction` card (the platform's limit). */
export const BUTTONS_PER_CARD = 6;

// Characters that open markup in WeCom's markdown (CommonMark with HTML tags such as <font> and
// <@userid> mentions). Each is shown literally after a backslash; the rest of the text is left
// alone so that it stays readable where a client shows markdown as plain text.
const MARKUP = /[\\`*_[\]<>~|&]/g;
const LINE_START = /^(\s*)(#{1,6}|[-+>]|\d{1,9}[.)])(?=\s|$)/gm;

/** Text shown exactly as written: markdown and HTML characters escaped. */
export function escapeMarkdown(text: string): string {
  return (
    text
      // Four spaces or a tab at a line start would make a code block (an indented pasted story):
      // kept as no-break spaces, which markdown does not count as indentation.
      .replace(/^[ \t]+/gm, (ws) => ws.replace(/\t/g, '    ').replace(/ /g, '\u00a0'))
      .replace(MARKUP, (c) => `\\${c}`)
      .replace(
        LINE_START,
        (_, space: string, mark: string) =>
          `${space}${mark.replace(/[#+\->.)]/g, (c) => `\\${c}`)}`,
      )
  );
}

function inline(part: Inline): string {
  switch (part.kind) {
    case 'text':
      return escapeMarkdown(part.text);
    case 'bold':
      return `**${escapeMarkdown(part.text)}**`;
    case 'link':
      // Only web links become links; a URL's parentheses and spaces are percent-encoded.
      return /^https?:\/\/\S+$/i.test(part.url)
        ? `[${escapeMarkdown(part.text)}](${part.url.replace(/[()<>]/g, encodeURIComponent)})`
        : escapeMarkdown(part.text === part.url ? part.text : `${part.text} (${part.url})`);
  }
}

/** Every line of a quotation marked as quoted. */
const quoted = (text: string) =>
  text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return b.content.map(inline).join('');
    case 'list':
      return b.items
        .map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${item.map(inline).join('')}`)
        .join('\n');
    case 'quote':
      return quoted(`${escapeMarkdown(b.text)}${b.citation ? ` \\[${b.citation}\\]` : ''}`);
  }
}

/** One segment of a reply as WeCom markdown, valid on its own. */
export function segmentMarkdown(segment: Segment): string {
  switch (segment.kind) {
    case 'block':
      return block(segment.block);
    case 'sources':
      return `**${escapeMarkdown(segment.heading)}**`;
    case 'citation': {
      const c = segment.citation;
      const where = segment.continued ? '…' : `${c.title}${c.section ? ` · ${c.section}` : ''}`;
      return `\\[${segment.n}\\] ${escapeMarkdown(where)}\n${quoted(`“${escapeMarkdown(c.quote)}”`)}`;
    }
  }
}

/** A `button_interaction` card: its own task id, and the labels of its buttons by action. */
export interface Card {
  readonly taskId: string;
  readonly title: string;
  readonly buttons: readonly Button[];
}

/** A reply as WeCom sends it: markdown parts in order, then button cards, then files. */
export interface Outgoing {
  readonly parts: readonly string[];
  readonly cards: readonly Card[];
  readonly files: readonly ReplyFile[];
}

/** A card's title by what its buttons do: rate an answer, ask an example, or choose. */
function cardTitle(buttons: readonly Button[], language: Language): string {
  const m = botMessagesFor(language);
  const kinds = new Set(buttons.map((b) => decodeAction(b.action)?.kind));
  if (kinds.size === 1 && kinds.has('feedback')) return m.rateTitle;
  if ([...kinds].every((k) => k === 'example' || k === 'nominate')) return m.tryTitle;
  return m.chooseButton;
}

/** A task id WeCom accepts (letters, digits, `_-@`, at most 128 bytes), unique per card. */
export const newTaskId = () => `llw_${randomUUID().replace(/-/g, '')}`;

/**
 * A reply as WeCom messages: its text split by UTF-8 bytes at paragraph or sentence ends (each
 * part valid markdown), the buttons on cards of six (each button's key is the core's action id).
 */
export function replyToWecom(reply: Reply): Outgoing {
  const parts = splitReply(reply, {
    max: WECOM_CAPABILITIES.maxLength,
    separator: 2,
    size: (s) => Buffer.byteLength(segmentMarkdown(s), 'utf8'),
  }).map((segments) => segments.map(segmentMarkdown).join('\n\n'));
  const buttons = reply.buttons.slice(0, WECOM_CAPABILITIES.buttons!.max);
  const title = toScript(cardTitle(buttons, reply.language), reply.language);
  const cards: Card[] = [];
  for (let i = 0; i < buttons.length; i += BUTTONS_PER_CARD)
    cards.push({
      taskId: newTaskId(),
      title,
      buttons: buttons.slice(i, i + BUTTONS_PER_CARD),
    });
  return { parts, cards, files: reply.files };
}

/** The platform's shape of a card: its title, and a button per action (key = action id). */
export function cardBody(card: Card, chosen?: string) {
  return {
    card_type: 'button_interaction',
    main_title: { title: [...card.title].slice(0, 26).join('') },
    ...(chosen ? { sub_title_text: `✓ ${[...chosen].slice(0, 60).join('')}` } : {}),
    // A clicked card keeps one greyed button saying what was chosen; pressing it again is stale.
    button_list: (chosen ? card.buttons.filter((b) => b.label === chosen) : card.buttons).map(
      (b) => ({ text: [...b.label].slice(0, 40).join(''), style: chosen ? 2 : 1, key: b.action }),
    ),
    task_id: card.taskId,
  };
}
