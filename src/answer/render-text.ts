import type { Block, Inline, Reply } from '../types.js';
import { toScript } from './language.js';
import { messagesFor } from './messages.js';

function inline(parts: readonly Inline[]): string {
  return parts
    .map((p) => (p.kind === 'link' && p.text !== p.url ? `${p.text} (${p.url})` : p.text))
    .join('');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return inline(b.content);
    case 'list':
      return b.items
        .map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${inline(item)}`)
        .join('\n');
    case 'quote':
      return `> ${b.text.replace(/\n/g, '\n> ')}${b.citation ? ` [${b.citation}]` : ''}`;
  }
}

/** The answer part of a reply as plain text (paragraphs, "- " lists, "> " quotes). */
export function renderAnswer(reply: Reply): string {
  return reply.blocks.map(block).join('\n\n');
}

/** A whole reply as plain text: the answer, then its numbered sources with the quoted words. */
export function renderText(reply: Reply): string {
  const answer = renderAnswer(reply);
  if (reply.citations.length === 0) return answer;
  const label = toScript(messagesFor(reply.language).sources, reply.language);
  const sources = reply.citations
    .map(
      (c, i) =>
        `[${i + 1}] ${c.title}${c.section ? ` · ${c.section}` : ''}\n    “${c.quote.replace(/\n/g, ' ')}”`,
    )
    .join('\n');
  return `${answer}\n\n${label}:\n${sources}`;
}
