import type { types } from '@slack/bolt';
import {
  renderText,
  splitReply,
  type Block,
  type ChannelCapabilities,
  type Inline,
  type Reply,
  type Segment,
} from '../../src/index.js';

type KnownBlock = types.KnownBlock;
type RichTextElement = types.RichTextBlockElement;
type RichTextInline = types.RichTextSection['elements'][number];

/**
 * What a Slack message holds here: answer text in `rich_text` blocks, which Slack shows exactly as
 * given (no mrkdwn parsing, so `*`, `_`, `<` or `&` in a notice or a user's answer never turn into
 * formatting or mentions). 3,000 characters of text per message keeps well inside Slack's block
 * limits; buttons go in one actions block (25 at most).
 */
export const SLACK_CAPABILITIES: ChannelCapabilities = {
  maxLength: 3000,
  unit: 'utf16',
  buttons: { perRow: 25, max: 25 },
  markup: 'markdown',
  files: true,
};

const text = (value: string, style?: { bold?: boolean; italic?: boolean }): RichTextInline => ({
  type: 'text',
  text: value,
  ...(style ? { style } : {}),
});

function inline(part: Inline): RichTextInline {
  switch (part.kind) {
    case 'text':
      return text(part.text);
    case 'bold':
      return text(part.text, { bold: true });
    case 'link':
      return /^https?:\/\//i.test(part.url)
        ? { type: 'link', url: part.url, text: part.text }
        : text(`${part.text} (${part.url})`);
  }
}

const section = (elements: RichTextInline[]): RichTextElement => ({
  type: 'rich_text_section',
  elements,
});

function block(b: Block): RichTextElement {
  switch (b.kind) {
    case 'paragraph':
      return section(b.content.map(inline));
    case 'list':
      return {
        type: 'rich_text_list',
        style: b.ordered ? 'ordered' : 'bullet',
        elements: b.items.map((item) => ({
          type: 'rich_text_section',
          elements: item.map(inline),
        })),
      };
    case 'quote':
      return {
        type: 'rich_text_quote',
        elements: [text(`${b.text}${b.citation ? ` [${b.citation}]` : ''}`)],
      };
  }
}

/** One segment of a reply as rich-text elements. */
export function segmentElements(segment: Segment): RichTextElement {
  switch (segment.kind) {
    case 'block':
      return block(segment.block);
    case 'sources':
      return section([text(segment.heading, { bold: true })]);
    case 'citation': {
      const c = segment.citation;
      const where = segment.continued ? '…' : `${c.title}${c.section ? ` · ${c.section}` : ''}`;
      return section([
        text(`[${segment.n}] `, { bold: true }),
        text(`${where}\n`),
        text(`“${c.quote}”`, { italic: true }),
      ]);
    }
  }
}

/** How much text a segment shows, with a little room for each element around it. */
function sizeOf(segment: Segment): number {
  const inlines = (parts: readonly Inline[]) => parts.reduce((n, p) => n + p.text.length + 8, 0);
  switch (segment.kind) {
    case 'sources':
      return segment.heading.length + 8;
    case 'citation': {
      const c = segment.citation;
      return c.title.length + c.section.length + c.quote.length + 24;
    }
    case 'block': {
      const b = segment.block;
      if (b.kind === 'paragraph') return inlines(b.content);
      if (b.kind === 'quote') return b.text.length + 12;
      return b.items.reduce((n, item) => n + inlines(item) + 8, 0);
    }
  }
}

/** `&`, `<` and `>` escaped: the notification text is mrkdwn, and must never make a mention or link. */
export const escapeMrkdwn = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A Slack message: its blocks and the plain text for notifications and screen readers. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

/**
 * A reply as Slack messages: its text split under the limit at paragraph or sentence ends, the
 * buttons (each carrying the core's action id as its value) under the last part.
 */
export function replyToSlack(reply: Reply): SlackMessage[] {
  const parts = splitReply(reply, {
    max: SLACK_CAPABILITIES.maxLength,
    separator: 1,
    size: sizeOf,
    maxSegments: 40,
  });
  const messages = parts.map((segments): SlackMessage => {
    const plain = renderText({ ...reply, citations: [], blocks: blocksOf(segments) });
    return {
      text: escapeMrkdwn([...plain].slice(0, 280).join('') || '…'),
      blocks: [{ type: 'rich_text', elements: segments.map(segmentElements) }],
    };
  });
  const buttons = reply.buttons.slice(0, SLACK_CAPABILITIES.buttons!.max);
  if (buttons.length > 0 && messages.length > 0) {
    const last = messages[messages.length - 1]!;
    last.blocks.push({
      type: 'actions',
      elements: buttons.map((b, i) => ({
        type: 'button',
        action_id: `llw_${i}`,
        // Button labels may be at most 75 characters.
        text: { type: 'plain_text', text: [...b.label].slice(0, 75).join(''), emoji: true },
        value: b.action,
      })),
    });
  }
  return messages;
}

/** The answer blocks among segments, for the plain-text version of a part. */
function blocksOf(segments: readonly Segment[]): Block[] {
  return segments.map((s) =>
    s.kind === 'block'
      ? s.block
      : {
          kind: 'paragraph',
          content: [
            {
              kind: 'text',
              text: s.kind === 'sources' ? s.heading : `[${s.n}] “${s.citation.quote}”`,
            },
          ],
        },
  );
}
