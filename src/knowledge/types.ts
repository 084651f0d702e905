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
  /** Set on a passage rendered in the other language (knowledge/renderings): what it renders. */
  readonly rendering?: PassageRendering;
}

/** What a rendered passage renders, and how it is labelled. */
export interface PassageRendering {
  /** The id of the original passage. */
  readonly of: string;
  /** The original passage's text, which the rendering stands for. */
  readonly original: string;
  readonly language: 'zh' | 'en';
  /** The label readers see ("working translation by the project…"). */
  readonly note: string;
  /** Each rendered unit, with the range of the original unit in the cleaned notice. */
  readonly units: readonly { readonly start: number; readonly end: number; readonly text: string }[];
}

/** The language a passage is written in: its rendering's, or its notice's. */
export function passageLanguage(passage: Passage, sourceLanguage: 'zh' | 'en'): 'zh' | 'en' {
  return passage.rendering?.language ?? sourceLanguage;
}

/** The section separator shown to users. */
export const SECTION_SEPARATOR = ' › ';

/** A section path as users see it. */
export function formatSection(section: readonly string[]): string {
  return section.join(SECTION_SEPARATOR);
}
