import type { Block, Citation, Inline } from '../../../src/types.js';
import { h } from './dom.js';
import type { Strings } from './strings.js';
import type { WebReply } from './api.js';

function inline(part: Inline): Node {
  if (part.kind === 'bold') return h('strong', {}, part.text);
  if (part.kind === 'link')
    return /^https?:\/\//i.test(part.url)
      ? h('a', { href: part.url, rel: 'noopener noreferrer', target: '_blank' }, part.text)
      : document.createTextNode(`${part.text} (${part.url})`);
  return document.createTextNode(part.text);
}

function block(b: Block, citations: readonly Citation[]): Node {
  switch (b.kind) {
    case 'paragraph':
      return h('p', {}, ...b.content.map(inline));
    case 'list':
      return h(
        b.ordered ? 'ol' : 'ul',
        {},
        ...b.items.map((item) => h('li', {}, ...item.map(inline))),
      );
    case 'quote': {
      const cited = b.citation ? citations[b.citation - 1] : undefined;
      return h(
        'blockquote',
        {},
        b.text,
        b.citation ? h('sup', { title: cited?.title }, ` [${b.citation}]`) : null,
      );
    }
  }
}

/** A reply's sources: each one expandable, showing notice, section and the exact words quoted. */
function sources(citations: readonly Citation[], t: Strings): Node | null {
  if (citations.length === 0) return null;
  return h(
    'section',
    { class: 'sources', 'aria-label': t.sources },
    h('h3', {}, t.sources),
    ...citations.map((c, i) =>
      h(
        'details',
        {},
        h('summary', {}, `[${i + 1}] ${c.title}${c.section ? ` · ${c.section}` : ''}`),
        h('blockquote', { class: 'quote' }, c.quote),
      ),
    ),
  );
}

/** Callbacks a rendered reply needs: press a button, give feedback. */
export interface ReplyActions {
  press(action: string, label: string): void;
  feedback(replyId: string, helpful: boolean, done: (note: string) => void): void;
}

/** Kinds of reply that answer a question, and so can be rated helpful or not. */
const ANSWERS = new Set(['fact', 'extractive', 'generated', 'not_in_notices']);

/** One reply of the assistant as an article: its text, sources, files, buttons and feedback. */
export function renderReply(reply: WebReply, t: Strings, actions: ReplyActions): HTMLElement {
  const article = h(
    'article',
    { class: `message bot kind-${reply.kind}`, lang: reply.language, 'aria-label': t.assistant },
    ...reply.blocks.map((b) => block(b, reply.citations)),
    sources(reply.citations, t),
  );
  if (reply.files.length > 0)
    article.append(
      h(
        'p',
        { class: 'files' },
        ...reply.files.map((f) =>
          h('a', { href: f.url, download: f.name, class: 'file' }, `${t.download} ${f.name}`),
        ),
      ),
    );
  if (reply.buttons.length > 0)
    article.append(
      h(
        'div',
        { class: 'buttons', role: 'group' },
        ...reply.buttons.map((b) => {
          const button = h('button', { type: 'button', class: 'choice' }, b.label);
          button.addEventListener('click', () => actions.press(b.action, b.label));
          return button;
        }),
      ),
    );
  if (ANSWERS.has(reply.kind)) {
    const note = h('span', { class: 'note', role: 'status' });
    const rate = (helpful: boolean) => {
      const button = h(
        'button',
        { type: 'button', class: 'rate' },
        helpful ? t.helpful : t.notHelpful,
      );
      button.addEventListener('click', () => {
        for (const b of group.querySelectorAll('button')) b.disabled = true;
        button.setAttribute('aria-pressed', 'true');
        actions.feedback(reply.id, helpful, (text) => (note.textContent = text));
      });
      return button;
    };
    const group = h(
      'div',
      { class: 'feedback', role: 'group', 'aria-label': `${t.helpful} / ${t.notHelpful}` },
      rate(true),
      rate(false),
      note,
    );
    article.append(group);
  }
  return article;
}

/** What the user sent, as the user sees it. */
export function renderUser(text: string, t: Strings): HTMLElement {
  return h('article', { class: 'message user', 'aria-label': t.you }, h('p', {}, text));
}
