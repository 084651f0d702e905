import path from 'node:path';
import type { Logger as PinoLogger } from 'pino';
import {
  createBot,
  createMemoryStore,
  createOpenAiChatModel,
  createSqliteStore,
  loadPrompts,
  type Bot,
  type Config,
  type KnowledgeIndex,
  type Logger,
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
  readonly bot: Bot;
  readonly index: KnowledgeIndex;
  readonly store: StateStore;
}

/**
 * Builds the bot the configuration describes: the index (built first when missing or stale), an
 * LLM when one is configured, and conversation state in LLW_DATA_DIR/state.db when `persistent`
 * (the chat and the channels), in memory otherwise (`llw ask`, `llw eval` and `llw bench`).
 */
export async function createRuntime(
  config: Config,
  knowledgeDir: string,
  log: PinoLogger,
  persistent = false,
): Promise<Runtime> {
  const index = await ensureIndex(config, knowledgeDir, log);
  const store = persistent
    ? createSqliteStore(path.join(config.dataDir, 'state.db'))
    : createMemoryStore();
  const chat = config.chat;
  const bot = createBot({
    index,
    store,
    logger: asLogger(log),
    llmTimeoutMs: config.llmTimeoutMs,
    maxMessageChars: config.maxMessageChars,
    keepAnswersDays: config.keepAnswersDays,
    ...(chat
      ? {
          chatModel: createOpenAiChatModel(chat),
          prompts: await loadPrompts(path.join(packageRoot(), 'prompts'), [
            'system',
            'answer',
            'polish',
          ]),
        }
      : {}),
  });
  return { bot, index, store };
}
