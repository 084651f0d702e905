import { formatSection } from '../knowledge/types.js';
import type { SearchHit } from '../retrieval/hybrid.js';
import type { Citation, Language } from '../types.js';
import type { ChatModel } from './chat-model.js';
import type { Citer } from './cite.js';
import type { Extractor } from './extractive.js';
import { unsupportedFigure } from '../knowledge/figures.js';
import { unsupportedName } from './names.js';
import { fill, type Prompts } from './prompts.js';
import { paragraph, type Draft } from './reply.js';

/** Why a generated answer was not used (the extractive answer is given instead). */
export type GenerateFailure =
  | 'timeout'
  | 'error'
  | 'empty'
  | 'too-long'
  | 'markup'
  | 'uncited'
  | 'invalid-citation'
  | 'unsupported-number'
  | 'unsupported-name';

/** The result of asking the language model. */
export type GenerateOutcome =
  | { readonly ok: true; readonly draft: Draft }
  | { readonly ok: false; readonly reason: GenerateFailure; readonly detail?: string };

/** Everything one generated answer needs. */
export interface GenerateInput {
  readonly question: string;
  readonly language: Language;
  readonly hits: readonly SearchHit[];
  readonly model: ChatModel;
  readonly prompts: Prompts;
  readonly timeoutMs: number;
  readonly citer: Citer;
  readonly extractor: Extractor;
  /** Person names the knowledge base holds, in every writing (李荣华, Li Ronghua). */
  readonly knownNames?: readonly string[];
}

const LANGUAGE_NAME: Record<Language, string> = {
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
  en: 'English',
};

/** Longer than any answer from two notices needs: a model that runs on is not believed. */
const MAX_ANSWER_CHARS = 2000;
/** HTML tags, code fences, script URLs: an answer is plain text, never markup. */
const MARKUP = /<\s*\/?\s*[a-z][^>]*>|```|javascript:/i;

function withTimeout<T>(ms: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('timeout')), ms);
  return run(controller.signal).finally(() => clearTimeout(timer));
}

/**
 * Asks the model for an answer over the retrieved passages, labelled as untrusted data, and
 * accepts it only if it cites passages that exist and states no figure the passages lack.
 */
export async function generateAnswer(input: GenerateInput): Promise<GenerateOutcome> {
  const { hits, language } = input;
  const passages = hits
    .map(
      (h, i) =>
        `[${i + 1}] (${input.citer.entry(h.passage.sourceId)?.year ?? ''} · ${formatSection(h.passage.section) || '—'})\n${h.passage.text}`,
    )
    .join('\n\n');
  const values = {
    language_name: LANGUAGE_NAME[language],
    passages,
    question: input.question.replace(/\s+/g, ' '),
  };
  let text: string;
  try {
    text = (
      await withTimeout(input.timeoutMs, (signal) =>
        input.model.complete(
          [
            { role: 'system', content: fill(input.prompts['system'] ?? '', values) },
            { role: 'user', content: fill(input.prompts['answer'] ?? '', values) },
          ],
          { signal },
        ),
      )
    ).trim();
  } catch (error) {
    const timedOut =
      (error as Error).name === 'AbortError' || /timeout|abort/i.test((error as Error).message);
    return { ok: false, reason: timedOut ? 'timeout' : 'error', detail: (error as Error).message };
  }
  if (!text) return { ok: false, reason: 'empty' };
  if ([...text].length > MAX_ANSWER_CHARS)
    return { ok: false, reason: 'too-long', detail: `${[...text].length} characters` };
  if (MARKUP.test(text)) return { ok: false, reason: 'markup' };

  const cited = [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  if (cited.length === 0) return { ok: false, reason: 'uncited' };
  const bad = cited.find((n) => n < 1 || n > hits.length);
  if (bad !== undefined) return { ok: false, reason: 'invalid-citation', detail: `[${bad}]` };

  // Every figure and date, however written (五千万, "fifty million", 2022年11月21日), must be stated
  // by a passage the answer cites: not by the question, nor by a passage it does not cite.
  // A rendered passage states what its original states.
  const cites = [...new Set(cited)]
    .map((n) => `${hits[n - 1]!.passage.text}\n${hits[n - 1]!.passage.rendering?.original ?? ''}`)
    .join('\n');
  const plain = text.replace(/\[\d+\]/g, ' ');
  const unsupported = unsupportedFigure(plain, cites);
  if (unsupported) return { ok: false, reason: 'unsupported-number', detail: unsupported };
  // So must every phone, e-mail, URL, contact person and organisation it names.
  const name = unsupportedName(plain, cites, input.knownNames);
  if (name) return { ok: false, reason: 'unsupported-name', detail: name };

  // Renumber the passages the answer cites as 1, 2, … in order of first mention.
  const order = [...new Set(cited)];
  const renumbered = text.replace(
    /\[(\d+)\]/g,
    (_, n: string) => `[${order.indexOf(Number(n)) + 1}]`,
  );
  const citations: Citation[] = order.map((n) => {
    const hit = hits[n - 1]!;
    const [excerpt] = input.extractor.pick(renumbered, [hit]);
    const words = excerpt?.sentences[0] ?? hit.passage.text;
    return hit.passage.rendering
      ? input.citer.rendered(hit.passage, words, language)
      : input.citer.passage(hit.passage, words, language);
  });
  return { ok: true, draft: { kind: 'generated', blocks: [paragraph(renumbered)], citations } };
}
