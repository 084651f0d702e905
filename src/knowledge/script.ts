import { LRUCache } from 'lru-cache';
import * as OpenCC from 'opencc-js';

// opencc-js ships extensionless .d.ts imports that NodeNext resolves to `any`; this wrapper
// restores the types at the one place the package is used.
type Convert = (text: string) => string;

/**
 * The longest text remembered. The index build reads each passage once and does not go through
 * the caches (`normalizeOnce`, `tokenizeOnce`): at 1000× the corpus, remembering passages only
 * filled and emptied them, and the build took 112 s instead of 90.
 */
export const REMEMBERED_LENGTH = 2000;

/** What a remembering cache holds at most: 20,000 texts, 4 million characters (about 8 MB). */
export const REMEMBERED = {
  max: 20_000,
  maxSize: 4_000_000,
  sizeCalculation: (value: string | readonly string[], key: string) =>
    key.length + (typeof value === 'string' ? value.length : value.join('').length) + 1,
} as const;

/**
 * One OpenCC converter per pair of scripts. Each builds its dictionaries into a trie of 20–40 MB
 * of heap; the modules that convert the same way share one (seven converters, four of them
 * distinct, were 150 MB of a 170 MB heap before any question, and every full garbage collection
 * walked them).
 */
const converters = new Map<string, Convert>();
function rawConverter(options: { from: string; to: string }): Convert {
  const key = `${options.from}>${options.to}`;
  let convert = converters.get(key);
  if (!convert) converters.set(key, (convert = OpenCC.Converter(options) as Convert));
  return convert;
}

/**
 * An OpenCC converter that remembers its last results, shared by every module that asks for the
 * same pair. OpenCC walks its dictionaries for every character, and the same passages' sentences
 * (and a session's questions) are converted again for every question that reads them:
 * remembered, a question's work is halved.
 */
const remembering = new Map<string, Convert>();
export function openccConverter(options: { from: string; to: string }): Convert {
  const key = `${options.from}>${options.to}`;
  const known = remembering.get(key);
  if (known) return known;
  const convert = rawConverter(options);
  const seen = new LRUCache<string, string>(REMEMBERED);
  const remembered: Convert = (text) => {
    if (text.length > REMEMBERED_LENGTH) return convert(text);
    let out = seen.get(text);
    if (out === undefined) seen.set(text, (out = convert(text)));
    return out;
  };
  remembering.set(key, remembered);
  return remembered;
}

const toSimplifiedConverter = openccConverter({ from: 'tw', to: 'cn' });
const toTraditionalConverter = openccConverter({ from: 'cn', to: 'tw' });

/** Traditional Chinese to Simplified (characters only; names and numbers are unchanged). */
export function toSimplified(text: string): string {
  return toSimplifiedConverter(text);
}

/** Simplified Chinese to Traditional (Taiwan standard characters). */
export function toTraditional(text: string): string {
  return toTraditionalConverter(text);
}

/** The form used for matching only: NFKC, Simplified script, lower case. Never shown to users. */
export function normalizeForSearch(text: string): string {
  if (text.length > REMEMBERED_LENGTH) return normalize(text);
  let normal = normalized.get(text);
  if (normal === undefined) normalized.set(text, (normal = normalize(text)));
  return normal;
}

const normalize = (text: string) => toSimplified(text.normalize('NFKC')).toLowerCase();

/** `normalizeForSearch` for a text read once (a passage while the index is built): not remembered. */
export function normalizeOnce(text: string): string {
  return convertOnce(text.normalize('NFKC')).toLowerCase();
}
const convertOnce = rawConverter({ from: 'tw', to: 'cn' });
// OpenCC walks its dictionaries for every character; the passages' sentences are normalised
// again for every question that reads them, so the last few thousand are remembered.
const normalized = new LRUCache<string, string>(REMEMBERED);
