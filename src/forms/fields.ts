import type { Region } from '../knowledge/glossary.js';
import { arabicDates } from '../knowledge/numerals.js';
import { normalizeForSearch } from '../knowledge/script.js';
import type { Language } from '../types.js';
import type { FieldDefinition } from './definition.js';
import { ETHNIC_GROUPS } from './ethnic-groups.js';
import { extractPerson } from './person.js';
import { creditCodeProblem } from './credit-code.js';
import { readPhones } from './phone.js';

export { creditCodeProblem } from './credit-code.js';
export { normalizePhone, readPhones } from './phone.js';

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

/**
 * Counts a long text the way its limits are written: Chinese text by characters (every character
 * but spaces, as a word processor's 字数 does), English text by words.
 */
export function measure(text: string): { unit: 'zh' | 'en'; count: number } {
  const han = text.match(HAN)?.length ?? 0;
  const words = text.match(/[A-Za-z][A-Za-z'’-]*/g)?.length ?? 0;
  return han >= words
    ? { unit: 'zh', count: [...text.replace(/\s/g, '')].length }
    : { unit: 'en', count: text.trim().split(/\s+/).filter(Boolean).length };
}

/** Numbers written as English words ("three hundred participants", "twelve courses"). */
const ENGLISH_NUMBER =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|dozens?)\b/i;

const squeeze = (text: string) => normalizeForSearch(text).replace(/[\s。.!！,，、'’]/g, '');

/** The option an answer names (by number, label or alias; leniently unless `exact`). */
export function matchOption(
  field: Extract<FieldDefinition, { options: unknown }>,
  input: string,
  exactOnly = false,
): string | undefined {
  const t = squeeze(input);
  const n = /^\d+$/.test(t) ? Number(t) : NaN;
  if (n >= 1 && n <= field.options.length) return field.options[n - 1]!.value;
  // Every way to name an option: its value, both labels, each part of a label such as 高中/中专,
  // and its aliases (大学 for 本科).
  const names = (o: (typeof field.options)[number]) =>
    [o.value, o.zh, o.en, ...o.zh.split('/'), ...o.en.split(/\s+or\s+/), ...(o.aliases ?? [])]
      .map(squeeze)
      .filter(Boolean);
  const exact = field.options.filter((o) => names(o).includes(t));
  if (exact.length === 1) return exact[0]!.value;
  if (exactOnly) return undefined;
  // Lenient: "女性", "female nominee", "本科毕业" name the one option they contain.
  const contained = field.options.filter((o) =>
    names(o).some((l) => (l.length >= 2 || /\p{Script=Han}/u.test(l)) && t.includes(l)),
  );
  return contained.length === 1 ? contained[0]!.value : undefined;
}

function parseYearMonth(
  input: string,
  today: Date,
): { year: number; month: number; day?: number } | undefined {
  const t = arabicDates(input.normalize('NFKC').trim().toLowerCase())
    .replace(/[。.]$/, '')
    // "出生于1966年3月", "1966年3月份出生", "born in March 1963": the date without the words.
    .replace(
      /^(?:出生于|出生於|生于|生於|出生(?:年月|日期)?\s*[:：]?\s*|(?:(?:she|he|they) (?:was|were) )?born\s*(?:in|on)?\s+|b\.\s*)/,
      '',
    )
    // "1966年3月出生于浏阳": the place after 出生于 is not part of the date.
    .replace(/(?:出生|生)(?:于|於)\p{Script=Han}{1,12}$/u, '')
    .replace(/(?:份|出生|生人|生|\s*born)+$/, '')
    .trim();
  const century = (yy: number) => (yy > today.getUTCFullYear() % 100 ? 1900 + yy : 2000 + yy);
  // 1962年5月(12日), 1962-05(-12), 1962/5, 1962.5, 1962，5, 62年5月
  let m =
    /^(\d{4}|\d{2})\s*[-/.年,，]\s*(\d{1,2})\s*(?:月|[-/.]\s*(\d{1,2})\s*日?|月\s*(\d{1,2})\s*[日号]?)?$/.exec(
      t,
    );
  if (m) {
    const year = m[1]!.length === 2 ? century(Number(m[1])) : Number(m[1]);
    const day = m[3] ?? m[4];
    return { year, month: Number(m[2]), ...(day ? { day: Number(day) } : {}) };
  }
  m = /^(\d{4})(\d{2})(\d{2})?$/.exec(t);
  if (m) return { year: Number(m[1]), month: Number(m[2]), ...(m[3] ? { day: Number(m[3]) } : {}) };
  m = /^(\d{1,2})\s*[-/.]\s*(\d{4})$/.exec(t);
  if (m) return { year: Number(m[2]), month: Number(m[1]) };
  m = /^(?:(\d{1,2})\s+)?([a-z]{3})[a-z]*\.?,?\s+(?:(\d{1,2}),?\s+)?(\d{4})$/.exec(t);
  if (m && MONTHS.includes(m[2]!)) return { year: Number(m[4]), month: MONTHS.indexOf(m[2]!) + 1 };
  m = /^(\d{4}),?\s+([a-z]{3})[a-z]*\.?$/.exec(t);
  if (m && MONTHS.includes(m[2]!)) return { year: Number(m[1]), month: MONTHS.indexOf(m[2]!) + 1 };
  return undefined;
}

/**
 * The regions an answer names; pinyin typed in syllables ("Hu Nan Sheng", "hei long jiang", "Nei
 * Menggu") is read as one word.
 */
function findRegion(text: string, ctx: FieldContext): Region[] {
  // A nomination is made by a province: a provincial capital stands for its province (广州 → 广东).
  const provinceOf = (r: Region) =>
    r.kind === 'provincial-capital' ? (ctx.regions.find((p) => p.id === r.in) ?? r) : r;
  const found = [...new Set(ctx.findRegions(text).map(provinceOf))];
  if (found.length > 0) return found;
  const squeezed = normalizeForSearch(text)
    .replace(/[^a-z]/g, '')
    .replace(/(?:sheng|shi|zizhiqu|province|city)$/, '');
  if (squeezed.length < 4) return [];
  return ctx.regions.filter((r) =>
    [r.en, ...r.pinyin].some((n) => n.toLowerCase().replace(/[^a-z]/g, '') === squeezed),
  );
}

/** A region as an answer: Hong Kong, Macao and Taiwan are not among those the notices address. */
function region(r: Region): Checked {
  if (r.addressed) return ok(r.id);
  return no(
    `活动周通知是发给各省、自治区、直辖市、计划单列市和新疆生产建设兵团的，没有提到${r.zh}，所以无法按通知为它填写推荐。请写所在的内地省（区、市）；如另有推荐渠道，请向主办方确认。`,
    `The notices are addressed to the provinces, autonomous regions, municipalities, cities with separate plans and the Xinjiang Production and Construction Corps; they do not mention ${r.en}, so a nomination cannot follow them there. Please name a mainland province, or ask the organisers whether another channel exists.`,
  );
}

/** Checks one answer against its field; the value it returns is what is stored. */
export function checkField(field: FieldDefinition, input: string, ctx: FieldContext): Checked {
  const text = input.trim();
  if (!text) return no('这一项不能为空。', 'This cannot be empty.');
  switch (field.kind) {
    case 'text': {
      // "😀😀" or "123" is not a name, a workplace or a project.
      if (!/\p{L}/u.test(text)) return no('请用文字填写。', 'Please answer in words.');
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
    case 'person': {
      const name = extractPerson(text);
      return name
        ? ok(name)
        : no(
            '请只写姓名，例如：张秀英（不用写称呼或其他说明）。',
            'Please give just the name, for example: Zhang Xiuying.',
          );
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
      const t = normalizeForSearch(text).trim();
      if (
        /^(全部|都有|所有|全选|以上都有|以上全部|all|all of them|all of the above|everything)[。.!！]?$/.test(
          t,
        )
      )
        return ok(field.options.map((o) => o.value));
      let parts = text
        .split(/[,，、;；/&+]|\s+and\s+|和|及|以及/)
        .map((p) => p.trim())
        .filter(Boolean);
      // "文字 视频 图片", "1 2 3": spaces separate choices when every piece is one.
      const pieces = parts.length === 1 ? parts[0]!.split(/\s+/) : [];
      if (pieces.length > 1 && pieces.every((p) => matchOption(field, p))) parts = pieces;
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
      const ym = parseYearMonth(text, ctx.today);
      if (!ym)
        return no(
          '请写成“1962年5月”或“1962-05”这样的年月。',
          'Please write a year and month, like "May 1962" or "1962-05".',
        );
      const days = new Date(Date.UTC(ym.year, ym.month, 0)).getUTCDate();
      if (
        ym.month < 1 ||
        ym.month > 12 ||
        (ym.day !== undefined && (ym.day < 1 || ym.day > days))
      ) {
        return no(
          `${ym.year}年没有${ym.month}月${ym.day !== undefined ? `${ym.day}日` : ''}这个日期，请核对。`,
          `There is no such date in ${ym.year}; please check.`,
        );
      }
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
      // "2016", "2016年", "2016年3月", "2016年起": the first four-digit year.
      const year = Number(
        /(?<!\d)(\d{4})(?!\d)/.exec(arabicDates(text.normalize('NFKC')))?.[1] ?? NaN,
      );
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
      const found = findRegion(text, ctx);
      if (found.length === 1) return region(found[0]!);
      // "广东省深圳市", "Qingdao, Shandong": a province and a place in it name one answer; "湖南和湖北"
      // names two.
      if (found.length > 1 && !/和|与|與|及|或|\band\b|\bor\b|、/.test(text)) {
        const province =
          found.find((r) => r.kind === 'corps') ??
          found.find((r) => r.kind !== 'city-with-separate-plan') ??
          found[0]!;
        return region(province);
      }
      if (found.length > 1) return no('请只写一个省（区、市）。', 'Please name just one province.');
      const abbreviated = ctx.regions.filter(
        (r) => r.abbr && normalizeForSearch(r.abbr) === normalizeForSearch(text.trim()),
      );
      if (abbreviated.length === 1) return region(abbreviated[0]!);
      return no(
        '没认出这个省份。请写省（区、市）的名称，例如“湖南”或“湖南省”。',
        'I did not recognise that province. Please write its name, like "Hunan".',
      );
    }
    case 'ethnicity': {
      // "汉族。", "汉族人", "Han Chinese", "维族", "Uighur" all name a group.
      const t = normalizeForSearch(text)
        .replace(/[\s。.]/g, '')
        .replace(/族人$/, '族')
        .replace(/(chinese|ethnicity|people)$/, '');
      const group = ETHNIC_GROUPS.find((g) => {
        const zh = normalizeForSearch(g.zh);
        return [zh, zh.replace(/族$/, ''), g.en.toLowerCase(), ...(g.aliases ?? [])].includes(t);
      });
      // The full name is kept as typed (漢族 stays 漢族); an alias or English gets the full name.
      const typed = text.replace(/[\s。.]/g, '').replace(/族人$/, '族');
      return group
        ? ok(normalizeForSearch(typed) === normalizeForSearch(group.zh) ? typed : group.zh)
        : no(
            '没认出这个民族，请写全称，例如“汉族”“壮族”。',
            'I did not recognise that ethnic group; please write its name, like "Han" or "Zhuang".',
          );
    }
    case 'phone': {
      const phone = readPhones(text);
      return phone
        ? ok(phone)
        : no(
            '电话号码格式不对：请写11位手机号（如13812345678），或带区号的固定电话（如0731-84567890）。',
            'That is not a mainland phone number: write an 11-digit mobile (13812345678) or a landline with its area code (0731-84567890).',
          );
    }
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(text)
        ? ok(text)
        : no(
            '邮箱格式不对，例如 name@example.com。',
            'That is not an e-mail address, like name@example.com.',
          );
    case 'credit-code': {
      const code = text
        .normalize('NFKC')
        .replace(
          /^(?:统一社会信用代码|統一社會信用代碼|信用代码|credit code|uscc)\s*[:：]?\s*/i,
          '',
        )
        .replace(/[\s-]/g, '')
        .replace(/[。.]$/, '')
        .toUpperCase();
      const problem = creditCodeProblem(code);
      return problem ? no(problem.zh, problem.en) : ok(code);
    }
    case 'longtext': {
      const { unit, count } = measure(text);
      const [min, max] = unit === 'zh' ? field.zh_chars : field.en_words;
      // The unit follows the text: a story written in English is measured in words.
      const zhUnit = unit === 'zh' ? '字' : '个英文单词';
      const enUnit = unit === 'zh' ? 'characters' : 'words';
      if (count < min) {
        return no(
          `太短了：需要${min}–${max}${zhUnit}，现在是${count}${zhUnit}。可以补充后一次发来。`,
          `Too short: ${min}–${max} ${enUnit} are needed, now ${count}.`,
        );
      }
      if (count > max) {
        return no(
          `太长了：需要${min}–${max}${zhUnit}，现在是${count}${zhUnit}。请删减后再发。`,
          `Too long: ${min}–${max} ${enUnit}, now ${count}. Please shorten it.`,
        );
      }
      if (
        field.require_figures &&
        !/\d|[一二三四五六七八九十百千万萬兩两]+(人|次|个|個|期|门|門|项|項|场|場|所|家|万|萬)/u.test(
          text,
        ) &&
        !ENGLISH_NUMBER.test(text)
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
      const g = ETHNIC_GROUPS.find(
        (x) => normalizeForSearch(x.zh) === normalizeForSearch(String(value)),
      );
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
