import type { Fact } from '../knowledge/facts.js';
import { EMAIL, PHONE, URL } from '../knowledge/figures.js';
import { normalizeForSearch } from '../knowledge/script.js';

/**
 * Names, numbers to call and addresses a generated answer states, each checked against the
 * passages it cites: an invented contact, a phone of another body, or an organisation the
 * passages never name sends the reader the extractive answer instead. Hand-written: no npm package
 * finds Chinese person and body names without a model, and the notices' own names are known.
 */

// "联系人：王立、桂敏", "联系人是杜若": the names after a contact cue.
const ZH_PEOPLE =
  /(?:联系人|联络人|负责人|联系)\s*(?:为|是|：|:|有)?\s*((?:\p{Script=Han}{2,4}(?:\s*[、，,和及与]\s*)?){1,6})/gu;
// "contact persons are Wang Li and Gui Min", "contact: Du Ruo".
const EN_PEOPLE =
  /contacts?(?:\s+persons?|\s+people)?(?:\s+(?:is|are|was|were)|:)?\s+((?:[A-Z][a-z]+\s[A-Z][a-z]+(?:,?\s+(?:and\s+)?)?){1,6})/g;
// An English organisation: capitalised words around Ministry, Department, Association…
const EN_BODY =
  /(?:[A-Z][\w'-]+\s+){0,6}(?:Ministry|Department|Association|Center|Centre|Office|Bureau|Commission|Committee|Federation|Council|Institute|Society)(?:\s+of(?:\s+the)?(?:\s+(?:[A-Z][\w'-]+|and))+)?/g;
// A Chinese organisation ends in one of these; the words before it are checked from the end.
const ZH_BODY =
  /\p{Script=Han}{2,16}?(?:协会|学会|委员会|办公厅|办公室|教育厅|教育局|教育部|宣传部|总工会|研究中心|培训中心|服务中心|大学|学院|秘书处)/gu;

const squash = (text: string) => normalizeForSearch(text).replace(/\s+/g, ' ');
const digits = (text: string) => text.replace(/\D/g, '');

/** True when the sources state `name`, or the part of it that ends the name (…的中国成人教育协会). */
function zhBodyStated(name: string, sources: string): boolean {
  const chars = [...name];
  // The shortest tail that still names a body: at least four characters (教育部, 中心 alone do not).
  for (let start = 0; start <= chars.length - 4; start++)
    if (sources.includes(chars.slice(start).join(''))) return true;
  return false;
}

/**
 * The first phone, e-mail, URL, person or body name that `answer` states and `sources` do not,
 * or undefined. `known` are the person names the knowledge base holds (李荣华, Li Ronghua): one of
 * them in the answer must be in the cited passages too.
 */
export function unsupportedName(
  answer: string,
  sources: string,
  known: readonly string[] = [],
): string | undefined {
  const text = answer.normalize('NFKC');
  const src = squash(sources);
  const srcDigits = new Set(
    [...sources.normalize('NFKC').matchAll(PHONE)].map((m) => digits(m[0])),
  );
  for (const m of text.matchAll(PHONE)) if (!srcDigits.has(digits(m[0]))) return m[0];
  for (const m of text.matchAll(EMAIL)) if (!src.includes(m[0].toLowerCase())) return m[0];
  for (const m of text.matchAll(URL)) {
    const url = m[0].replace(/[.]+$/, '').toLowerCase();
    if (!src.includes(url)) return m[0];
  }
  const simplified = normalizeForSearch(text);
  for (const m of simplified.matchAll(ZH_PEOPLE))
    for (const name of m[1]!.split(/\s*[、，,和及与]\s*/).filter((n) => n.length >= 2))
      if (!src.includes(name)) return name;
  for (const m of text.matchAll(EN_PEOPLE))
    for (const name of m[1]!
      .split(/,?\s+and\s+|,\s*/)
      .map((n) => n.trim())
      .filter(Boolean))
      if (!src.includes(name.toLowerCase())) return name;
  for (const name of known)
    if (name.length >= 2 && simplified.includes(squash(name)) && !src.includes(squash(name)))
      return name;
  for (const m of text.matchAll(EN_BODY)) {
    const body = squash(m[0]).replace(/^the /, '');
    if (!src.includes(body)) return m[0];
  }
  for (const m of simplified.matchAll(ZH_BODY)) if (!zhBodyStated(m[0], src)) return m[0];
  return undefined;
}

/** Every writing of every contact person the facts name (王立, Wang Li), for the check above. */
export function knownPersonNames(facts: readonly Fact[]): string[] {
  const names = facts.flatMap((f) =>
    [f.fields['names'], f.renderings.en?.['names'], f.renderings.zh?.['names']].flatMap((v) =>
      (v ?? '').split(/[、，,]\s*/).map((n) => n.trim()),
    ),
  );
  return [...new Set(names)].filter((n) => n.length >= 2);
}
