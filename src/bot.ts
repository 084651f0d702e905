import { createAnswerer, type AnswererOptions } from './answer/answerer.js';
import { renderSummarySheet, summaryFileLanguage } from './forms/summary-sheet.js';
import type { ChatModel } from './answer/chat-model.js';
import { createCiter } from './answer/cite.js';
import { detectLanguage, languageOfLocale } from './answer/language.js';
import { messagesFor } from './answer/messages.js';
import type { Prompts } from './answer/prompts.js';
import { finish, paragraph } from './answer/reply.js';
import { botMessagesFor } from './bot-messages.js';
import { readDraft, storeDraft, type Draft } from './forms/draft.js';
import { createNominationFlow } from './forms/flow.js';
import { finalDraft } from './forms/final-draft.js';
import { draftToken } from './actions.js';
import { createRetriever, DEFAULT_WEIGHTS, type Retriever } from './retrieval/hybrid.js';
import type { KnowledgeIndex } from './retrieval/knowledge-index.js';
import { createRouter } from './router.js';
import { cleanText } from './sanitize.js';
import { guarded, isStateFailure } from './storage/guarded.js';
import { createMemoryStore } from './storage/memory-store.js';
import type { Change, ConversationKey, StateStore, StoredDraft } from './storage/state-store.js';
import type {
  Bot,
  HandleOptions,
  IncomingMessage,
  Language,
  Logger,
  Observer,
  Reply,
} from './types.js';

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
  /** Metrics: what was answered, how fast, LLM fallbacks, drafts finished. */
  readonly observer?: Observer;
  readonly minScore?: AnswererOptions['minScore'];
  /** Longer messages are refused politely before any work (default 8,000 characters). */
  readonly maxMessageChars?: number;
  /** How long a delivery id is remembered (default 24 hours: Slack retries for an hour, WeCom resends for hours). */
  readonly dedupeTtlMs?: number;
  /**
   * How many days questions about the Week and their answers are kept, for feedback and the
   * report of what the notices lack (default 180; 0 keeps none and offers no feedback buttons).
   */
  readonly keepAnswersDays?: number;
  /** How many days a conversation or draft nobody touched is kept (default 365: a yearly round). */
  readonly keepInactiveDays?: number;
  /** The clock (tests set it; birth dates are checked against it). */
  readonly now?: () => Date;
  /**
   * Messages a user may send per window (a minute unless set), counted in the store so that it
   * holds across instances; one over gets a polite reply, the rest of the window nothing.
   * Off unless set (the terminal chat and evaluations have none); served channels set it.
   */
  readonly rateLimit?: { readonly messages: number; readonly windowMs?: number };
}

const silent: Logger = { error() {}, warn() {}, info() {}, debug() {} };
/** How many times a turn is recomputed when another delivery saved first. */
const ATTEMPTS = 5;

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
 *
 * Each message is one turn: claimed once by its delivery id, computed from the stored state, and
 * saved in one transaction with a version check. When another process saved first, the turn is
 * computed again from the new state, so an acknowledged answer is never overwritten.
 */
/**
 * Questions that touch what the engine builds on first use: Simplified, Traditional, English, a
 * pinyin slip and an English typo. Fact questions, so no LLM is called.
 */
const WARM_UP = [
  '2024年活动周主题是什么',
  '2022年活動週的聯絡人同電話係乜',
  'When is the 2022 week and who are the contacts?',
  '22年活动周主提是啥',
  'submision deadine 2022',
];

export function createBot(options: BotOptions): Bot {
  const logger = options.logger ?? silent;
  const store = guarded(options.store ?? createMemoryStore());
  const now = options.now ?? (() => new Date());
  const maxChars = options.maxMessageChars ?? 8000;
  /** The same bot over memory, for questions while the state database cannot be reached. */
  let fallback: Bot | undefined;
  const stateless = () =>
    (fallback ??= createBot({
      ...options,
      store: createMemoryStore(),
      rateLimit: { messages: 0 },
    }));
  const allowance = options.rateLimit?.messages ?? 0;
  const allowanceWindow = options.rateLimit?.windowMs ?? 60_000;
  const dedupeTtl = options.dedupeTtlMs ?? 24 * 60 * 60 * 1000;
  const { index } = options;
  const answerer = createAnswerer({
    index,
    retriever:
      options.retriever ??
      createRetriever(index, DEFAULT_WEIGHTS, {
        // Vectors from a remote endpoint get the LLM's time budget; then BM25 alone answers.
        denseTimeoutMs: options.llmTimeoutMs ?? 8000,
        onDenseFailure: (error) =>
          logger.warn({ err: error.message }, 'embeddings endpoint failed; ranking by BM25 alone'),
      }),
    chatModel: options.chatModel,
    prompts: options.prompts,
    llmTimeoutMs: options.llmTimeoutMs,
    logger,
    observer: options.observer,
    minScore: options.minScore,
  });
  const citer = createCiter(index);
  const flow = createNominationFlow({
    forms: index.forms,
    index,
    answerer,
    citer,
    chatModel: options.chatModel,
    prompts: options.prompts,
    llmTimeoutMs: options.llmTimeoutMs,
    now,
  });
  const keepDays = options.keepAnswersDays ?? 180;
  const inactiveDays = options.keepInactiveDays ?? 365;
  const router = createRouter({
    forms: index.forms,
    regions: index.glossary.regions,
    years: [...new Set(index.sources.map((s) => s.year))],
    answerer,
    flow,
    now,
    keepAnswers: keepDays > 0,
  });
  let turns = 0;
  /** Deletes what is kept no longer, now and then rather than on every message. */
  const sweep = async () => {
    if (turns++ % 500 !== 0) return;
    const ago = (days: number) => new Date(now().getTime() - Math.max(days, 0) * 86_400_000);
    await store
      .sweep({ answersBefore: ago(keepDays), inactiveBefore: ago(inactiveDays) })
      .catch((err: unknown) => logger.warn({ err }, 'old data not swept'));
  };
  const lock = createKeyedLock();
  const say = (text: string, language: Language, kind: Reply['kind'], intent: string) =>
    finish({ kind, blocks: [paragraph(text)], citations: [] }, language, intent);

  /** A stored draft read and parsed; an unreadable one is logged and left out. */
  const parse = (record: StoredDraft): Draft[] => {
    try {
      const draft = readDraft(record, index.forms);
      return draft ? [draft] : [];
    } catch (error) {
      // One unreadable draft must not lock the user out of the others.
      logger.error({ err: error, draft: record.id }, 'a stored draft is not readable');
      return [];
    }
  };
  const readDrafts = async (key: ConversationKey) => (await store.listDrafts(key)).flatMap(parse);
  const readOne = async (key: ConversationKey, id: string) => {
    const record = await store.getDraft(key, id);
    return record ? parse(record)[0] : undefined;
  };

  const turn = async (
    key: ConversationKey,
    message: IncomingMessage,
    text: string,
    hooks: HandleOptions,
    delivery: Change['delivery'],
  ): Promise<Reply[]> => {
    let interimSent = false;
    const interim = hooks.interim
      ? async (reply: Reply) => {
          if (interimSent) return;
          interimSent = true;
          await hooks.interim!(reply).catch((err: unknown) =>
            logger.warn({ err }, 'interim reply not sent'),
          );
        }
      : undefined;
    const mark = delivery ? { delivery } : {};
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const { value: session, version } = await store.getSession(key);
      let cached: Promise<Draft[]> | undefined;
      const result = await router.route({
        message,
        text,
        session,
        drafts: () => (cached ??= readDrafts(key)),
        draft: (id) => readOne(key, id),
        interim,
      });
      if (result.forget) {
        await store.forget(key);
        // Forgetting twice changes nothing; a second delivery just gets no second reply.
        return (await store.commit(key, mark)) ? result.replies : [];
      }
      const saved = await store.commit(key, {
        session: { value: result.session, version },
        ...(result.drafts ? { drafts: result.drafts.map(storeDraft) } : {}),
        ...(result.deleteDrafts ? { deleteDrafts: result.deleteDrafts } : {}),
        ...(result.answers
          ? {
              answers: result.answers.map((a) => ({
                ...a,
                channel: key.channel,
                userId: key.userId,
              })),
            }
          : {}),
        ...(result.rating ? { rating: result.rating } : {}),
        ...mark,
      });
      if (saved) {
        await sweep();
        return result.replies;
      }
      // Refused: the same delivery was handled meanwhile (a retry racing the original), or
      // another message saved first and this turn is worked out again from the new state.
      if (delivery && (await store.seen(delivery.key))) return duplicate(message);
      logger.info({ channel: key.channel, attempt }, 'another delivery saved first; recomputing');
    }
    const language = languageOf(message, text);
    return [say(botMessagesFor(language).busy, language, 'error', 'busy')];
  };

  /** Tells the observer what a message got (nothing for a duplicate). */
  const observe = (channel: string, replies: readonly Reply[], seconds: number) => {
    const observer = options.observer;
    const first = replies[0];
    if (!observer || !first) return;
    observer.message?.({ channel, intent: first.intent, kind: first.kind, seconds });
    for (const reply of replies)
      for (const file of reply.files)
        if (file.name.endsWith('.docx')) observer.draftFinished?.(file.name.split('-')[0]!);
  };

  const duplicate = (message: IncomingMessage): Reply[] => {
    logger.debug({ channel: message.channel, id: message.messageId }, 'duplicate delivery');
    return [];
  };

  return {
    async warm() {
      for (const question of WARM_UP) await answerer.answer(question).catch(() => undefined);
    },

    async draftFile(user, name) {
      // The summary sheet of the user's finished nominations, made again for the day it names.
      const sheetLanguage = summaryFileLanguage(name);
      if (sheetLanguage) {
        const key = { ...user, conversationId: user.userId };
        const finished = (await readDrafts(key)).filter((d) => d.status === 'final');
        if (finished.length === 0) return undefined;
        const day = /(\d{4})(\d{2})(\d{2})/.exec(name)!;
        const sheet = await renderSummarySheet({
          forms: index.forms,
          drafts: finished,
          language: sheetLanguage,
          regions: index.glossary.regions,
          now: new Date(`${day[1]}-${day[2]}-${day[3]}T12:00:00Z`),
        });
        return sheet.name === name ? sheet : undefined;
      }
      const m = /^([a-z][a-z0-9]{0,40})-(?:[\p{L}\p{N}]{1,20}-)?([0-9a-f]{8})\.(docx|json)$/u.exec(
        name,
      );
      const form = index.forms.find((f) => f.id === m?.[1]);
      if (!m || !form) return undefined;
      const key = { ...user, conversationId: user.userId };
      const draft = (await readDrafts(key)).find(
        (d) => d.formId === form.id && d.status === 'final' && draftToken(d.id) === m[2],
      );
      if (!draft) return undefined;
      // Made again as it was finished: the same answers, the same date.
      const made = await finalDraft({ form, draft, index, citer, now: new Date(draft.updatedAt) });
      return made.replies.flatMap((r) => r.files).find((f) => f.name === name);
    },

    async handle(message: IncomingMessage, hooks: HandleOptions = {}): Promise<Reply[]> {
      const key: ConversationKey = {
        channel: message.channel,
        userId: message.userId,
        conversationId: message.conversationId ?? message.userId,
      };
      const text = cleanText(message.text ?? '');
      // A delivery is marked handled when its turn is saved, not when it arrives: one that
      // never finished (the process died) is handled when the platform sends it again.
      const delivery =
        message.messageId === undefined
          ? undefined
          : { key: `${message.channel}:${message.messageId}`, ttlMs: dedupeTtl };
      try {
        if (delivery && (await store.seen(delivery.key))) return duplicate(message);
        if (allowance > 0) {
          const sent = await store.count(`${key.channel}:${key.userId}`, allowanceWindow);
          if (sent > allowance) {
            // Said once per window: a flood must not be answered with a flood.
            if (sent > allowance + 1) return [];
            const language = languageOf(message, text.slice(0, 2000));
            const seconds = Math.ceil((allowanceWindow - (Date.now() % allowanceWindow)) / 1000);
            return [
              say(botMessagesFor(language).slowDown(seconds), language, 'help', 'rate-limited'),
            ];
          }
        }
        if (text.length > maxChars) {
          const length = [...text].length;
          if (length > maxChars) {
            if (delivery && !(await store.commit(key, { delivery }))) return duplicate(message);
            const language = languageOf(message, text.slice(0, 2000));
            return [
              say(botMessagesFor(language).tooLong(maxChars, length), language, 'help', 'too-long'),
            ];
          }
        }
        const started = performance.now();
        const replies = await lock(JSON.stringify([key.channel, key.userId]), () =>
          turn(key, message, text, hooks, delivery),
        );
        observe(message.channel, replies, (performance.now() - started) / 1000);
        return replies;
      } catch (error) {
        logger.error(
          { err: error, channel: message.channel, user: message.userId },
          'failed to answer',
        );
        const language = languageOf(message, text.slice(0, 2000));
        // The state database is down: a question needs no state, so it is still answered, as a
        // new question, with a word that the saved conversation and drafts are only out of reach.
        if (isStateFailure(error) && options.store && text)
          try {
            const { messageId: _delivery, ...question } = message;
            const replies = await stateless().handle(question);
            return [
              say(botMessagesFor(language).stateUnavailable, language, 'error', 'state'),
              ...replies,
            ];
          } catch {
            // Fall through to the apology.
          }
        return [say(messagesFor(language).error, language, 'error', 'error')];
      }
    },
  };
}

/** The language of a message judged from its own text and the platform locale alone. */
function languageOf(message: IncomingMessage, text: string): Language {
  return detectLanguage(text, languageOfLocale(message.locale) ?? 'zh-Hans');
}
