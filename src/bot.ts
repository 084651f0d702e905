import { createAnswerer, type AnswererOptions } from './answer/answerer.js';
import { detectLanguage, languageOfLocale } from './answer/language.js';
import { messagesFor } from './answer/messages.js';
import { finish, paragraph } from './answer/reply.js';
import type { ChatModel } from './answer/chat-model.js';
import type { Prompts } from './answer/prompts.js';
import { createRetriever, type Retriever } from './retrieval/hybrid.js';
import type { KnowledgeIndex } from './retrieval/knowledge-index.js';
import type { Bot, IncomingMessage, Logger, Reply } from './types.js';

/** What a bot is made of; everything but the index has a default. */
export interface BotOptions {
  readonly index: KnowledgeIndex;
  /** Defaults to hybrid retrieval over the index. */
  readonly retriever?: Retriever;
  /** An LLM makes answers generative; without one, answers are extractive. */
  readonly chatModel?: ChatModel;
  /** Prompt templates (prompts/*.md); needed with a chat model. */
  readonly prompts?: Prompts;
  readonly llmTimeoutMs?: number;
  readonly logger?: Logger;
  readonly minScore?: AnswererOptions['minScore'];
}

const silent: Logger = { error() {}, warn() {}, info() {}, debug() {} };

/**
 * Creates the bot: one `handle` for every channel. It never throws at an adapter: a failure is
 * logged and answered with a polite message in the user's language.
 */
export function createBot(options: BotOptions): Bot {
  const logger = options.logger ?? silent;
  const answerer = createAnswerer({
    index: options.index,
    retriever: options.retriever ?? createRetriever(options.index),
    chatModel: options.chatModel,
    prompts: options.prompts,
    llmTimeoutMs: options.llmTimeoutMs,
    logger,
    minScore: options.minScore,
  });

  return {
    async handle(message: IncomingMessage): Promise<Reply[]> {
      const text = message.action ?? message.text ?? '';
      const fallback = languageOfLocale(message.locale) ?? 'zh-Hans';
      try {
        return [await answerer.answer(text, fallback)];
      } catch (error) {
        logger.error(
          { err: error, channel: message.channel, user: message.userId },
          'failed to answer',
        );
        const language = detectLanguage(text, fallback);
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
