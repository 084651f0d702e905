import * as OpenCC from 'opencc-js';

// opencc-js ships extensionless .d.ts imports that NodeNext resolves to `any`; this wrapper
// restores the types at the one place the package is used.
type Convert = (text: string) => string;

const toSimplifiedConverter: Convert = OpenCC.Converter({ from: 'tw', to: 'cn' }) as Convert;
const toTraditionalConverter: Convert = OpenCC.Converter({ from: 'cn', to: 'tw' }) as Convert;

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
  return toSimplified(text.normalize('NFKC')).toLowerCase();
}
