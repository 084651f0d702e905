import { normalizeForSearch } from '../knowledge/script.js';

/**
 * Details people ask a limit of that a notice may simply not set: an age limit for a star, a word
 * limit for the materials, a fee, an education requirement. Each has the words that would show
 * the notices do set it; when none of them is in any notice, the honest answer is "the notices
 * set no such limit", followed by what they do require.
 */
const DETAILS = [
  {
    id: 'age',
    zh: '年龄',
    en: 'age',
    asked: /年龄|多大岁数|几岁|多少岁|岁以[上下]|\bage\b|how old|years old/,
    setBy: ['年龄', '周岁', '岁以上', '岁以下', 'years old', 'age limit', 'aged '],
  },
  {
    id: 'length',
    zh: '字数',
    en: 'length or word',
    asked:
      /字数|多少字|几个字|篇幅|字以内|word (?:limit|count)|how many words|how long (?:should|must|can)/,
    setBy: ['字数', '千字', '字以内', '字左右', 'word count', 'word limit', ' words'],
  },
  {
    id: 'duration',
    zh: '时长',
    en: 'duration',
    asked:
      /时长|片长|几分钟|几多分钟|多少分钟|最长几|最长多|视频.{0,6}(多长|多久)|\bduration\b|how many minutes|video length|maximum length|how long (?:can|may) (?:the |a )?videos?/,
    setBy: ['时长', '分钟', ' minutes', 'duration'],
  },
  {
    id: 'fee',
    zh: '费用',
    en: 'fee',
    asked: /费用|收费|要钱|交钱|付费|\bfees?\b|\bcost\b|charge|\bpay\b/,
    setBy: ['费用', '收费', '免费', ' fee', 'free of charge'],
  },
  {
    id: 'tenure',
    zh: '年限',
    en: 'years-in-operation',
    asked:
      /年限|办满|满几年|几年以上|(?:运行|开展|成立|办了?)(?:了)?几年|how many years|years? of (?:running|operation)|been running|minimum (?:number of )?years/,
    setBy: ['年限', '年以上', 'years of operation', 'years of running'],
  },
  {
    id: 'education',
    zh: '学历',
    en: 'education',
    asked: /学历|文化程度|degree requirement|education requirement|educational requirement/,
    setBy: ['学历', '文化程度', 'degree'],
  },
] as const;

/** A limit or requirement question ("有年龄限制吗", "is there a word limit"). */
const ASKS_LIMIT =
  /限制|要求|规定|上限|下限|门槛|条件|多少|几|吗|有没有|limit|requirement|restrict|need|must|maximum|minimum|how|is there|are there|do (?:we|i|they)/;

export type UnsetDetail = { readonly id: string; readonly zh: string; readonly en: string };

/**
 * The detail a question asks a limit of, when no notice sets it; undefined when the question is
 * not of that kind or a notice does speak of it.
 */
export function createUnsetDetails(cleaned: Readonly<Record<string, string>>) {
  const notices = Object.values(cleaned)
    .map((t) => normalizeForSearch(t))
    .join('\n');
  const unset = DETAILS.filter(
    (d) => !d.setBy.some((w) => notices.includes(normalizeForSearch(w))),
  );
  return (question: string): UnsetDetail | undefined => {
    const t = normalizeForSearch(question);
    if (!ASKS_LIMIT.test(t)) return undefined;
    return unset.find((d) => d.asked.test(t));
  };
}
