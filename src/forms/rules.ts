import { normalizeForSearch } from '../knowledge/script.js';
import type { Language } from '../types.js';
import type { FormDefinition, FormRule } from './definition.js';
import type { FieldValue } from './fields.js';

/** A rule of the call that an answer conflicts with: shown as a warning; the organizer decides. */
export interface RuleWarning {
  readonly rule: FormRule;
  readonly field: string;
}

const NATIONAL = /全国|national/;

/** Whether `value` conflicts with `rule` (words compared in Simplified, lower case). */
function conflicts(rule: FormRule, value: FieldValue): boolean {
  const values = typeof value === 'string' ? [value] : value;
  if (rule.is) return values.some((v) => rule.is!.includes(v));
  const text = normalizeForSearch(values.join(' '));
  const has = (words: readonly string[]) => words.some((w) => text.includes(normalizeForSearch(w)));
  return has(rule.contains ?? []) && (NATIONAL.test(text) || !has(rule.unless));
}

/** The warnings for the answers given so far, or for one field only. */
export function ruleWarnings(
  form: FormDefinition,
  answers: Readonly<Record<string, FieldValue>>,
  field?: string,
): RuleWarning[] {
  return form.rules
    .filter((r) => (field === undefined || r.field === field) && answers[r.field] !== undefined)
    .filter((r) => conflicts(r, answers[r.field]!))
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
