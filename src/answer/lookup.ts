import type { Fact } from '../knowledge/facts.js';
import { createQueryExpander } from '../knowledge/glossary.js';
import { normalizeForSearch } from '../knowledge/script.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';
import { ENGLISH_FRAME } from './unknown-words.js';

/** The records a question points at, and how clearly it points. */
export interface Lookup {
  readonly chosen: readonly Fact[];
  /** none: the question names no record (all are listed); strong: it names one; weak: it names something no record matches well. */
  readonly match: 'none' | 'strong' | 'weak';
  /** True when a person's name, a phone number or an e-mail of a record is in the question. */
  readonly named?: boolean;
}

// Words that say what kind of detail is wanted, not whose.
const CONTACT_WORDS = new Set([
  '联系',
  '联系人',
  '电话',
  '联系电话',
  '邮箱',
  '邮编',
  '手机',
  '是',
  '谁',
  '的',
  'contact',
  'person',
  'phone',
  'telephon',
  'number',
  'email',
  'e',
  'mail',
  'mobil',
  'postcod',
  'postal',
  'code',
  'zip',
  'address',
  '活动',
  '活动周',
  'week',
  'notic',
  '通知',
  'who',
  'call',
  'number',
  'person',
  'no',
  'mobil',
  'too',
  'also',
  '那边',
  '这边',
  // Taiwan, Hong Kong and Cantonese ways of asking for a contact (联络人, 电邮, 入面, 几号).
  '联络',
  '联络人',
  '联络方式',
  '联系方式',
  '电邮',
  '入面',
  '几号',
  '几多',
  '边个',
  '边位',
  '嗰边',
  '咩',
]);
/** "the week website", 活动周的网站, "the site of the week": the Week's own site asked for. */
const WEEK_SITE =
  /\bweek(?:['’]s)?\s+(?:(?:official|dedicated|special|own)\s+)?(?:web\s?site|site|url|homepage|home page|portal|page)\b|(?:week|活动周)\s*(?:的)?(?:官方|专题|专门|自己的|本身的)?(?:网站|网址|官网|网页|主页|首页|专题网)|(?:web\s?site|site|url|homepage|page) (?:just |only |specifically |exclusively |solely )?(?:of|for) (?:the )?(?:(?:19|20)\d{2}\s+)?(?:(?:national )?(?:lifelong )?learning )?week\b|(?:网站|网址|官网)[^。?？]{0,6}活动周/i;
/** Words every site of the notices is about: alone they name none of them. */
const LEARNING_WORDS = new Set(['学习', 'learn', 'learning']);

const SITE_WORDS = new Set([
  '网址',
  '网站',
  '网',
  '官网',
  '平台',
  'websit',
  'site',
  'web',
  'url',
  'address',
  '是',
  '什么',
  '活动',
  'notic',
  '通知',
  'platform',
  // How a site is described, not which: the "special website" is the Week's 专题网站.
  'special',
  'dedic',
  'themat',
  'offici',
  'portal',
  'homepag',
  'link',
  '专题',
  '专门',
  '专属',
  '专用',
  'own',
  '官方',
  '官方网',
  '官方网站',
  '主页',
  '首页',
  '网页',
  '链接',
  '地址',
  // Where and how one learns there ("老人在网上哪里可以上课", "learn online"), not which site.
  '网上',
  '线上',
  '上网',
  '上课',
  '学嘢',
  '有冇',
  '有没有',
  // Cantonese "give me" (俾個網址我).
  '俾个',
  '俾我',
  'onlin',
  'class',
  'lesson',
]);
// The Week's own name says which event, not whose office: "2024 moe contact for the learning week"
// names the ministry only. (A body named after the Week, 学习活动周宣传报道, keeps its other words.)
export const WEEK_NAME =
  /(?:全民)?(?:终身学习)?(?:学习)?活动周|\b(?:the\s+)?(?:national\s+)?(?:lifelong\s+)?learning\s+(?:activity\s+)?week\b/gi;
/** The asker's own body ("我哋圖書館 website 想加 link…", "our library"): whose site or contact is
 * asked is another's. */
const OWN_BODY =
  /(?:我们|我哋|我們|我的|咱们|俺们|我|本)(?:的|嘅)?\p{Script=Han}{0,4}?(?:图书馆|博物馆|文化馆|学校|中心|大学|学院|单位|机构|社区|协会|组织)|\b(?:our|my)\s+(?:[a-z]+\s+){0,2}?(?:library|museum|school|centre|center|university|college|organi[sz]ation|association|ngo|office|department)\b/gu;
// Words that name a kind of body (大学, 协会, "university", "office"): a question naming one that no
// record holds asks for a contact the notices do not give.
// 全部, 一部, 开会 end like a body's name (部, 会) and name none.
const ORGANISATION =
  /大学|学院|学校|协会|学会|研究会|中心|委员会|(?<!^(?:全|一|大|局|内|外|开|聚|机|约|社|学|都|只|不|才|能|会|再))[司厅局部委办处馆院会团]$|组织|平台|网$|公司|universit|colleg|school|associ|societi|cent(er|r)|depart|ministri|bureau|offic|commiss|committe|council|union|feder|platform|network|agenc|institut|organi/;
// Runs on user text: an address starts only where a word starts and every part is bounded, so
// a 100 KB run of letters is scanned once instead of once per position.
const LITERAL =
  /(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}|https?:\/\/\S+|(?:0\d{2,3}-\d{7,8}|1\d{10})/g;

// What a question sets aside ("besides the Ministry of Education, which…", "除了职成司以外…").
const EXCEPT =
  /\b(?:besides|apart from|other than|except(?: for)?|aside from)\s+(?:the\s+)?([^,?.;]{3,60}?)(?=,|\?|$|\s+(?:which|who|what|are|is|does|do|did|any)\b)|除了([^,，?？]{2,24}?)(?:之外|以外|外|,|，)/;

/** The persons of a contact's `names` field (王立、李四 / "Wang Li, Li Si"), trimmed. */
export const splitNames = (names: string | undefined) =>
  (names ?? '')
    .split(/[、,，]\s*/)
    .map((n) => n.trim())
    .filter(Boolean);

/** A site of the asker's own: 我们(的)门户网站, 本单位网站, "our portal". */
const OWN_SITE =
  /(?:我们|我們|我哋|咱们|本单位|本單位|本校|我校)(?:的|嘅)?[^，,。？?]{0,8}?(?:门户网站|門戶網站|网站|網站|门户|門戶|平台|平臺)|\bour (?:own )?(?:\w+ )?(?:portal|website|site|platform)\b/gi;

/**
 * Why the asker will call ("想打过去问下工会系统咋报送", "so I can ask them about the unions"): what
 * the call is about names no contact.
 */
const PURPOSE =
  /(?:想|要|准备|打算)?(?:打过去|打電話過去|打电话过去|打个电话|打個電話|致电|致電)[^，,。？?]*|\b(?:so (?:that )?(?:i|we) can|in order to|to) (?:call|ask|phone|ring)\b[^?.,]*/gi;

/** Finds the contacts or websites a question is about, in any year, by name, person or number. */
export function createLookup(index: KnowledgeIndex) {
  const expander = createQueryExpander(index.glossary);
  // 王立 ↔ Wang Li: names paired by position between a Chinese fact and its reviewed English rendering.
  const aliases: [string, string][] = [];
  for (const f of index.facts.filter((x) => x.kind === 'contact')) {
    const zh = splitNames(f.fields['names']);
    const en = splitNames(f.renderings.en?.['names']);
    if (zh.length === en.length)
      zh.forEach((n, i) => aliases.push([normalizeForSearch(n), en[i]!.toLowerCase()]));
  }
  const yearOf = new Map(index.sources.map((s) => [s.id, s.year]));
  const withAliases = (question: string) => {
    const q = normalizeForSearch(question);
    const extra = aliases.flatMap(([zh, en]) =>
      q.includes(zh) ? [en] : q.includes(en) ? [zh] : [],
    );
    return [q, ...extra].join('\n');
  };
  const textOf = (f: Fact, keys: readonly string[]) =>
    [f.fields, f.renderings.zh, f.renderings.en]
      .flatMap((x) => keys.map((k) => x?.[k] ?? ''))
      .join('\n');

  // A record's words are the same for every question: tokenised once.
  const tokenCache = new Map<Fact, Set<string>>();
  const tokensOf = (fact: Fact, kind: 'contact' | 'website') => {
    let tokens = tokenCache.get(fact);
    if (!tokens) {
      const generic = kind === 'contact' ? CONTACT_WORDS : SITE_WORDS;
      tokens = new Set(
        index.tokenizer
          .tokenize(textOf(fact, kind === 'contact' ? ['organization', 'names'] : ['name']))
          .filter((t) => !generic.has(t)),
      );
      tokenCache.set(fact, tokens);
    }
    return tokens;
  };

  // The words of a body's or a site's own name (not its people).
  const nameTokens = (fact: Fact, kind: 'contact' | 'website') =>
    index.tokenizer.tokenize(textOf(fact, [kind === 'contact' ? 'organization' : 'name']));

  let contactWords: Set<string> | undefined;
  const everyContactWord = () =>
    (contactWords ??= new Set(
      index.facts.filter((f) => f.kind === 'contact').flatMap((f) => [...tokensOf(f, 'contact')]),
    ));

  // A contact record's people, in both languages, as search text.
  const peopleOf = (fact: Fact) =>
    [...splitNames(fact.fields['names']), ...splitNames(fact.renderings.en?.['names'])].map((n) =>
      normalizeForSearch(n),
    );

  let personWords: Set<string> | undefined;
  const everyPersonWord = () =>
    (personWords ??= new Set(
      index.facts
        .filter((f) => f.kind === 'contact')
        .flatMap(peopleOf)
        .flatMap((n) => index.tokenizer.tokenize(n)),
    ));

  let siteWords: Set<string> | undefined;
  const everySiteWord = () =>
    (siteWords ??= new Set(
      index.facts.filter((f) => f.kind === 'website').flatMap((f) => [...tokensOf(f, 'website')]),
    ));

  const pick = (kind: 'contact' | 'website', asked: string, years: readonly number[]): Lookup => {
    // The Week named in passing ("活动周期间开放多少门课", "during the Week") names no record; a
    // site question naming the Week's own site ("活动周的网站", "the week website") keeps it.
    // The asker's own library or school is not whose site or contact is asked.
    // "FYI for the desk officer", "the contact officer": an officer is a person, not an office
    // (the stemmer makes both "offic").
    const question = (
      kind === 'contact' || !WEEK_SITE.test(normalizeForSearch(asked))
        ? normalizeForSearch(asked).replace(WEEK_NAME, ' ')
        : asked
    )
      .replace(OWN_BODY, ' ')
      .replace(/\bofficers?\b/gi, 'person');
    const candidates = index.facts.filter(
      (f) => f.kind === kind && years.includes(yearOf.get(f.sourceId) ?? 0),
    );
    const generic = kind === 'contact' ? CONTACT_WORDS : SITE_WORDS;
    const q = withAliases(question);
    const literals = (question.match(LITERAL) ?? []).map((l) => l.toLowerCase());
    // What the question names, as units: each of its own topic words, except that words a
    // glossary entry covers count once; a unit is matched when a record holds all the words of
    // one of its forms ("职业教育与成人教育司" or "Department of Vocational and Adult Education").
    const entries = expander
      .entries(question)
      .map((forms) =>
        forms.map((f) => [...new Set(index.tokenizer.tokenize(f))]).filter((f) => f.length > 0),
      )
      .filter((forms) => !forms.some((f) => f.some((t) => generic.has(t))));
    const covered = new Set(entries.flat(2));
    // "week" frames an English question ("the 2022 week") but "the week website" is the Week's
    // own site (as 活动周的网站 is).
    const weekSite = kind === 'website' && WEEK_SITE.test(question);
    const own = index.tokenizer.tokenize(q).filter(
      // Digits (a year, "24年") and single characters (里, 嘅) name nothing.
      (t) =>
        !generic.has(t) &&
        // "哪些线上学习平台": every site is one for learning; the word alone names none.
        !(kind === 'website' && LEARNING_WORDS.has(t)) &&
        (!ENGLISH_FRAME.has(t) || (weekSite && t === 'week')) &&
        !/^\d+$/.test(t) &&
        !/^\p{Script=Han}$/u.test(t) &&
        !covered.has(t),
    );
    // A word of the question that no contact record uses and that names no kind of body
    // ("负责", "留的", "given", "ed") is how the user asks, not whose details: it neither picks a
    // record nor makes the question name something the notices lack. Websites keep every word
    // ("Trade Union … Platform" has no address, and says so).
    // A site question keeps the words that name a site or a body ("Trade Union … Platform" has
    // no address, and says so), not who asks ("where can my mother take online classes").
    const namingAll =
      kind === 'contact'
        ? own.filter((t) => everyContactWord().has(t) || ORGANISATION.test(t))
        : own.filter((t) => everySiteWord().has(t) || ORGANISATION.test(t));
    // The same for a glossary term ("我要发材料": materials): it counts when it names a body.
    const bodies =
      kind === 'contact'
        ? entries.filter((forms) =>
            forms.some((form) =>
              form.some((t) => everyContactWord().has(t) || ORGANISATION.test(t)),
            ),
          )
        : entries;
    // A person's name beside a body is matched as a person below, not as a word of the body's
    // record: "还是胡卫华吧" of the 2024 association names its 2022 contact, and the association
    // is still what is asked. A person named alone stays what is asked.
    const bodyWords = namingAll.filter((t) => !everyPersonWord().has(t));
    const naming =
      kind === 'contact' && bodies.length + bodyWords.length > 0 ? bodyWords : namingAll;
    const units: string[][][] = [...bodies, ...[...new Set(naming)].map((t) => [[t]])];
    // How many of each record's people the question names, counted once per record.
    const namedIn = new Map(
      candidates.map((fact) => [
        fact,
        peopleOf(fact).filter((p) => p.length >= 2 && q.includes(p)).length,
      ]),
    );
    // "李荣华的电话是010-58581449对吧": a number said of a named person is the claim to check;
    // the person is who is asked about.
    const personNamed = [...namedIn.values()].some((n) => n > 0);
    const scored = candidates.map((fact) => {
      const values = Object.values(fact.fields).map((v) => v.toLowerCase());
      if (literals.some((l) => values.some((v) => v.includes(l))))
        return { fact, score: personNamed ? 5 : 100, share: 1, size: 0 };
      const named = namedIn.get(fact)!;
      const tokens = tokensOf(fact, kind);
      const overlap = units.filter((forms) =>
        forms.some((form) => form.every((t) => tokens.has(t))),
      ).length;
      const share = overlap / Math.max(1, units.length);
      // A named person outweighs any words of an organisation's name.
      return { fact, score: named > 0 ? 10 : overlap, share, size: tokens.size };
    });
    const best = Math.max(0, ...scored.map((s) => s.score));
    // "工会的官方网站是什么": a body the glossary knows, with no site of its own in any notice, has
    // no address to give (not every site of the year in its place).
    // "文化和旅游部有没有留联系人电话": the same for a body with no contact in any notice.
    if (best === 0)
      return (kind === 'website' && entries.length > 0) || (kind === 'contact' && bodies.length > 0)
        ? { chosen: candidates, match: 'weak' }
        : { chosen: candidates, match: 'none' };
    // A named person or a quoted number picks records across all years ("黄晓晨的电话" finds her
    // in 2022 and 2024). Organisation words pick per year, since the same body is listed each
    // year; a year whose best record shares only a word or two ("national", "platform") drops out.
    if (best >= 10)
      return {
        chosen: scored.filter((s) => s.score === best).map((s) => s.fact),
        match: 'strong',
        named: true,
      };
    const chosen: Fact[] = [];
    for (const year of years) {
      const mine = scored.filter((s) => yearOf.get(s.fact.sourceId) === year && s.score > 0);
      const top = Math.max(0, ...mine.map((s) => s.score));
      const winners = mine.filter((s) => s.score === top && s.share >= 0.6);
      if (winners.length === 0) continue;
      // Among bodies sharing the same words, a name that holds another's whole name is not the
      // one meant ("中国成人教育协会" rather than "中国成人教育协会网站和…宣传报道"); two bodies of
      // one ministry are both meant ("the ministry").
      const names = new Map(winners.map((s) => [s, new Set(nameTokens(s.fact, kind))]));
      const holdsAnother = (s: (typeof winners)[number]) =>
        winners.some(
          (o) =>
            o !== s && o.size < s.size && [...names.get(o)!].every((t) => names.get(s)!.has(t)),
        );
      // A site's name shares words with the others' ("national lifelong learning … platform",
      // "… Week website"): the shortest is meant.
      const smallest = Math.min(...winners.map((s) => s.size));
      chosen.push(
        ...winners
          .filter((s) => (kind === 'contact' ? !holdsAnother(s) : s.size === smallest))
          .map((s) => s.fact),
      );
    }
    return chosen.length > 0 ? { chosen, match: 'strong' } : { chosen: candidates, match: 'weak' };
  };

  // Where a question joins names ("…和…", "and", "…网址 还有那个…网址"), but not inside a record's own name
  // ("职业教育与成人教育司", "Department of Vocational and Adult Education").
  const JOINS =
    /\band\b|\bplus\b|\s&\s|和|以及|及|、|与|同埋|还有|還有|另外|跟(?![进踪随着])|(?<![共不相合一陪])同(?![学时样等一意事步])|[?？](?=.)|,\s|\s[-–—]\s/g;
  const joinedNames = new Map<'contact' | 'website', string[]>();
  const namesWithJoins = (kind: 'contact' | 'website') => {
    let names = joinedNames.get(kind);
    if (!names) {
      names = [
        ...new Set(
          index.facts
            .filter((f) => f.kind === kind)
            .flatMap((f) => textOf(f, [kind === 'contact' ? 'organization' : 'name']).split('\n'))
            // The glossary's forms of a body's name too ("Department of Vocational and Adult
            // Education").
            .concat(index.glossary.terms.flatMap((term) => [...term.zh, ...term.en]))
            .map(normalizeForSearch)
            .filter((n) => n.length > 0 && new RegExp(JOINS.source).test(n)),
        ),
      ];
      joinedNames.set(kind, names);
    }
    return names;
  };
  const joinedParts = (kind: 'contact' | 'website', text: string): string[] => {
    const t = normalizeForSearch(text);
    const inside: [number, number][] = [];
    for (const name of namesWithJoins(kind))
      for (let at = t.indexOf(name); at >= 0; at = t.indexOf(name, at + name.length))
        inside.push([at, at + name.length]);
    const parts: string[] = [];
    let from = 0;
    for (const join of t.matchAll(JOINS)) {
      const at = join.index!;
      if (inside.some(([a, b]) => at >= a && at < b)) continue;
      parts.push(t.slice(from, at));
      from = at + join[0].length;
    }
    parts.push(t.slice(from));
    return parts.filter((p) => p.trim().length > 1);
  };

  // "the Week's dedicated website and the national public service platform": two records named
  // at once. Each joined part is looked up on its own; when every part names a record, all of
  // them are the answer (the whole question's best match alone would drop one).
  const eachNamed = (
    kind: 'contact' | 'website',
    text: string,
    years: readonly number[],
  ): Lookup => {
    const find = (t: string, y: readonly number[]) => pick(kind, t, y);
    const whole = find(text, years);
    const parts = joinedParts(kind, text);
    if (parts.length < 2) return whole;
    // A part naming nothing ("我想幫阿爸收藏低") neither adds nor vetoes.
    // Two parts or more naming a record each answer; a weak part beside them ("the 2022 notice
    // mentions one i think") is how the user talks.
    const found = parts.map((p) => find(p, years)).filter((l) => l.match !== 'none');
    const strong = found.filter((l) => l.match === 'strong');
    const each = strong.length >= 2 ? strong : found;
    if (each.length < 2 || !each.every((l) => l.match === 'strong')) return whole;
    // A weak or empty whole match stands for every record: only the parts' records count then.
    const mine = each.flatMap((l) => l.chosen);
    const chosen = [...new Set(whole.match === 'strong' ? [...whole.chosen, ...mine] : mine)];
    return whole.match === 'strong' ? { ...whole, chosen } : { chosen, match: 'strong' };
  };

  // "Besides the Ministry of Education, which organization has contacts listed?": the records of
  // the years asked other than the one named after "besides" / 除了.
  const besides = (
    kind: 'contact' | 'website',
    text: string,
    years: readonly number[],
  ): Lookup | undefined => {
    const named = EXCEPT.exec(normalizeForSearch(text));
    const phrase = named?.[1] ?? named?.[2];
    if (!phrase) return undefined;
    const excluded = pick(kind, phrase, years);
    if (excluded.match !== 'strong') return undefined;
    const rest = index.facts.filter(
      (f) =>
        f.kind === kind &&
        years.includes(yearOf.get(f.sourceId) ?? 0) &&
        !excluded.chosen.includes(f),
    );
    return rest.length > 0 ? { chosen: rest, match: 'strong' } : undefined;
  };

  const allYears = [...new Set(index.sources.map((s) => s.year))];
  return {
    contacts: (question: string, years: readonly number[]) => {
      const text = question.replace(PURPOSE, ' ');
      return besides('contact', text, years) ?? eachNamed('contact', text, years);
    },
    /** True when the question names a contact person or gives a contact's number or e-mail. */
    namesContact: (question: string) => {
      const found = pick('contact', question, allYears);
      // Words of a body's name ("lifelong learning") are not enough: "how many people took part
      // in the lifelong learning week" names no contact.
      return found.named === true;
    },
    websites: (question: string, years: readonly number[]) => {
      // The asker's own site ("要跟我们门户网站做链接", "link it from our portal") is none of the
      // notices' sites.
      const text = question.replace(OWN_SITE, ' ');
      return besides('website', text, years) ?? eachNamed('website', text, years);
    },
  };
}
