import { ORDINALS } from '../knowledge/headings.js';
import { normalizeForSearch } from '../knowledge/script.js';
import { passageLanguage, type Passage } from '../knowledge/types.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';
import type { Citation, Language } from '../types.js';
import type { Citer } from './cite.js';
import { messagesFor } from './messages.js';
import { list, paragraph, type Draft } from './reply.js';
import { WEEK_NAME } from './lookup.js';
import { ENGLISH_FRAME } from './unknown-words.js';
import { QUESTION_FORM } from './intent.js';

/**
 * Questions about the shape of a notice: "2024年活动内容有哪几项", "what are the main kinds of
 * activities in the 2024 notice" (the headings of a section's parts), and "活动内容第五项讲什么"
 * (the opening of its fifth part). Answered from the section headings, each cited.
 */

// Asks for the parts of something, not for one thing in it.
const ASKS_PARTS =
  /(?:有|共|共有|总共|一共|分为|分成)[两二三四五六七八九十\d]\s*(?:点|项|条|个方面|大方面|方面|个部分|部分)(?!钟|半)|哪几点|有几点|边几点|(?:几多|多少)(?:项|点|条|个方面|方面|部分|个部分)|哪几项|哪几个方面|哪几方面|几方面|哪些方面|几项|几条|几点|几个方面|几个部分|几大部分|几部分|(?:哪|几)大?(?:块|板块)|几大(?:项|类|方面|点)|分成几|哪几部分|哪些部分|主要内容|包括哪些|分哪|有哪些|哪些|main (?:activity |activities )?(parts|kinds|types|areas|points|sections|activities|contents?|items)|activity areas|what (are|were) the (main )?(activities|parts|sections|kinds|types)|what (are|were) the (overall |general |main )?(requirements|principles|points)|\bprinciples\b|kinds of|types of|\boutline\b|\bstructure\b|\bsections\b|\bparts\b|\bstrands\b|\bhow many (?:\w+ )?(?:items|points|sub-?sections)\b|\bhow many (?:kinds of |types of |main )?activit(?:y|ies)\b(?=.{0,30}\b(?:list|lists|listed|set out|sets out|include|includes|included|name|names|named)\b)|\b(?:two|three|four|five|six|seven|[2-9])\s+(?:[a-z-]+\s+){0,3}(?:areas|parts|sections|points|items|principles)\b|哪几个(?=[“"「]?(?:坚持|注重))|(?:哪几|几|[两二三四五六七八九十])个(?:原则|要点|方面|部分)/;
/** A clause that tells who asks ("我在写…的稿子", "I'm writing a report"). */
const TELLS_WHO_ASKS = /^\s*(?:我|我们|我哋|本人|(?:i|we|i'm|im|we're|my|our|for (?:my|our))\b)/;
/** A clause that says how the answer is wanted, not what is asked. */
const WANTED_AS =
  /条列|分点|逐条|列点|列一下|列一列|列出来|整理一下|简单(?:点|些|讲)|只要(?:个)?(?:数字|数目|个数|数)|\bjust the (?:number|count)\b|\b(?:number|count) only\b|\bbullet|\bpoint form\b|\bin points\b|\bbriefly\b|\b(?:is|are) fine\b|\bis ok(?:ay)?\b/;
/** What the answer is for ("给居民做宣讲用：", "为社区讲座准备"): not what is asked. */
const FOR_USE = /^(?:给|为|帮|替).{1,12}(?:用|准备|做准备)[:：,，]?\s*$/;
/** Asks how many parts there are ("总共有几项", "how many items"). */
const COUNTS_PARTS =
  /(?:几|多少|几多)(?:项|点|条|个方面|部分|大?块|大?板块|大项|大类|大方面)|\bhow many\b/;
const CN_ORDINAL = '一二三四五六七八九十';

/** "第五项", "(五)", "the fifth item", "item 5", "part (3)". */
function ordinalIn(t: string): number | undefined {
  const zh = /第\s*([一二三四五六七八九十]|\d{1,2})\s*(?:项|条|部分|点|个|方面|小节|节)/.exec(t);
  if (zh) return /\d/.test(zh[1]!) ? Number(zh[1]) : CN_ORDINAL.indexOf(zh[1]!) + 1;
  const en = new RegExp(
    `\\b(?:the\\s+)?(${ORDINALS.join('|')}|\\d{1,2}(?:st|nd|rd|th))\\s+(?:item|point|part|section|activit(?:y|ies)|heading|one)\\b`,
  ).exec(t);
  if (en) {
    const word = ORDINALS.indexOf(en[1]!);
    return word >= 0 ? word + 1 : Number.parseInt(en[1]!, 10);
  }
  const item = /\b(?:item|point|part|section)\s+\(?(\d{1,2})\)?/.exec(t);
  return item ? Number(item[1]) : undefined;
}

/** Words of a question that only say "parts of", "the notice", "main": not what it is about. */
const SHAPE_WORDS = new Set(
  (
    '哪 几 项 哪些 方面 部分 主要 内容 包括 有 讲 说 是 什么 啥 通知 里 中 的 第 个 条 点 一共 共 总共 都 分成 分为 分 共分 总共分 其中 首要 为何 何 者 列为 大 大部 大部分 块 大块 板块 大项 大类 嗰 𠮶 嗰份 份 这份 那份 呢份 那个 这个 每 标题 底下 下面 列 列了 ' +
    // Cantonese asking words: 讲咗啲乜 (what does it say), 系咩, 入面.
    '咗 讲咗 啲 乜 乜嘢 咩 系 係 嘅 入面 边 边几 系边 讲咗啲乜 讲咗乜 say says 几点 哪几点 原则 要点 几条 哪几条 提到 提出 列出 强调 突出 着重 重点 guid guide principl point strand two three four five six under laid lai lay out gener overal summar summaris summariz overview brief briefli 概括 概述 简述 简要 一下 帮 我 介绍 大概 大致 多项 几多 可以 可唔可以 可不可以 能不能 简单 列一列 一列 列下 列一下 唔该 ' +
    // "可以帮我用中文整理吗": how the answer is wanted, not which section.
    '整理 归纳 汇总 中文 英文 用 里面 就行 就好 有人 问 有人问 今年 去年 前年 year 系讲 係講 呀 ' +
    // "总体要求好像有四点": a count the asker recalls, hedged (the count itself: see words).
    '好像 好似 似乎 听说 记得 ' +
    // How the list is wanted and whom the section addresses ("可以帮我条列一下吗", "the notice
    // asks localities to carry out? Bullet points are fine").
    '条列 分点 逐条 列点 give ask local carri carry bullet fine ok okay design designat ' +
    // A formal letter's 所列之…共有幾項，請逐項列出標題.
    '所列 所载 载明 共有 逐项 列出 请 请问 标题 题目 名称 ' +
    'main part kind type area point section activ content notic item number count list outline structur the of in ' +
    'are were what which 活动周 week'
  ).split(' '),
);

interface Part {
  readonly label: string;
  readonly original: string;
  readonly first: Passage;
}
interface Section {
  readonly sourceId: string;
  readonly language: 'zh' | 'en';
  readonly label: string;
  readonly parts: readonly Part[];
}

/** The longest opening sentence shown whole beside a part's heading; a longer one is cut. */
const GIST = { zh: 90, en: 240 } as const;

/**
 * The sentence after a part's heading, as shown (cut after a clause, with an ellipsis, when long)
 * and as quoted (the words shown, verbatim); null when the part has none.
 */
function openingSentence(part: Part): { shown: string; quoted: string } | null {
  const text = part.first.text;
  // The heading leads the passage's text, or is only its section (the 2022 notice).
  const at = text.indexOf(part.label);
  const body = text
    .slice(at < 0 ? 0 : at + part.label.length)
    .replace(/^[\s.。:：]+/, '')
    // "Activity week." before the sentence in the 2024 copy's first part: a stray line.
    .replace(/^[A-Z][a-z]+ week\.\s*/, '');
  const han = /\p{Script=Han}/u.test(body.slice(0, 20));
  const end = han ? body.search(/[。；;]/) : body.search(/\.(?=\s|$)/);
  const sentence = (end < 0 ? body : body.slice(0, end + 1)).trim();
  if (sentence.length < 8) return null;
  const cap = han ? GIST.zh : GIST.en;
  if (sentence.length <= cap) return { shown: sentence, quoted: sentence };
  const clause = sentence.slice(0, cap).search(han ? /[，,、；;][^，,、；;]*$/ : /[,;][^,;]*$/);
  if (clause < cap / 3) return null;
  const quoted = sentence.slice(0, clause);
  return { shown: `${quoted}…`, quoted };
}

/** Creates the outline answerer of an index. */
export function createOutliner(index: KnowledgeIndex, citer: Citer) {
  const sourceLanguage = new Map(index.sources.map((s) => [s.id, s.language]));
  const yearOf = new Map(index.sources.map((s) => [s.id, s.year]));
  /** The top-level headings of a notice in one language, in order. */
  const topLabels = (sourceId: string, language: 'zh' | 'en'): string[] => [
    ...new Set(
      index.passages
        .filter((p) => p.sourceId === sourceId)
        .filter((p) => passageLanguage(p, sourceLanguage.get(p.sourceId) ?? 'zh') === language)
        .map((p) => p.section[0])
        .filter((label): label is string => Boolean(label)),
    ),
  ];
  const byId = new Map(index.passages.map((p) => [p.id, p]));
  // Each top-level section with parts, once per language a notice is indexed in.
  const sections: Section[] = [];
  for (const p of index.passages) {
    if (p.section.length < 2) continue;
    const language = passageLanguage(p, sourceLanguage.get(p.sourceId) ?? 'zh');
    let section = sections.find(
      (s) => s.sourceId === p.sourceId && s.language === language && s.label === p.section[0],
    );
    if (!section) {
      section = { sourceId: p.sourceId, language, label: p.section[0]!, parts: [] };
      sections.push(section);
    }
    const parts = section.parts as Part[];
    if (!parts.some((part) => part.label === p.section[1])) {
      const original = p.rendering ? byId.get(p.rendering.of) : p;
      parts.push({
        label: p.section[1]!,
        original: original?.section[1] ?? p.section[1]!,
        first: p,
      });
    }
  }
  // Top-level sections without numbered parts ("一、总体要求"), with the short sentences that open
  // their paragraphs after the first ("坚持动员社会各方参与。", "Pay attention to promoting
  // digital learning."): the points such a section sets out.
  const flat: Section[] = [];
  const leadsOf = new Map<Section, { text: string; passage: Passage }[]>();
  for (const source of index.sources) {
    for (const language of ['zh', 'en'] as const) {
      const mine = index.passages.filter(
        (p) =>
          p.sourceId === source.id &&
          p.section.length === 1 &&
          passageLanguage(p, source.language) === language,
      );
      for (const label of new Set(mine.map((p) => p.section[0]!))) {
        const lines = mine
          .filter((p) => p.section[0] === label)
          .flatMap((passage) =>
            passage.text
              .split(/\n+/)
              .map((line) => line.trim())
              .filter(Boolean)
              .map((line) => ({ line, passage })),
          );
        const leads = lines.flatMap(({ line, passage }, i) => {
          const lead =
            language === 'zh'
              ? /^[^。；!?！？]{3,15}。/.exec(line)
              : /^[A-Z][^.;!?]+\.(?=\s|$)/.exec(line);
          // A point is words only: no figure, address or label ("E-mail: …").
          if (!lead || /[\d:：@]/.test(lead[0])) return [];
          const short = language === 'zh' ? true : lead[0].split(/\s+/).length <= 10;
          // A lead heads what follows it: in its own line, or in the lines after it.
          const heads = lead[0].length < line.length || i < lines.length - 1;
          return short && heads ? [{ text: lead[0], passage }] : [];
        });
        if (leads.length < 2) continue;
        const section: Section = { sourceId: source.id, language, label, parts: [] };
        flat.push(section);
        leadsOf.set(section, leads);
      }
    }
  }
  /** "2024年通知嘅總體要求有幾點", "the overall requirements in 2024": the points, each cited. */
  const sectionPoints = (section: Section, language: Language): Draft => {
    const leads = leadsOf.get(section)!;
    const m = messagesFor(language);
    const rendered = leads[0]!.passage.rendering;
    return {
      kind: 'extractive',
      blocks: [
        paragraph(m.sectionPoints(yearOf.get(section.sourceId) ?? 0, section.label, leads.length)),
        ...(rendered ? [paragraph(m.workingTranslation(rendered.note))] : []),
        list(leads.map((l) => l.text)),
      ],
      citations: leads.map((l) =>
        l.passage.rendering
          ? citer.rendered(l.passage, l.text, language)
          : citer.passage(l.passage, l.text, language),
      ),
    };
  };

  const words = (text: string) =>
    index.tokenizer.tokenize(text).filter(
      (t) =>
        !SHAPE_WORDS.has(t) &&
        !ENGLISH_FRAME.has(t) &&
        !/^\d+$/.test(t) &&
        // A single character (the 提 of 提了, 里) names no section.
        !/^\p{Script=Han}$/u.test(t) &&
        // 哪几项, 几个方面: the asking words themselves.
        !/^(哪|几|有|包括|分)/.test(t) &&
        // "好像有四点", "分为五个部分": a count the asker recalls.
        !/^[两二三四五六七八九十]+(?:个|点|项|条|大)?$/.test(t),
    );

  /** "What are the main sections of the 2022 notice": its top-level headings. */
  const wholeNotice = (
    t: string,
    language: Language,
    years: readonly number[],
    ordinal: number | undefined,
    asked: ReadonlySet<string>,
  ): Draft | null => {
    if ((ordinal === undefined && asked.size > 0) || years.length !== 1) return null;
    if (!/通知|notice|document|文件/.test(t)) return null;
    const source = index.sources.find((s) => s.year === years[0]);
    if (!source) return null;
    const reader = language === 'en' ? 'en' : 'zh';
    const own = index.passages.filter((p) => p.sourceId === source.id);
    const mine = own.filter((p) => passageLanguage(p, source.language) === reader);
    const passages = mine.length > 0 ? mine : own.filter((p) => !p.rendering);
    const labels: { label: string; original: string }[] = [];
    for (const p of passages) {
      const label = p.section[0];
      if (!label || labels.some((l) => l.label === label)) continue;
      const original = p.rendering ? byId.get(p.rendering.of)?.section[0] : label;
      labels.push({ label, original: original ?? label });
    }
    if (labels.length < 2) return null;
    const m = messagesFor(language);
    const rendered = passages.find((p) => p.rendering)?.rendering;
    if (ordinal !== undefined) {
      // "第五部分讲的啥", "what does section 5 say": that top-level section, its opening quoted.
      const chosen = labels[ordinal - 1];
      const first = chosen && passages.find((p) => p.section[0] === chosen.label);
      if (!chosen || !first) return null;
      // Words besides the ordinal may only name that section ("第三部分活动组织").
      const named = new Set([...words(chosen.label), ...index.tokenizer.tokenize(chosen.label)]);
      if ([...asked].some((w) => !named.has(w))) return null;
      const pointed = flat.find(
        (s) => s.sourceId === source.id && s.label === chosen.label && leadsOf.has(s),
      );
      if (pointed) return sectionPoints(pointed, language);
      const parts = [
        ...new Set(
          passages
            .filter((p) => p.section[0] === chosen.label && p.section[1])
            .map((p) => p.section[1]!),
        ),
      ];
      // A section with numbered parts: their headings and its opening. One without: the opening
      // of each of its passages (2022 五、其他事项 is the submissions, then the contacts), so
      // nothing it covers is left unmentioned.
      const shown =
        parts.length >= 2 ? [first] : passages.filter((p) => p.section[0] === chosen.label);
      const openings = shown.slice(0, 3).map((p, i) => ({
        passage: p,
        text: p.text
          .split('\n')
          .slice(0, i === 0 ? 4 : 2)
          .join('\n'),
      }));
      return {
        kind: 'extractive',
        blocks: [
          paragraph(m.noticePart(source.year, ordinal, chosen.label)),
          ...(rendered ? [paragraph(m.workingTranslation(rendered.note))] : []),
          ...(parts.length >= 2 ? [list(parts)] : []),
          ...openings.map((o, i) => ({ kind: 'quote' as const, text: o.text, citation: i + 1 })),
        ],
        citations: openings.map((o) =>
          o.passage.rendering
            ? citer.rendered(o.passage, o.text, language)
            : citer.passage(o.passage, o.text, language),
        ),
      };
    }
    return {
      kind: 'extractive',
      blocks: [
        paragraph(m.noticeOutline(source.year, labels.length)),
        ...(rendered ? [paragraph(m.workingTranslation(rendered.note))] : []),
        list(labels.map((l) => l.label)),
      ],
      citations: labels.map((l) => citer.quote(source.id, l.original, language)),
    };
  };

  let themes: string[] | undefined;
  return {
    /** The outline answer, or null when the question is not about a section's parts. */
    answer(text: string, language: Language, years: readonly number[]): Draft | null {
      const t = normalizeForSearch(text);
      const ordinal = ordinalIn(t);
      if (ordinal === undefined && !ASKS_PARTS.test(t)) return null;
      const reader = language === 'en' ? 'en' : 'zh';
      // The ordinal itself ("第五项", "fifth item") is not a topic word.
      // The Week's own name ("2024年活动周的总体要求") names no section.
      // Of a message of several clauses, those that tell who asks ("我在寫一篇…的稿子") or how the
      // answer is wanted ("可以帮我条列一下吗", "Bullet points are fine."): not what is asked.
      const clauses = t.split(/(?<=[?？。!！,，;；:：])\s*/).filter((c) => c.trim());
      // How the answer is wanted, set off by a space ("活动内容一共几条 只要数字"), is not asked.
      const trimmed = clauses.map((c) =>
        c
          .split(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u)
          .filter((part) => !(WANTED_AS.test(part) && !ASKS_PARTS.test(part)))
          .join(' '),
      );
      const kept = trimmed.filter(
        (c) =>
          !(TELLS_WHO_ASKS.test(c) && !QUESTION_FORM.test(c)) &&
          !(WANTED_AS.test(c) && !ASKS_PARTS.test(c)) &&
          !(FOR_USE.test(c) && !QUESTION_FORM.test(c)),
      );
      // A theme quoted as the setting ("“学习贯彻二十大，终身学习向未来”这个主题下面，主要有哪几项
      // 活动内容") names no section.
      themes ??= index.facts
        .filter((f) => f.kind === 'theme')
        .flatMap((f) => Object.values(f.fields))
        .map((v) => normalizeForSearch(v).replace(/[\s,，、;；]/g, ''));
      const focus = (
        kept.length > 0 &&
        (kept.length < clauses.length || trimmed.some((c, i) => c !== clauses[i]))
          ? kept.join(' ')
          : t
      )
        .replace(/[“"「『]([^”"」』]{4,60})[”"」』]/g, (whole, inner: string) =>
          themes!.some((th) => th.length > 0 && th.includes(inner.replace(/[\s,，、;；]/g, '')))
            ? ' '
            : whole,
        )
        .replace(/(?:这个|这一|该|此)?主题(?:下面|下的|之下|底下)/g, ' ');
      const asked = new Set(
        words(
          focus
            .replace(WEEK_NAME, ' ')
            .replace(
              /第\s*([一二三四五六七八九十]|\d{1,2})\s*(?:项|条|部分|点|个|方面|小节|节)/g,
              ' ',
            )
            .replace(
              /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|\d{1,2}(st|nd|rd|th))\b/g,
              ' ',
            ),
        ),
      );
      // The sections (of the years asked) the question names, and nothing more specific: each
      // with how many of its heading's words it uses (活动内容 / "activities"). A single character
      // (the 一 of 一共, the 和 of a heading) names nothing.
      const namedIn = (list: readonly Section[]) =>
        list
          .filter((s) => years.length === 0 || years.includes(yearOf.get(s.sourceId) ?? 0))
          .map((s) => {
            // A section of points is named by its points' words too ("“坚持/注重”的原则").
            const heading = new Set([
              ...words(s.label),
              ...index.tokenizer.tokenize(s.label),
              ...(leadsOf.get(s) ?? []).flatMap((l) => index.tokenizer.tokenize(l.text)),
              // "how many items…, and which one is the primary political task": counted, the
              // section is named by its parts' headings too.
              ...(COUNTS_PARTS.test(t)
                ? s.parts.flatMap((p) => index.tokenizer.tokenize(normalizeForSearch(p.label)))
                : []),
            ]);
            const hits = index.tokenizer
              .tokenize(normalizeForSearch(s.label))
              .filter((w) => !/^\d+$/.test(w) && [...w].length >= 2 && t.includes(w)).length;
            return { s, hits, extra: [...asked].filter((w) => !heading.has(w)) };
          })
          .filter((c) => c.hits > 0 && c.extra.length === 0);
      const candidates = namedIn(sections.filter((s) => s.parts.length >= 2));
      if (candidates.length === 0) {
        // A section without numbered parts, named ("总体要求有几点", "overall requirements").
        // "What are the guiding principles": the points of the one section that sets out points.
        const principles = /原则|principl/.test(t)
          ? flat.filter((s) => years.length === 0 || years.includes(yearOf.get(s.sourceId) ?? 0))
          : [];
        const byHeading = namedIn(flat).map((c) => c.s);
        const named =
          byHeading.length === 0 && new Set(principles.map((s) => s.sourceId)).size === 1
            ? principles
            : byHeading;
        const notices = new Set(named.map((s) => s.sourceId));
        if (ordinal === undefined && notices.size === 1) {
          // Named in the other language ("英文通知的 Overall requirements"): the same section
          // in the reader's language, found by its place among the notice's sections.
          const chosen = named.find((s) => s.language === reader) ?? named[0]!;
          const place = topLabels(chosen.sourceId, chosen.language).indexOf(chosen.label);
          const own =
            chosen.language === reader
              ? chosen
              : flat.find(
                  (s) =>
                    s.sourceId === chosen.sourceId &&
                    s.language === reader &&
                    topLabels(s.sourceId, reader).indexOf(s.label) === place,
                );
          return sectionPoints(own ?? chosen, language);
        }
        return wholeNotice(t, language, years, ordinal, asked);
      }
      // One notice's section, in the reader's language where a rendering gives it.
      const best = Math.max(...candidates.map((c) => c.hits));
      const top = candidates.filter((c) => c.hits === best);
      const years_ = [...new Set(top.map((c) => yearOf.get(c.s.sourceId) ?? 0))];
      if (years_.length !== 1) return null;
      // Named in the other language ("the main activity items (活动内容)"): the same section in
      // the reader's language, found by its place among the notice's top-level sections.
      const counterpart = (other: Section) => {
        const label = topLabels(other.sourceId, reader)[
          topLabels(other.sourceId, other.language).indexOf(other.label)
        ];
        return sections.find(
          (x) => x.sourceId === other.sourceId && x.language === reader && x.label === label,
        );
      };
      const section =
        top.find((c) => c.s.language === reader)?.s ?? counterpart(top[0]!.s) ?? top[0]!.s;
      const m = messagesFor(language);
      const year = years_[0]!;
      // "第三部分「活动组织」讲了什么": the ordinal is the named section's own place, not a part of it.
      const place = topLabels(section.sourceId, section.language).indexOf(section.label) + 1;
      const sectionOrdinal =
        /第\s*\S{1,2}\s*部分|\b(section|part)\s+\d|\b\w+\s+(section|part)\b/.test(t);
      const partOrdinal = sectionOrdinal && ordinal === place ? undefined : ordinal;
      const rendered = section.parts[0]!.first.rendering;
      const citations: Citation[] = [];
      const lead = rendered ? [paragraph(m.workingTranslation(rendered.note))] : [];
      if (partOrdinal !== undefined) {
        const part = section.parts[partOrdinal - 1];
        if (!part) return null;
        // The part's opening lines, which state what it asks for.
        const opening = part.first.text.split('\n').slice(0, 3).join('\n');
        // "总共有几多项？第五项讲咩？": how many parts, listed, then the one asked.
        const whole = COUNTS_PARTS.test(t)
          ? {
              blocks: [
                paragraph(m.outline(year, section.label, section.parts.length)),
                list(section.parts.map((p) => p.label)),
              ],
              citations: section.parts.map((p) =>
                citer.quote(section.sourceId, p.original, language),
              ),
            }
          : { blocks: [], citations: [] };
        return {
          kind: 'extractive',
          blocks: [
            ...whole.blocks,
            paragraph(m.outlinePart(year, section.label, partOrdinal, part.label)),
            ...lead,
            { kind: 'quote', text: opening, citation: whole.citations.length + 1 },
          ],
          citations: [
            ...whole.citations,
            part.first.rendering
              ? citer.rendered(part.first, opening, language)
              : citer.passage(part.first, opening, language),
          ],
        };
      }
      // Each part with the sentence that opens it ("（二）深入开展常态化学习活动: 深入开展全民阅读活动…"):
      // a heading alone ("In-depth conventional learning activities") rarely says what is done.
      const items = section.parts.map((part) => {
        const gist = openingSentence(part);
        if (!gist) {
          citations.push(citer.quote(section.sourceId, part.original, language));
          return part.label;
        }
        citations.push(
          part.first.rendering
            ? citer.rendered(part.first, gist.quoted, language)
            : citer.passage(part.first, gist.quoted, language),
        );
        return `${part.label}${language === 'en' ? ': ' : '：'}${gist.shown}`;
      });
      return {
        kind: 'extractive',
        blocks: [
          paragraph(m.outline(year, section.label, section.parts.length)),
          ...lead,
          list(items),
        ],
        citations,
      };
    },
  };
}
