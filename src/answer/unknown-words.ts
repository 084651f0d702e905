import { glossaryWords } from '../knowledge/glossary.js';
import { normalizeForSearch } from '../knowledge/script.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';

/** The content words of a question, split by whether the notices ever use them. */
export interface WordCheck {
  readonly known: readonly string[];
  readonly unknown: readonly string[];
}

// Question words that carry no topic but are not in the tokenizer's stop list, because the
// notices use some of them in other senses.
const QUESTION_WORDS = new Set(
  (
    '几天 哪几天 多久 多长 多长时间 什么样 怎么样 是不是 有没有 能不能 可不可以 为什么 干什么 做什么 哪位 哪家 哪一天 ' +
    '何时 何地 哪年 哪月 一下 一些 具体 请问 问 想 知道 了解 给 交 说 讲 告诉我 是否 多 少 大 小 个 下 吗 呢 要 能 ' +
    'much many get gets got give gives say says said ask asks mention mentions planned plan include includes ' +
    'need needs go goes take takes like list tell provid describ'
  ).split(' '),
);

/**
 * Creates a checker of question words against the notices. A Chinese word is known when the
 * normalised text of any notice contains it (so jieba cutting a question differently from a
 * notice does no harm); an English word when a notice word shares its first five letters
 * (organised / organized); glossary terms are always known.
 */
export function createUnknownWords(
  index: KnowledgeIndex,
): (question: string) => string[] & WordCheck {
  const corpus = Object.values(index.cleaned).map(normalizeForSearch).join('\n');
  const latinTerms = Object.keys(index.bm25.postings).filter((t) => /^[a-z]/.test(t));
  const prefixes = new Set(latinTerms.map((t) => t.slice(0, 5)));
  const glossary = new Set(
    [
      ...glossaryWords(index.glossary),
      ...index.glossary.terms.flatMap((t) => t.en),
      ...index.glossary.regions.flatMap((r) => [r.en, ...r.pinyin]),
    ].flatMap((w) => index.tokenizer.tokenize(w)),
  );
  const isKnown = (token: string) => {
    if (glossary.has(token) || QUESTION_WORDS.has(token)) return true;
    if (/^\d+$/.test(token)) return true; // years and numbers are judged elsewhere
    if (/\p{Script=Han}/u.test(token)) return corpus.includes(token);
    return Object.hasOwn(index.bm25.postings, token) || prefixes.has(token.slice(0, 5));
  };
  return (question) => {
    const content = [...new Set(index.tokenizer.tokenize(question))].filter(
      (t) => !QUESTION_WORDS.has(t) && !/^\d+$/.test(t),
    );
    const known = content.filter(isKnown);
    const unknown = content.filter((t) => !isKnown(t));
    return Object.assign([...unknown], { known, unknown });
  };
}
