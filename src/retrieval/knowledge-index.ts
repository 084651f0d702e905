import { Document } from '@langchain/core/documents';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { BotError } from '../errors.js';
import { glossaryWords, type Glossary } from '../knowledge/glossary.js';
import type { KnowledgeBase } from '../knowledge/load.js';
import type { FormDefinition } from '../forms/definition.js';
import { groupFacts, type Fact } from '../knowledge/facts.js';
import type { SourceEntry } from '../knowledge/manifest.js';
import type { ScheduleEntry } from '../knowledge/schedules.js';
import { formatSection, type Passage } from '../knowledge/types.js';
import { buildBm25, type Bm25Index } from './bm25.js';
import { embeddingsForBuild, type EmbeddingsSpec, type NamedEmbeddings } from './embeddings.js';
import { createTokenizer, type Tokenizer } from './tokenize.js';

/** The layout of a saved index; 2 since BM25 postings became flat arrays. */
export const INDEX_FORMAT = 2;

/** What an index says about itself. */
export interface IndexMeta {
  readonly format: typeof INDEX_FORMAT;
  readonly builtAt: string;
  readonly embeddings: string;
  readonly fingerprint: string;
  readonly sources: readonly { id: string; file: string; sha256: string; passages: number }[];
  readonly passages: number;
}

/** The loaded knowledge index: passages, both retrieval structures and what built them. */
export interface KnowledgeIndex {
  readonly meta: IndexMeta;
  readonly sources: readonly SourceEntry[];
  readonly passages: readonly Passage[];
  /** Cleaned text of each source by id (what facts and quotes are checked against). */
  readonly cleaned: Readonly<Record<string, string>>;
  readonly glossary: Glossary;
  readonly facts: readonly Fact[];
  readonly schedules: readonly ScheduleEntry[];
  readonly forms: readonly FormDefinition[];
  readonly bm25: Bm25Index;
  readonly vectors: HNSWLib;
  readonly embeddings: NamedEmbeddings;
  readonly tokenizer: Tokenizer;
}

/**
 * The text a passage is matched on: its section path, twice (a word in a heading says more about
 * the passage than the same word in passing; this is BM25F's field weight done by repetition),
 * its own text, then the reviewed renderings of the facts it holds (Li Ronghua for 李榮華,
 * 让学习成为一种生活方式 for "Make learning a lifestyle"), which bridge the two languages.
 */
export function searchableText(passage: Passage, renderings: readonly string[] = []): string {
  const section = formatSection(passage.section);
  return [section, section, passage.text, ...renderings].join('\n');
}

// Renderings of names carry a passage across languages; renderings of whole sentences would
// also carry their common words (活动周, 学习) and drown better matches.
const BRIDGE_FIELDS = ['names', 'organization', 'name', 'theme'] as const;

/** The rendered names of the facts whose quotes lie in each passage. */
function renderingsByPassage(kb: KnowledgeBase, passages: readonly Passage[]): string[][] {
  // Where each fact's quote lies, found once per fact (not once per passage and fact: with two
  // thousand notices that was 23 s of a 160 s build).
  const factsOf = groupFacts(kb.facts, (f) => f.sourceId);
  const placed = new Map<string, { at: number; words: string[] }[]>();
  for (const source of kb.sources) {
    const cleaned = source.cleaned.text;
    placed.set(
      source.entry.id,
      (factsOf.get(source.entry.id) ?? [])
        .map((f) => ({
          at: cleaned.indexOf(f.quote),
          words: [f.renderings.zh, f.renderings.en]
            .flatMap((r) => BRIDGE_FIELDS.map((k) => r?.[k] ?? ''))
            .filter(Boolean),
        }))
        .filter((f) => f.words.length > 0),
    );
  }
  return passages.map((p) =>
    (placed.get(p.sourceId) ?? [])
      .filter((f) => f.at >= p.start && f.at < p.end)
      .flatMap((f) => f.words),
  );
}

/** Creates the tokenizer an index uses (jieba plus the glossary's Chinese terms). */
export function tokenizerFor(glossary: Glossary): Tokenizer {
  return createTokenizer({ words: glossaryWords(glossary) });
}

/** Passages embedded at a time: the vectors of one batch are all that is held besides the graph. */
const EMBED_BATCH = 512;
/**
 * The HNSW graph's links per node and construction breadth: hnswlib's defaults. On the synthetic
 * 1000× corpus (a thousand near-copies of each passage, the hardest case for a graph) a breadth
 * of 64 built in 54 s instead of 93 s but kept 35% of the exact top 20 instead of 39%; the
 * defaults stay, well inside the two-minute aim.
 */
const EF_CONSTRUCTION = 200;
const LINKS = 16;

/**
 * The vector store, filled batch by batch into a graph sized once: LangChain's `fromDocuments`
 * embeds every passage before adding any (at 1000× the corpus that alone is 0.5 GB of arrays) and
 * builds with hnswlib's defaults. The result is an ordinary `HNSWLib`, saved and loaded as before.
 */
async function buildVectors(
  texts: readonly string[],
  embeddings: NamedEmbeddings,
): Promise<HNSWLib> {
  let store: HNSWLib | undefined;
  for (let from = 0; from < texts.length; from += EMBED_BATCH) {
    const batch = texts.slice(from, from + EMBED_BATCH);
    const vectors = await embeddings.embeddings.embedDocuments(batch);
    if (!store) {
      const numDimensions = vectors[0]!.length;
      const { HierarchicalNSW } = await HNSWLib.imports();
      const index = new HierarchicalNSW('cosine', numDimensions);
      index.initIndex(texts.length, LINKS, EF_CONSTRUCTION, 100);
      store = new HNSWLib(embeddings.embeddings, { space: 'cosine', numDimensions, index });
    }
    const documents: Record<string, Document> = {};
    vectors.forEach((vector, i) => {
      store!.index.addPoint(vector, from + i);
      documents[from + i] = new Document({ pageContent: batch[i]!, metadata: { n: from + i } });
    });
    store.docstore.add(documents);
  }
  if (!store) throw new Error('there are no passages to embed');
  return store;
}

/** Builds an index in memory from a loaded knowledge base. */
export async function buildIndex(kb: KnowledgeBase, spec: EmbeddingsSpec): Promise<KnowledgeIndex> {
  const passages = [...kb.sources.flatMap((s) => s.passages), ...kb.renderedPassages];
  const bridges = renderingsByPassage(kb, passages);
  const texts = passages.map((p, i) => searchableText(p, bridges[i]));
  const tokenizer = tokenizerFor(kb.glossary);
  const bm25 = buildBm25(
    (function* () {
      for (const t of texts) yield tokenizer.tokenizeOnce(t);
    })(),
  );
  const embeddings = embeddingsForBuild(spec, texts);
  let vectors: HNSWLib;
  try {
    vectors = await buildVectors(texts, embeddings);
  } catch (cause) {
    throw new BotError(
      'EMBEDDINGS_FAILED',
      `could not embed the passages with ${embeddings.id}: ${(cause as Error).message}`,
      { cause },
    );
  }
  const meta: IndexMeta = {
    format: INDEX_FORMAT,
    builtAt: new Date().toISOString(),
    embeddings: embeddings.id,
    fingerprint: kb.fingerprint,
    sources: kb.sources.map((s) => ({
      id: s.entry.id,
      file: s.entry.file,
      sha256: s.sha256,
      passages: s.passages.length,
    })),
    passages: passages.length,
  };
  const cleaned = Object.fromEntries(kb.sources.map((s) => [s.entry.id, s.cleaned.text]));
  return {
    meta,
    sources: kb.sources.map((s) => s.entry),
    passages,
    cleaned,
    glossary: kb.glossary,
    facts: kb.facts,
    schedules: kb.schedules,
    forms: kb.forms,
    bm25,
    vectors,
    embeddings,
    tokenizer,
  };
}
