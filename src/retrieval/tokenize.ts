import { Jieba } from '@node-rs/jieba';
// The package has no exports map, so Node ESM needs the file extension here.
import { dict } from '@node-rs/jieba/dict.js';
import { LRUCache } from 'lru-cache';
import { stemmer } from 'stemmer';
import {
  normalizeForSearch,
  normalizeOnce,
  REMEMBERED,
  REMEMBERED_LENGTH,
} from '../knowledge/script.js';
import { CHINESE_STOPWORDS, ENGLISH_STOPWORDS } from './stopwords.js';

/** Turns text into matching tokens: jieba words for Chinese, stemmed words for English. */
export interface Tokenizer {
  tokenize(text: string): string[];
  /** The same, not remembered: for a text read once (a passage while the index is built). */
  tokenizeOnce(text: string): string[];
  /** The nouns of the Chinese parts of a text (normalised), by jieba's part-of-speech tags. */
  chineseNouns(text: string): string[];
  /** A Chinese text (normalised) cut into jieba's dictionary words, no guessing (主提: 主, 提). */
  dictionaryWords(text: string): string[];
  /** Whether a Chinese text (normalised) is a word of jieba's dictionary (报到, though cut 报/到). */
  inDictionary(text: string): boolean;
}

// jieba tags kept as nouns: common, person, place, organisation and other proper nouns, verbal
// nouns, idioms, abbreviations. "x" (unknown to the dictionary) is left out: it is mostly
// fragments such as 门课 that say nothing about the topic.
const NOUN_TAGS = new Set(['n', 'nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'vn', 'an', 'l', 'i', 'j']);

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

  // The answer layer tokenizes the sentences of the passages it reads for every question, and
  // those are the same few thousand sentences again and again: remembered, a question costs half.
  const seen = new LRUCache<string, readonly string[]>(REMEMBERED);
  const cut = (text: string, normal = normalizeForSearch(text)): string[] => {
    const out: string[] = [];
    // "10,000 courses" is one number, not a 10 that "10 years" would match.
    for (const m of normal.replace(/(?<=\d),(?=\d{3}(?!\d))/g, '').matchAll(RUN)) {
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
  };

  // Tagging is the dearest step of reading a question; the same questions come again and again.
  const nounsSeen = new LRUCache<string, readonly string[]>(REMEMBERED);
  const nouns = (text: string): string[] => {
    const out: string[] = [];
    for (const m of normalizeForSearch(text).matchAll(RUN)) {
      if (!/\p{Script=Han}/u.test(m[0])) continue;
      for (const { word, tag } of jieba.tag(m[0], true)) {
        if (NOUN_TAGS.has(tag) && [...word].length >= 2 && !CHINESE_STOPWORDS.has(word))
          out.push(word);
      }
    }
    return out;
  };

  return {
    tokenize(text: string): string[] {
      if (text.length > REMEMBERED_LENGTH) return cut(text);
      let tokens = seen.get(text);
      if (tokens === undefined) seen.set(text, (tokens = cut(text)));
      // A copy: callers filter and extend what they get.
      return [...tokens];
    },
    tokenizeOnce(text: string): string[] {
      return cut(text, normalizeOnce(text));
    },
    dictionaryWords(text: string): string[] {
      return jieba.cut(text, false);
    },
    inDictionary(text: string): boolean {
      return jieba.cutAll(text).includes(text);
    },
    chineseNouns(text: string): string[] {
      if (text.length > REMEMBERED_LENGTH) return nouns(text);
      let found = nounsSeen.get(text);
      if (found === undefined) nounsSeen.set(text, (found = nouns(text)));
      return [...found];
    },
  };
}
