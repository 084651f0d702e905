import type { Retriever, SearchHit } from '../../src/retrieval/hybrid.js';

/** A retriever that fails every search, to test that the bot never throws at an adapter. */
export function brokenRetriever(message = 'index file vanished'): Retriever {
  return {
    async search() {
      throw new Error(message);
    },
  };
}

/** A retriever that always returns the given hits. */
export function fixedRetriever(hits: readonly SearchHit[]): Retriever {
  return {
    async search() {
      return [...hits];
    },
  };
}
