import { LRUCache } from 'lru-cache';
import { pinyin } from 'pinyin-pro';
import { normalizeForSearch } from '../knowledge/script.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';
import { CANTONESE } from './language.js';

/**
 * Chinese typed with a pinyin input method goes wrong by sound, not by shape: the right syllables,
 * the wrong characters ("主提" for 主题, "总节" for 总结, "邮相" for 邮箱, "开暮式" for 开幕式).
 * Such a typo is no word at all: jieba's dictionary leaves it as single characters. A stretch of
 * two to four of those is read as the notices' word of the same length and the same toneless
 * pinyin, when exactly one such word shares a character in the same place with it. Words of the
 * dictionary (报到, 每个, 银行) and Cantonese (讲咗, 係咪) are left as typed.
 */

/** The toneless syllables of a text, joined ("zhuti"). */
const sound = (text: string) => pinyin(text, { toneType: 'none', type: 'array' }).join('');

const HAN_RUN = /\p{Script=Han}+/gu;

/**
 * The characters that glue a sentence together: two of them side by side are grammar ("过程中要"
 * is 中 and 要, not 重要), never a mistyped word.
 */
const GLUE = new Set([
  ...'的了是在中要和与及对将把被为以于等各也都就还并上下里内外有无不没可能会应该需请问吗呢吧啊呀个这那哪啥么之其所而或从向到给让使由按',
]);

/** Characters in the same place in two words of one length. */
const shared = (a: string, b: string) => [...a].filter((c, i) => [...b][i] === c).length;

/** Creates the homophone reader of an index: the text with sound-alike typos read as the notices' words. */
export function homophonesFor(
  index: KnowledgeIndex,
  noticeWords: ReadonlySet<string>,
): (text: string) => string {
  const words = new Set<string>();
  for (const w of noticeWords) {
    const n = normalizeForSearch(w);
    if (/^\p{Script=Han}{2,4}$/u.test(n)) words.add(n);
  }
  // The 2024 notice's reviewed Chinese rendering is the notices' Chinese too.
  for (const p of index.passages)
    if (p.rendering?.language === 'zh')
      for (const t of index.tokenizer.tokenize(p.text))
        if (/^\p{Script=Han}{2,4}$/u.test(t)) words.add(t);
  // Province names are asked by ("我们宁下" for 宁夏) though few are in the notices' text.
  for (const r of index.glossary.regions)
    for (const n of [r.zh, ...r.short].map(normalizeForSearch))
      if (/^\p{Script=Han}{2,4}$/u.test(n)) words.add(n);
  // Built on the first question with Chinese in it (the pinyin of every word, once).
  let bySound: Map<string, string[]> | undefined;
  const soundsLike = () => {
    if (bySound) return bySound;
    bySound = new Map();
    for (const w of words) {
      const key = `${[...w].length}:${sound(w)}`;
      const list = bySound.get(key);
      if (list) list.push(w);
      else bySound.set(key, [w]);
    }
    return bySound;
  };

  /** The notice word a stretch was meant to be, if one and only one fits. */
  const meant = (stretch: string): string | undefined => {
    const length = [...stretch].length;
    const candidates = (soundsLike().get(`${length}:${sound(stretch)}`) ?? [])
      .map((w) => ({ w, same: shared(w, stretch) }))
      .filter((c) => c.same > 0 && c.same < length);
    if (candidates.length === 0) return undefined;
    const best = Math.max(...candidates.map((c) => c.same));
    const top = candidates.filter((c) => c.same === best);
    return top.length === 1 ? top[0]!.w : undefined;
  };

  /** A run of single characters jieba could not make words of, with typos read. */
  const mend = (singles: string[], typed: string[]): string => {
    let out = '';
    let i = 0;
    outer: while (i < singles.length) {
      for (let len = Math.min(4, singles.length - i); len >= 2; len--) {
        const stretch = singles.slice(i, i + len).join('');
        // 报到 is a word ("报到哪里"), however jieba cut it.
        if (
          CANTONESE.test(stretch) ||
          [...stretch].every((c) => GLUE.has(c)) ||
          index.tokenizer.inDictionary(stretch)
        )
          continue;
        const word = meant(stretch);
        if (word) {
          out += word;
          i += len;
          continue outer;
        }
      }
      out += typed[i];
      i += 1;
    }
    return out;
  };

  // The notices' long names (国家开放大学, 终身学习品牌项目), by length and sound: one of them
  // typed with one character of the same sound wrong is that name, even when the wrong part
  // makes a word of its own (国家开方大学: 开方 is a word).
  let longBySound: Map<string, string[]> | undefined;
  const longNames = () => {
    if (longBySound) return longBySound;
    longBySound = new Map();
    const names = new Set<string>();
    for (const w of noticeWords) {
      const n = normalizeForSearch(w);
      if (/^\p{Script=Han}{5,10}$/u.test(n)) names.add(n);
    }
    for (const name of names) {
      const key = `${[...name].length}:${sound(name)}`;
      const list = longBySound.get(key);
      if (list) list.push(name);
      else longBySound.set(key, [name]);
    }
    return longBySound;
  };
  const mendNames = (run: string): string => {
    const chars = [...run];
    if (chars.length < 5 || CANTONESE.test(run)) return run;
    const syllables = pinyin(run, { toneType: 'none', type: 'array' });
    if (syllables.length !== chars.length) return run;
    let out = '';
    let i = 0;
    const plain = [...normalizeForSearch(run)];
    if (plain.length !== chars.length) return run;
    outer: while (i < chars.length) {
      for (let len = Math.min(10, chars.length - i); len >= 5; len--) {
        const stretch = plain.slice(i, i + len).join('');
        const names = longNames().get(`${len}:${syllables.slice(i, i + len).join('')}`) ?? [];
        const meant = names.filter((n) => shared(n, stretch) === len - 1);
        if (meant.length === 1) {
          out += meant[0];
          i += len;
          continue outer;
        }
      }
      out += chars[i];
      i += 1;
    }
    return out;
  };

  const fix = (text: string): string =>
    text.replace(HAN_RUN, (typedRun) => {
      const run = mendNames(typedRun);
      const normal = normalizeForSearch(run);
      if ([...normal].length !== [...run].length) return run;
      const pieces = index.tokenizer.dictionaryWords(normal);
      if (pieces.join('') !== normal) return run;
      let out = '';
      let at = 0;
      let singles: string[] = [];
      const typed = [...run];
      const flush = () => {
        if (singles.length === 0) return;
        const asTyped = typed.slice(at - singles.length, at);
        out += singles.length >= 2 ? mend(singles, asTyped) : asTyped.join('');
        singles = [];
      };
      for (const piece of pieces) {
        const length = [...piece].length;
        if (length === 1) {
          singles.push(piece);
          at += 1;
          continue;
        }
        flush();
        out += typed.slice(at, at + length).join('');
        at += length;
      }
      flush();
      return out;
    });

  const seen = new LRUCache<string, string>({ max: 2000 });
  return (text) => {
    if (!/\p{Script=Han}/u.test(text)) return text;
    let fixed = seen.get(text);
    if (fixed === undefined) seen.set(text, (fixed = fix(text)));
    return fixed;
  };
}

/** A Latin word as typed: letters only, lower case. */
const LATIN_WORD = /[a-z]+/gi;

/**
 * "what's 'zhihui zhulao' in the 2022 notice?", "'daiji goutong' and 'shengming zunyan'": a notice
 * word typed in toneless pinyin, by someone who cannot type the characters, is read as that word
 * (智慧助老, 代际沟通, 生命尊严). A run of one to four Latin words is read when its syllables,
 * joined, are those of exactly one word of the notices (two to four characters) and none of the
 * run is an English word of the notices or of the asker's frame ("men", "wan" alone are nothing).
 */
export function pinyinTermsFor(
  index: KnowledgeIndex,
  noticeWords: ReadonlySet<string>,
  english: ReadonlySet<string>,
): (text: string) => string {
  let byKey: Map<string, string | null> | undefined;
  const keys = () => {
    if (byKey) return byKey;
    byKey = new Map();
    const words = new Set<string>();
    for (const w of noticeWords) {
      const n = normalizeForSearch(w);
      if (/^\p{Script=Han}{2,4}$/u.test(n)) words.add(n);
    }
    for (const p of index.passages)
      if (p.rendering?.language === 'zh')
        for (const t of index.tokenizer.tokenize(p.text))
          if (/^\p{Script=Han}{2,4}$/u.test(t)) words.add(t);
    for (const w of words) {
      const key = sound(w);
      // Two words of one sound (试验, 实验) are no reading at all.
      byKey.set(key, byKey.has(key) && byKey.get(key) !== w ? null : w);
    }
    return byKey;
  };
  const seen = new LRUCache<string, string>({ max: 2000 });
  const read = (text: string): string => {
    const found = [...text.matchAll(LATIN_WORD)];
    if (found.length === 0) return text;
    let out = '';
    let at = 0;
    for (let i = 0; i < found.length;) {
      let matched = 0;
      let word: string | undefined;
      for (let n = Math.min(4, found.length - i); n >= 1 && !word; n--) {
        const run = found.slice(i, i + n);
        // The words of a run are apart by spaces or hyphens only.
        const gaps = run.slice(1).every((m, k) => {
          const prev = run[k]!;
          return /^[\s-]*$/.test(text.slice(prev.index + prev[0].length, m.index));
        });
        if (!gaps || run.some((m) => english.has(m[0].toLowerCase()))) continue;
        const hit = keys().get(run.map((m) => m[0].toLowerCase()).join(''));
        if (hit) {
          word = hit;
          matched = n;
        }
      }
      if (!word) {
        i += 1;
        continue;
      }
      const first = found[i]!;
      const last = found[i + matched - 1]!;
      out += text.slice(at, first.index) + word;
      at = last.index + last[0].length;
      i += matched;
    }
    return out + text.slice(at);
  };
  return (text) => {
    if (!/[a-z]{2}/i.test(text)) return text;
    let fixed = seen.get(text);
    if (fixed === undefined) seen.set(text, (fixed = read(text)));
    return fixed;
  };
}
