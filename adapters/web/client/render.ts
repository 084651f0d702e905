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

/** Callbacks a rendered reply needs: press a button. */
export interface ReplyActions {
  press(action: string, label: string): void;
}

/** A row of buttons; a feedback row can be used once. */
function buttonRow(
  buttons: readonly { label: string; action: string }[],
  className: string,
  once: boolean,
  actions: ReplyActions,
  label?: string,
): HTMLElement {
  const row = h('div', { class: className, role: 'group', 'aria-label': label });
  for (const b of buttons) {
    const button = h('button', { type: 'button', class: once ? 'rate' : 'choice' }, b.label);
    button.addEventListener('click', () => {
      if (once) {
        for (const other of row.querySelectorAll('button')) other.disabled = true;
        button.setAttribute('aria-pressed', 'true');
      }
      actions.press(b.action, b.label);
    });
    row.append(button);
  }
  return row;
}

/** One reply of the assistant as an article: its text, sources, files and buttons. */
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
  // "Helpful / not helpful" are buttons of the reply too (every channel has them), shown apart.
  const feedback = reply.buttons.filter((b) => b.action.startsWith('fb:'));
  const choices = reply.buttons.filter((b) => !b.action.startsWith('fb:'));
  if (choices.length > 0) article.append(buttonRow(choices, 'buttons', false, actions));
  if (feedback.length > 0)
    article.append(buttonRow(feedback, 'feedback', true, actions, t.rateAnswer));
  return article;
}

/** What the user sent, as the user sees it. */
export function renderUser(text: string, t: Strings): HTMLElement {
  return h('article', { class: 'message user', 'aria-label': t.you }, h('p', {}, text));
}
