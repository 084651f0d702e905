import { Document } from '@langchain/core/documents';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { BotError } from '../errors.js';
import { glossaryWords, type Glossary } from '../knowledge/glossary.js';
import type { KnowledgeBase } from '../knowledge/load.js';
import type { FormDefinition } from '../forms/definition.js';
import type { Fact } from '../knowledge/facts.js';
import type { SourceEntry } from '../knowledge/manifest.js';
import type { ScheduleEntry } from '../knowledge/schedules.js';
import { formatSection, type Passage } from '../knowledge/types.js';
import { buildBm25, type Bm25Index } from './bm25.js';
import { embeddingsForBuild, type EmbeddingsSpec, type NamedEmbeddings } from './embeddings.js';
import { createTokenizer, type Tokenizer } from './tokenize.js';

/** What an index says about itself. */
export interface IndexMeta {
  readonly format: 1;
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
  return passages.map((p) => {
    const cleaned = kb.sources.find((s) => s.entry.id === p.sourceId)?.cleaned.text ?? '';
    return kb.facts
      .filter((f) => f.sourceId === p.sourceId)
      .filter((f) => {
        const at = cleaned.indexOf(f.quote);
        return at >= p.start && at < p.end;
      })
      .flatMap((f) =>
        [f.renderings.zh, f.renderings.en].flatMap((r) => BRIDGE_FIELDS.map((k) => r?.[k] ?? '')),
      )
      .filter(Boolean);
  });
}

/** Creates the tokenizer an index uses (jieba plus the glossary's Chinese terms). */
export function tokenizerFor(glossary: Glossary): Tokenizer {
  return createTokenizer({ words: glossaryWords(glossary) });
}

/** Builds an index in memory from a loaded knowledge base. */
export async function buildIndex(kb: KnowledgeBase, spec: EmbeddingsSpec): Promise<KnowledgeIndex> {
  const passages = [...kb.sources.flatMap((s) => s.passages), ...kb.renderedPassages];
  const bridges = renderingsByPassage(kb, passages);
  const texts = passages.map((p, i) => searchableText(p, bridges[i]));
  const tokenizer = tokenizerFor(kb.glossary);
  const bm25 = buildBm25(texts.map((t) => tokenizer.tokenize(t)));
  const embeddings = embeddingsForBuild(spec, texts);
  let vectors: HNSWLib;
  try {
    vectors = await HNSWLib.fromDocuments(
      texts.map((pageContent, n) => new Document({ pageContent, metadata: { n } })),
      embeddings.embeddings,
    );
  } catch (cause) {
    throw new BotError(
      'EMBEDDINGS_FAILED',
      `could not embed the passages with ${embeddings.id}: ${(cause as Error).message}`,
      { cause },
    );
  }
  const meta: IndexMeta = {
    format: 1,
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
