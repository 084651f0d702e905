/**
 * Emoji of every kind, as a global pattern. Order matters: whole RGI sequences first (ZWJ
 * sequences, keycaps such as `9️⃣`, flags, skin tones), so a keycap takes its digit with it;
 * then pictographs that arrive without their variation selector; then stray emoji components.
 */
const RGI_SEQUENCE = String.raw`\p{RGI_Emoji}`;
const PICTOGRAPH = String.raw`\p{Extended_Pictographic}`;
// ZWJ, variation selectors, combining keycap, skin-tone modifiers, regional indicators, tag characters.
const COMPONENT = String.raw`[\u200D\uFE0E\uFE0F\u20E3\u{1F3FB}-\u{1F3FF}\u{1F1E6}-\u{1F1FF}\u{E0020}-\u{E007F}]`;
// Decorative symbols from the emoji-heavy blocks (arrows, dingbats, game pieces such as ⚅, dashed
// arrows such as ⇢) that are not Extended_Pictographic. Geometric shapes (■ □ ●) and the four plain
// arrows stay: notices use them as bullets and in text.
const DECORATIVE = String.raw`[\u219A-\u21FF\u2300-\u23FF\u2600-\u26FF\u2700-\u27BF\u2B00-\u2BFF\u{1F000}-\u{1FAFF}]`;

/** Matches one emoji or emoji fragment; use with `replace(EMOJI, '')`. */
export const EMOJI = new RegExp(`${RGI_SEQUENCE}|${PICTOGRAPH}|${COMPONENT}|${DECORATIVE}`, 'gv');

/** True when the text still holds any emoji or emoji fragment. */
export function hasEmoji(text: string): boolean {
  return new RegExp(EMOJI.source, 'v').test(text);
}
