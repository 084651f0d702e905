import american from 'dictionary-en';
import british from 'dictionary-en-gb';
import { distance } from 'fastest-levenshtein';
import nspell from 'nspell';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';

/**
 * English typos in a question ("when was the big oppening ceremony", "submision deadine") are
 * read as the notices' word they miss by a letter or two, so the intent and the search see
 * "opening", "submission", "deadline". A word is corrected only when it is neither in the
 * notices' vocabulary nor an English word (Hunspell's en-US dictionary, through nspell), and
 * only to a word of the notices: names, pinyin and everyday words ("mother", "grandma") are
 * left as typed.
 */

/** What a typo may miss by: one edit for a short word, two from eight letters on. */
const reach = (word: string) => (word.length >= 8 ? 2 : 1);

/** Words of the intent rules a question may misspell that the notices need not contain. */
const QUESTION_WORDS = [
  'when',
  'where',
  'which',
  'deadline',
  'submit',
  'submission',
  'nominate',
  'nomination',
  'contact',
  'website',
  'address',
  'phone',
  'email',
  'opening',
  'ceremony',
  'theme',
  'slogan',
  'schedule',
  'annexes',
  'attachments',
  'organisers',
  'organizers',
  'province',
  'elderly',
  'seniors',
  'reading',
  'courses',
  'platform',
  'recommend',
  'activities',
];

// Loaded on the first word that needs it (about 300 ms and 50 MB): questions in Chinese, and
// English ones whose words the notices use, never load it.
let english: ReturnType<typeof nspell>[] | undefined;
const isEnglishWord = (word: string) => {
  // American and British spellings alike ("organisations", "learnt", "summarise").
  english ??= [american, british].map((d) =>
    nspell({ aff: Buffer.from(d.aff), dic: Buffer.from(d.dic) }),
  );
  return english.some((d) => d.correct(word) || d.correct(word.toLowerCase()));
};

// A word of at least five letters that is not part of an address, a link or a file name.
const WORD = /(?<![\w@./-])[A-Za-z]{5,}(?![\w@/-]|\.\w)/g;

/** Creates the corrector for a knowledge base's English words (with how often each occurs). */
export function createSpeller(texts: Iterable<string>): (question: string) => string {
  const count = new Map<string, number>();
  for (const text of texts)
    for (const word of text.toLowerCase().match(/[a-z]{4,}/g) ?? [])
      count.set(word, (count.get(word) ?? 0) + 1);
  for (const word of QUESTION_WORDS) count.set(word, (count.get(word) ?? 0) + 1);
  const byLength = new Map<number, string[]>();
  for (const word of count.keys()) {
    const list = byLength.get(word.length) ?? [];
    list.push(word);
    byLength.set(word.length, list);
  }
  const closest = (word: string): string | undefined => {
    const most = reach(word);
    let best: string | undefined;
    let bestDistance = most + 1;
    for (let n = word.length - most; n <= word.length + most; n++)
      for (const candidate of byLength.get(n) ?? []) {
        const d = distance(word, candidate);
        if (
          d < bestDistance ||
          (d === bestDistance && best && (count.get(candidate) ?? 0) > (count.get(best) ?? 0))
        ) {
          best = candidate;
          bestDistance = d;
        }
      }
    return bestDistance <= most ? best : undefined;
  };
  return (question) =>
    question.replace(WORD, (typed) => {
      const word = typed.toLowerCase();
      if (count.has(word) || isEnglishWord(typed)) return typed;
      return closest(word) ?? typed;
    });
}

/** The corrector for an index: its passages, renderings, glossary and reviewed everyday words. */
export function spellerFor(index: KnowledgeIndex): (question: string) => string {
  return createSpeller([
    ...index.passages.map((p) => p.text),
    ...index.glossary.terms.flatMap((t) => t.en),
    // The reviewed everyday words ("depts", "ppl") are read by the synonym list after this.
    ...index.glossary.synonyms.flatMap((s) => [s.word, ...s.variants]),
    ...index.glossary.regions.flatMap((r) => [r.en, ...r.pinyin]),
    ...index.facts.flatMap((f) => Object.values(f.renderings.en ?? {})),
  ]);
}
