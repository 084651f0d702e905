import type { Region } from './knowledge/glossary.js';
import { randomUUID } from 'node:crypto';
import { decodeAction, draftToken, encodeAction, type Action } from './actions.js';
import type { Answerer } from './answer/answerer.js';
import { completeFollowUp } from './answer/follow-up.js';
import { classifyIntent } from './answer/intent.js';
import {
  detectLanguage,
  languageOfLocale,
  requestedLanguage,
  toScript,
} from './answer/language.js';
import { messagesFor } from './answer/messages.js';
import { finish, paragraph } from './answer/reply.js';
import { botMessagesFor } from './bot-messages.js';
import type { FormDefinition } from './forms/definition.js';
import { without, type Draft, type Turn } from './forms/draft.js';
import { createDraftCommands, parseDraftCommand, saysYes } from './forms/drafts.js';
import type { Interim, NominationFlow } from './forms/flow.js';
import type { Session } from './storage/state-store.js';
import type { Button, IncomingMessage, Language, Reply } from './types.js';

/** One message with what is stored about its conversation, ready to be routed. */
export interface TurnInput {
  readonly message: IncomingMessage;
  /** The message's text, cleaned of control characters and trimmed. */
  readonly text: string;
  readonly session: Session;
  /** The user's drafts, oldest first (read on demand: most turns never need them). */
  readonly drafts: () => Promise<Draft[]>;
  /** One draft of the user's, by id. */
  readonly draft: (id: string) => Promise<Draft | undefined>;
  readonly interim?: Interim | undefined;
}

/** After a draft is finished: what asks for its files again. */
const FILES_AGAIN =
  /^(?:\/confirm|确认|確認|确定|確定|确认生成|確認生成|查看|下载|下載|文件|重新生成|confirm|show|download|files)[。.!！]?$/i;

/** Replies that answer a question about the Week, which can be rated. */
const ANSWER_KINDS: ReadonlySet<string> = new Set([
  'fact',
  'extractive',
  'generated',
  'not_in_notices',
]);

const LANGUAGE_CODE = /^\/lang(?:@\w+)?(?:\s+(zh-hans|zh-hant|zh|en|简体|繁體|繁体|english))?$/i;

/**
 * Decides what one message is (a button, a command, an answer to a form, a question) and returns
 * the turn: the replies and what to save. It reads state but never writes it; the bot saves.
 */
export function createRouter(options: {
  readonly forms: readonly FormDefinition[];
  /** The regions, to show answers by name in the summary sheet. */
  readonly regions: readonly Region[];
  readonly years: readonly number[];
  readonly answerer: Answerer;
  readonly flow: NominationFlow;
  readonly now: () => Date;
  /** Whether answers are kept (with the question) for feedback and reports. */
  readonly keepAnswers: boolean;
}) {
  const { forms, answerer, flow } = options;
  const drafts = createDraftCommands({
    forms,
    regions: options.regions,
    now: options.now,
    resume: flow.resume,
  });
  const say = (text: string, language: Language, intent: string, buttons: Button[] = []): Reply =>
    finish({ kind: 'help', blocks: [paragraph(text)], citations: [], buttons }, language, intent);
  const privateOnly = (session: Session, language: Language, start: string): Turn => ({
    session,
    replies: [
      {
        ...say(botMessagesFor(language).privateOnly, language, 'private-only'),
        effects: [{ kind: 'continue-privately', start }],
      },
    ],
  });
  const activeDraft = async (input: TurnInput): Promise<Draft | undefined> => {
    const id = input.session.activeDraftId;
    const draft = id ? await input.draft(id) : undefined;
    return draft && draft.state.phase !== 'done' && draft.state.phase !== 'cancelled'
      ? draft
      : undefined;
  };

  /**
   * The session a new form starts from: no pending question, and no pointer to a finished draft
   * (only an unfinished one is "saved, find it under my drafts").
   */
  const fresh = async (input: TurnInput, session: Session): Promise<Session> => {
    const rest = without(session, 'pending');
    return rest.activeDraftId && !(await activeDraft(input))
      ? without(rest, 'activeDraftId')
      : rest;
  };

  /** A question about the Week (typed, or an example button), with follow-up context. */
  const question = async (session: Session, text: string, language: Language): Promise<Turn> => {
    const asked = completeFollowUp(text, session.lastQuestion, options.years);
    const reply = await answerer.answer(asked, language);
    const keep = !['greeting', 'help', 'out_of_scope', 'error'].includes(reply.kind);
    const next = keep ? { ...session, lastQuestion: asked } : session;
    if (!options.keepAnswers || !ANSWER_KINDS.has(reply.kind))
      return { session: next, replies: [reply] };
    // An answer is kept (for the report of what the notices lack) and can be rated.
    // 12 hex digits from Node's pooled UUIDs (randomBytes was a system call per answer).
    const id = randomUUID().replaceAll('-', '').slice(0, 12);
    const m = botMessagesFor(reply.language);
    const rate = (helpful: boolean): Button => ({
      // Added after the reply was put in its script: the label must be put in it too.
      label: toScript(helpful ? m.helpful : m.notHelpful, reply.language),
      action: encodeAction({ kind: 'feedback', answer: id, helpful }),
    });
    return {
      session: next,
      replies: [{ ...reply, buttons: [...reply.buttons, rate(true), rate(false)] }],
      answers: [
        {
          id,
          question: asked,
          intent: reply.intent,
          kind: reply.kind,
          language: reply.language,
          at: options.now().toISOString(),
        },
      ],
    };
  };

  const setLanguage = async (
    input: TurnInput,
    session: Session,
    language: Language | undefined,
  ): Promise<Turn> => {
    const current = session.language ?? 'zh-Hans';
    if (!language) {
      const m = botMessagesFor(current);
      const buttons = (['zh-Hans', 'zh-Hant', 'en'] as const).map((l) => ({
        label: m.languageNames[l],
        action: encodeAction({ kind: 'language', language: l }),
      }));
      return { session, replies: [say(m.chooseLanguage, current, 'language', buttons)] };
    }
    const next = { ...session, language };
    const done = say(botMessagesFor(language).languageSet, language, 'language');
    const draft = await activeDraft(input);
    if (!draft) return { session: next, replies: [done] };
    const switched = await flow.switchLanguage(next, draft, language);
    return { ...switched, replies: [done, ...switched.replies] };
  };

  const pressed = async (
    input: TurnInput,
    session: Session,
    action: Action | undefined,
    language: Language,
  ): Promise<Turn> => {
    const stale = (): Turn => ({
      session,
      replies: [say(botMessagesFor(language).staleButton, language, 'stale-button')],
    });
    const group = input.message.group === true;
    switch (action?.kind) {
      case 'start': {
        const draft = group ? undefined : await activeDraft(input);
        if (draft) return flow.resume(session, draft);
        return { session, replies: [answerer.greet(language)] };
      }
      case 'example': {
        const text = messagesFor(language).examples[action.index];
        return text ? question(session, text, language) : stale();
      }
      case 'nominate': {
        if (group) return privateOnly(session, language, encodeAction(action));
        // The same link or button again, while that form is being filled: carry on with it.
        const draft = action.form ? await activeDraft(input) : undefined;
        if (draft && draft.formId === action.form)
          return flow.resume(without(session, 'pending'), draft);
        return flow.start(await fresh(input, session), action.form, language);
      }
      case 'pick':
        // Only an answer to the question "which form?" that is still open starts a form.
        if (group || session.pending?.kind !== 'choose-form') return stale();
        return flow.start(await fresh(input, session), action.form, language);
      case 'form': {
        const draft = group ? undefined : await activeDraft(input);
        if (!draft || draftToken(draft.id) !== action.draft) return stale();
        return flow.press(session, draft, action);
      }
      case 'open': {
        if (group) return privateOnly(session, language, encodeAction(action));
        const draft = (await input.drafts()).find((d) => draftToken(d.id) === action.draft);
        return draft ? flow.resume(session, draft) : stale();
      }
      case 'drafts':
        if (group) return privateOnly(session, language, 'drafts');
        return drafts.handle(session, { kind: 'list' }, language, await input.drafts());
      case 'answer': {
        const pending = session.pending;
        const matches =
          (action.about === 'forget' && pending?.kind === 'forget') ||
          (action.about === 'delete' &&
            pending?.kind === 'delete' &&
            draftToken(pending.draftId) === action.draft);
        if (!matches) return stale();
        return drafts.confirm(session, action.yes, language, await input.drafts()) ?? stale();
      }
      case 'language':
        return setLanguage(input, session, action.language);
      case 'feedback':
        return {
          session,
          rating: { answer: action.answer, helpful: action.helpful },
          replies: [say(botMessagesFor(language).thanks(action.helpful), language, 'feedback')],
        };
      case undefined:
        return stale();
    }
  };

  /** A typed request for a form: a new draft each time (the previous one is kept), never in a group. */
  const startTyped = async (
    input: TurnInput,
    session: Session,
    form: string | undefined,
    language: Language,
  ): Promise<Turn> =>
    input.message.group === true
      ? privateOnly(
          session,
          language,
          encodeAction({ kind: 'nominate', ...(form ? { form } : {}) }),
        )
      : flow.start(await fresh(input, session), form, language);

  const typed = async (input: TurnInput, session: Session, language: Language): Promise<Turn> => {
    const { text } = input;
    const group = input.message.group === true;
    const start = /^\/start(?:@\w+)?(?:\s+(\S+))?$/i.exec(text);
    if (start)
      return pressed(
        input,
        session,
        start[1] ? decodeAction(start[1]) : { kind: 'start' },
        language,
      );
    const lang = LANGUAGE_CODE.exec(text);
    if (lang) return setLanguage(input, session, languageCode(lang[1]));
    if (session.pending?.kind === 'forget' || session.pending?.kind === 'delete')
      return drafts.confirm(session, saysYes(text), language, await input.drafts())!;
    const nominate = /^\/nominate(?:@\w+)?(?:\s+(\w+))?$/i.exec(text);
    let current = session;
    if (session.pending?.kind === 'choose-form') {
      current = without(session, 'pending');
      const form = forms.find((f) => f.id === nominate?.[1]) ?? flow.formNamed(text);
      if (form) return startTyped(input, current, form.id, language);
    }
    const command = parseDraftCommand(text);
    if (command) {
      // Drafts hold nominees' personal data: in a group, the way to them is a private chat.
      if (group && command.kind !== 'forget') return privateOnly(current, language, 'drafts');
      return drafts.handle(current, command, language, await input.drafts());
    }
    // The conversation's draft was finished: "确认", "查看", "下载" send its files again.
    if (!group && session.activeDraftId && FILES_AGAIN.test(text)) {
      const finished = await input.draft(session.activeDraftId);
      if (finished?.state.phase === 'done') return flow.resend(current, finished);
    }
    const draft = group ? undefined : await activeDraft(input);
    // While a form is being filled, words about nominating inside an answer ("社区推荐她参评百姓
    // 学习之星…") must not start another form: only /nominate or a short request does.
    const wantsForm =
      classifyIntent(text) === 'nomination' &&
      (!draft || ([...text].length <= 20 && !/[?？]\s*$/.test(text)));
    if (nominate || wantsForm) {
      const form = forms.find((f) => f.id === nominate?.[1]) ?? flow.formNamed(text);
      return startTyped(input, current, form?.id, language);
    }
    if (draft) return flow.answer(current, draft, text, input.interim);
    if (/^\/cancel$/i.test(text)) {
      // A form is filled in a private chat: that is where it can be cancelled.
      if (group) return privateOnly(current, language, 'start');
      return {
        session: current,
        replies: [say(botMessagesFor(language).nothingToCancel, language, 'cancel')],
      };
    }
    if (/^\/help$/i.test(text))
      return { session: current, replies: [answerer.greet(language, 'help')] };
    // Any other command: its words are the question (an unknown command alone gets help), in the
    // user's language, not the language of the command's Latin letters.
    const slash = /^\/\w+\s*([\s\S]*)$/.exec(text);
    if (slash) return question(current, slash[1]!, language);
    return question(current, text, language);
  };

  return {
    /** The turn for one message. */
    async route(input: TurnInput): Promise<Turn> {
      const { message, text } = input;
      let session = input.session;
      const fallback = session.language ?? languageOfLocale(message.locale) ?? 'zh-Hans';
      // Button presses and /commands carry fixed labels: the user's language is the one they last wrote in.
      const fixedLabel = Boolean(message.action) || text.startsWith('/');
      const language: Language = fixedLabel
        ? fallback
        : (requestedLanguage(text) ?? detectLanguage(text, fallback));
      if (!fixedLabel && /\p{L}/u.test(text)) session = { ...session, language };
      if (message.action !== undefined)
        return pressed(input, session, decodeAction(message.action), language);
      return typed(input, session, language);
    },
  };
}

function languageCode(word: string | undefined): Language | undefined {
  if (!word) return undefined;
  const w = word.toLowerCase();
  if (w === 'en' || w === 'english') return 'en';
  if (w === 'zh-hant' || w === '繁體' || w === '繁体') return 'zh-Hant';
  return 'zh-Hans';
}
