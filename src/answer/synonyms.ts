import type { Glossary } from '../knowledge/glossary.js';
import { openccConverter } from '../knowledge/script.js';

type Convert = (text: string) => string;
/** Traditional to Simplified with Taiwan phrases (影片 → 视频, 網路 → 网络), for matching only. */
const taiwanPhrases: Convert = openccConverter({ from: 'twp', to: 'cn' });
/** Traditional to Simplified character by character: one character for one. */
const characters: Convert = openccConverter({ from: 'tw', to: 'cn' });
const traditional: Convert = openccConverter({ from: 'cn', to: 'tw' });

/**
 * The notices' own words that Taiwan phrase conversion would rewrite (智慧 → 智能 would turn
 * 智慧助老 into a word no notice uses): given the notices' words, the ones to keep as they are.
 */
export function phraseConflicts(words: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const w of words)
    // Three characters or more: 智慧 alone must still become 智能 in 智慧型手機 (a smartphone).
    if (/^\p{Script=Han}{3,}$/u.test(w) && taiwanPhrases(w) !== characters(w))
      out.add(characters(w));
  return [...out].sort((a, b) => b.length - a.length);
}

/** Converts to mainland Simplified with Taiwan phrases, except inside the protected words. */
function convert(text: string, keep: readonly string[], starts?: RegExp): string {
  // Most questions hold no protected word: one conversion, not two.
  if (keep.length === 0 || (starts && !starts.test(text))) return taiwanPhrases(text);
  const plain = characters(text);
  if ([...plain].length !== [...text].length) return taiwanPhrases(text);
  // Found on the character-converted copy, masked in the text as typed (one character for one),
  // so the rest keeps its Traditional phrases for the converter (網路 → 网络).
  const chars = [...text];
  const plainChars = [...plain];
  const kept: string[] = [];
  for (const word of keep) {
    const size = [...word].length;
    for (let i = 0; i + size <= plainChars.length; i++) {
      if (plainChars.slice(i, i + size).join('') !== word) continue;
      chars.splice(i, size, String.fromCharCode(0xe000 + kept.length), ...Array(size - 1).fill(''));
      plainChars.splice(i, size, ...Array(size).fill('\u0000'));
      kept.push(word);
    }
  }
  if (kept.length === 0) return taiwanPhrases(text);
  return taiwanPhrases(chars.join('')).replace(
    /[\ue000-\uefff]/g,
    (c) => kept[c.charCodeAt(0) - 0xe000]!,
  );
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Rewrites a question in the notices' words, for matching only (what the user sees is never
 * rewritten): Traditional script and Taiwan phrases to mainland Simplified, then each variant of
 * the glossary's synonyms to its word (联络人 → 联系人, "audiobook" → "sound book"), longest first.
 */
export function createCanonicalizer(
  synonyms: Glossary['synonyms'] | undefined,
  /** The notices' words that phrase conversion must not rewrite (see phraseConflicts). */
  keep: readonly string[] = [],
): (text: string) => string {
  // An index saved before synonyms existed has none: the phrase conversion still applies.
  const pairs = (synonyms ?? [])
    .flatMap((s) => s.variants.map((v) => ({ variant: v, word: s.word })))
    .sort((a, b) => b.variant.length - a.variant.length);
  // The first characters of the protected words, in both scripts.
  const firsts = [
    ...new Set(keep.flatMap((w) => [...w.slice(0, 1), ...traditional(w.slice(0, 1))])),
  ];
  const starts = firsts.length > 0 ? new RegExp(`[${escape(firsts.join(''))}]`, 'u') : undefined;
  if (pairs.length === 0) return (text) => convert(text.normalize('NFKC'), keep, starts);
  // One pass over the text: an alternation of every variant, Latin ones bounded by non-letters.
  const pattern = new RegExp(
    pairs
      .map(({ variant }) =>
        /^[a-z]/i.test(variant)
          ? `(?<![a-z])${escape(variant).replace(/[\s-]+/g, '[\\s,，-]*')}(?![a-z])`
          : escape(variant),
      )
      .join('|'),
    'gi',
  );
  const wordOf = new Map(
    pairs.map((p) => [p.variant.toLowerCase().replace(/[\s,，-]+/g, ''), p.word]),
  );
  return (text) =>
    convert(text.normalize('NFKC'), keep, starts).replace(
      pattern,
      (m) => wordOf.get(m.toLowerCase().replace(/[\s,，-]+/g, '')) ?? m,
    );
}
