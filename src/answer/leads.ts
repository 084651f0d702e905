import { normalizeForSearch } from '../knowledge/script.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';
import type { Reply } from '../types.js';
import type { Question } from './question.js';
import { renderAnswer } from './render-text.js';
import { list, localizeBlock, paragraph } from './reply.js';

/*
 * What an answer says before its facts or quotes, when the question asks for it: "Yes." to
 * "does it say anything about X?", the Chinese terms an English question asks for.
 */

/** Asks whether a notice says anything of a topic ("Does it say anything about…", 有没有提到). */
const ASKS_IF_SAYS =
  /(?:^|[.?!;,:，。？！；：]\s*|\b(?:and|but|so|also|then)\s+)(?:does|did|do)\b.{0,40}\b(?:say|says|mention|mentions|talk|talks|cover|covers|address|addresses|refer|refers)\b|(?:^|[.?!;,:，。？！；：]\s*)(?:is|are) there (?:anything|something|any mention)\b|\byes or no\b|有没有(?:提到|说到|讲到|提及|说|讲|写|涉及)|是否(?:提到|提及|有提|涉及|说到)|有冇(?:提到|讲到|讲|写|提)|有(?:提到|讲到|说到|写到|提及)[^?？]{0,24}(?:吗|嘛|么|冇)/;
/** Asks for the Chinese of a term ("the Chinese for …", "Chinese originals", "in Chinese"). */
const ASKS_CHINESE =
  /\bchinese (?:for|terms?|words?|names?|originals?|version|characters?|equivalents?)\b|\btranslat\w*\b.{0,80}\b(?:in|into|to) chinese\b|\b(?:in|into) chinese\b|\boriginal chinese\b|\bchinese (?:is|was)\b/i;
/** A claim that it says nothing ("says nothing at all about older people?"), left to the quotes. */
const DENIES =
  /\bnothing\b|\bnot\b|\bno mention\b|\bnever\b|(?<!有)没(?:有)?(?:提|说|讲|写)|(?<!有)冇(?:提|讲|写)|不提|完全没|根本没/;

/** The leads an index's answers take. */
export function createLeads(index: KnowledgeIndex) {
  return { affirm, withChinese };

  /**
   * "Does the 2024 notice say anything about personal learning accounts? Yes or no": an answer
   * from the notices' sentences says yes before it quotes them (a claim that it says nothing is
   * left to the quotes).
   */
  function affirm(q: Question, answered: Reply): Reply {
    if (answered.kind !== 'extractive') return answered;
    const t = normalizeForSearch(q.asks);
    if (!ASKS_IF_SAYS.test(t) || DENIES.test(t)) return answered;
    return {
      ...answered,
      blocks: [localizeBlock(paragraph(q.m.yesItSays), q.language), ...answered.blocks],
    };
  }

  /**
   * "What is the Chinese for 'one province and one case'?": the notices' Chinese term of each
   * glossary term the English question names, before the answer (the copy's English is a
   * machine translation; the terms are the project's reviewed glossary).
   */
  function withChinese(q: Question, answered: Reply): Reply {
    if (q.language !== 'en' || !ASKS_CHINESE.test(q.typed)) return answered;
    if (!['extractive', 'fact'].includes(answered.kind)) return answered;
    const typed = q.typed.toLowerCase().replace(/[’']/g, "'");
    // "what phrase is used for …, and what would the Chinese original be?": no term named, the
    // terms the answer quotes (“one province and one week”).
    const quoted = [...renderAnswer(answered).matchAll(/“([^”]{8,60})”/g)]
      .map((x) => x[1]!.toLowerCase().replace(/[’']/g, "'"))
      .join('\n');
    const inText = (t: string) =>
      index.glossary.terms.flatMap((term) => {
        if (term.domain || term.zh.length === 0) return [];
        const form = term.en
          .filter((e) => e.length >= 8 && t.includes(e.toLowerCase().replace(/[’']/g, "'")))
          .sort((a, b) => b.length - a.length)[0];
        return form ? [{ form, zh: term.zh[0]! }] : [];
      });
    const asked = inText(typed);
    const found = asked.length > 0 ? asked : inText(quoted);
    const named = found.filter(
      (f) => !found.some((o) => o !== f && o.form.toLowerCase().includes(f.form.toLowerCase())),
    );
    if (named.length === 0) return answered;
    return {
      ...answered,
      blocks: [
        paragraph(q.m.inChinese),
        list(named.map((f) => `“${f.form}”: ${f.zh}`)),
        ...answered.blocks,
      ],
    };
  }
}
