import { createQueryExpander } from '../knowledge/glossary.js';
import { normalizeForSearch } from '../knowledge/script.js';
import { passageLanguage, type Passage } from '../knowledge/types.js';
import { docFrequency } from '../retrieval/bm25.js';
import { weightedTerms, type SearchHit } from '../retrieval/hybrid.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';
import { ASKS_ITEMS } from './asks.js';
import { askingSentences } from './intent.js';
import { splitSentences } from '../knowledge/sentences.js';
import { ASKS_QUANTITY, HAS_QUANTITY } from './refusal.js';
import {
  ASKS_ISSUER,
  ASKS_LIST,
  ASKS_OPENING,
  enumerates,
  HEADING_LINE,
  LIST_INTRO,
  NAMES_A_PART,
  quotedPhrases,
  sentencesOf,
  surelyEnumerates,
} from './excerpt-rules.js';

/** Sentences chosen from one passage, in their order in the passage. */
export interface Excerpt {
  readonly passage: Passage;
  readonly sentences: readonly string[];
  readonly score: number;
  /** Chosen by the notice's structure (its addressee line), not by the question's words. */
  readonly structural?: boolean;
}

/** Chooses the sentences of the best passages that answer a question. */
export interface Extractor {
  /** `years`: years the question names, which are a filter already and no longer a match. */
  pick(question: string, hits: readonly SearchHit[], years?: readonly number[]): Excerpt[];
}

const BUDGET = { zh: 260, en: 650 } as const;
/** The longest rendered sentence quoted whole when one of its clauses is chosen. */
const WHOLE_UNIT = 1000;

/**
 * Creates the extractor of an index. A sentence scores by the IDF of the question's words it
 * holds (glossary renderings count for questions in the other language), scaled by its passage's
 * retrieval score; the best sentence is taken, then others close to it while the length budget
 * lasts, at most three.
 */
export function createExtractor(index: KnowledgeIndex): Extractor {
  const expander = createQueryExpander(index.glossary);
  const signatureLines = new Set(
    index.facts
      .filter((f) => f.kind === 'issuer')
      .flatMap((f) => f.quote.split('\n').map((line) => line.trim())),
  );
  const sourceLanguage = new Map(index.sources.map((s) => [s.id, s.language]));
  // Each original passage's rendering in the other language, by the original's id.
  const renderedFrom = new Map(
    index.passages.flatMap((p) => (p.rendering ? [[p.rendering.of, p] as const] : [])),
  );
  // The Week's own name as one word (活动周, 學習周): every passage is about the Week, so the name
  // picks no sentence ("2022年活动周在推广阅读方面安排了哪些活动" is about reading).
  const domainWords = new Set(
    index.glossary.terms
      .filter((t) => t.domain)
      .flatMap((t) => t.zh.map(normalizeForSearch))
      .filter((f) => index.tokenizer.tokenize(f).includes(f)),
  );
  const languageOf = (p: Passage) => passageLanguage(p, sourceLanguage.get(p.sourceId) ?? 'zh');
  const byId = new Map(index.passages.map((p) => [p.id, p]));
  // The Chinese terms the notices and their renderings quote (“一老一小”, “智慧助老”), four
  // characters or more, read once.
  let terms: string[] | undefined;
  const noticeTerms = () =>
    (terms ??= [
      ...new Set(
        [
          ...Object.values(index.cleaned),
          ...index.passages.map((p) => (p.rendering?.language === 'zh' ? p.text : '')),
        ].flatMap((text) =>
          [...normalizeForSearch(text).matchAll(/[“"]([\p{Script=Han}]{4,12})[”"]/gu)].map(
            (m) => m[1]!,
          ),
        ),
      ),
    ]);
  const idf = (term: string) => {
    const df = docFrequency(index.bm25, term);
    return Math.log(1 + (index.bm25.docCount - df + 0.5) / (df + 0.5));
  };

  return {
    pick(question, hits, years = []) {
      if (hits.length === 0) return [];
      const groups = expander
        .expandTopics(question)
        .map((forms) => forms.map((f) => index.tokenizer.tokenize(f)));
      const tokens = index.tokenizer
        .tokenize(question)
        .filter((t) => !years.includes(Number(t)) && !domainWords.has(t));
      const weights = new Map(weightedTerms(tokens, groups).map((t) => [t.term, t.weight]));
      const own = new Set(tokens);
      const top = hits[0]!.score || 1;
      // The user's words count in full; a glossary entry counts its best-matching form only, as in
      // retrieval.
      const matched = (text: string) => {
        const present = new Set(index.tokenizer.tokenize(text));
        let score = 0;
        for (const t of own) if (present.has(t)) score += idf(t);
        for (const forms of groups) {
          let best = 0;
          for (const form of forms) {
            const words = [...new Set(form)].filter((t) => !own.has(t));
            const got =
              words.filter((t) => present.has(t)).reduce((sum, t) => sum + idf(t), 0) /
              Math.max(1, words.length);
            best = Math.max(best, got);
          }
          score += best;
        }
        return score;
      };
      // How much of the question, as said in a passage's language, a heading covers.
      const total = (language: 'zh' | 'en') =>
        [...weights]
          .filter(([t]) => (language === 'zh' ? !/^[a-z]/.test(t) : !/\p{Script=Han}/u.test(t)))
          .reduce((sum, [t, w]) => sum + w * idf(t), 0);
      // A question that names a section ("the overall requirements for 2024") is answered by the
      // opening of that section, whose sentences need not repeat the heading's words.
      const hit = hits[0]!.passage;
      const heading = hit.section[hit.section.length - 1];
      const short = heading !== undefined && index.tokenizer.tokenize(heading).length <= 4;
      const whole = total(languageOf(hit));
      // A phrase the question quotes (“一老一小”) that the heading lacks is what it asks about,
      // not the section's opening.
      const quoted = quotedPhrases(question);
      // A heading holds a quoted phrase that is in it, or most of whose words are
      // (「數位賦能全民學習」 for （五）数字赋能全民学习).
      const holds = (h: string, phrase: string) => {
        const text = normalizeForSearch(h);
        if (text.includes(phrase)) return true;
        const words = index.tokenizer.tokenize(phrase);
        const present = new Set(index.tokenizer.tokenize(text));
        return words.length > 0 && words.filter((w) => present.has(w)).length / words.length >= 0.6;
      };
      const headingHolds = (h: string) => quoted.every((q) => holds(h, q));
      if (
        heading &&
        short &&
        whole > 0 &&
        matched(heading) / whole >= 0.6 &&
        headingHolds(heading)
      ) {
        const first =
          index.passages.find(
            (p) =>
              p.sourceId === hit.sourceId &&
              p.rendering?.language === hit.rendering?.language &&
              p.section.join('\n') === hit.section.join('\n'),
          ) ?? hit;
        // The section's own heading line ("（五）数字赋能全民学习。") says nothing the citation does
        // not: the sentences after it are the answer.
        const all = sentencesOf(first);
        const body = all.filter((t) => !HEADING_LINE.test(t));
        const opening = body.length > 0 ? body : all;
        const budget = BUDGET[languageOf(first)];
        const sentences: string[] = [];
        for (const text of opening) {
          if (sentences.length > 0 && sentences.join('').length + text.length > budget) break;
          sentences.push(text);
          if (sentences.length >= 2) break;
        }
        return [{ passage: first, sentences, score: matched(heading) }];
      }
      // "Who was the notice sent to?": the addressees, which only the opening names, even when
      // the search ranks it lower ("addressed" also matches the copy's "[e-mail address not
      // preserved]").
      const asksAddressees =
        /addressed|addressees|recipients|\bsent to\b|发给|发送给|主送|致哪些|哪些单位收/i.test(
          question,
        );
      if (asksAddressees) {
        // The line of the opening that names them ends with a colon ("…教育局：", "…Trade Unions:").
        // One line per notice the hits hold ("Compared with 2022, who is the 2024 notice
        // addressed to?": both).
        const lines: Excerpt[] = [];
        for (const h of hits.filter((x) => x.passage.section.length === 0)) {
          if (lines.some((e) => e.passage.sourceId === h.passage.sourceId)) continue;
          const line = h.passage.text
            .split('\n')
            .map((l) => l.trim())
            .find((l) => /[:：]$/.test(l) && l.length > 20);
          if (line)
            lines.push({ passage: h.passage, sentences: [line], score: h.score, structural: true });
        }
        if (lines.length > 0) return lines;
      }
      // "What does the 2024 notice open with?", "通知开头讲了什么": the preamble, the sentences
      // after the addressees, which name few of the question's words.
      if (ASKS_OPENING.test(question) && !NAMES_A_PART.test(question)) {
        const top = hits[0]!.passage;
        const opening = index.passages.filter(
          (p) =>
            p.sourceId === top.sourceId &&
            p.section.length === 0 &&
            p.rendering?.language === top.rendering?.language,
        );
        const excerpts: Excerpt[] = [];
        let after = false;
        let taken = 0;
        for (const passage of opening) {
          const sentences: string[] = [];
          for (const text of sentencesOf(passage)) {
            if (/[:：]$/.test(text) && text.length > 20) after = true;
            else if (after && taken < 2) {
              sentences.push(text);
              taken++;
            }
          }
          if (sentences.length > 0)
            excerpts.push({ passage, sentences, score: hits[0]!.score, structural: true });
        }
        if (excerpts.length > 0) return excerpts;
      }
      // The signature lines name who issued a notice; they answer that, and nothing else ("what
      // do the trade unions do" is not answered by "…General Trade Union"). The same for the line
      // naming whom a notice is sent to (answered above when asked).
      const keepSignature = ASKS_ISSUER.test(question);
      const wantsFigure =
        ASKS_QUANTITY.test(question) && !ASKS_ITEMS.test(normalizeForSearch(question));
      // "how many courses were opened": the figure may be a passage or two further down
      // ("online classes" finds the open classes before the 10,000 courses).
      const wantsList = ASKS_LIST.test(question);
      // "Which public venues…": a sentence naming the kinds of what is asked ("public cultural
      // facilities such as libraries, art museums…", "图书馆、博物馆等公共文化设施") answers it,
      // even from a passage the search ranks fourth or fifth.
      // The head is the question's word or a glossary form of it, in either language (venues:
      // facilities).
      // Only a list question reads the glossary for them.
      const asked = wantsList
        ? new Set([
            ...own,
            ...expander
              .entries(question)
              .flat()
              .flatMap((f) => index.tokenizer.tokenize(f))
              .filter((t) => !domainWords.has(t)),
          ])
        : new Set<string>();
      // "2022 platform list": a sentence whose items are themselves of the kind the asker names ("the
      // National Smart Education Platform, the China Community Education Network, the Open
      // University of China Lifelong Education Platform…", "国家智慧教育平台、…终身教育平台") lists them.
      const kind = new Set(
        wantsList ? askedKinds(question).flatMap((k) => index.tokenizer.tokenize(k)) : [],
      );
      const itemsOfKind = (text: string) =>
        kind.size > 0 &&
        itemHeads(text).filter((head) => {
          const words = index.tokenizer.tokenize(head);
          return words.length > 0 && kind.has(words[words.length - 1]!);
        }).length >= 2;
      const namesKinds = (text: string) =>
        wantsList &&
        ((surelyEnumerates(text) &&
          kindHeads(text).some((head) =>
            index.tokenizer.tokenize(head).some((t) => asked.has(t)),
          )) ||
          (enumerates(text) && itemsOfKind(text)));
      const reach = wantsFigure || wantsList ? 5 : 3;
      const pool = hits
        .map((hit, rank) => ({
          hit,
          sentences: sentencesOf(hit.passage).filter(
            (text) =>
              (keepSignature || !signatureLines.has(text)) &&
              !(hit.passage.section.length === 0 && /[:：]$/.test(text) && text.length > 20) &&
              (rank < 3 || wantsFigure || namesKinds(text)),
          ),
        }))
        .filter((x) => x.sentences.length > 0)
        .slice(0, reach)
        .flatMap(({ hit, sentences }, rank) =>
          sentences.map((text, position) => ({ hit, rank, position, text })),
        );
      const average = pool.reduce((sum, c) => sum + c.text.length, 0) / Math.max(1, pool.length);
      // "Open University" does not answer a question about universities (glossary shadows).
      const shadows = expander.shadows(question);
      const unshadowed = (text: string) => {
        if (shadows.length === 0) return text;
        let t = normalizeForSearch(text);
        for (const form of shadows) t = t.split(form).join(' ');
        return t;
      };
      // A rendered sentence is matched together with the original unit it renders, so a glossary
      // form of the other language (高校 for "universities") still counts for it.
      const withOriginal = (passage: Passage, text: string) => {
        const unit = passage.rendering?.units.find(
          (u) => u.text.includes(text) || text.includes(u.text),
        );
        return unit
          ? `${text}\n${index.cleaned[passage.sourceId]?.slice(unit.start, unit.end) ?? ''}`
          : text;
      };
      // An original sentence with the unit that renders it ("Help the construction of a learning
      // society…" with 助力建设“人人皆学、处处能学、时时可学”…), so a phrase quoted in the other
      // language still picks it.
      // Only when the question uses the rendering's script at all: a Chinese question about the
      // Chinese notice is not matched against its English rendering.
      const asksIn = {
        zh: /\p{Script=Han}/u.test(question),
        en: /[a-z]{3}/i.test(question),
      };
      const withRendering = (passage: Passage, text: string) => {
        const other = renderedFrom.get(passage.id);
        if (!other?.rendering || !asksIn[other.rendering.language])
          return withOriginal(passage, text);
        const at = passage.start + passage.text.indexOf(text);
        const unit = other.rendering?.units.find((u) => u.start <= at && at < u.end);
        return unit ? `${text}\n${unit.text}` : text;
      };
      // A phrase the question quotes picks the sentence that holds it, unless a section found is
      // named by it (“智慧助老”: then that section is what is asked, and sentences elsewhere that
      // name it in passing are not).
      // A term the notices themselves put in quotation marks (“一老一小”) names the same
      // thing unquoted in a question ("有没有适合一老一小的活动").
      const t = normalizeForSearch(question);
      const named = noticeTerms().filter((term) => t.includes(term) && !quoted.includes(term));
      // A rendering's section is named by its original's heading too.
      const sectionOf = (p: Passage) =>
        [...p.section, ...(p.rendering ? (byId.get(p.rendering.of)?.section ?? []) : [])].join(
          '\n',
        );
      const picking = [...quoted, ...named].filter(
        (q) => !hits.some((h) => holds(sectionOf(h.passage), q)),
      );
      const candidates = pool.map((c) => {
        // The opening of a notice (title, number, addressees) names every body and topic in
        // passing; it answers "who is it addressed to", rarely anything else.
        const opening = c.hit.passage.section.length === 0 ? (asksAddressees ? 1.5 : 0.6) : 1;
        // As in BM25, a long sentence matches more words by being long: a run-on paragraph of
        // the machine translation must not win over the short sentence that answers.
        const length = 1 / (0.6 + (0.4 * c.text.length) / average);
        const list = namesKinds(c.text) ? 2 : wantsList && enumerates(c.text) ? 1.5 : 1;
        // "how many courses were opened": a sentence with a figure is the kind that answers.
        const figure = wantsFigure && HAS_QUANTITY.test(c.text) ? 1.4 : 1;
        const quotes =
          !HEADING_LINE.test(c.text) &&
          picking.some((q) => normalizeForSearch(withRendering(c.hit.passage, c.text)).includes(q))
            ? 2
            : 1;
        return {
          ...c,
          score:
            matched(unshadowed(withRendering(c.hit.passage, c.text))) *
            opening *
            length *
            list *
            figure *
            quotes *
            (0.5 + (0.5 * c.hit.score) / top),
        };
      });
      candidates.sort((a, b) => b.score - a.score || a.rank - b.rank || a.position - b.position);
      const best = candidates[0];
      if (!best) return [];
      const budget = BUDGET[languageOf(best.hit.passage)];
      const chosen = [best];
      let used = best.text.length;
      // A heading line that wins ("（三）开展…进校园、进社区…") holds the question's words by
      // naming the section; the sentences under it are measured against the best of them.
      const bar = HEADING_LINE.test(best.text)
        ? (candidates.find((c) => !HEADING_LINE.test(c.text))?.score ?? best.score)
        : best.score;
      for (const c of candidates.slice(1)) {
        if (chosen.length >= 3 || c.score < bar * 0.6 || c.score === 0) break;
        if (used + c.text.length > budget) continue;
        chosen.push(c);
        used += c.text.length;
      }
      // A heading line ("（五）数字赋能全民学习。") repeats the section the citation names: the
      // sentence after it, the section's opening, is quoted with it.
      // So does a short lead sentence ("Adhere to the “one province and one case”.", "坚持突出地方
      // 特色。"): the sentence after it says what it means.
      const lead = (text: string) =>
        /[。.]$/.test(text) &&
        (/\p{Script=Han}/u.test(text) ? [...text].length <= 16 : text.length <= 60);
      for (const c of [...chosen])
        if (HEADING_LINE.test(c.text) || lead(c.text)) {
          const next = candidates.find((n) => n.hit === c.hit && n.position === c.position + 1);
          if (next && !chosen.includes(next)) chosen.push(next);
        }
      // A question for a list gets the list: the best sentence of the same passage that
      // enumerates, when none chosen from that passage does ("有哪些形式" → 好书推荐、书友会、读书沙龙…).
      // A list the passage introduces ("主要包括:…;…;…。", "including:") is given whole: the
      // introducing sentence and the items after it, up to the one that ends the list.
      // An item of an introduced list chosen from another passage ("宣讲积极应对人口老龄化战略、
      // 乡村振兴战略;") brings its list whole too: the law of the item before it was asked as well.
      if (wantsList)
        for (const c of [...chosen]) {
          if (c.hit === best.hit) continue;
          const opener = candidates
            .filter((n) => n.hit === c.hit && n.position <= c.position && LIST_INTRO.test(n.text))
            .sort((a, b) => b.position - a.position)[0];
          if (!opener) continue;
          const run: typeof candidates = [];
          for (let at = opener.position; ; at++) {
            const n = candidates.find((x) => x.hit === c.hit && x.position === at);
            if (!n) break;
            run.push(n);
            if (!/[;；]$/.test(n.text)) break;
          }
          if (run.includes(c)) for (const n of run) if (!chosen.includes(n)) chosen.push(n);
        }
      const intro = wantsList
        ? candidates
            .filter((c) => c.hit === best.hit && LIST_INTRO.test(c.text))
            .sort((a, b) => a.position - b.position)[0]
        : undefined;
      if (intro) {
        for (let c: (typeof candidates)[number] | undefined = intro; c;) {
          if (!chosen.includes(c)) chosen.push(c);
          if (!/[;；]$/.test(c.text)) break;
          const at: number = c.position + 1;
          c = candidates.find((n) => n.hit === best.hit && n.position === at);
        }
      } else if (wantsList) {
        // The longest list of the passage that matches the question at all, when it is longer
        // than any list chosen from that passage (书香社区、书香之家、读书之城 beside 好书推荐、好书
        // 诵读、书友会、读书沙龙、智能学习).
        const items = (s: string) => s.split(/、|, /).length;
        const longest = Math.max(
          0,
          ...chosen
            .filter((c) => c.hit === best.hit && surelyEnumerates(c.text))
            .map((c) => items(c.text)),
        );
        const list = candidates
          .filter(
            (c) => c.score > 0 && c.hit === best.hit && !chosen.includes(c) && enumerates(c.text),
          )
          .sort(
            (a, b) =>
              Number(surelyEnumerates(b.text)) - Number(surelyEnumerates(a.text)) ||
              b.score * items(b.text) - a.score * items(a.text),
          )[0];
        if (list && !chosen.includes(list) && (longest === 0 || items(list.text) > longest + 1))
          chosen.push(list);
        // The other lists of that passage that the question touches at all (好书推荐… beside 书香
        // 社区… and 微信读书、数字化阅读等活动): a question for the kinds of something gets them all.
        let room = 2 * budget - chosen.reduce((n, c) => n + c.text.length, 0);
        for (const c of candidates)
          if (
            c.hit === best.hit &&
            !chosen.includes(c) &&
            chosen.filter((x) => x.hit === best.hit).length < 4 &&
            (surelyEnumerates(c.text) || /、[^、，,。；;]{1,12}等/.test(c.text)) &&
            c.text.length <= room
          ) {
            chosen.push(c);
            room -= c.text.length;
          }
      }
      chosen.sort((a, b) => a.rank - b.rank || a.position - b.position);
      const byPassage = new Map<string, Excerpt>();
      for (const c of chosen) {
        const prior = byPassage.get(c.hit.passage.id);
        // A clause of a rendered sentence is quoted as the whole sentence it is part of (the
        // citation quotes the original sentence whole): "master knowledge…;" alone leaves out who
        // is to do it and the rest of the list.
        const unit = c.hit.passage.rendering?.units.find((u) => u.text.includes(c.text))?.text;
        const text =
          unit && unit.length <= WHOLE_UNIT && c.hit.passage.text.includes(unit) ? unit : c.text;
        if (prior?.sentences.includes(text)) continue;
        byPassage.set(c.hit.passage.id, {
          passage: c.hit.passage,
          sentences: [...(prior?.sentences ?? []), text],
          score: Math.max(prior?.score ?? 0, c.score),
        });
      }
      return [...byPassage.values()];
    },
  };
}

/**
 * What a sentence gives kinds of: the words before "such as" / "including" ("public cultural
 * facilities such as libraries…"), or after 等 / before 如 in Chinese ("…博物馆等公共文化设施").
 */
export function kindHeads(text: string): string[] {
  const heads: string[] = [];
  // The noun just before "such as" is what the items are kinds of ("vehicles such as lectures,
  // … online platforms" gives vehicles, not platforms).
  for (const m of text.matchAll(/([\w’'-]+)\s+(?:such as|including|like)\s/gi)) heads.push(m[1]!);
  for (const m of text.matchAll(/等([\p{Script=Han}]{2,8})/gu)) heads.push(m[1]!);
  for (const m of text.matchAll(/([\p{Script=Han}]{2,8})(?:如|例如|比如|包括)/gu))
    heads.push(m[1]!);
  return heads;
}

/**
 * The words that name what a list question asks for: after "which", "what", "list of", 哪些,
 * before "list", 清单, 名单 ("which national body" → national, body; "platform list" → platform).
 */
export function askedKinds(question: string): string[] {
  const t = normalizeForSearch(question);
  const kinds: string[] = [];
  for (const m of t.matchAll(
    /\b(?:which|what|list of|lists of)\s+((?:[a-z][\w'-]*\s+){0,2}[a-z][\w'-]*)/g,
  ))
    kinds.push(...m[1]!.split(/\s+/));
  for (const m of t.matchAll(/([a-z][\w'-]*)\s+(?:list|lists)\b/g)) kinds.push(m[1]!);
  for (const m of t.matchAll(
    /(?:哪些|哪几个|哪几家|哪几类|哪几种|有什么|有啥)(\p{Script=Han}{2,4})/gu,
  ))
    kinds.push(m[1]!);
  for (const m of t.matchAll(/(\p{Script=Han}{2,4})(?:清单|名单|列表|一览)/gu)) kinds.push(m[1]!);
  return kinds;
}

/**
 * The last words of each item of a sentence's list, which name what kind of thing each item is
 * ("the China Community Education Network" → Network, "国家智慧教育平台" → 教育平台).
 */
export function itemHeads(text: string): string[] {
  return text
    .split(/、|；|;|,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|和|及|以及/)
    .map((item) => item.replace(/\s*[（(][^)）]*[)）]\s*$/, '').trim())
    .map((item) => item.match(/([A-Za-z][\w’'-]*)$|(\p{Script=Han}{1,4})$/u)?.[0] ?? '')
    .filter((head) => head.length > 0);
}

/**
 * The exact stretches of a passage that the chosen sentences cover: neighbouring sentences merge
 * into one stretch, so each quote can be found verbatim in the notice.
 */
export function quotedStretches(excerpt: Excerpt): string[] {
  const text = excerpt.passage.text;
  const ranges: [number, number][] = [];
  let from = 0;
  for (const sentence of excerpt.sentences) {
    const at = text.indexOf(sentence, from);
    if (at < 0) continue;
    const last = ranges[ranges.length - 1];
    if (last && /^\s*$/.test(text.slice(last[1], at))) last[1] = at + sentence.length;
    else ranges.push([at, at + sentence.length]);
    from = at + sentence.length;
  }
  return ranges.map(([a, b]) => text.slice(a, b));
}

/**
 * The sentences that answer a question; a message that asks two things ("对全民阅读有啥要求?
 * 书香社区那些还要搞吗") gets, besides the whole question's best, the best sentence of each asking
 * sentence that the whole question's choice left out.
 */
export function pickForEachAsk(
  extractor: Extractor,
  text: string,
  hits: readonly SearchHit[],
  covered: readonly number[],
  partHits?: ReadonlyMap<string, readonly SearchHit[]>,
): Excerpt[] {
  const excerpts = extractor.pick(text, hits, covered);
  const asking = askingSentences(text);
  if (asking.length < 2 || excerpts.length === 0 || excerpts[0]!.structural) return excerpts;
  const out = excerpts.map((e) => ({ ...e, sentences: [...e.sentences] }));
  for (const part of asking) {
    const own = partHits?.get(part);
    const [best] = extractor.pick(part, own && own.length > 0 ? own : hits, covered);
    if (!best || best.structural) continue;
    const fresh = best.sentences.filter((s) => !out.some((e) => e.sentences.includes(s)));
    if (fresh.length === 0) continue;
    const same = out.find((e) => e.passage.id === best.passage.id);
    if (!same) {
      out.push({ ...best, sentences: fresh });
      continue;
    }
    // In the passage's own order.
    same.sentences.push(...fresh);
    same.sentences.sort((a, b) => same.passage.text.indexOf(a) - same.passage.text.indexOf(b));
  }
  return out;
}

/** Asks what a notice says on a topic as a whole ("读书活动那块 2022年通知咋说的"). */
const ASKS_WHAT_IT_SAYS =
  /(?:咋|怎么|怎样|如何|点样)(?:说|讲|写)的?|(?:列了|列出|列举了?|列咗)(?:哪些|哪几|什么|啥|些什么|咩|乜)|(?:哪些|啥|咩|什么|乜嘢?)(?:具体|樣|样)?的?\p{Script=Han}{0,4}(?:活动|形式)(?:形式|方式)?[?？呀啊呢吗嗎]*$|\bwhat (?:kinds? of |sorts? of |types? of )?(?:specific )?(?:activities|forms)\b|(?:说|讲|写|提)了(?:什么|啥|些什么|哪些)|讲咗(?:乜|咩|啲乜)|\bwhat (?:does|did) (?:the |that |this )?(?:\d{4} )?(?:notice|document|copy|text|it) (?:say|said)\b|\bwhat (?:does|did) (?:the |that |this )?(?:\d{4} )?(?:notice|document|it) (?:ask|want|require|expect|tell)s? (?:of )?(?:localities|local areas|provinces|places|regions|them|people|schools)\b|(?:要求|让|讓|叫|要)(?:各地|地方|各省|大家)?(?:做|干|幹|搞)(?:什么|什麼|啥|些什么|哪些|咩|乜)/u;
/** The longest passage quoted whole for such a question (characters). */
const WHOLE_PASSAGE = { zh: 420, en: 1400 } as const;

/**
 * The best excerpt as its whole passage when the question asks what the notice says on a topic
 * and the passage is short enough to read in a chat; the other excerpts as they were.
 */
export function wholeWhenAskedWhatItSays(
  question: string,
  excerpts: readonly Excerpt[],
): Excerpt[] {
  const first = excerpts[0];
  if (!first || first.structural || !ASKS_WHAT_IT_SAYS.test(normalizeForSearch(question)))
    return [...excerpts];
  const text = first.passage.text;
  const chinese = (text.match(/\p{Script=Han}/gu)?.length ?? 0) * 3 > text.length;
  if (text.length > WHOLE_PASSAGE[chinese ? 'zh' : 'en']) return [...excerpts];
  const sentences = text
    .split('\n')
    .flatMap((line) => splitSentences(line).map((s) => line.slice(s.start, s.end).trim()))
    .filter(Boolean);
  return [{ ...first, sentences }, ...excerpts.slice(1)];
}
