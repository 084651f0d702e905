import path from 'node:path';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { BotError } from '../errors.js';
import { describeIssue, readYaml } from './manifest.js';
import { normalizeForSearch } from './script.js';

// A question is matched against the forms of its own script only, so a form must be in its side's.
const chineseForm = z.string().regex(/\p{Script=Han}/u, 'a Chinese form holds Chinese characters');
const englishForm = z.string().regex(/[a-z]/i, 'an English form holds Latin letters');

const termSchema = z
  .object({
    id: z.string().min(1),
    zh: z.array(chineseForm).min(1),
    en: z.array(englishForm).min(1),
    /** True for the Week itself: every passage is about it, so it bridges languages but picks no sentence. */
    domain: z.boolean().default(false),
  })
  .strict();

const regionSchema = z
  .object({
    id: z.string().min(1),
    kind: z.enum([
      'province',
      'autonomous-region',
      'municipality',
      'special-administrative-region',
      'corps',
      'city-with-separate-plan',
      // A provincial capital: the notices address its province, whose week it keeps.
      'provincial-capital',
    ]),
    zh: chineseForm.min(2),
    short: z.array(chineseForm).default([]),
    abbr: z.string().optional(),
    en: englishForm.min(2),
    pinyin: z.array(englishForm.min(2)).default([]),
    /** The province a capital is in (its id). */
    in: z.string().optional(),
    /** False for regions the notices are not addressed to (Hong Kong, Macao, Taiwan). */
    addressed: z.boolean().default(true),
  })
  .strict();

/**
 * Words people use for what the notices call by another name (联络人 for 联系人, 影片 for 视频,
 * "audiobook" for "sound book"): a question's variants are read as the notices' word.
 */
const synonymSchema = z
  .object({
    word: z.string().min(1),
    variants: z.array(z.string().min(1)).min(1),
    /** Where the variant is used or why it means the same, for the reviewer. */
    note: z.string().min(1),
  })
  .strict();

/**
 * A phrase of a machine-translated copy that does not say what the original means ("non-genetic
 * inheritance" for 非遗): the original word and what it means, reviewed, for "what does X mean".
 */
const garbleSchema = z
  .object({
    copy: z.string().min(3),
    source: z.string().min(1),
    zh: z.string().min(1),
    en: z.string().min(1),
  })
  .strict();

const glossarySchema = z
  .object({
    terms: z.array(termSchema).default([]),
    regions: z.array(regionSchema).default([]),
    synonyms: z.array(synonymSchema).default([]),
    garbles: z.array(garbleSchema).default([]),
  })
  .strict();

/** A domain term in both languages. */
export type GlossaryTerm = z.infer<typeof termSchema>;
/** A provincial-level region (or the Corps, or a city with a separate plan). */
export type Region = z.infer<typeof regionSchema>;
/** A phrase of a machine-translated copy and what its original says. */
export type Garble = z.infer<typeof garbleSchema>;
/** The bilingual glossary of `knowledge/glossary.yaml`. */
export type Glossary = z.infer<typeof glossarySchema>;

/** Loads and validates the glossary; a knowledge folder without one gets an empty glossary. */
export async function loadGlossary(knowledgeDir: string): Promise<Glossary> {
  const file = path.join(knowledgeDir, 'glossary.yaml');
  const data = await readYaml(file, 'GLOSSARY_INVALID').catch((error: unknown) => {
    if (error instanceof BotError && /cannot be read/.test(error.message)) return {};
    throw error;
  });
  const parsed = glossarySchema.safeParse(data ?? {});
  if (!parsed.success)
    throw new BotError('GLOSSARY_INVALID', describeIssue(file, parsed.error, data));
  return parsed.data;
}

/** Chinese words that the tokenizer should keep whole (Simplified script). */
export function glossaryWords(glossary: Glossary): string[] {
  const words = glossary.terms.flatMap((t) => t.zh);
  for (const r of glossary.regions) words.push(r.zh, ...r.short);
  return words.map(normalizeForSearch).filter((w) => w.length >= 2);
}

/** The surface forms of one entry, grouped so that any one of them brings in the others. */
interface FormGroup {
  readonly zh: readonly string[];
  readonly en: readonly string[];
}

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An English form whose every word may be plural or possessive ("Stars of People's Learning"),
 * its words apart by spaces, a comma or a hyphen ("one province, one case").
 */
const pluralised = (form: string) =>
  form
    .split(/\s+/)
    .map((word) => `${escape(word)}(?:s|es|'s)?`)
    .join('(?:\\s*[,，-]\\s*|\\s+)');

const apostrophes = (text: string) => text.replace(/[’‘`]/g, "'");

/** Expands questions across languages with the glossary. */
export interface QueryExpander {
  /** For each glossary entry the question mentions, its forms in the other language. */
  expand(question: string): string[][];
  /** For each glossary entry the question mentions, all its forms in both languages. */
  entries(question: string): string[][];
  /** Like `expand`, without the entries that name the domain itself (the Week). */
  expandTopics(question: string): string[][];
  /**
   * Forms of entries the question does not mention that contain a form of one it does: for a
   * question about universities (大学), "Open University" and 国家开放大学 name something else,
   * and a sentence should not match the question through them. Normalised, lower case.
   */
  shadows(question: string): string[];
}

/** Builds a query expander: a term found in either language brings in all its forms. */
export function createQueryExpander(glossary: Pick<Glossary, 'terms' | 'regions' | 'synonyms'>): QueryExpander {
  const domainForms = new Set(glossary.terms.filter((t) => t.domain).flatMap((t) => [...t.zh, ...t.en]));
  const groups: FormGroup[] = [
    ...glossary.terms.map((t) => ({ zh: t.zh, en: t.en })),
    ...glossary.regions.map((r) => ({ zh: [r.zh, ...r.short], en: [r.en, ...r.pinyin] })),
  ];
  const matchers = groups.map((group) => {
    const zh = group.zh.map(normalizeForSearch).filter((f) => f.length >= 2);
    const en = group.en.map((f) => apostrophes(f.toLowerCase()));
    const enPattern =
      en.length > 0
        ? new RegExp(
            `(?<![\\p{L}\\p{N}])(?:${en.map(pluralised).join('|')})(?![\\p{L}\\p{N}])`,
            'u',
          )
        : null;
    return { group, zh, en, enPattern };
  });
  type Matcher = (typeof matchers)[number];
  interface Mention {
    readonly matcher: Matcher;
    /** Named by a Chinese form (so its English forms are the other language), by an English one, or both. */
    readonly byZh: boolean;
    readonly byEn: boolean;
  }
  // Every glossary entry is tried on the question by several steps of one answer (retrieval, the
  // sentence picker, the unknown-word check): found once per question and remembered.
  const mentionsOf = new LRUCache<string, readonly Mention[]>({ max: 2000 });
  const mentions = (question: string): readonly Mention[] => {
    const q = apostrophes(normalizeForSearch(question));
    let found = mentionsOf.get(q);
    if (found === undefined) {
      // Most questions are in one script: the other script's forms are not tried at all.
      const han = /\p{Script=Han}/u.test(q);
      const latin = /[a-z]/.test(q);
      found = matchers.flatMap((matcher) => {
        const byZh = han && matcher.zh.some((f) => q.includes(f));
        const byEn = latin && (matcher.enPattern?.test(q) ?? false);
        return byZh || byEn ? [{ matcher, byZh, byEn }] : [];
      });
      mentionsOf.set(q, found);
    }
    return found;
  };
  const shadowsOf = new LRUCache<string, readonly string[]>({ max: 2000 });
  return {
    expand(question: string): string[][] {
      const out: string[][] = [];
      for (const { matcher, byZh, byEn } of mentions(question)) {
        const forms = new Set<string>();
        if (byZh) for (const f of matcher.en) forms.add(f);
        if (byEn) for (const f of matcher.zh) forms.add(f);
        if (forms.size > 0) out.push([...forms]);
      }
      return out;
    },
    expandTopics(question: string): string[][] {
      const topical = domainForms;
      return this.expand(question).filter((forms) => !forms.some((f) => topical.has(f)));
    },
    shadows(question: string): string[] {
      const mentioned = mentions(question).map((m) => m.matcher);
      if (mentioned.length === 0) return [];
      const key = apostrophes(normalizeForSearch(question));
      const known = shadowsOf.get(key);
      if (known) return [...known];
      // The Week itself is in every passage: "week" shadows nothing.
      const inner = mentioned
        .filter(({ group }) => !group.zh.some((f) => domainForms.has(f)))
        .flatMap(({ zh, en }) => [...zh, ...en]);
      const found = matchers
        .filter((m) => !mentioned.includes(m))
        .flatMap(({ zh, en }) => [...zh, ...en])
        .filter((form) => inner.some((f) => f.length < form.length && form.includes(f)))
        .sort((a, b) => b.length - a.length);
      shadowsOf.set(key, found);
      return [...found];
    },
    entries(question: string): string[][] {
      return mentions(question).map(({ matcher }) => [...matcher.zh, ...matcher.en]);
    },
  };
}
