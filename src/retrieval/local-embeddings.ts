import { Embeddings } from '@langchain/core/embeddings';
import { normalizeForSearch } from '../knowledge/script.js';
import { ENGLISH_STOPWORDS } from './stopwords.js';

/** What a local embedding model needs to be rebuilt exactly: its size and its fitted IDF weights. */
export interface LocalEmbeddingsState {
  readonly kind: 'local-hash-ngram';
  readonly version: 1;
  readonly dimensions: number;
  readonly idf: readonly number[];
}

const RUN = /\p{Script=Han}+|[[\p{L}\p{N}]--\p{Script=Han}]+/gv;

/** 32-bit FNV-1a: fast, stable across runs and platforms, good enough spread for hashing features. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Hashed features: Han character unigrams and bigrams; English words and their character trigrams. */
function features(text: string, dimensions: number): Map<number, number> {
  const counts = new Map<number, number>();
  const add = (feature: string, weight: number) => {
    const bucket = fnv1a(feature) % dimensions;
    counts.set(bucket, (counts.get(bucket) ?? 0) + weight);
  };
  for (const m of normalizeForSearch(text).matchAll(RUN)) {
    const run = m[0];
    if (/\p{Script=Han}/u.test(run)) {
      const chars = [...run];
      chars.forEach((ch, i) => {
        add(`u${ch}`, 0.5);
        if (i + 1 < chars.length) add(`b${ch}${chars[i + 1]}`, 1);
      });
    } else if (!ENGLISH_STOPWORDS.has(run)) {
      add(`w${run}`, 1);
      const padded = `#${run}#`;
      for (let i = 0; i + 3 <= padded.length; i++) add(`t${padded.slice(i, i + 3)}`, 0.25);
    }
  }
  return counts;
}

/**
 * Local embeddings that need no download and no network: hashed character n-gram TF-IDF vectors,
 * L2-normalised. The IDF weights are fitted on the passages at index time and saved with the index.
 */
export class LocalHashEmbeddings extends Embeddings {
  readonly state: LocalEmbeddingsState;

  constructor(state: LocalEmbeddingsState) {
    super({});
    this.state = state;
  }

  /** Fits IDF weights on a corpus of passages. */
  static fit(texts: readonly string[], dimensions = 2048): LocalHashEmbeddings {
    const df = new Array<number>(dimensions).fill(0);
    for (const text of texts) for (const bucket of features(text, dimensions).keys()) df[bucket]!++;
    const n = texts.length;
    const idf = df.map((d) => Math.log((n + 1) / (d + 1)) + 1);
    return new LocalHashEmbeddings({ kind: 'local-hash-ngram', version: 1, dimensions, idf });
  }

  /** Embeds one text synchronously (the async LangChain methods wrap this). */
  embed(text: string): number[] {
    const { dimensions, idf } = this.state;
    const vector = new Array<number>(dimensions).fill(0);
    let norm = 0;
    for (const [bucket, tf] of features(text, dimensions)) {
      const value = Math.log1p(tf) * idf[bucket]!;
      vector[bucket] = value;
      norm += value * value;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = 0; i < dimensions; i++) vector[i]! /= norm;
    return vector;
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embed(t));
  }

  override async embedQuery(text: string): Promise<number[]> {
    return this.embed(text);
  }
}
