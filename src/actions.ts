import type { Language } from './types.js';

/** What a form button does; the engine gets a command or the chosen options, never a label. */
export type FormOp =
  | { readonly op: 'option'; readonly index: number }
  | { readonly op: 'all' | 'done' | 'skip' | 'confirm' | 'cancel' | 'yes' | 'no' | 'use' | 'keep' };

/**
 * A button's meaning. Buttons carry these as short ASCII ids (at most 64 bytes, Telegram's
 * callback limit), so a press is checked against the current state instead of being read as text.
 */
export type Action =
  /** A conversation opened (the terminal starting, Telegram's /start): greet, or resume a form. */
  | { readonly kind: 'start' }
  /** One of the example questions of the greeting, by position. */
  | { readonly kind: 'example'; readonly index: number }
  /** Start drafting a nomination (asking which form when none is named). */
  | { readonly kind: 'nominate'; readonly form?: string }
  /** The answer to "which form?": acts only while that question is pending. */
  | { readonly kind: 'pick'; readonly form: string }
  /** A button of a form question or review, naming the draft and the draft version it was sent with. */
  | { readonly kind: 'form'; readonly draft: string; readonly version: number; readonly op: FormOp }
  /** Reopen a draft from the drafts list. */
  | { readonly kind: 'open'; readonly draft: string }
  /** List the user's drafts (the way into a private chat from a group's "我的草稿"). */
  | { readonly kind: 'drafts' }
  /** Yes or no to "delete all my data?" or "delete this draft?". */
  | {
      readonly kind: 'answer';
      readonly yes: boolean;
      readonly about: 'forget' | 'delete';
      readonly draft?: string;
    }
  /** Answer in this language from now on. */
  | { readonly kind: 'language'; readonly language: Language }
  /** Whether an answer helped, by the answer's id. */
  | { readonly kind: 'feedback'; readonly answer: string; readonly helpful: boolean };

/** The most bytes an action id may have (Telegram's callback_data limit). */
export const MAX_ACTION_BYTES = 64;

/** How a draft is named in an action id: the first 8 characters of its id. */
export const draftToken = (id: string): string => id.replace(/-/g, '').slice(0, 8);

const SIMPLE_OPS = [
  'all',
  'done',
  'skip',
  'confirm',
  'cancel',
  'yes',
  'no',
  'use',
  'keep',
] as const;
const LANGUAGES: readonly Language[] = ['zh-Hans', 'zh-Hant', 'en'];

/** The id a button carries for an action. */
export function encodeAction(action: Action): string {
  switch (action.kind) {
    case 'start':
      return 'start';
    case 'example':
      return `ex:${action.index}`;
    case 'nominate':
      return action.form ? `nom:${action.form}` : 'nom';
    case 'pick':
      return `pick:${action.form}`;
    case 'form': {
      const op = action.op.op === 'option' ? `o${action.op.index}` : action.op.op;
      return `f:${draftToken(action.draft)}:${action.version}:${op}`;
    }
    case 'open':
      return `open:${draftToken(action.draft)}`;
    case 'drafts':
      return 'drafts';
    case 'answer':
      return `${action.yes ? 'y' : 'n'}:${action.about === 'forget' ? 'forget' : `del:${draftToken(action.draft ?? '')}`}`;
    case 'language':
      return `lang:${action.language}`;
    case 'feedback':
      return `fb:${action.helpful ? 'y' : 'n'}:${action.answer}`;
  }
}

/** Reads a button's id; undefined for anything that is not one this version sends. */
export function decodeAction(id: string): Action | undefined {
  if (id.length > MAX_ACTION_BYTES) return undefined;
  if (id === 'start') return { kind: 'start' };
  if (id === 'nom') return { kind: 'nominate' };
  if (id === 'drafts') return { kind: 'drafts' };
  let m = /^ex:(\d{1,2})$/.exec(id);
  if (m) return { kind: 'example', index: Number(m[1]) };
  m = /^(nom|pick):([a-z][a-z0-9-]{0,40})$/.exec(id);
  if (m) return m[1] === 'nom' ? { kind: 'nominate', form: m[2]! } : { kind: 'pick', form: m[2]! };
  m = /^f:([0-9a-f]{8}):(\d{1,9}):(?:o(\d{1,3})|([a-z]+))$/.exec(id);
  if (m) {
    const simple = SIMPLE_OPS.find((o) => o === m![4]);
    const op: FormOp | undefined =
      m[3] !== undefined
        ? { op: 'option', index: Number(m[3]) }
        : simple
          ? { op: simple }
          : undefined;
    return op ? { kind: 'form', draft: m[1]!, version: Number(m[2]), op } : undefined;
  }
  m = /^open:([0-9a-f]{8})$/.exec(id);
  if (m) return { kind: 'open', draft: m[1]! };
  m = /^([yn]):(?:(forget)|del:([0-9a-f]{8}))$/.exec(id);
  if (m)
    return {
      kind: 'answer',
      yes: m[1] === 'y',
      about: m[2] ? 'forget' : 'delete',
      ...(m[3] ? { draft: m[3] } : {}),
    };
  m = /^fb:([yn]):([0-9a-f]{12})$/.exec(id);
  if (m) return { kind: 'feedback', helpful: m[1] === 'y', answer: m[2]! };
  m = /^lang:(.+)$/.exec(id);
  const language = LANGUAGES.find((l) => l === m?.[1]);
  if (language) return { kind: 'language', language };
  return undefined;
}
