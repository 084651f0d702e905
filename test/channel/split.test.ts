import { describe, expect, it } from 'vitest';
import { finish, paragraph } from '../../src/answer/reply.js';
import { buttonRows, sizeIn, splitReply, type Segment } from '../../src/channel/split.js';
import type { Block, ChannelCapabilities, Citation, Reply } from '../../src/types.js';

/** A plain-text rendering, like the terminal's: what a user reads of each segment. */
function plain(segment: Segment): string {
  switch (segment.kind) {
    case 'sources':
      return `${segment.heading}:`;
    case 'citation':
      return `[${segment.n}] ${segment.continued ? '' : segment.citation.title}\n“${segment.citation.quote}”`;
    case 'block': {
      const b = segment.block;
      if (b.kind === 'paragraph') return b.content.map((i) => i.text).join('');
      if (b.kind === 'quote') return `> ${b.text}`;
      return b.items.map((item) => `- ${item.map((i) => i.text).join('')}`).join('\n');
    }
  }
}

const measure = (max: number, unit: ChannelCapabilities['unit'] = 'utf16') => ({
  max,
  separator: 2,
  size: (s: Segment) => sizeIn(unit, plain(s)),
});
const textOf = (parts: Segment[][]) => parts.map((p) => p.map(plain).join('\n\n'));
const letters = (text: string) => text.replace(/[\s>\-“”:[\]\d]/g, '');

function reply(blocks: Block[], citations: Citation[] = []): Reply {
  return finish({ kind: 'extractive', blocks, citations }, 'en', 'test');
}

describe('splitting a reply to fit a channel', () => {
  it('keeps a reply that fits as one part, answer then sources', () => {
    const citation: Citation = {
      source: 'notice-2024',
      title: 'Notice',
      year: 2024,
      section: '2. Event theme',
      quote: 'Make learning a lifestyle',
    };
    const parts = splitReply(
      reply([paragraph('The theme is “Make learning a lifestyle”.')], [citation]),
      measure(4000),
    );
    expect(parts).toHaveLength(1);
    expect(parts[0]!.map((s) => s.kind)).toEqual(['block', 'sources', 'citation']);
  });

  it('splits a long summary list into parts under the limit, losing nothing, in order', () => {
    const items = Array.from({ length: 30 }, (_, i) => [
      { kind: 'text' as const, text: `Field ${i}: ${'learning every day. '.repeat(14)}` },
    ]);
    const original = reply([
      paragraph('Your draft is ready.'),
      { kind: 'list', ordered: false, items },
    ]);
    const parts = textOf(splitReply(original, measure(4000)));
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(4000);
    const before = letters(original.blocks.map((b) => plain({ kind: 'block', block: b })).join(''));
    expect(letters(parts.join(''))).toBe(before);
  });

  it('cuts one huge paragraph at sentence ends first, and never inside an emoji', () => {
    const sentence = '活动周期间，各地组织形式多样的学习活动。';
    const long = reply([paragraph(sentence.repeat(300))]);
    const parts = textOf(splitReply(long, measure(1000)));
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(1000);
      expect(p.endsWith('。')).toBe(true);
    }
    const emoji = reply([paragraph('😀'.repeat(3000))]);
    const cut = textOf(splitReply(emoji, measure(1000)));
    for (const p of cut) expect(p).toBe(p.toWellFormed());
    expect(cut.join('')).toBe('😀'.repeat(3000));
  });

  it('counts UTF-8 bytes for channels that limit bytes', () => {
    const long = reply([paragraph('学'.repeat(10_000))]);
    const parts = textOf(splitReply(long, measure(20_480, 'bytes')));
    for (const p of parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(20_480);
    expect(parts.length).toBe(2);
  });

  it('splits a quoted sentence of a source too long for one part, showing the title once', () => {
    const citation: Citation = {
      source: 's',
      title: 'Notice',
      year: 2022,
      section: '',
      quote: 'words. '.repeat(400),
    };
    const parts = splitReply(reply([paragraph('Answer.')], [citation]), measure(1000));
    const citations = parts.flat().filter((s) => s.kind === 'citation');
    expect(citations.length).toBeGreaterThan(1);
    expect(citations.filter((c) => c.kind === 'citation' && !c.continued)).toHaveLength(1);
  });

  it('lays buttons out in rows within the channel’s limits', () => {
    const buttons = Array.from({ length: 7 }, (_, i) => ({ label: `B${i}`, action: `ex:${i}` }));
    const caps: ChannelCapabilities = {
      maxLength: 4000,
      unit: 'utf16',
      markup: 'html',
      files: true,
      buttons: { perRow: 3, max: 5 },
    };
    expect(buttonRows(buttons, caps).map((r) => r.map((b) => b.label))).toEqual([
      ['B0', 'B1', 'B2'],
      ['B3', 'B4'],
    ]);
    const { buttons: _none, ...plainCaps } = caps;
    void _none;
    expect(buttonRows(buttons, plainCaps)).toEqual([]);
  });
});
