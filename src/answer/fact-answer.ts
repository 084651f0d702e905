import { groupFacts, type Fact, type FactFields, type FactKind } from '../knowledge/facts.js';
import type { Region } from '../knowledge/glossary.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';
import { normalizeForSearch } from '../knowledge/script.js';
import type { Block, Citation, Language } from '../types.js';
import type { Citer } from './cite.js';
import {
  ASKS_DATE,
  ASKS_TENTATIVE,
  PRESIDES,
  FINAL_DAY,
  ASKS_PLACE,
  ASKS_WHEN,
  EXACT_DAY,
  TIME_OF_DAY,
  HOW_MANY,
  ASKS_ITEMS,
  NAMES_ANNEX,
  OWN_PROVINCE,
  LISTS_SITES,
  LOCAL,
  NOT_ONE_DAY,
  ROLE,
  VENUE,
  ASKS_WHETHER,
} from './asks.js';
import { contactsPart } from './contacts-part.js';
import { createMembership, rolesBeyondSignature, titleCount } from './membership.js';
import type { Intent } from './intent.js';
import { createLookup, type Lookup } from './lookup.js';
import { messagesFor, type Messages } from './messages.js';
import { THEN_YEAR } from './unknown-words.js';
import { list, paragraph, type Draft } from './reply.js';
import type { YearSlot } from './slots.js';

/** A question as the fact layer sees it. */
export interface FactQuestion {
  readonly text: string;
  readonly language: Language;
  readonly intent: Intent;
  readonly years: YearSlot;
  readonly regions: readonly Region[];
}

/** Asks for the Chinese of something ("in Chinese", "the Chinese original"). */
const IN_CHINESE =
  /\bin chinese\b|\bchinese (?:for|original|version|wording|words?|term|name|characters)\b|\btranslat\w*\b.{0,60}\bchinese\b|\boriginal chinese\b/i;

/** Asks how many may be recommended: 几名, 名额, "still 3 to 5?" (a figure checked), quota. */
/** A branch venue ("分会场", "sub-venue"), which no notice names. */
const SUB_VENUE = /分会场|分會場|\bsub-?venues?\b|\bbranch venues?\b/gi;
const ASKS_QUOTA = new RegExp(
  `${HOW_MANY.source}|名额|名額|配额|配額|\\d\\s*(?:到|至|-|—|–|~)\\s*\\d\\s*(?:名|个|個|位|项|項)|\\bquotas?\\b|\\brecommends?\\s+\\d\\s*(?:to|-|—|–|~)\\s*\\d\\b`,
  'i',
);

/** Whom to ask, and the citations of the contacts named. */
export interface Referral {
  readonly blocks: Block[];
  readonly citations: Citation[];
}

/** Answers from verified facts, or returns null when no fact fits (retrieval answers instead). */
export interface FactAnswerer {
  answer(question: FactQuestion): Draft | null;
  /** True when the question names a contact person or a contact's number or e-mail. */
  namesContact(text: string): boolean;
  /** Where to ask when the notices do not answer: the contacts of the newest notice. */
  /** Whom to ask when the notices do not say: a year's contacts (the newest when not one asked), cited. */
  whereToAsk(language: Language, years?: readonly number[]): Referral;
}

/** A fact's fields for one reader: rendered into the reader's language where a rendering exists. */
export interface View {
  readonly f: FactFields;
  readonly translated: boolean;
  readonly fact: Fact;
}

/** One year's share of an answer. */
interface YearPart {
  readonly blocks: Block[];
  readonly cited: Fact[];
  /** Citations of data that is not a fact of a notice (a province's week from a schedule). */
  readonly extra?: Citation[];
  readonly missing: boolean;
}

/** Asks how the opening is arranged, or whether a notice gives its day and place (Simplified, lower case). */
const ARRANGED_OR_PUBLISHED =
  /(?:如何|怎么|怎样|点样)安排|是否(?:已经?)?(?:在通知[中里])?(?:公布|写明|说明|给出|确定|列明)|有没有(?:公布|写明|说明|给出)|\bhow (?:will|is|was|would|are|were) (?:the )?(?:[\w-]+ ){0,5}(?:be )?(?:arranged|organi[sz]ed|handled)\b|^(?:is|are|was|were|has|have|does|did)\b.{0,80}\b(?:given|stated|published|announced|set out|specified|say|said)\b/;
/** Doubts there is an opening at all ("就没有全国开幕式了吧", "no national opening this time?"). */
const DOUBTS_OPENING =
  /(?:没有|冇|不办|不搞|取消)(?:了)?.{0,6}开幕式|开幕式.{0,6}(?:没有|冇|取消|不办|不搞)|\bno (?:national )?opening\b|\bwithout (?:an? |the )?(?:national )?opening\b|\b(?:cancel\w*|scrapp\w*|dropp\w*) (?:the )?(?:national )?opening\b/;
/** Checks a claim the asker states ("…for April in Beijing. Is that accurate?", 对吧). */
const CHECKS_CLAIM =
  /\bis (?:that|this|it) (?:accurate|correct|right|true)\b|\bam i right\b|, right\?|对吧|对吗|对不对|是吗|是不是真的|系咪|系唔系/;
/** Asks how many days the Week runs. */
const ASKS_DAYS = /\bhow many days\b|\bhow long\b|几天|多少天|几多日|多少日|多长时间|多久/;
/** The days of a period within one month ("2022年11月20日至26日", "20–26 November 2022"). */
function daysOf(period: string): number | undefined {
  const m =
    /(\d{1,2})\s*日?\s*(?:至|到|[-–—~])\s*(\d{1,2})\s*日/.exec(period) ??
    /\b(\d{1,2})\s*[-–—]\s*(\d{1,2})\s+[A-Z][a-z]+/.exec(period);
  if (!m) return undefined;
  const days = Number(m[2]) - Number(m[1]) + 1;
  return days > 1 && days <= 31 ? days : undefined;
}
/** Asks which person signed a notice ("which minister personally signed", 签字的是哪位). */
const SIGNED_BY_PERSON =
  /\bminister\b|\bpersonally\b|\bsignator(?:y|ies)\b|\bwhose signature\b|签字|签名|签发人|哪位(?:部长|领导|官员)|部长|厅长|司长/;
/** Claims one body does it alone ("是中国成人教育协会一家主办的", "the Ministry alone"). */
const CLAIMS_ALONE =
  /一家(?:在)?(?:搞|办|主办|举办|发|负责|组织)|(?:单独|独自|独家)(?:主办|举办|搞|办|发|负责|组织)|\b(?:alone|on its own|by itself|solely|single-handedly)\b|\bonly (?:the )?(?:ministry|moe|caea|association|one (?:body|department|ministry|organi[sz]ation))\b/;
/** Asks what the annex of provinces' weeks holds: how many, which provinces, whose week. */
const ASKS_IN_ANNEX =
  /^(?!.*(?:附件几|哪个附件|哪一个附件|哪份附件|\b(?:which|what) (?:annex|attachment)|哪里能看到|哪里可以看到|在哪(?:里)?看|\bwhere (?:can|do|could) (?:i|we) (?:find|see|look)))(?:.*?)(?:\bhow many (?:\w+ ){0,2}(?:provinces?|provincial|weeks?|regions?|localities|entries)\b|\bwhich (?:provinces?|regions?|week)\b|多少个?(?:省|周|地区)|几个(?:省|周|地区)|哪些(?:省|地区)|排在|哪一?周)/;
/** Checks a place rather than asking for one ("是在成都办的哇", "was it in Beijing?"). */
const CHECKS_PLACE =
  /吗|吧|哇|嘛|么|是不是|对不对|对吧|系唔系|系咪|听说|据说|\b(?:was|is) it\b|\bwasn'?t\b|\bisn'?t\b|\bright\b|^(?:was|is|did|will)\b/;
/** Asks for a day or a place itself. */
const ASKS_WHEN_OR_WHERE =
  /哪|几|边度|边个|何时|什么时候|啥时候|\bwhere\b|\bwhen\b|\b(?:which|what) (?:city|day|date|province)\b/;
/** Nominating a Star or a brand project (on Simplified, lower-case text). */
const NOMINATING =
  /(?:推荐|申报|提名|报送|评选)(?:的)?.{0,6}(?:学习之星|品牌项目)|(?:学习之星|品牌项目).{0,12}(?:推荐|申报|提名|评选)|\b(?:nominat|recommend)\w*\b.{0,40}\b(?:stars?|brand projects?)\b|\b(?:stars?|brand projects?)\b.{0,40}\b(?:nominat|recommend)\w*/;
/** Text without spaces and punctuation, for finding a theme quoted in a question. */
const squeezed = (text: string) => normalizeForSearch(text).replace(/[\s\p{P}\p{S}]/gu, '');

/** Asks whether the whole country holds the Week at once (Simplified, lower case). */
const ASKS_NATIONWIDE =
  /全国统一|统一(?:在)?(?:一个|同一)|同一(?:个)?(?:星期|礼拜|周|时间)|是不是.{0,8}一起|\bsame (?:week|time)\b|\ball at once\b|\bnationwide\b|\bwhole country\b/;
/** Asks the months the Week spans as well as one place's week ("哪几个月办的", "which months"). */
const ASKS_WINDOW =
  /哪几个月|哪些月份?|几月到几月|从几月|\b(?:which|what) months\b|\bfrom when to when\b|\bover (?:which|what) period\b/;
/** How many of the newest years a question that names no year is answered for. */
const YEARS_UNASKED = 3;

/** Creates the fact answerer of an index. */
export function createFactAnswerer(index: KnowledgeIndex, citer: Citer): FactAnswerer {
  const yearOf = new Map(index.sources.map((s) => [s.id, s.year]));
  const languageOf = new Map(index.sources.map((s) => [s.id, s.language]));
  const allYears = [...new Set(index.sources.map((s) => s.year))].sort((a, b) => b - a);
  const lookup = createLookup(index);

  // Grouped once: with many notices, filtering every fact per question part was most of an answer.
  const byKindAndYear = groupFacts(index.facts, (f) => `${f.kind}:${yearOf.get(f.sourceId)}`);
  const facts = (kind: FactKind, year: number) => byKindAndYear.get(`${kind}:${year}`) ?? [];

  const notAmong = createMembership(index, facts);
  const view = (fact: Fact, language: Language): View => {
    const reader = language === 'en' ? 'en' : 'zh';
    const rendering =
      languageOf.get(fact.sourceId) === reader ? undefined : fact.renderings[reader];
    return { f: { ...fact.fields, ...rendering }, translated: rendering !== undefined, fact };
  };

  /** Lines and cited facts for one year, per intent; null when the year has no such fact. */
  const forYear = (q: FactQuestion, year: number, m: Messages, found: Lookup): YearPart | null => {
    // The question in the notices' script and case, read once for every check below.
    const said = normalizeForSearch(q.text);
    const L = q.language;
    const blocks: Block[] = [];
    const cited: Fact[] = [];
    const say = (text: string, ...from: (Fact | undefined)[]) => {
      blocks.push(paragraph(text));
      for (const f of from) if (f && !cited.includes(f)) cited.push(f);
    };
    const one = (kind: FactKind) => {
      const f = facts(kind, year)[0];
      return f ? view(f, L) : undefined;
    };
    let missing = false;
    const extra: Citation[] = [];

    switch (q.intent) {
      case 'theme': {
        const t = one('theme');
        if (!t) return null;
        // A province's own theme ("四川省活动周用的地方主题"): the notice gives the national one only.
        if (q.regions.length > 0 && LOCAL.test(q.text)) {
          say(m.localThemeUnknown(q.language === 'en' ? q.regions[0]!.en : q.regions[0]!.zh));
          missing = true;
        }
        say(
          m.theme(year, t.f['theme']!, t.translated ? t.fact.fields['theme'] : undefined),
          t.fact,
        );
        // "How do you say the 2024 theme in Chinese?": the English copy's theme in the
        // project's reviewed Chinese rendering, said to be one.
        const rendered = t.fact.renderings.zh?.['theme'];
        if (q.language === 'en' && !t.translated && rendered && IN_CHINESE.test(q.text))
          say(m.themeRendered(rendered));
        // "the 2022 zhuti was 'make learning a lifestyle' right?": a theme of another year,
        // claimed for this one, is said to be that year's.
        const asked = squeezed(q.text);
        for (const other of allYears) {
          const f =
            other === year || q.years.covered.includes(other)
              ? undefined
              : facts('theme', other)[0];
          const forms = f
            ? [f.fields['theme'], ...Object.values(f.renderings).map((r) => r?.['theme'])]
            : [];
          const claimed = forms.find(
            (x) => x && squeezed(x).length >= 4 && asked.includes(squeezed(x)),
          );
          if (f && claimed) say(m.themeOfOtherYear(view(f, L).f['theme']!, other), f);
        }
        break;
      }
      case 'schedule': {
        const period = one('period');
        const arrangement = one('arrangement');
        if (!period && !arrangement) return null;
        for (const region of q.regions) {
          const name = L === 'en' ? region.en : region.zh;
          if (!region.addressed) {
            say(m.regionNotAddressed(name));
            missing = true;
            continue;
          }
          const entry = index.schedules.find((s) => s.year === year && s.region === region.id);
          if (entry) {
            blocks.push(
              paragraph(m.provinceWeek(name, year, entry.firstDay, entry.lastDay, entry.city)),
            );
            extra.push(citer.quote(entry.sourceId, entry.quote, L));
            continue;
          }
          if (arrangement) {
            say(m.provinceUnknown(name, year, m.officeOf(region.kind)));
            // "24年的活动周是哪几个月办的?我们深圳具体是哪一周": the months are answered, and so
            // is whether the whole country holds one week ("是不是全国统一在一个星期搞").
            if (!ASKS_WINDOW.test(said) && !ASKS_NATIONWIDE.test(said)) missing = true;
          } else if (period) {
            say(m.nationwideWeek(name, year, period.f['period']!), period.fact);
          }
        }
        if (arrangement) {
          say(
            m.arrangement(
              year,
              period?.f['period'],
              arrangement.f['arrangement']!,
              arrangement.f['annex'],
            ),
            arrangement.fact,
            period?.fact,
          );
          if (arrangement.f['annex'] && q.regions.length === 0) {
            say(m.annexMissing(arrangement.f['annex']));
            // "我们省排在哪一周": the one thing asked is in the annex the knowledge base lacks
            // (asked beside the months the Week spans, the months are an answer).
            // "how many provinces does the schedule list": what the annex holds, counted.
            if ((OWN_PROVINCE.test(q.text) || ASKS_IN_ANNEX.test(said)) && !ASKS_WINDOW.test(said))
              missing = true;
          }
        } else if (period && q.regions.length === 0) {
          say(m.period(year, period.f['period']!), period.fact);
          // "how many days": counted from the period's first and last day.
          const days = daysOf(period.f['period']!);
          if (days && ASKS_DAYS.test(said)) say(m.periodDays(days));
        }
        break;
      }
      case 'opening': {
        const opening = one('opening');
        const hosts = one('hosts');
        if (!opening && !hosts) return null;
        if (opening?.fact.fields['status'] === 'separately') {
          // "Is there an opening ceremony?" the notice answers: there is; when and where it does not.
          // Asked where as well ("喺边度搞?系唔系又系长沙?"), the one thing asked is not given.
          if (ASKS_WHETHER.test(q.text) || DOUBTS_OPENING.test(said)) {
            say(m.openingHeldUnset(year), opening.fact);
            if (ASKS_PLACE.test(said)) missing = true;
          } else {
            say(m.openingUnknown(year), opening.fact);
            // "how will the opening be arranged", "具体安排是否已在通知中公布": that it is to be
            // arranged separately is the answer, unless the day or the city is asked as well.
            missing =
              missing ||
              !(ARRANGED_OR_PUBLISHED.test(said) || CHECKS_CLAIM.test(said)) ||
              ASKS_WHEN_OR_WHERE.test(said) ||
              EXACT_DAY.test(q.text);
          }
        } else if (opening) {
          // "边位大官主持": a person, where the notice names the bodies that host it.
          if (PRESIDES.test(said)) {
            say(m.presiderUnknown(year));
            missing = true;
          }
          // The notice names a city, not a hall: asked for the venue, say so before the city.
          // "在哪开…天津有没有分会场": a branch venue asked beside where: the city answers the one.
          if (VENUE.test(q.text)) {
            say(m.venueUnknown(year));
            const branchOnly = !VENUE.test(q.text.replace(SUB_VENUE, ' '));
            if (!branchOnly || !ASKS_PLACE.test(said.replace(SUB_VENUE, ' '))) missing = true;
          }
          // Asked for the day, when the notice gives a period: say so before the period.
          // Asked where as well, the answer gives what was asked in part: an answer, not a refusal.
          // Asked for the tentative day ("原本定在几号以后"), "暂定11月23日之后" is the answer.
          if (TIME_OF_DAY.test(q.text)) {
            say(m.timeUnknown(year));
            if (!ASKS_PLACE.test(said)) missing = true;
          } else if (
            EXACT_DAY.test(q.text) &&
            NOT_ONE_DAY.test(opening.f['when']!) &&
            (!ASKS_TENTATIVE.test(q.text) || FINAL_DAY.test(q.text))
          ) {
            say(m.dayUnknown(year));
            if (!ASKS_PLACE.test(said)) missing = true;
          }
          // "听说开幕式是在我们成都办的", "was it in Beijing?": a place the asker names that is
          // not the notice's is corrected before the city.
          const where = `${opening.f['where']!} ${opening.fact.fields['where'] ?? ''}`;
          const elsewhere = q.regions.find(
            (r) =>
              ![r.zh, ...r.short, r.en].some((name) => where.includes(name)) &&
              !(r.in && q.regions.some((o) => o.id === r.in)),
          );
          if (elsewhere && q.regions.length === 1 && CHECKS_PLACE.test(said))
            say(m.openingNotIn(L === 'en' ? elsewhere.en : elsewhere.zh));
          say(m.opening(year, opening.f['when']!, opening.f['where']!), opening.fact);
        }
        if (hosts) say(m.hosts(hosts.f['hosts']!, hosts.f['cohosts']), hosts.fact);
        break;
      }
      case 'organizers': {
        // Asked for a person in charge: the notices name bodies, never their heads.
        if (ROLE.test(q.text)) {
          say(m.roleNotGiven(year));
          missing = true;
        }
        const outside = notAmong(q.text, year);
        if (outside) say(m.notAmong(year, outside));
        const organizers = one('organizers');
        if (organizers) {
          if (CLAIMS_ALONE.test(said)) say(m.notAlone);
          say(m.organizers(year, organizers.f['organizers']!), organizers.fact);
          const office = one('office');
          if (office) say(m.office(office.f['office']!), office.fact);
          break;
        }
        // "領導小組的組長是誰": no head is named in the issuers either.
        if (ROLE.test(q.text)) break;
        return forYear({ ...q, intent: 'issuer' }, year, m, found);
      }
      case 'issuer': {
        const entry = index.sources.find((s) => s.year === year);
        const signature = one('issuer');
        if (!entry) return null;
        const issuers = entry.issuers
          .map((i) => (L === 'en' ? i.en : i.zh))
          .join(L === 'en' ? ', ' : '、');
        const date = signature?.f['date'] ?? entry.date ?? undefined;
        const outside = notAmong(q.text, year);
        if (outside) say(m.notAmong(year, outside));
        if (entry.issuers.length > 1 && CLAIMS_ALONE.test(said)) say(m.notAlone);
        // "Which minister personally signed it": offices sign, no person is named.
        if (SIGNED_BY_PERSON.test(said)) {
          say(m.signerNotGiven(year));
          missing = true;
        }
        // Asked when it was issued, and the copy carries no date: said before who issued it.
        if (!date && ASKS_DATE.test(q.text)) {
          say(m.issueDateNotGiven(year));
          missing = true;
        }
        // "2024年的通知是11月9号发的对吧": a day claimed that is another notice's issue date.
        const claimed = /(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/.exec(said);
        // Told before "，那2024年…" it is what the ask is set against, not a claim.
        const told =
          claimed !== null &&
          said
            .slice(claimed.index)
            .split(/[，,]/)
            .slice(1)
            .some((clause) => THEN_YEAR.test(clause));
        if (claimed && !told) {
          const other = index.sources.find((s) => {
            const d = /^\d{4}-(\d{2})-(\d{2})/.exec(String(s.date ?? ''));
            return (
              s.year !== year &&
              d !== null &&
              Number(d[1]) === Number(claimed[1]) &&
              Number(d[2]) === Number(claimed[2])
            );
          });
          if (other && String(other.date ?? '') !== String(date ?? ''))
            say(
              m.issueDateOfOther(other.year, Number(claimed[1]), Number(claimed[2])),
              facts('issuer', other.year)[0],
            );
        }
        // "教育部等五部门": the title counts departments the copy's signature may not all list.
        const count = titleCount(entry.title.zh);
        if (count > entry.issuers.length)
          say(
            m.titleNamesMore(
              year,
              count,
              L === 'en' ? entry.title.en : entry.title.zh,
              entry.issuers.length,
            ),
          );
        say(m.issued(year, issuers, date), signature?.fact);
        if (count > entry.issuers.length) {
          const unsigned = rolesBeyondSignature(entry.issuers, facts('role', year));
          const bodies = [...new Set(unsigned.map((r) => view(r, L).f['body']))];
          if (bodies.length > 0)
            say(m.tasksBeyondSignature(bodies.join(L === 'en' ? ', ' : '、')), ...unsigned);
        }
        break;
      }
      case 'document': {
        const number = one('document-number');
        if (number) say(m.documentNumber(year, number.f['number']!), number.fact);
        else {
          say(m.noDocumentNumber(year));
          missing = true;
        }
        break;
      }
      case 'nomination':
      case 'submission': {
        const submissions = facts('submission', year).map((f) => view(f, L));
        const summaries = facts('summary', year).map((f) => view(f, L));
        if (submissions.length === 0 && summaries.length === 0) return null;
        const merged: Record<string, string> = {};
        for (const s of submissions) Object.assign(merged, s.f);
        // "2024年推薦百姓學習之星要填哪份表格": that notice asks for no nominations; what it asks
        // to be submitted follows, but the one thing asked is not there.
        if (!merged['stars'] && NOMINATING.test(said) && !ASKS_QUOTA.test(q.text)) {
          say(m.noNomination(year));
          missing = true;
        }
        say(
          m.submission(year, merged).join(L === 'en' ? ' ' : ''),
          ...submissions.map((s) => s.fact),
        );
        for (const s of summaries)
          say(m.summary(s.f['deadline']!, s.f['items']!, s.f['recipient']!), s.fact);
        if (!merged['deadline'] && summaries.length === 0) {
          say(m.noDeadline(year));
          // Asked "by when": the one thing asked is what the notice does not give.
          // Typical cases have their answer ("at any time"), so a question about them is answered.
          if (
            ASKS_WHEN.test(said) &&
            !/典型案例|案例|cases?\b/.test(said) &&
            !ASKS_ITEMS.test(said)
          )
            missing = true;
        }
        if (ASKS_QUOTA.test(q.text) && !merged['stars']) {
          say(m.noQuota(year));
          missing = true;
        }
        break;
      }
      case 'contacts': {
        const chosen = found.chosen
          .filter((f) => yearOf.get(f.sourceId) === year)
          .map((f) => view(f, L));
        if (chosen.length === 0) return null;
        const part = contactsPart(chosen, q.text, year, m, L, found);
        blocks.push(...part.blocks);
        cited.push(...part.cited);
        missing = part.missing;
        break;
      }
      case 'websites': {
        const chosen = found.chosen
          .filter((f) => yearOf.get(f.sourceId) === year)
          .map((f) => view(f, L));
        if (chosen.length === 0) return null;
        blocks.push(paragraph(m.websitesIntro(year)));
        blocks.push({
          kind: 'list',
          ordered: false,
          items: chosen.map((w) => [
            { kind: 'text', text: `${w.f['name']}${L === 'en' ? ': ' : '：'}` },
            { kind: 'link', text: w.f['url']!, url: w.f['url']! },
          ]),
        });
        cited.push(...chosen.map((w) => w.fact));
        break;
      }
      case 'annexes': {
        const annexes = one('annexes');
        if (!annexes) return null;
        blocks.push(paragraph(m.annexes(year)));
        const items = Object.keys(annexes.f)
          .sort()
          .map((k, i) => `${m.annexLabel(i + 1)}${annexes.f[k]}`);
        blocks.push(list(items));
        cited.push(annexes.fact);
        const arrangement = one('arrangement');
        if (arrangement?.f['annex']) {
          say(m.annexMissing(arrangement.f['annex']));
          // "how many provincial weeks does Annex 1 schedule": what is in it is not known.
          if (ASKS_IN_ANNEX.test(said)) missing = true;
        }
        break;
      }
      default:
        return null;
    }
    return { blocks, cited, missing, extra };
  };

  // "要求各地门户网站链接哪些网站": a question for the sites a notice lists names no site, whatever
  // other words it has; every site of the year is listed.
  const listed = (sites: Lookup, text: string, years: readonly number[]): Lookup =>
    sites.named !== true && LISTS_SITES.test(normalizeForSearch(text))
      ? lookup.websites('', years)
      : sites;

  return {
    answer(q) {
      const m = messagesFor(q.language);
      const notCovered =
        (q.years.asked.length > 0 && q.years.covered.length === 0) ||
        q.years.source === 'next-year';
      // No year asked: the newest notices (both, today), never a list of every year on file.
      // "附件1里四川排在哪一周": an annex names the notice that has annexes.
      const withAnnexes = allYears.filter((y) => facts('annexes', y).length > 0);
      const years =
        q.years.covered.length > 0
          ? [...q.years.covered].sort((a, b) => b - a)
          : NAMES_ANNEX.test(q.text) && withAnnexes.length > 0
            ? withAnnexes.slice(0, YEARS_UNASKED)
            : allYears.slice(0, YEARS_UNASKED);
      const found: Lookup =
        q.intent === 'contacts'
          ? lookup.contacts(q.text, years)
          : q.intent === 'websites'
            ? listed(lookup.websites(q.text, years), q.text, years)
            : { chosen: [], match: 'none' };
      // A name the notices have no record of gets no list of other records in its place.
      const parts =
        found.match === 'weak'
          ? []
          : years.map((y) => forYear(q, y, m, found)).filter((p) => p !== null);
      if (parts.length === 0 && !notCovered && found.match !== 'weak') return null;

      // Hong Kong, Macao, Taiwan: the notices are not addressed to them, whatever the year.
      if (q.regions.length > 0 && q.regions.every((r) => !r.addressed)) {
        const names = q.regions
          .map((r) => (q.language === 'en' ? r.en : r.zh))
          .join(q.language === 'en' ? ', ' : '、');
        return {
          kind: 'not_in_notices',
          blocks: [paragraph(m.regionNotAddressed(names))],
          citations: [],
        };
      }
      const blocks: Block[] = [];
      let missing = notCovered || (parts.length > 0 && parts.every((p) => p.missing));
      if (notCovered)
        blocks.push(
          paragraph(m.yearsNotCovered(q.years.label ?? q.years.asked, [...allYears].reverse())),
        );
      // Named something the notices have no record of: a platform without an address, a
      // province's own office.
      if (found.match === 'weak') {
        blocks.push(paragraph(q.intent === 'websites' ? m.websiteNotGiven : m.contactNotGiven));
        missing = true;
      } else if (q.intent === 'contacts' && q.regions.length > 0 && found.match === 'none') {
        const region = q.regions[0]!;
        blocks.push(
          paragraph(
            m.regionContactNotGiven(
              q.language === 'en' ? region.en : region.zh,
              m.officeOf(region.kind),
            ),
          ),
        );
        missing = true;
      }
      if ((notCovered || found.match === 'weak') && parts.length > 0)
        blocks.push(paragraph(m.closestInstead));
      if (q.years.source === 'this-year' || q.years.source === 'last-year')
        blocks.push(paragraph(m.yearUsed(years[0]!, q.years.source)));
      const rel = q.years.relative;
      // Said only where the year was found: "大前年" (2021, not covered) gets the not-covered note.
      if (q.years.source === 'relative' && rel && q.years.covered.length > 0)
        blocks.push(paragraph(m.relativeYear(rel.word, q.years.covered[0]!, rel.from, rel.stated)));
      const citations: Citation[] = [];
      for (const p of parts) {
        blocks.push(...p.blocks);
        citations.push(...(p.extra ?? []), ...p.cited.map((f) => citer.fact(f, q.language)));
      }
      if (missing && q.intent !== 'contacts') {
        const ask = whereToAsk(m, q.language, q.years.covered);
        blocks.push(...ask.blocks);
        citations.push(...ask.citations);
      }
      return { kind: missing ? 'not_in_notices' : 'fact', blocks, citations };
    },
    whereToAsk: (language, years) => whereToAsk(messagesFor(language), language, years),
    namesContact: (text) => lookup.namesContact(text),
  };

  /**
   * The contacts of the year asked (of the newest notice when the question names no one year),
   * offered when the notices do not answer, cited like any fact.
   */
  function whereToAsk(m: Messages, language: Language, years: readonly number[] = []): Referral {
    const year = years.length === 1 && allYears.includes(years[0]!) ? years[0]! : allYears[0];
    if (year === undefined) return { blocks: [], citations: [] };
    const found = facts('contact', year);
    if (found.length === 0) return { blocks: [], citations: [] };
    const contacts = found.map((f) => view(f, language));
    return {
      blocks: [
        paragraph(m.askContacts),
        list(
          contacts.map((c) =>
            m.contactLine({
              organization: c.f['organization'],
              names: c.f['names'],
              phone: c.f['phone'],
            }),
          ),
        ),
      ],
      citations: found.map((f) => citer.fact(f, language)),
    };
  }
}
