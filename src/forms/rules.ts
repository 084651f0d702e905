import { createRegionMatcher } from '../answer/slots.js';
import type { Region } from '../knowledge/glossary.js';
import { normalizeForSearch } from '../knowledge/script.js';
import type { Language } from '../types.js';
import type { FormDefinition, FormRule } from './definition.js';
import type { FieldValue } from './fields.js';

/** A rule of the call that an answer conflicts with: shown as a warning; the organizer decides. */
export interface RuleWarning {
  readonly rule: FormRule;
  readonly field: string;
}

const NATIONAL = /全国|\bnational\b/;
/** Clauses of an answer: "2019年全国百姓学习之星；2021年湖南省百姓学习之星" is two honours. */
const CLAUSES = /[；;，,、。\n]+|\s+and\s+/;

/** Whether `value` conflicts with `rule`, clause by clause (compared in Simplified, lower case). */
function conflicts(rule: FormRule, value: FieldValue, namesPlace: (text: string) => boolean) {
  const values = typeof value === 'string' ? [value] : value;
  if (rule.is) return values.some((v) => rule.is!.includes(v));
  const clauses = normalizeForSearch(values.join('；'))
    .replace(/[‘’]/g, "'")
    .split(CLAUSES)
    .filter(Boolean);
  const patterns = (rule.matches ?? []).map((p) => new RegExp(p, 'u'));
  return clauses.some((c) => {
    if (patterns.length > 0) return patterns.some((p) => p.test(c));
    const has = (words: readonly string[]) => words.some((w) => c.includes(normalizeForSearch(w)));
    if (!has(rule.contains ?? [])) return false;
    if (NATIONAL.test(c)) return true;
    return !has(rule.unless) && !(rule.unless_place && namesPlace(c));
  });
}

const matchers = new WeakMap<readonly Region[], ReturnType<typeof createRegionMatcher>>();

/** The warnings for the answers given so far, or for one field only. */
export function ruleWarnings(
  form: FormDefinition,
  answers: Readonly<Record<string, FieldValue>>,
  regions: readonly Region[],
  field?: string,
): RuleWarning[] {
  const matcher = matchers.get(regions) ?? createRegionMatcher(regions);
  matchers.set(regions, matcher);
  // A province or a city with a separate plan by name, or any place written with its suffix
  // (长沙市, 浏阳县, 岳麓区).
  const namesPlace = (text: string) =>
    matcher(text).length > 0 || /\p{Script=Han}(?:省|市|县|区|州|盟|旗)/u.test(text);
  return form.rules
    .filter((r) => (field === undefined || r.field === field) && answers[r.field] !== undefined)
    .filter((r) => conflicts(r, answers[r.field]!, namesPlace))
    .map((rule) => ({ rule, field: rule.field }));
}

/** "中国成人教育协会2024年推荐通知（中成协〔2024〕023号）": where a form's rules come from. */
export function callName(form: FormDefinition, language: Language): string | undefined {
  const call = form.call;
  if (!call) return undefined;
  return language === 'en'
    ? `the ${call.issuer.en}'s ${call.year} call for nominations (${call.reference})`
    : `${call.issuer.zh}${call.year}年推荐通知（${call.reference}）`;
}
