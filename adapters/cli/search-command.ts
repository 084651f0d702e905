import { formatSection, type KnowledgeIndex, type SearchHit } from '../../src/index.js';

/** One search hit as `llw search --json` prints it. */
export function hitToJson(index: KnowledgeIndex, hit: SearchHit, rank: number) {
  const source = index.sources.find((s) => s.id === hit.passage.sourceId);
  return {
    rank,
    source: hit.passage.sourceId,
    title: source?.title ?? null,
    year: source?.year ?? null,
    section: formatSection(hit.passage.section),
    score: Number(hit.score.toFixed(4)),
    lexical: Number(hit.lexical.toFixed(4)),
    dense: Number(hit.dense.toFixed(4)),
    text: hit.passage.text,
    offsets: { start: hit.passage.sourceStart, end: hit.passage.sourceEnd },
  };
}

/** Hits as readable text for a terminal. */
export function formatHits(index: KnowledgeIndex, hits: readonly SearchHit[]): string {
  if (hits.length === 0)
    return 'No passage matches. Try other words, or ask in Chinese or English.';
  return hits
    .map((hit, i) => {
      const j = hitToJson(index, hit, i + 1);
      const where = j.section || '(opening of the notice)';
      const body = j.text.replace(/\n/g, '\n   ');
      return `${j.rank}. ${j.source} · ${where} · score ${j.score.toFixed(3)}\n   ${body}`;
    })
    .join('\n\n');
}
