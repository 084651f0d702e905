import { docFrequency } from '../retrieval/bm25.js';
import type { Retriever, SearchHit, SearchOptions } from '../retrieval/hybrid.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';
import type { WordCheck } from './unknown-words.js';

/**
 * A message that tells as well as asks. What it tells before it asks may be about the asker
 * ("我在台北的圖書館工作,想參考一下:…關於推動全民閱讀,列了哪些具體活動形式?") or about the topic ("The
 * 2022 notice talks about ten years of achievements. What were localities to publicise?"); what
 * it tells after may say why ("need to share w/ parents") or give an example that names the
 * topic ("…有列哪些面向?像我們社大有開理財跟心理的課"). How such a message is searched, and by
 * which of its words the quoted sentences are chosen.
 */

/** A message that opens by telling of the asker: 我在…, 我们是…, "I work at…", "Our NGO…". */
const TELLS_OF_SELF = /^(?:我|本人|俺)|^(?:i|i'm|im|i am|we|we're|our|my)\b/i;
/** Why the asker asks, told after the question: "need to share w/ parents", "I'd like to…",
 * 想整理个清单发给居民, 想抄啲idea返學校圖書館用; not an example ("像我們社大…", "例如…", "like …"), which names the topic. */
const WHY_AFTER =
  /^(?:(?:i )?need (?:it |this |them )?to|i['’]?d like to|i would like to|i want to|i wanna|i['’]?m going to|i['’]?ll|so (?:that )?(?:i|we) can|(?:it['’]?s |this is )?for (?:my|our|a)|to (?:share|send|forward|show|tell|pass)|thanks|thank you|thx|(?:我|我们|我們)?(?:想|要|打算|准备|準備|谂住|諗住)(?:整理|转|轉|发|發|分享|给|給|告诉|告訴|写|寫|做个|做個|拿去|带|帶|抄|借鉴|借鑒|参考|參考|攞|拎)|方便|谢谢|謝謝|唔该|唔該|多谢|多謝)(?![a-z])/i;
/** How much the asking part's own search counts beside the whole message's. */
const ASKING_WEIGHT = 0.5;
/** A word in at most this share of the passages says what a passage is about. */
const RARE_SHARE = 0.2;

/** What a message's search found, and the words its quoted sentences are chosen by. */
export interface TellingSearch {
  readonly hits: SearchHit[];
  readonly pickBy: string;
}

export function createTellingSearch(
  index: KnowledgeIndex,
  retriever: Retriever,
  checkWords: (text: string) => WordCheck,
) {
  /** Two searches' hits as one list, each passage by the whole message's score plus the asking
   * part's, weighed (absent counts 0). */
  const fuse = (whole: readonly SearchHit[], asking: readonly SearchHit[]): SearchHit[] => {
    const byId = new Map<string, SearchHit>();
    for (const h of whole) byId.set(h.passage.id, h);
    for (const h of asking) {
      const seen = byId.get(h.passage.id);
      const score = (seen?.score ?? 0) + h.score * ASKING_WEIGHT;
      byId.set(h.passage.id, { ...(seen ?? h), score });
    }
    return [...byId.values()]
      .sort((x, y) => y.score - x.score)
      .slice(0, Math.max(whole.length, asking.length));
  };

  /** Whether a passage uses any of these words that few passages use (as the tokenizer reads
   * both): 宣传部门 or 手机 speaks of what the asker told; 社区 or "work" could be anywhere. */
  const spokenOf = (words: readonly string[], passage: string): boolean => {
    if (words.length === 0) return false;
    const present = new Set(index.tokenizer.tokenize(passage));
    const rare = (t: string) => docFrequency(index.bm25, t) <= index.bm25.docCount * RARE_SHARE;
    return words.some((w) => {
      const tokens = index.tokenizer.tokenize(w);
      return tokens.length > 0 && tokens.every((t) => present.has(t)) && tokens.some(rare);
    });
  };

  /**
   * Searches a message (`text`) whose asking part is `asks`; `keep` filters the hits (the years
   * asked) before the best is judged.
   */
  return async (
    text: string,
    asks: string,
    options: SearchOptions,
    keep: (hits: readonly SearchHit[]) => SearchHit[],
  ): Promise<TellingSearch> => {
    const ownTopics = asks !== text && checkWords(asks).known.length >= 2;
    // Told first: the asking part, when it names topics of its own, is searched too, and each
    // passage ranks by its two scores together.
    const tellsFirst = ownTopics && !text.startsWith(asks);
    // Why the asker asks, told after, is no topic either ("share" is not the "shared … platform"
    // of another passage); an example told after is, and the whole message alone is searched.
    const whyAfter =
      ownTopics &&
      text.startsWith(asks) &&
      WHY_AFTER.test(text.slice(asks.length).replace(/^[\s,，.。!！?？;；:：-]+/, ''));
    // Told after, why the asker asks is searched not at all ("想抄啲idea返學校圖書館用": the
    // library is where the ideas go, not what is asked).
    const hits = keep(
      whyAfter
        ? await retriever.search(asks, options)
        : tellsFirst
          ? fuse(await retriever.search(text, options), await retriever.search(asks, options))
          : await retriever.search(text, options),
    );
    // What the asker tells of themselves first (a library) does not choose the quoted sentences
    // either, unless the passage found speaks of it by a word the asking part lacks ("I work in
    // a provincial propaganda department. …what media are we to organise?", 我們家阿嬤想學手機).
    // The message from where it starts asking keeps an example told after ("…例如教佢哋用手機咁").
    const asksFrom = text.indexOf(asks.slice(0, 6));
    const told = asksFrom > 0 ? text.slice(0, asksFrom) : '';
    const own = () => checkWords(asks).known;
    const pickBy =
      tellsFirst &&
      TELLS_OF_SELF.test(told) &&
      hits[0] &&
      !spokenOf(
        checkWords(told).known.filter((w) => !own().includes(w)),
        hits[0].passage.text,
      )
        ? text.slice(asksFrom)
        : whyAfter
          ? asks
          : text;
    return { hits, pickBy };
  };
}
