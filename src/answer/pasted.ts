import { normalizeForSearch } from '../knowledge/script.js';
import { splitSentences, type Span } from '../knowledge/sentences.js';
import { formatSection, type Passage } from '../knowledge/types.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';
import type { Block, Citation, Language } from '../types.js';
import type { Citer } from './cite.js';
import { messagesFor } from './messages.js';
import { paragraph, type Draft } from './reply.js';

/**
 * "“要切实防止……做到真正有实效” 中间那段我复制漏了，后面还说确保什么来着", "“Adhere to the 'one
 * province and one case'” 这句啥意思": a line of a notice pasted into a question is a question
 * about that line. It is found in the notice through script, punctuation, spacing and a gap the
 * asker left (……), and answered with its whole sentence and section, in the asker's language (a
 * reviewed rendering, marked as such, with the original cited beside), and with the sentence
 * after or before it when that is asked.
 */

/** Quoted stretches: “…” (one level of nesting), "…", 「…」, 『…』, and single quotes around more
 * than a word ('everyone can learn ...'; not the apostrophes of "what's"). */
const QUOTED =
  /“((?:[^“”]|“[^“”]{0,100}”){4,600})”|"([^"]{4,600})"|「([^「」]{4,600})」|『([^『』]{4,600})』|‘([^‘’]{8,600})’|(?<![A-Za-z])'([^']{8,600})'(?![A-Za-z])/gu;
/** Where the asker left a gap in what they pasted. */
const GAP = /……|…|\.{3,}|。{2,}|\s-{2,}\s/;
/** Asks about the line itself (read outside the quotes): its meaning, origin, gap or neighbours. */
const ASKS_ABOUT_LINE =
  /意思|意味|怎么理解|如何理解|点理解|點理解|怎么看|指的?是|指什么|指啥|指乜|原文|原句|原话|出处|出自|哪[一个]?[部节段章条份项](?!门|委|长|署|分(?:工|的工作))|哪里[说讲写]|哪儿|边度|邊度|完整|全文|整句|全句|漏|缺|后面|后半|后边|后头|前面|前半|上一句|下一句|接着|然后呢|中间|翻译|译文|中文|英文|解释|说明什么|讲乜|講乜|讲咩|講咩|系讲|係講|上下文|\bmean|\bexplain|\boriginal|\bsource\b|\bwhere\b.{0,40}\b(?:from|come)|\bwhich (?:section|part|paragraph|notice)|\b(?:full|whole|complete|entire) (?:sentence|text|line|version|quote|phrase|wording|slogan)|\brest of\b|\bcomes? (?:after|next|before)|\bnext (?:sentence|line|bit|part)|\btranslat|\bin (?:chinese|english)\b|\bcontext\b|\bgoes on\b|\bgap\b|\bmissing\b|\bcut off\b|\bsays? next\b/;
/** Points at the pasted line itself ("这句啥意思", "what does this line mean"). */
const POINTS_AT_LINE =
  /这一?[句段话条行]|那一?[句段话条行]|呢[句段]|嗰[句段]|整句|全句|完整|\bth(?:is|at|e) (?:line|sentence|passage|paragraph|bit|phrase|quote|clause)\b|\b(?:full|whole|complete|entire) (?:line|sentence|quote|text|slogan|phrase|wording)\b/;
const ASKS_NEXT =
  /后面|后半|后边|后头|下一句|接着|然后|之后|再往下|后续|下文|跟住|之后呢|\bcomes? (?:after|next)|\bnext (?:sentence|line|bit|part)|\bgoes on\b|\bafter (?:that|it)\b|\brest of\b|\bcontinues?\b|\bsays? next\b/;
const ASKS_PREVIOUS =
  /前面|前半|上一句|前一句|前文|\bbefore (?:it|that)\b|\bprevious (?:sentence|line)|\bpreceding\b|\bcomes? before\b/;

/** Joins a pasted-line question and the follow-ups that step through the notice from it. */
export const FOLLOW_MARK = '｜';

/** "那后面一句呢", "再后面一句", "下一句", "and the next one?": a step on from the last line shown. */
const NEIGHBOUR_NEXT =
  /^(?:那|那么|那麼|咁|然后|然後|再|那再|再往|往)*(?:它|这句|這句)?(?:的)?(?:(?:后面|後面|后边|後邊|下一|下|后|後)(?:一|的一?)?句(?:话|話)?|往后|往後|后面|後面|接着|接著|继续|繼續|跟住|下面)(?:呢|是什么|是什麼|是啥|系咩|係咩|讲乜|講乜|说什么|說什麼|说了什么|說了什麼|说啥|說啥|讲咩|講咩)?[?？。.!！]?$|^(?:and |ok(?:ay)?,? |then |so )?(?:what about |and )?(?:the )?(?:next|following)(?: (?:sentence|line|one|bit))?(?: after (?:that|it))?\??$|^(?:and |ok(?:ay)?,? )?(?:what comes|what's|whats|what is) (?:after|next)(?: (?:that|it|this))?\??$|^(?:and |ok(?:ay)?,? )?(?:what about )?(?:the )?(?:one |sentence |line )?after (?:that|it|this)\??$|^(?:and )?(?:the )?next (?:one )?please[.!?]?$|^(?:keep going|continue|go on|more)[.!?]?$/i;
/** "那前面一句呢", "上一句", "and the one before?": a step back from the first line shown. */
const NEIGHBOUR_PREVIOUS =
  /^(?:那|那么|那麼|咁|再|那再|再往|往)*(?:它|这句|這句)?(?:的)?(?:(?:前面|前邊|前边|上一|上|前一|前)(?:一|的一?)?句(?:话|話)?|往前)(?:呢|是什么|是什麼|是啥|系咩|係咩|讲乜|講乜|说什么|說什麼|说啥|說啥)?[?？。.!！]?$|^(?:and |ok(?:ay)?,? )?(?:what about |and )?(?:the )?(?:previous|preceding)(?: (?:sentence|line|one|bit))?\??$|^(?:and |ok(?:ay)?,? )?(?:what about )?(?:what comes |what's |whats |what is |what was |the )?(?:one |sentence |line )?before(?: (?:that|it|this))?\??$/i;

/** 1 for a follow-up that asks the next sentence, -1 for the one before, 0 for neither. */
export function neighbourStep(text: string): 1 | -1 | 0 {
  const t = text.trim();
  if (NEIGHBOUR_NEXT.test(t)) return 1;
  if (NEIGHBOUR_PREVIOUS.test(t)) return -1;
  return 0;
}

/** Asks what the line means: a short line ("Adhere to the 'one province and one case'.") is
 * explained by the sentence after it, which is quoted too. */
const ASKS_MEANING =
  /意思|意味|理解|指的?是|指什么|指啥|解释|讲乜|講乜|讲咩|講咩|系讲|係講|\bmean|\bexplain/;
/** A sentence this short (letters and digits) says too little on its own to answer its meaning. */
const SHORT_SENTENCE = 40;
/** A line this short (letters and digits) with no sentence end is a heading, not a sentence. */
const HEADING = 30;
const SENTENCE_CLOSE = /[。！？；!?;.:：][”"’)）]*$/;

/** A pasted stretch shorter than this (letters and digits) is a term, not a line. */
const MIN_CHINESE = 10;
const MIN_ENGLISH_WORDS = 6;
/** How far apart the pieces either side of a gap may lie in the notice (letters and digits). */
const GAP_REACH = 600;

const LETTER = /[\p{L}\p{N}]/u;

/** A text reduced to its letters and digits (Simplified, lower case), with where each came from. */
interface Skeleton {
  readonly chars: string;
  readonly at: readonly number[];
}

function skeleton(text: string, offset = 0): Skeleton {
  let chars = '';
  const at: number[] = [];
  // Normalised line by line; a line whose normalised length differs is read character by
  // character, so every letter keeps its place in the cleaned notice.
  let start = 0;
  for (const line of text.split('\n')) {
    const whole = normalizeForSearch(line);
    const same = whole.length === line.length;
    for (let i = 0; i < line.length; i++) {
      const c = same ? whole[i]! : normalizeForSearch(line[i]!);
      if (c.length === 1 && LETTER.test(c)) {
        chars += c;
        at.push(offset + start + i);
      }
    }
    start += line.length + 1;
  }
  return { chars, at };
}

/** One line of a notice found: the source and the range of the cleaned notice it covers. */
interface Found {
  readonly sourceId: string;
  readonly start: number;
  readonly end: number;
  readonly gap: boolean;
}

/** Creates the reader of pasted lines over an index. */
export function createPasted(index: KnowledgeIndex, citer: Citer) {
  const originals = index.passages.filter((p) => !p.rendering);
  const sources = index.sources.map((s) => ({
    id: s.id,
    year: s.year,
    language: s.language,
    text: index.cleaned[s.id] ?? '',
    skeleton: skeleton(index.cleaned[s.id] ?? ''),
  }));
  // Each rendered unit, so a line pasted from the other language's text is found too.
  const units = index.passages.flatMap((p) =>
    (p.rendering?.units ?? []).map((u) => ({
      sourceId: p.sourceId,
      unit: u,
      chars: skeleton(u.text).chars,
    })),
  );

  /** Finds the pieces of one pasted stretch, in order, in one notice; the shortest such range. */
  const findIn = (pieces: readonly string[], source: (typeof sources)[number]): Found | null => {
    const { chars, at } = source.skeleton;
    let best: { from: number; to: number } | null = null;
    for (
      let from = chars.indexOf(pieces[0]!);
      from >= 0;
      from = chars.indexOf(pieces[0]!, from + 1)
    ) {
      let to = from + pieces[0]!.length;
      let ok = true;
      for (const piece of pieces.slice(1)) {
        const next = chars.indexOf(piece, to);
        if (next < 0 || next - to > GAP_REACH) {
          ok = false;
          break;
        }
        to = next + piece.length;
      }
      if (ok && (!best || to - from < best.to - best.from)) best = { from, to };
    }
    return best
      ? {
          sourceId: source.id,
          start: at[best.from]!,
          end: at[best.to - 1]! + 1,
          gap: false,
        }
      : null;
  };

  /** Where a pasted stretch stands in a notice, or null when it is not a line of one. */
  const locate = (stretch: string): Found | null => {
    const pieces = stretch
      .split(GAP)
      .map((p) => skeleton(p).chars)
      .filter((p) => p.length >= 2);
    if (pieces.length === 0) return null;
    const letters = pieces.join('').length;
    const english = /^[a-z0-9]+$/.test(pieces.join(''));
    const words = stretch.match(/[A-Za-z]+/g)?.length ?? 0;
    // A gap ("everyone can learn ...") says a line is meant, even of a few words.
    const gap = GAP.test(stretch);
    if (english ? words < (gap ? 3 : MIN_ENGLISH_WORDS) : letters < MIN_CHINESE) return null;
    for (const source of sources) {
      const found = findIn(pieces, source);
      if (found) return { ...found, gap };
    }
    // Pasted from a rendering's wording: the original sentence it renders.
    if (pieces.length === 1) {
      const hit = units.find((u) => u.chars.includes(pieces[0]!));
      if (hit)
        return { sourceId: hit.sourceId, start: hit.unit.start, end: hit.unit.end, gap: false };
    }
    return null;
  };

  /** Each notice's sentences over all its lines, headings left out (a short line with no end). */
  const sentenceLists = new Map(
    sources.map((source) => {
      const spans: Span[] = [];
      let lineStart = 0;
      for (const line of source.text.split('\n')) {
        for (const s of splitSentences(line)) {
          const words = line.slice(s.start, s.end).trim();
          if (skeleton(words).chars.length < 2) continue;
          if (!SENTENCE_CLOSE.test(words) && skeleton(words).chars.length <= HEADING) continue;
          spans.push({ start: lineStart + s.start, end: lineStart + s.end });
        }
        lineStart += line.length + 1;
      }
      return [source.id, spans] as const;
    }),
  );

  /** The sentences of a notice a range touches, by their place in the notice's list. */
  const sentencesAround = (found: Found) => {
    const spans = sentenceLists.get(found.sourceId) ?? [];
    let first = -1;
    let last = -1;
    spans.forEach((s, i) => {
      if (s.start < found.end && found.start < s.end) {
        if (first < 0) first = i;
        last = i;
      }
    });
    return { spans, first, last };
  };

  const passageAt = (sourceId: string, at: number): Passage | undefined =>
    originals.find((p) => p.sourceId === sourceId && p.start <= at && at < p.end);

  /** One range of a notice quoted in the asker's language: the original, or its rendering. */
  const quoteRange = (
    sourceId: string,
    range: { start: number; end: number },
    language: Language,
    blocks: Block[],
    citations: Citation[],
    labelled: Set<string>,
  ) => {
    const text = index.cleaned[sourceId] ?? '';
    const original = text.slice(range.start, range.end).trim();
    const source = sources.find((s) => s.id === sourceId)!;
    if ((language === 'en') === (source.language === 'en')) {
      citations.push(citer.quote(sourceId, original, language));
      blocks.push({ kind: 'quote', text: original, citation: citations.length });
      return;
    }
    const home = passageAt(sourceId, range.start);
    const rendered = index.passages.find((p) => p.rendering && p.rendering.of === home?.id);
    const covering = (rendered?.rendering?.units ?? []).filter(
      (u) => u.start < range.end && range.start < u.end,
    );
    if (!rendered || covering.length === 0) {
      // No reviewed rendering of it: the original, said to be in the other language.
      blocks.push(paragraph(messagesFor(language).otherLanguage(source.language)));
      citations.push(citer.quote(sourceId, original, language));
      blocks.push({ kind: 'quote', text: original, citation: citations.length });
      return;
    }
    const note = rendered.rendering!.note;
    if (!labelled.has(note)) {
      labelled.add(note);
      blocks.push(paragraph(messagesFor(language).workingTranslation(note)));
    }
    const words = covering.map((u) => u.text).join(language === 'en' ? ' ' : '');
    citations.push(citer.rendered(rendered, words, language));
    blocks.push({ kind: 'quote', text: words, citation: citations.length });
  };

  return {
    /**
     * The answer about the lines pasted into a question, or null when it pastes none or asks else;
     * `asksFact` when the question asks for one of the facts (theme, dates, contacts…).
     */
    answer(typed: string, language: Language, asksFact = false): Draft | null {
      // "“…”这句啥意思｜那后面一句呢｜再后面一句": the question, then the follow-ups that step on.
      const [text = '', ...follow] = typed.split(FOLLOW_MARK);
      const steps = follow.map(neighbourStep).filter((s) => s !== 0);
      const stretches = [...text.matchAll(QUOTED)].map((m) => m.slice(1).find(Boolean) ?? '');
      if (stretches.length === 0) return null;
      const outside = normalizeForSearch(text.replace(QUOTED, ' '));
      const bare = [...outside].filter((c) => LETTER.test(c)).length <= 6;
      if (!bare && !ASKS_ABOUT_LINE.test(outside)) return null;
      // "主题是“学习贯彻二十大，终身学习向未来”吗？举办时间是不是…？按原文确认下": a fact checked
      // against a quote is the fact's question, unless the asker points at the line itself.
      if (asksFact && !POINTS_AT_LINE.test(outside) && !stretches.some((s) => GAP.test(s)))
        return null;
      const found = stretches
        .map(locate)
        .filter((f): f is Found => f !== null)
        .filter(
          (f, i, all) =>
            all.findIndex((g) => g.sourceId === f.sourceId && g.start === f.start) === i,
        )
        .slice(0, 3);
      if (found.length === 0) return null;
      const m = messagesFor(language);
      const blocks: Block[] = [];
      const citations: Citation[] = [];
      const labelled = new Set<string>();
      for (const f of found) {
        const { spans, first, last } = sentencesAround(f);
        if (first < 0) continue;
        const source = sources.find((s) => s.id === f.sourceId)!;
        const sectionAt = (at: number) => formatSection(passageAt(f.sourceId, at)?.section ?? []);
        const whole = skeleton(source.text.slice(spans[first]!.start, spans[last]!.end)).chars;
        const before = first > 0 && ASKS_PREVIOUS.test(outside);
        const after =
          last + 1 < spans.length &&
          (ASKS_NEXT.test(outside) ||
            // A short line's meaning is what its own paragraph says next.
            (ASKS_MEANING.test(outside) &&
              whole.length < SHORT_SENTENCE &&
              !source.text.slice(spans[last]!.end, spans[last + 1]!.start).includes('\n')));
        if (steps.length > 0) {
          // "那后面一句呢", "and the one after?": the sentence past what the last answer showed.
          let from = before ? first - 1 : first;
          let to = after ? last + 1 : last;
          let shown = -1;
          let forward = true;
          for (const step of steps) {
            forward = step > 0;
            shown = forward ? ++to : --from;
          }
          const span = spans[shown];
          if (!span) {
            blocks.push(paragraph(m.pastedNoMore(source.year, forward)));
            continue;
          }
          const further = forward ? shown > last + 1 : shown < first - 1;
          blocks.push(
            paragraph(m.pastedStep(source.year, sectionAt(span.start), forward, further)),
          );
          quoteRange(f.sourceId, span, language, blocks, citations, labelled);
          continue;
        }
        if (before) {
          blocks.push(paragraph(m.pastedBefore));
          quoteRange(f.sourceId, spans[first - 1]!, language, blocks, citations, labelled);
        }
        blocks.push(paragraph(m.pastedFrom(source.year, sectionAt(f.start), f.gap)));
        quoteRange(
          f.sourceId,
          { start: spans[first]!.start, end: spans[last]!.end },
          language,
          blocks,
          citations,
          labelled,
        );
        if (after) {
          blocks.push(paragraph(m.pastedAfter));
          quoteRange(f.sourceId, spans[last + 1]!, language, blocks, citations, labelled);
        }
      }
      // A step past the notice's end tells so, with nothing to cite.
      return blocks.length > 0 ? { kind: 'extractive', blocks, citations } : null;
    },
  };
}
