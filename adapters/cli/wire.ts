import path from 'node:path';
import type { Logger as PinoLogger } from 'pino';
import { createOpenAiChatModel } from '../../src/answer/chat-model.js';
import { loadPrompts } from '../../src/answer/prompts.js';
import { createBot } from '../../src/bot.js';
import type { Config } from '../../src/config.js';
import type { KnowledgeIndex } from '../../src/retrieval/knowledge-index.js';
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

/** Builds the bot the configuration describes: the index, and an LLM when one is configured. */
export async function botFromConfig(
  config: Config,
  knowledgeDir: string,
  log: PinoLogger,
): Promise<{ bot: Bot; index: KnowledgeIndex }> {
  const index = await ensureIndex(config, knowledgeDir, log);
  const chat = config.chat;
  const bot = createBot({
    index,
    logger: asLogger(log),
    llmTimeoutMs: config.llmTimeoutMs,
    ...(chat
      ? {
          chatModel: createOpenAiChatModel(chat),
          prompts: await loadPrompts(path.join(packageRoot(), 'prompts')),
        }
      : {}),
  });
  return { bot, index };
}
