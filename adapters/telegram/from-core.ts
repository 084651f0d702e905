import type { InlineKeyboardButton } from 'telegraf/types';
import {
  botMessagesFor,
  buttonRows,
  splitReply,
  type Block,
  type ChannelCapabilities,
  type Inline,
  type Reply,
  type Segment,
} from '../../src/index.js';
import { toStartPayload } from './to-core.js';

/**
 * What a Telegram message can hold: 4,096 characters after entities are parsed; we count the
 * HTML itself, tags included, and keep a margin. Inline keyboards take up to 100 buttons; 24 is
 * more than any reply has, and rows are sized for a phone.
 */
export const TELEGRAM_CAPABILITIES: ChannelCapabilities = {
  maxLength: 4000,
  unit: 'utf16',
  buttons: { perRow: 3, max: 24, rowWidth: 28 },
  markup: 'html',
  files: true,
};

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeHtml(text).replace(/"/g, '&quot;');

function inline(part: Inline): string {
  switch (part.kind) {
    case 'text':
      return escapeHtml(part.text);
    case 'bold':
      return `<b>${escapeHtml(part.text)}</b>`;
    case 'link':
      // Only web links become links; anything else is shown as text.
      return /^https?:\/\//i.test(part.url)
        ? `<a href="${escapeAttribute(part.url)}">${escapeHtml(part.text)}</a>`
        : escapeHtml(part.text === part.url ? part.text : `${part.text} (${part.url})`);
  }
}

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return b.content.map(inline).join('');
    case 'list':
      return b.items
        .map((item, i) => `${b.ordered ? `${i + 1}.` : '•'} ${item.map(inline).join('')}`)
        .join('\n');
    case 'quote':
      return `<blockquote>${escapeHtml(b.text)}${b.citation ? ` [${b.citation}]` : ''}</blockquote>`;
  }
}

/** One segment of a reply as Telegram HTML: valid on its own, everything from the text escaped. */
export function segmentHtml(segment: Segment): string {
  switch (segment.kind) {
    case 'block':
      return block(segment.block);
    case 'sources':
      return `<b>${escapeHtml(segment.heading)}</b>`;
    case 'citation': {
      const c = segment.citation;
      const where = segment.continued ? '…' : `${c.title}${c.section ? ` · ${c.section}` : ''}`;
      return `[${segment.n}] ${escapeHtml(where)}\n<i>“${escapeHtml(c.quote)}”</i>`;
    }
  }
}

/** A message to send: HTML text with its keyboard, or a file. */
export type Outgoing =
  | {
      readonly kind: 'text';
      readonly html: string;
      readonly keyboard?: InlineKeyboardButton[][];
    }
  | { readonly kind: 'document'; readonly name: string; readonly data: Uint8Array };

/**
 * A reply as Telegram messages: its text split under the limit at paragraph or sentence ends
 * (each part valid HTML), the buttons as an inline keyboard under the last part, then the files.
 */
export function replyToTelegram(reply: Reply, botUsername: string): Outgoing[] {
  const parts = splitReply(reply, {
    max: TELEGRAM_CAPABILITIES.maxLength,
    separator: 2,
    size: (s) => segmentHtml(s).length,
  });
  const keyboard: InlineKeyboardButton[][] = buttonRows(reply.buttons, TELEGRAM_CAPABILITIES).map(
    (row) => row.map((b) => ({ text: b.label, callback_data: b.action })),
  );
  for (const effect of reply.effects ?? [])
    if (effect.kind === 'continue-privately')
      keyboard.push([
        {
          text: botMessagesFor(reply.language).continuePrivately,
          url: `https://t.me/${botUsername}?start=${toStartPayload(effect.start)}`,
        },
      ]);
  const out: Outgoing[] = parts.map((segments, i) => ({
    kind: 'text' as const,
    html: segments.map(segmentHtml).join('\n\n'),
    ...(i === parts.length - 1 && keyboard.length > 0 ? { keyboard } : {}),
  }));
  for (const file of reply.files) out.push({ kind: 'document', name: file.name, data: file.data });
  return out;
}
