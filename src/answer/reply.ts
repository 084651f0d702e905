import type { AnswerKind, Block, Button, Citation, Inline, Language, Reply } from '../types.js';
import { toScript } from './language.js';

/** A paragraph of plain text. */
export function paragraph(text: string): Block {
  return { kind: 'paragraph', content: [{ kind: 'text', text }] };
}

/** A paragraph made of inline pieces. */
export function rich(...content: Inline[]): Block {
  return { kind: 'paragraph', content };
}

/** A bulleted list of plain items. */
export function list(items: readonly string[]): Block {
  return { kind: 'list', ordered: false, items: items.map((text) => [{ kind: 'text', text }]) };
}

/** An answer being put together, before it is put into the reader's script. */
export interface Draft {
  readonly kind: AnswerKind;
  readonly blocks: readonly Block[];
  readonly citations: readonly Citation[];
  readonly buttons?: readonly Button[];
}

function localizeInline(inline: Inline, language: Language): Inline {
  if (inline.kind === 'text' && inline.verbatim) return inline;
  return { ...inline, text: toScript(inline.text, language) };
}

export function localizeBlock(block: Block, language: Language): Block {
  switch (block.kind) {
    case 'paragraph':
      return { kind: 'paragraph', content: block.content.map((i) => localizeInline(i, language)) };
    case 'list':
      return {
        ...block,
        items: block.items.map((item) => item.map((i) => localizeInline(i, language))),
      };
    case 'quote':
      return block.verbatim ? block : { ...block, text: toScript(block.text, language) };
  }
}

/**
 * Turns a draft into the reply a reader gets: Chinese text (answer, quotes, titles, buttons) in
 * the reader's script, whatever script the notice was written in. English is left as it is.
 */
export function finish(draft: Draft, language: Language, intent: string): Reply {
  return {
    blocks: draft.blocks.map((b) => localizeBlock(b, language)),
    citations: draft.citations.map((c) => ({
      ...c,
      title: toScript(c.title, language),
      section: language === 'en' ? c.section : toScript(c.section, language),
      quote: language === 'en' ? c.quote : toScript(c.quote, language),
    })),
    buttons: (draft.buttons ?? []).map((b) => ({ ...b, label: toScript(b.label, language) })),
    files: [],
    language,
    kind: draft.kind,
    intent,
  };
}

/** A reply of one plain paragraph, in the reader's script (notices from the edges: reloads, say). */
export function textReply(text: string, language: Language, intent: string): Reply {
  return finish({ kind: 'help', blocks: [paragraph(text)], citations: [] }, language, intent);
}

/**
 * Answers to the parts of one question, as one: their blocks in turn, each source once. A quote's
 * citation number is renumbered to the citation's place in the whole.
 */
export function combineDrafts(drafts: readonly Draft[]): Draft {
  const place = new Map<string, number>();
  const citations: Citation[] = [];
  const blocks: Block[] = [];
  for (const draft of drafts) {
    const numbers = draft.citations.map((c) => {
      const key = `${c.source}\u0000${c.section}\u0000${c.quote}`;
      let n = place.get(key);
      if (n === undefined) {
        citations.push(c);
        place.set(key, (n = citations.length));
      }
      return n;
    });
    for (const block of draft.blocks) {
      // A note both parts make ("“去年”按…理解。") is said once.
      if (
        block.kind === 'paragraph' &&
        blocks.some((b) => JSON.stringify(b) === JSON.stringify(block))
      )
        continue;
      blocks.push(
        block.kind === 'quote' && block.citation !== undefined
          ? { ...block, citation: numbers[block.citation - 1] ?? block.citation }
          : block,
      );
    }
  }
  return {
    kind: drafts.some((d) => d.kind === 'fact') ? 'fact' : drafts[0]!.kind,
    blocks,
    citations,
  };
}
