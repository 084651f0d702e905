import type { Fact, FactKind } from '../knowledge/facts.js';
import { normalizeForSearch } from '../knowledge/script.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';

/**
 * Who a notice is from, asked about one body: whether it is among the issuers and organisers
 * ("发文单位里有妇联吗") and how many departments its title counts ("教育部等五部门").
 */

// The body a yes/no question asks about, in English ("Did the X co-organise …", "Is X among the
// issuers") or Chinese ("发文单位里有妇联吗", "有没有妇联参与").
const MEMBER_EN =
  /\b(?:[Dd]id|[Dd]oes|[Dd]o|[Ww]as|[Ww]ere|[Ii]s|[Aa]re)\s+(?:the\s+)?([A-Z][^?.,;]{2,80}?)\s+(?:also\s+)?(?:co-?organi[sz]e|organi[sz]e|issue|sign|host|co-?host|(?:take|took) part in|join|jointly issue|(?:one of|among|part of) the (?:issuers|organi[sz]ers|hosts|issuing|organi[sz]ing)|involved in)/;
const MEMBER_ZH =
  /(?:发文单位|联合发文|主办单位|举办单位|承办单位|落款|发文的|联合发的)(?:里|中|当中|之中)?(?:有没有|有冇|是否有|有)([^吗嘛么呢?？,，、。]{2,12}?)(?:吗|嘛|么|呢|[?？])|(?:有没有|有冇|是否有)([^吗嘛么呢?？,，、。]{2,12}?)(?:参与|一起|联合|在内)|([^吗嘛么呢?？,，、。有]{2,12}?)(?:有没有|有冇|是否)?(?:参与|参加)(?:了)?(?:吗|嘛|没有|冇|[?？]|$)/;

// "教育部等五部门关于…": how many departments a title says issued a notice.
const TITLE_COUNT = /等([二三四五六七八九十]|\d{1,2})(?:个)?部门/;
const CHINESE_COUNTS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** How many departments a notice's title says issued it ("教育部等五部门…": 5), or 0. */
export function titleCount(title: string): number {
  const named = TITLE_COUNT.exec(title)?.[1];
  return named ? Number(named) || CHINESE_COUNTS.indexOf(named) + 1 : 0;
}

/**
 * "教育部等五部门" with four in the signature: the bodies the notice's text gives tasks to whose
 * system signed nothing (各地民政（老龄办）), which point to the department the copy leaves out.
 */
export function rolesBeyondSignature(
  issuers: readonly { readonly zh: string }[],
  roles: readonly Fact[],
): Fact[] {
  const signed = issuers.map((i) => i.zh).join('、');
  return roles.filter((r) => {
    const body = r.renderings.zh?.['body'] ?? r.fields['body'] ?? '';
    const key = body.replace(/^各地/, '').replace(/（.*）|部门$/g, '');
    return key.length > 0 && !signed.includes(key);
  });
}

/**
 * The body a question asks about when no issuer, organiser or host of that year's notice names
 * it; undefined when none is asked or it is among them.
 */
export function createMembership(
  index: KnowledgeIndex,
  facts: (kind: FactKind, year: number) => readonly Fact[],
) {
  // "发文单位里有妇联吗", "Did UNESCO's UIL co-organise the 2024 Week?": a body asked about that
  // no issuer, organiser or host of that year's notice names is said to be not among them.
  // Every name of a year's issuers, organisers, hosts and office, in both languages, built once
  // per year on the first question that asks.
  const bodiesOf = new Map<number, string>();
  const namesOf = (year: number): string => {
    let bodies = bodiesOf.get(year);
    if (bodies === undefined) {
      const entry = index.sources.find((s) => s.year === year);
      bodies = normalizeForSearch(
        [
          ...(entry?.issuers.flatMap((i) => [i.zh, i.en]) ?? []),
          ...(['organizers', 'hosts', 'office', 'issuer'] as const).flatMap((k) =>
            facts(k, year).flatMap((f) => [
              ...Object.values(f.fields),
              ...Object.values(f.renderings.zh ?? {}),
              ...Object.values(f.renderings.en ?? {}),
            ]),
          ),
        ].join('\n'),
      );
      bodiesOf.set(year, bodies);
    }
    return bodies;
  };
  return (text: string, year: number): string | undefined => {
    const t = text.normalize('NFKC');
    const zh = MEMBER_ZH.exec(normalizeForSearch(t));
    const asked = (MEMBER_EN.exec(t)?.[1] ?? zh?.[1] ?? zh?.[2] ?? zh?.[3])
      ?.trim()
      .replace(/^(?:(?:19|20)?\d{2}\s*年|今年|去年|前年)(?:的)?/, '');
    if (!asked || asked.length < 2) return undefined;
    const bodies = namesOf(year);
    // Its name, or the name without a bracketed short form ("… (UIL)").
    const forms = [asked, asked.replace(/\s*[(（][^)）]*[)）]\s*/g, ' ').trim()].map((f) =>
      normalizeForSearch(f).replace(/^the\s+/, ''),
    );
    return forms.some((f) => f.length >= 2 && bodies.includes(f)) ? undefined : asked;
  };
}
