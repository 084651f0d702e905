import { Jieba } from '@node-rs/jieba';
// The package has no exports map, so Node ESM needs the file extension here.
import { dict } from '@node-rs/jieba/dict.js';
import { stemmer } from 'stemmer';
import { normalizeForSearch } from '../knowledge/script.js';
import { CHINESE_STOPWORDS, ENGLISH_STOPWORDS } from './stopwords.js';

/** Turns text into matching tokens: jieba words for Chinese, stemmed words for English. */
export interface Tokenizer {
  tokenize(text: string): string[];
}

// A run of Han characters, or one word of any other script (letters and digits).
const RUN = /\p{Script=Han}+|[[\p{L}\p{N}]--\p{Script=Han}]+/gv;

/**
 * Creates a tokenizer. `words` (domain terms such as 百姓学习之星, in Simplified script) are added
 * to jieba's dictionary so they are kept whole as well as split into their parts.
 */
export function createTokenizer(options: { words?: readonly string[] } = {}): Tokenizer {
  const jieba = Jieba.withDict(dict);
  const extra = (options.words ?? []).filter((w) => /\p{Script=Han}/u.test(w));
  if (extra.length > 0) jieba.loadDict(Buffer.from(extra.map((w) => `${w} 2000 n`).join('\n')));

  return {
    tokenize(text: string): string[] {
      const out: string[] = [];
      for (const m of normalizeForSearch(text).matchAll(RUN)) {
        const run = m[0];
        if (!/\p{Script=Han}/u.test(run)) {
          if (!ENGLISH_STOPWORDS.has(run)) out.push(/^\p{N}+$/u.test(run) ? run : stemmer(run));
          continue;
        }
        for (const token of jieba.cutForSearch(run, true)) {
          if (!CHINESE_STOPWORDS.has(token)) out.push(token);
        }
      }
      return out;
    },
  };
}
