import type { Citer } from '../answer/cite.js';
import { messagesFor } from '../answer/messages.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';
import type { Citation, Language } from '../types.js';

/** One line of the submission checklist, with the notice words it rests on. */
export interface ChecklistLine {
  /** The year of the notice the line comes from. */
  readonly year: number;
  readonly text: string;
  readonly citation: Citation;
}

/**
 * What the notices say about submitting stars and brand projects, year by year (newest first),
 * each line citing its notice: the 2022 quotas, materials, deadline and recipient; the 2024
 * forms to send and to whom, and what that notice leaves out.
 */
export function buildChecklist(
  index: KnowledgeIndex,
  citer: Citer,
  language: Language,
): ChecklistLine[] {
  const m = messagesFor(language);
  const years = [...new Set(index.sources.map((s) => s.year))].sort((a, b) => b - a);
  const yearOf = new Map(index.sources.map((s) => [s.id, s.year]));
  const reader = language === 'en' ? 'en' : 'zh';
  const languageOf = new Map(index.sources.map((s) => [s.id, s.language]));
  const lines: ChecklistLine[] = [];
  for (const year of years) {
    for (const kind of ['submission', 'summary'] as const) {
      for (const fact of index.facts.filter(
        (f) => f.kind === kind && yearOf.get(f.sourceId) === year,
      )) {
        const fields = {
          ...fact.fields,
          ...(languageOf.get(fact.sourceId) === reader ? {} : fact.renderings[reader]),
        };
        const texts =
          kind === 'summary'
            ? [m.summary(fields['deadline']!, fields['items']!, fields['recipient']!)]
            : m.submission(year, fields);
        const citation = citer.fact(fact, language);
        for (const text of texts) lines.push({ year, text, citation });
      }
    }
    const hasQuota = index.facts.some(
      (f) => f.kind === 'submission' && yearOf.get(f.sourceId) === year && f.fields['stars'],
    );
    const any = index.facts.find((f) => f.kind === 'submission' && yearOf.get(f.sourceId) === year);
    if (!hasQuota && any)
      lines.push({ year, text: m.noQuota(year), citation: citer.fact(any, language) });
  }
  return lines;
}
