import path from 'node:path';
import type { Logger as PinoLogger } from 'pino';
import { createOpenAiChatModel } from '../../src/answer/chat-model.js';
import { loadPrompts } from '../../src/answer/prompts.js';
import { createBot } from '../../src/bot.js';
import type { Config } from '../../src/config.js';
import type { KnowledgeIndex } from '../../src/retrieval/knowledge-index.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import { createSqliteStore } from '../../src/storage/sqlite-store.js';
import type { StateStore } from '../../src/storage/state-store.js';
import type { Bot, Logger } from '../../src/types.js';
import { ensureIndex } from './index-command.js';
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

/**
 * Builds the bot the configuration describes: the index, an LLM when one is configured, and
 * conversation state in LLW_DATA_DIR/state.db when `persistent` (the chat), in memory otherwise
 * (`llw ask`, `llw eval` and `llw bench` keep nothing).
 */
export async function botFromConfig(
  config: Config,
  knowledgeDir: string,
  log: PinoLogger,
  persistent = false,
): Promise<{ bot: Bot; index: KnowledgeIndex; store: StateStore }> {
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
