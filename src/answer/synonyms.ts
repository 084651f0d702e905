import * as OpenCC from 'opencc-js';
import type { Glossary } from '../knowledge/glossary.js';

type Convert = (text: string) => string;
/** Traditional to Simplified with Taiwan phrases (影片 → 视频, 網路 → 网络), for matching only. */
const taiwanPhrases: Convert = OpenCC.Converter({ from: 'twp', to: 'cn' }) as Convert;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Rewrites a question in the notices' words, for matching only (what the user sees is never
 * rewritten): Traditional script and Taiwan phrases to mainland Simplified, then each variant of
 * the glossary's synonyms to its word (联络人 → 联系人, "audiobook" → "sound book"), longest first.
 */
export function createCanonicalizer(
  synonyms: Glossary['synonyms'] | undefined,
): (text: string) => string {
  // An index saved before synonyms existed has none: the phrase conversion still applies.
  const pairs = (synonyms ?? [])
    .flatMap((s) => s.variants.map((v) => ({ variant: v, word: s.word })))
    .sort((a, b) => b.variant.length - a.variant.length);
  if (pairs.length === 0) return (text) => taiwanPhrases(text.normalize('NFKC'));
  // One pass over the text: an alternation of every variant, Latin ones bounded by non-letters.
  const pattern = new RegExp(
    pairs
      .map(({ variant }) =>
        /^[a-z]/i.test(variant)
          ? `(?<![a-z])${escape(variant).replace(/[\s-]+/g, '[\\s-]*')}(?![a-z])`
          : escape(variant),
      )
      .join('|'),
    'gi',
  );
  const wordOf = new Map(
    pairs.map((p) => [p.variant.toLowerCase().replace(/[\s-]+/g, ''), p.word]),
  );
  return (text) =>
    taiwanPhrases(text.normalize('NFKC')).replace(
      pattern,
      (m) => wordOf.get(m.toLowerCase().replace(/[\s-]+/g, '')) ?? m,
    );
}
