import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { OpenAIEmbeddings } from '@langchain/openai';
import { LocalHashEmbeddings, type LocalEmbeddingsState } from './local-embeddings.js';

/** Which embeddings to use: the local default, or any OpenAI-compatible endpoint. */
export type EmbeddingsSpec =
  | { readonly kind: 'local'; readonly dimensions?: number }
  | {
      readonly kind: 'openai';
      readonly model: string;
      readonly apiKey?: string;
      readonly baseURL?: string;
      readonly timeoutMs?: number;
    };

/** Embeddings plus the identity recorded in an index, so an index is only read with its own kind. */
export interface NamedEmbeddings {
  readonly id: string;
  readonly embeddings: EmbeddingsInterface;
  /** What must be saved with the index to rebuild these embeddings (local ones only). */
  readonly state?: LocalEmbeddingsState;
}

/** The identity an index built with this spec records. */
export function embeddingsId(spec: EmbeddingsSpec): string {
  return spec.kind === 'local'
    ? `local-hash-ngram-v1/${spec.dimensions ?? 2048}`
    : `openai/${spec.model}`;
}

function openAi(spec: Extract<EmbeddingsSpec, { kind: 'openai' }>): EmbeddingsInterface {
  return new OpenAIEmbeddings({
    model: spec.model,
    // Endpoints that need no key (a local server) still get a placeholder: the SDK insists on one.
    apiKey: spec.apiKey ?? 'not-needed',
    maxRetries: 1,
    timeout: spec.timeoutMs ?? 15000,
    // Float arrays work with every OpenAI-compatible server; base64 is only understood by some.
    encodingFormat: 'float',
    ...(spec.baseURL ? { configuration: { baseURL: spec.baseURL } } : {}),
  });
}

/** Creates embeddings for building an index; local ones are fitted on the passages. */
export function embeddingsForBuild(
  spec: EmbeddingsSpec,
  texts: readonly string[],
): NamedEmbeddings {
  if (spec.kind === 'openai') return { id: embeddingsId(spec), embeddings: openAi(spec) };
  const local = LocalHashEmbeddings.fit(texts, spec.dimensions ?? 2048);
  return { id: embeddingsId(spec), embeddings: local, state: local.state };
}

/** Recreates embeddings for querying a saved index. */
export function embeddingsForQuery(
  spec: EmbeddingsSpec,
  state: LocalEmbeddingsState | undefined,
): NamedEmbeddings {
  if (spec.kind === 'openai') return { id: embeddingsId(spec), embeddings: openAi(spec) };
  if (!state) throw new Error('local embeddings need the state saved with the index');
  return { id: embeddingsId(spec), embeddings: new LocalHashEmbeddings(state), state };
}
