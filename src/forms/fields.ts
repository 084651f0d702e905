import type { Region } from '../knowledge/glossary.js';
import { normalizeForSearch } from '../knowledge/script.js';
import type { Language } from '../types.js';
import type { FieldDefinition } from './definition.js';
import { ETHNIC_GROUPS } from './ethnic-groups.js';

/** An accepted answer: text, or the chosen option values of a multiple choice. */
export type FieldValue = string | readonly string[];

/** A reason in both languages, shown when an answer is refused. */
export interface Reason {
  readonly zh: string;
  readonly en: string;
}

/** The result of checking one answer. */
export type Checked =
  | { readonly ok: true; readonly value: FieldValue }
  | { readonly ok: false; readonly reason: Reason };

/** What validation needs from outside the engine, passed in so the engine stays pure. */
export interface FieldContext {
  readonly today: Date;
  readonly regions: readonly Region[];
  readonly findRegions: (text: string) => Region[];
}

const ok = (value: FieldValue): Checked => ({ ok: true, value });
const no = (zh: string, en: string): Checked => ({ ok: false, reason: { zh, en } });

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const HAN = /\p{Script=Han}/gu;

/** Counts a long text the way its limits are written: Chinese characters, or English words. */
export function measure(text: string): { unit: 'zh' | 'en'; count: number } {
  const han = text.match(HAN)?.length ?? 0;
  const words = text.match(/[A-Za-z][A-Za-z'’-]*/g)?.length ?? 0;
  return han >= words
    ? { unit: 'zh', count: han }
    : { unit: 'en', count: text.trim().split(/\s+/).filter(Boolean).length };
}

function matchOption(
  field: Extract<FieldDefinition, { options: unknown }>,
  input: string,
): string | undefined {
  const t = normalizeForSearch(input).replace(/[\s。.!！]/g, '');
  const n = /^\d+$/.test(t) ? Number(t) : NaN;
  if (n >= 1 && n <= field.options.length) return field.options[n - 1]!.value;
  const exact = field.options.find((o) =>
    [o.value, o.zh, o.en].some((l) => normalizeForSearch(l).replace(/\s/g, '') === t),
  );
  if (exact) return exact.value;
  // Lenient: "女性", "female nominee", "本科毕业" name the option they contain.
  const contained = field.options.filter((o) =>
    [o.zh, o.en].some((l) => t.includes(normalizeForSearch(l).replace(/\s/g, ''))),
  );
  return contained.length === 1 ? contained[0]!.value : undefined;
}

function parseYearMonth(input: string): { year: number; month: number } | undefined {
  const t = input.normalize('NFKC').trim().toLowerCase();
  let m = /^(\d{4})\s*(?:[-/.年]\s*|\s)(\d{1,2})\s*月?$/.exec(t) ?? /^(\d{4})(\d{2})$/.exec(t);
  if (m) return { year: Number(m[1]), month: Number(m[2]) };
  m = /^(\d{1,2})\s*[-/.]\s*(\d{4})$/.exec(t);
  if (m) return { year: Number(m[2]), month: Number(m[1]) };
  m = /^([a-z]{3})[a-z]*\.?,?\s+(\d{4})$/.exec(t) ?? null;
  if (m && MONTHS.includes(m[1]!)) return { year: Number(m[2]), month: MONTHS.indexOf(m[1]!) + 1 };
  m = /^(\d{4}),?\s+([a-z]{3})[a-z]*\.?$/.exec(t);
  if (m && MONTHS.includes(m[2]!)) return { year: Number(m[1]), month: MONTHS.indexOf(m[2]!) + 1 };
  return undefined;
}

/** Normalises a mainland mobile or landline number, or returns undefined. */
export function normalizePhone(input: string): string | undefined {
  const t = input
    .normalize('NFKC')
    .replace(/[\s()（）]/g, '')
    .replace(/^(\+?86-?)/, '');
  if (/^1[3-9]\d{9}$/.test(t)) return t;
  // Area codes are 010 and 02X (three digits) or 0[3-9]XX (four): that splits "01066097704".
  const landline = /^(010|02\d|0[3-9]\d{2})-?(\d{7,8})(?:(?:-|转|ext\.?)(\d{1,6}))?$/i.exec(t);
  if (landline) return `${landline[1]}-${landline[2]}${landline[3] ? `-${landline[3]}` : ''}`;
  return undefined;
}

/** Checks one answer against its field; the value it returns is what is stored. */
export function checkField(field: FieldDefinition, input: string, ctx: FieldContext): Checked {
  const text = input.trim();
  if (!text) return no('这一项不能为空。', 'This cannot be empty.');
  switch (field.kind) {
    case 'text': {
      const length = [...text].length;
      if (length < field.min)
        return no(
          `太短了：至少${field.min}个字，现在是${length}个。`,
          `Too short: at least ${field.min} characters, now ${length}.`,
        );
      if (length > field.max)
        return no(
          `太长了：最多${field.max}个字，现在是${length}个。`,
          `Too long: at most ${field.max} characters, now ${length}.`,
        );
      return ok(text);
    }
    case 'choice': {
      const value = matchOption(field, text);
      const list = field.options.map((o) => o.zh).join('、');
      const listEn = field.options.map((o) => o.en).join(', ');
      return value
        ? ok(value)
        : no(`请从这些选项中选一个：${list}。`, `Please choose one of: ${listEn}.`);
    }
    case 'multichoice': {
      const t = normalizeForSearch(text);
      if (/^(全部|都有|所有|all|all of them)$/.test(t))
        return ok(field.options.map((o) => o.value));
      const parts = text
        .split(/[,，、;；/&+]|\s+and\s+|和|及|以及/)
        .map((p) => p.trim())
        .filter(Boolean);
      const values: string[] = [];
      for (const part of parts) {
        const value = matchOption(field, part);
        if (!value) {
          return no(
            `“${part}”不是可选的材料。可选：${field.options.map((o) => o.zh).join('、')}。`,
            `"${part}" is not one of the choices: ${field.options.map((o) => o.en).join(', ')}.`,
          );
        }
        if (!values.includes(value)) values.push(value);
      }
      return ok(field.options.map((o) => o.value).filter((v) => values.includes(v)));
    }
    case 'year-month': {
      const ym = parseYearMonth(text);
      if (!ym || ym.month < 1 || ym.month > 12)
        return no(
          '请写成“1962年5月”或“1962-05”这样的年月。',
          'Please write a year and month, like "May 1962" or "1962-05".',
        );
      const now = ctx.today;
      const months = (now.getUTCFullYear() - ym.year) * 12 + (now.getUTCMonth() + 1 - ym.month);
      if (months < 0) return no('出生年月不能在将来。', 'A date of birth cannot be in the future.');
      const age = Math.floor(months / 12);
      if (age < field.min_age || age > field.max_age) {
        return no(
          `按这个年月，被推荐人${age}岁，不太可能；请核对。`,
          `That makes the nominee ${age} years old, which is unlikely; please check.`,
        );
      }
      return ok(`${ym.year}-${String(ym.month).padStart(2, '0')}`);
    }
    case 'year': {
      const t = text.normalize('NFKC').replace(/年$/, '');
      const year = /^\d{4}$/.test(t) ? Number(t) : NaN;
      const current = ctx.today.getUTCFullYear();
      if (Number.isNaN(year))
        return no('请写四位数的年份，例如2016。', 'Please write a four-digit year, like 2016.');
      if (year < field.min || year > current)
        return no(
          `年份应在${field.min}到${current}之间。`,
          `The year should be between ${field.min} and ${current}.`,
        );
      return ok(String(year));
    }
    case 'region': {
      const found = ctx.findRegions(text);
      if (found.length === 1) return ok(found[0]!.id);
      if (found.length > 1) return no('请只写一个省（区、市）。', 'Please name just one province.');
      return no(
        '没认出这个省份。请写省（区、市）的名称，例如“湖南”或“湖南省”。',
        'I did not recognise that province. Please write its name, like "Hunan".',
      );
    }
    case 'ethnicity': {
      const t = normalizeForSearch(text).replace(/\s/g, '');
      const group = ETHNIC_GROUPS.find((g) => {
        const zh = normalizeForSearch(g.zh);
        return (
          t === zh ||
          t === zh.replace(/族$/, '') ||
          t === g.en.toLowerCase() ||
          t === `${g.en.toLowerCase()}ethnicity`
        );
      });
      return group
        ? ok(group.zh)
        : no(
            '没认出这个民族，请写全称，例如“汉族”“壮族”。',
            'I did not recognise that ethnic group; please write its name, like "Han" or "Zhuang".',
          );
    }
    case 'phone': {
      const phone = normalizePhone(text);
      return phone
        ? ok(phone)
        : no(
            '电话号码格式不对：请写11位手机号（如13812345678），或带区号的固定电话（如0731-84567890）。',
            'That is not a mainland phone number: write an 11-digit mobile (13812345678) or a landline with its area code (0731-84567890).',
          );
    }
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(text)
        ? ok(text.toLowerCase())
        : no(
            '邮箱格式不对，例如 name@example.com。',
            'That is not an e-mail address, like name@example.com.',
          );
    case 'longtext': {
      const { unit, count } = measure(text);
      const [min, max] = unit === 'zh' ? field.zh_chars : field.en_words;
      if (count < min) {
        return no(
          `太短了：需要${min}–${max}字，现在是${count}字。可以补充后一次发来。`,
          `Too short: ${min}–${max} ${unit === 'zh' ? 'Chinese characters' : 'words'} are needed, now ${count}.`,
        );
      }
      if (count > max) {
        return no(
          `太长了：需要${min}–${max}字，现在是${count}字。请删减后再发。`,
          `Too long: ${min}–${max} ${unit === 'zh' ? 'Chinese characters' : 'words'}, now ${count}. Please shorten it.`,
        );
      }
      if (
        field.require_figures &&
        !/\d|[一二三四五六七八九十百千万]+(人|次|个|期|门|项|场|所|家|万)/u.test(text)
      ) {
        return no(
          '成效需要具体数字，例如参与人数、开课期数。',
          'Outcomes need figures, such as numbers of participants or courses.',
        );
      }
      return ok(text);
    }
  }
}

/** An answer as a reader sees it: option labels, region names, dates in words. */
export function displayValue(
  field: FieldDefinition,
  value: FieldValue | undefined,
  language: Language,
  regions: readonly Region[],
): string {
  const en = language === 'en';
  if (value === undefined) return en ? '(not given)' : '（未填）';
  switch (field.kind) {
    case 'choice': {
      const o = field.options.find((x) => x.value === value);
      return o ? (en ? o.en : o.zh) : String(value);
    }
    case 'multichoice': {
      const chosen = field.options.filter((o) => (value as readonly string[]).includes(o.value));
      return chosen.map((o) => (en ? o.en : o.zh)).join(en ? ', ' : '、');
    }
    case 'region': {
      const r = regions.find((x) => x.id === value);
      return r ? (en ? r.en : r.zh) : String(value);
    }
    case 'ethnicity': {
      const g = ETHNIC_GROUPS.find((x) => x.zh === value);
      return g && en ? g.en : String(value);
    }
    case 'year-month': {
      const [y, m] = String(value).split('-').map(Number);
      return en
        ? `${MONTHS[(m ?? 1) - 1]!.replace(/^./, (c) => c.toUpperCase())} ${y}`
        : `${y}年${m}月`;
    }
    default:
      return String(value);
  }
}
