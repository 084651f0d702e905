/** A searchable piece of one notice: a run of sentences within one section. */
export interface Passage {
  /** Stable within one index: `<source id>#<n>`. */
  readonly id: string;
  /** The manifest id of the notice. */
  readonly sourceId: string;
  /** Section path from the outermost heading, e.g. `['二、活動內容', '(四)持續引導並助力全民閱讀學習']`. */
  readonly section: readonly string[];
  /** The cleaned text, in the source's own script. */
  readonly text: string;
  /** Range in the cleaned text of the source. */
  readonly start: number;
  readonly end: number;
  /** Range in the source file as received (UTF-16 units), where the text can be found again. */
  readonly sourceStart: number;
  readonly sourceEnd: number;
}

/** The section separator shown to users. */
export const SECTION_SEPARATOR = ' › ';

/** A section path as users see it. */
export function formatSection(section: readonly string[]): string {
  return section.join(SECTION_SEPARATOR);
}
