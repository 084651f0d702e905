import { createAnswerer, type AnswererOptions } from './answer/answerer.js';
import type { ChatModel } from './answer/chat-model.js';
import { createCiter } from './answer/cite.js';
import { completeFollowUp } from './answer/follow-up.js';
import { classifyIntent } from './answer/intent.js';
import { detectLanguage, languageOfLocale, requestedLanguage } from './answer/language.js';
import { messagesFor } from './answer/messages.js';
import type { Prompts } from './answer/prompts.js';
import { finish, paragraph } from './answer/reply.js';
import { createDraftCommands, parseDraftCommand } from './forms/drafts.js';
import { createNominationFlow } from './forms/flow.js';
import { createRetriever, type Retriever } from './retrieval/hybrid.js';
import type { KnowledgeIndex } from './retrieval/knowledge-index.js';
import { createMemoryStore } from './storage/memory-store.js';
import type { Session, StateStore, UserKey } from './storage/state-store.js';
import type { Bot, IncomingMessage, Language, Logger, Reply } from './types.js';

/** What a bot is made of; everything but the index has a default. */
export interface BotOptions {
  readonly index: KnowledgeIndex;
  /** Defaults to hybrid retrieval over the index. */
  readonly retriever?: Retriever;
  /** Conversation state and drafts; defaults to memory (nothing survives a restart). */
  readonly store?: StateStore;
  /** An LLM makes answers generative and can polish long texts; without one, answers are extractive. */
  readonly chatModel?: ChatModel;
  /** Prompt templates (prompts/*.md); needed with a chat model. */
  readonly prompts?: Prompts;
  readonly llmTimeoutMs?: number;
  readonly logger?: Logger;
  readonly minScore?: AnswererOptions['minScore'];
  /** The clock (tests set it; birth dates are checked against it). */
  readonly now?: () => Date;
}

const silent: Logger = { error() {}, warn() {}, info() {}, debug() {} };

/** Runs one task per key at a time, in arrival order: two quick messages never race on state. */
function createKeyedLock() {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(task, task);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}

/**
 * Creates the bot: one `handle` for every channel. It answers questions about the Week, runs
 * nomination drafting with its state in the store, and never throws at an adapter: a failure is
 * logged and answered with a polite message in the user's language.
 */
export function createBot(options: BotOptions): Bot {
  const logger = options.logger ?? silent;
  const store = options.store ?? createMemoryStore();
  const now = options.now ?? (() => new Date());
  const { index } = options;
  const years = [...new Set(index.sources.map((s) => s.year))];
  const answerer = createAnswerer({
    index,
    retriever: options.retriever ?? createRetriever(index),
    chatModel: options.chatModel,
    prompts: options.prompts,
    llmTimeoutMs: options.llmTimeoutMs,
    logger,
    minScore: options.minScore,
  });
  const flow = createNominationFlow({
    forms: index.forms,
    index,
    store,
    answerer,
    citer: createCiter(index),
    chatModel: options.chatModel,
    prompts: options.prompts,
    llmTimeoutMs: options.llmTimeoutMs,
    now,
  });
  const drafts = createDraftCommands({ store, forms: index.forms, now, resume: flow.resume });
  const lock = createKeyedLock();

  const route = async (key: UserKey, message: IncomingMessage): Promise<Reply[]> => {
    let session: Session = await store.getSession(key);
    const text = (message.action ?? message.text ?? '').trim();
    const fallback = session.language ?? languageOfLocale(message.locale) ?? 'zh-Hans';
    // A button press carries a fixed label; the user's language is the one they last wrote in.
    // Button presses and /commands carry fixed labels: the user's language is the one they last wrote in.
    const fixedLabel = Boolean(message.action) || text.startsWith('/');
    const language: Language = fixedLabel
      ? fallback
      : (requestedLanguage(text) ?? detectLanguage(text, fallback));
    if (!fixedLabel && /\p{L}/u.test(text)) session = { ...session, language };

    const confirmed = await drafts.confirm(key, session, text, language);
    if (confirmed) {
      if (!confirmed.forgotten) await store.save(key, confirmed.session);
      return confirmed.replies;
    }
    const nominate = /^\/nominate(?:\s+(\w+))?$/i.exec(text);
    if (session.pending?.kind === 'choose-form') {
      const { pending: _p, ...rest } = session;
      void _p;
      session = rest;
      const form = index.forms.find((f) => f.id === nominate?.[1]) ?? flow.formNamed(text);
      if (form) return (await flow.start(key, session, form.id, language)).replies;
    }
    const command = parseDraftCommand(text);
    if (command) {
      const turn = await drafts.handle(key, session, command, language);
      await store.save(key, turn.session);
      return turn.replies;
    }
    // While a form is being filled, words about nominating inside an answer ("社区推荐她参评百姓
    // 学习之星…") must not start another form: only /nominate or a short request does.
    const wantsForm =
      classifyIntent(text) === 'nomination' &&
      (!session.activeDraftId || ([...text].length <= 20 && !/[?？]\s*$/.test(text)));
    if (nominate || wantsForm) {
      const form = index.forms.find((f) => f.id === nominate?.[1]) ?? flow.formNamed(text);
      const turn = await flow.start(key, session, form?.id, language);
      await store.save(key, turn.session);
      return turn.replies;
    }
    if (session.activeDraftId) {
      const draft = await store.getDraft(key, session.activeDraftId);
      if (draft && draft.state.phase !== 'done' && draft.state.phase !== 'cancelled')
        return (await flow.answer(key, session, draft, text)).replies;
    }
    const question = completeFollowUp(text, session.lastQuestion, years);
    const reply = await answerer.answer(question, language);
    if (!['greeting', 'help', 'out_of_scope', 'error'].includes(reply.kind))
      session = { ...session, lastQuestion: question };
    await store.save(key, session);
    return [reply];
  };

  return {
    async handle(message: IncomingMessage): Promise<Reply[]> {
      const key = { channel: message.channel, userId: message.userId };
      try {
        return await lock(JSON.stringify([key.channel, key.userId]), () => route(key, message));
      } catch (error) {
        logger.error(
          { err: error, channel: message.channel, user: message.userId },
          'failed to answer',
        );
        const text = message.action ?? message.text ?? '';
        const language = detectLanguage(text, languageOfLocale(message.locale) ?? 'zh-Hans');
        return [
          finish(
            { kind: 'error', blocks: [paragraph(messagesFor(language).error)], citations: [] },
            language,
            'error',
          ),
        ];
      }
    },
  };
}
