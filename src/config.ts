import { z } from 'zod';
import type { EmbeddingsSpec } from './retrieval/embeddings.js';

/**
 * The environment variables the assistant reads, with their defaults. Only the schema lives in
 * the core; `adapters/config` reads the environment once and hands the result in.
 */
export const envSchema = z.object({
  LLW_DATA_DIR: z.string().min(1).default('.llw'),
  LLW_KNOWLEDGE_DIR: z.string().min(1).optional(),
  LLW_EMBEDDINGS: z.enum(['auto', 'local', 'openai']).default('auto'),
  LLW_EMBEDDINGS_MODEL: z.string().min(1).default('text-embedding-3-small'),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  LLW_CHAT_MODEL: z.string().min(1).default('gpt-4o-mini'),
  LLW_LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8000),
  LLW_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('warn'),
  LLW_MAX_MESSAGE_CHARS: z.coerce.number().int().min(100).max(1_000_000).default(8000),
  LLW_KEEP_ANSWERS_DAYS: z.coerce.number().int().min(0).max(3650).default(180),
  LLW_KEEP_INACTIVE_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  LLW_RATE_LIMIT: z.coerce.number().int().min(0).max(100_000).default(20),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  LLW_DATABASE_SCHEMA: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/)
    .optional(),
});

/** How to fix each variable, shown when its value is refused. */
export const envHelp: Readonly<Record<keyof z.infer<typeof envSchema>, string>> = {
  LLW_DATA_DIR: 'a folder where the index and state are kept, for example .llw',
  LLW_KNOWLEDGE_DIR: 'a folder holding manifest.yaml and sources/, for example ./knowledge',
  LLW_EMBEDDINGS:
    'auto (OpenAI-compatible when OPENAI_API_KEY or OPENAI_BASE_URL is set), local or openai',
  LLW_EMBEDDINGS_MODEL:
    'an embeddings model name of your endpoint, for example text-embedding-3-small',
  OPENAI_API_KEY: 'the API key of your OpenAI-compatible endpoint, or leave it unset',
  OPENAI_BASE_URL:
    'the http(s) URL of an OpenAI-compatible API, for example http://127.0.0.1:8000/v1',
  LLW_CHAT_MODEL:
    'a chat model name of your endpoint, for example gpt-4o-mini or qwen2.5-7b-instruct',
  LLW_LLM_TIMEOUT_MS: 'a whole number of milliseconds from 100 to 120000, for example 8000',
  LLW_LOG_LEVEL: 'one of fatal, error, warn, info, debug, trace, silent',
  LLW_MAX_MESSAGE_CHARS:
    'a whole number of characters from 100 to 1000000, for example 8000 (a learning story needs a few thousand)',
  LLW_KEEP_INACTIVE_DAYS:
    'a whole number of days from 1 to 3650, for example 365 (conversations and drafts untouched that long are deleted)',
  LLW_KEEP_ANSWERS_DAYS:
    'a whole number of days from 0 to 3650, for example 180 (0 keeps no questions and offers no feedback buttons)',
  LLW_RATE_LIMIT:
    'a whole number of messages a user may send a minute, for example 20 (0: no limit)',
  DATABASE_URL:
    'a PostgreSQL URL such as postgres://llw:password@db.example.org:5432/llw, or leave it unset to keep state in LLW_DATA_DIR/state.db (SQLite)',
  LLW_DATABASE_SCHEMA:
    'a schema name of letters, digits and _ (created if missing), or leave it unset for the database default (public)',
};

/** The validated configuration the edges wire the core with. */
export interface Config {
  readonly dataDir: string;
  readonly knowledgeDir: string | undefined;
  readonly embeddings: EmbeddingsSpec;
  readonly logLevel: z.infer<typeof envSchema>['LLW_LOG_LEVEL'];
  /** True when an OpenAI-compatible endpoint is configured. */
  readonly openAi: boolean;
  /** The chat model for generative answers, when an endpoint is configured. */
  readonly chat:
    { readonly model: string; readonly apiKey?: string; readonly baseURL?: string } | undefined;
  readonly llmTimeoutMs: number;
  /** Longer messages are refused politely before any work. */
  readonly maxMessageChars: number;
  /** How many days questions and answers are kept for feedback and reports. */
  readonly keepAnswersDays: number;
  /** How many days a conversation or draft nobody touched is kept. */
  readonly keepInactiveDays: number;
  /** Messages a user may send a minute through a served channel (0: no limit). */
  readonly rateLimit: number;
  /** PostgreSQL instead of SQLite for the state, shared by several instances. */
  readonly database?: { readonly url: string; readonly schema?: string };
}

/** Turns parsed environment values into the configuration. */
export function toConfig(env: z.infer<typeof envSchema>): Config {
  const openAi = env.OPENAI_API_KEY !== undefined || env.OPENAI_BASE_URL !== undefined;
  const useOpenAi = env.LLW_EMBEDDINGS === 'openai' || (env.LLW_EMBEDDINGS === 'auto' && openAi);
  const embeddings: EmbeddingsSpec = useOpenAi
    ? {
        kind: 'openai',
        model: env.LLW_EMBEDDINGS_MODEL,
        ...(env.OPENAI_API_KEY ? { apiKey: env.OPENAI_API_KEY } : {}),
        ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}),
      }
    : { kind: 'local' };
  return {
    dataDir: env.LLW_DATA_DIR,
    knowledgeDir: env.LLW_KNOWLEDGE_DIR,
    embeddings,
    logLevel: env.LLW_LOG_LEVEL,
    openAi,
    chat: openAi
      ? {
          model: env.LLW_CHAT_MODEL,
          ...(env.OPENAI_API_KEY ? { apiKey: env.OPENAI_API_KEY } : {}),
          ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}),
        }
      : undefined,
    llmTimeoutMs: env.LLW_LLM_TIMEOUT_MS,
    maxMessageChars: env.LLW_MAX_MESSAGE_CHARS,
    keepAnswersDays: env.LLW_KEEP_ANSWERS_DAYS,
    keepInactiveDays: env.LLW_KEEP_INACTIVE_DAYS,
    rateLimit: env.LLW_RATE_LIMIT,
    ...(env.DATABASE_URL
      ? {
          database: {
            url: env.DATABASE_URL,
            ...(env.LLW_DATABASE_SCHEMA ? { schema: env.LLW_DATABASE_SCHEMA } : {}),
          },
        }
      : {}),
  };
}
