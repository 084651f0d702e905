import type { Language } from '../../../src/types.js';
import { messageId, Refused, sendMessage, type WebReply } from './api.js';
import { h } from './dom.js';
import { renderReply, renderUser } from './render.js';
import { initialLanguage, LANGUAGES, stringsFor } from './strings.js';

let language: Language = initialLanguage();
let t = stringsFor(language);

const title = h('h1', {}, t.title);
const subtitle = h('p', { class: 'subtitle' }, t.subtitle);
const languageLabel = h('label', { for: 'language' }, t.language);
const picker = h(
  'select',
  { id: 'language' },
  ...LANGUAGES.map((l) => h('option', { value: l.code, selected: l.code === language }, l.name)),
);
const progress = h('p', { class: 'progress', hidden: true, role: 'status' });
const log = h('main', {
  id: 'log',
  class: 'log',
  role: 'log',
  'aria-live': 'polite',
  'aria-label': t.log,
  tabindex: '-1',
});
const input = h('textarea', {
  id: 'message',
  rows: '1',
  autocomplete: 'off',
  placeholder: t.placeholder,
});
const inputLabel = h('label', { for: 'message', class: 'visually-hidden' }, t.inputLabel);
const send = h('button', { type: 'submit', class: 'send' }, t.send);
const composer = h(
  'form',
  { class: 'composer', 'aria-label': t.inputLabel },
  inputLabel,
  input,
  send,
);
const busy = h('p', { class: 'busy', hidden: true, 'aria-hidden': 'true' }, t.answering);

document
  .getElementById('app')!
  .append(
    h(
      'header',
      { class: 'top' },
      h('div', {}, title, subtitle),
      h('div', { class: 'language' }, languageLabel, picker),
    ),
    progress,
    log,
    busy,
    composer,
  );

/** Puts the page's own words in the current language. */
function relabel() {
  t = stringsFor(language);
  document.documentElement.lang = language;
  document.title = t.title;
  title.textContent = t.title;
  subtitle.textContent = t.subtitle;
  languageLabel.textContent = t.language;
  inputLabel.textContent = t.inputLabel;
  input.placeholder = t.placeholder;
  send.textContent = t.send;
  busy.textContent = t.answering;
  log.setAttribute('aria-label', t.log);
}

function scrollToEnd() {
  log.scrollTop = log.scrollHeight;
}

function showProgress(replies: readonly WebReply[]) {
  const form = [...replies].reverse().find((r) => r.form)?.form;
  progress.hidden = !form;
  if (form) progress.textContent = t.step(form.step, form.total);
}

let sending = false;

/** While a reply is awaited, nothing else can be sent (the language picker included). */
function setSending(on: boolean) {
  sending = on;
  send.disabled = on;
  picker.disabled = on;
  busy.hidden = !on;
  if (on) log.setAttribute('aria-busy', 'true');
  else log.removeAttribute('aria-busy');
}

function show(replies: readonly WebReply[]) {
  const first = log.childElementCount;
  for (const reply of replies)
    log.append(
      renderReply(reply, t, {
        press: (action, label) => void exchange({ button: action }, label),
      }),
    );
  showProgress(replies);
  // A long answer is read from its start: show the first new reply's top.
  (log.children[first] as HTMLElement | undefined)?.scrollIntoView({ block: 'start' });
}

/**
 * Sends one message and shows the replies. When the assistant cannot be reached, the message can
 * be sent again (with the same id, so it counts once); when it refuses the message, it says why.
 */
async function exchange(message: { text: string } | { button: string }, shown?: string) {
  if (sending) return;
  setSending(true);
  if (shown) log.append(renderUser(shown, t));
  scrollToEnd();
  const id = messageId();
  const attempt = async (again: boolean): Promise<void> => {
    try {
      const replies = await sendMessage(message, id);
      // Sent again after a lost answer, a message that had arrived gets nothing back: show
      // where things stand instead (the question being asked, or the greeting).
      if (replies.length === 0 && again) show(await sendMessage({ button: 'start' }, messageId()));
      else show(replies);
    } catch (error) {
      if (error instanceof Refused) {
        const why =
          error.status === 429 ? t.tooMany : error.status === 413 ? t.tooLarge : error.message;
        log.append(h('article', { class: 'message error', role: 'alert' }, h('p', {}, why)));
        return;
      }
      const retry = h('button', { type: 'button', class: 'retry' }, t.retry);
      const note = h(
        'article',
        { class: 'message error', role: 'alert' },
        h('p', {}, t.offline, ' '),
        retry,
      );
      retry.addEventListener('click', () => {
        note.remove();
        setSending(true);
        void attempt(true).finally(() => setSending(false));
      });
      log.append(note);
    }
  };
  try {
    await attempt(false);
  } finally {
    setSending(false);
  }
}

composer.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text || sending) return;
  input.value = '';
  input.style.height = '';
  void exchange({ text }, text).then(() => input.focus());
});

// Enter sends; Shift+Enter starts a new line (a learning story has paragraphs). On a touch
// screen, whose keyboard has no Shift+Enter, Enter starts a new line and the button sends.
const touch = matchMedia('(pointer: coarse)').matches;
input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && !touch) {
    event.preventDefault();
    composer.requestSubmit();
  }
});
input.addEventListener('input', () => {
  input.style.height = 'auto';
  input.style.height = `${Math.min(input.scrollHeight, 240)}px`;
});

picker.addEventListener('change', () => {
  language = picker.value as Language;
  localStorage.setItem('llw-language', language);
  relabel();
  void exchange({ button: `lang:${language}` });
});

relabel();
// The greeting and example questions, or the form where this browser left off.
void exchange({ button: 'start' });
input.focus();
