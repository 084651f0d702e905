import path from 'node:path';
import type { Logger as PinoLogger } from 'pino';
import {
  botMessagesFor,
  createBot,
  createMemoryStore,
  createOpenAiChatModel,
  createPostgresStore,
  createSqliteStore,
  languageOfLocale,
  loadIndex,
  loadPrompts,
  textReply,
  type Bot,
  type Config,
  type IncomingMessage,
  type KnowledgeIndex,
  type Logger,
  type Observer,
  type Prompts,
  type StateStore,
} from '../../src/index.js';
import { ensureIndex } from './knowledge.js';
import { packageRoot } from './paths.js';

/** pino as the core's Logger port. */
export function asLogger(log: PinoLogger): Logger {
  return {
    error: (o, m) => log.error(o, m),
    warn: (o, m) => log.warn(o, m),
    info: (o, m) => log.info(o, m),
    debug: (o, m) => log.debug(o, m),
  };
}

/** The assistant as every entry point wires it: the index, the store and the bot over them. */
export interface Runtime {
  /** The bot; it stays the same object across reloads, so channels keep using it. */
  readonly bot: Bot;
  /** The index in use now. */
  readonly index: KnowledgeIndex;
  readonly store: StateStore;
  /**
   * Loads the index `llw index` saved last and answers from it from now on. A failure keeps the
   * index in use and says why; the outcome is a sentence for a log or an admin.
   */
  reload(): Promise<{ ok: boolean; message: string }>;
}

/** Options of the runtime. */
export interface RuntimeOptions {
  /** Keep state in LLW_DATA_DIR/state.db (the chat and the channels) rather than in memory. */
  readonly persistent?: boolean;
  readonly observer?: Observer;
  /** Channel:user ids allowed to send /reload (LLW_ADMINS). */
  readonly admins?: readonly string[];
  /** Apply LLW_RATE_LIMIT (the served channels; not the terminal chat or evaluations). */
  readonly rateLimited?: boolean;
}

/** The state store the configuration names: PostgreSQL with DATABASE_URL, else SQLite. */
export function openStore(config: Config): Promise<StateStore> {
  return config.database
    ? createPostgresStore(config.database.url, {
        ...(config.database.schema ? { schema: config.database.schema } : {}),
      })
    : Promise.resolve(createSqliteStore(path.join(config.dataDir, 'state.db')));
}

/**
 * Builds the bot the configuration describes: the index (built first when missing or stale), an
 * LLM when one is configured, and conversation state in LLW_DATA_DIR/state.db when persistent,
 * in memory otherwise (`llw ask`, `llw eval` and `llw bench`).
 */
export async function createRuntime(
  config: Config,
  knowledgeDir: string,
  log: PinoLogger,
  options: RuntimeOptions = {},
): Promise<Runtime> {
  let index = await ensureIndex(config, knowledgeDir, log);
  const store = options.persistent ? await openStore(config) : createMemoryStore();
  const chat = config.chat;
  const llm: { chatModel?: ReturnType<typeof createOpenAiChatModel>; prompts?: Prompts } = chat
    ? {
        chatModel: createOpenAiChatModel(chat),
        prompts: await loadPrompts(path.join(packageRoot(), 'prompts'), [
          'system',
          'answer',
          'polish',
        ]),
      }
    : {};
  const make = (i: KnowledgeIndex) =>
    createBot({
      index: i,
      store,
      logger: asLogger(log),
      llmTimeoutMs: config.llmTimeoutMs,
      maxMessageChars: config.maxMessageChars,
      keepAnswersDays: config.keepAnswersDays,
      keepInactiveDays: config.keepInactiveDays,
      ...(options.rateLimited ? { rateLimit: { messages: config.rateLimit } } : {}),
      ...(options.observer ? { observer: options.observer } : {}),
      ...llm,
    });
  let current = make(index);
  // The first user's answer should not wait for the engine's first-use tables.
  await current.warm?.();

  const reload = async () => {
    try {
      const next = await loadIndex(config.dataDir, config.embeddings);
      const warmed = make(next);
      await warmed.warm?.();
      current = warmed;
      index = next;
      const message = `reloaded the index: ${next.meta.sources.length} notices, ${next.meta.passages} passages`;
      log.info(message);
      return { ok: true, message };
    } catch (error) {
      const message = `the index was not reloaded, the previous one stays in use: ${(error as Error).message}`;
      log.error({ err: error }, message);
      return { ok: false, message };
    }
  };

  const admins = new Set(options.admins ?? []);
  const reloadCommand = async (message: IncomingMessage) => {
    const m = botMessagesFor(languageOfLocale(message.locale) ?? 'zh-Hans');
    const language = languageOfLocale(message.locale) ?? 'zh-Hans';
    if (!admins.has(`${message.channel}:${message.userId}`))
      return [textReply(m.notAdmin, language, 'reload')];
    const outcome = await reload();
    return [
      textReply(
        outcome.ok ? m.reloaded(outcome.message) : m.reloadFailed(outcome.message),
        language,
        'reload',
      ),
    ];
  };

  const bot: Bot = {
    handle: (message, hooks) =>
      /^\/reload(?:@\w+)?$/i.test((message.text ?? '').trim())
        ? reloadCommand(message)
        : current.handle(message, hooks),
    draftFile: (user, name) => current.draftFile(user, name),
  };
  return {
    bot,
    get index() {
      return index;
    },
    store,
    reload,
  };
}
