/**
 * The core's public surface: what adapters and entry points import. Nothing here knows a
 * platform; channels translate their updates into `IncomingMessage` and render `Reply`.
 */
export type {
  Block,
  Bot,
  Button,
  ChannelCapabilities,
  Citation,
  Effect,
  FormProgress,
  HandleOptions,
  IncomingMessage,
  Inline,
  Language,
  Logger,
  Observer,
  Reply,
  ReplyFile,
} from './types.js';
export { createBot, type BotOptions } from './bot.js';
export { BotError, isBotError, type ErrorCode } from './errors.js';
export { envSchema, envHelp, toConfig, type Config } from './config.js';
export { decodeAction, encodeAction, MAX_ACTION_BYTES, type Action } from './actions.js';
export { cleanText } from './sanitize.js';
export {
  buttonRows,
  segmentsOf,
  sizeIn,
  splitReply,
  type Measure,
  type Segment,
} from './channel/split.js';
export { detectLanguage, languageOfLocale, toScript } from './answer/language.js';
export { messagesFor } from './answer/messages.js';
export { botMessagesFor } from './bot-messages.js';
export { renderAnswer, renderText } from './answer/render-text.js';
export { textReply } from './answer/reply.js';
export { createOpenAiChatModel, type ChatModel } from './answer/chat-model.js';
export { loadPrompts, type Prompts } from './answer/prompts.js';
export { loadKnowledge, type KnowledgeBase } from './knowledge/load.js';
export { formatSection } from './knowledge/types.js';
export { toSimplified, toTraditional } from './knowledge/script.js';
export { buildIndex, type IndexMeta, type KnowledgeIndex } from './retrieval/knowledge-index.js';
export {
  loadIndex,
  readIndexMeta,
  saveIndex,
  saveIndexHoldingLock,
  withIndexLock,
} from './retrieval/index-store.js';
export {
  createRetriever,
  type FusionWeights,
  type Retriever,
  type SearchHit,
} from './retrieval/hybrid.js';
export { measureRetrieval, type RetrievalCase } from './retrieval/measure.js';
export { createMemoryStore } from './storage/memory-store.js';
export { createMemoryDedupe } from './storage/memory-dedupe.js';
export { createSqliteStore } from './storage/sqlite-store.js';
export { createPostgresStore, redactUrl } from './storage/postgres-store.js';
export { makeDirectory } from './storage/dirs.js';
export type {
  AnswerRecord,
  Change,
  ConversationKey,
  Dedupe,
  Lease,
  StateStore,
  StoredDraft,
  UserKey,
  Versioned,
} from './storage/state-store.js';
export type { Session } from './storage/session.js';
export { summaryFileLanguage } from './forms/summary-sheet.js';
