import { openccConverter, toSimplified, toTraditional } from '../knowledge/script.js';
import type { Language } from '../types.js';

const HAN = /\p{Script=Han}/gu;
// Hong Kong's standard, to tell the characters Traditional text also uses (台, 着) from the
// Simplified-only ones: 台北 is Traditional as written.
const toHongKong = openccConverter({ from: 'cn', to: 'hk' });
const LATIN_WORD = /[A-Za-z]{2,}/g;
const ENGLISH_START =
  /^\s*(what|when|where|who|whom|which|why|how|is|are|do|does|did|can|could|will|would|should|tell|please|list|give|show|hi|hello|hey|thanks|thank|i|we|my|our)\b/i;

/**
 * The language and script a message is written in. Chinese wins when Han characters outweigh
 * English words, unless the message opens as an English sentence ("Who is 王立?"). Traditional
 * versus Simplified is decided by which conversion changes more characters; text that reads the
 * same in both (你好, 我的草稿, 是) keeps the fallback's script (the user's earlier messages), or
 * Simplified. `fallback` also decides text with no letters at all.
 */
/** A quoted stretch long enough to be a pasted line rather than a term ("“一省一案”"). */
const PASTED =
  /“[^“”]{0,400}(?:“[^“”]{0,100}”[^“”]{0,400}){0,4}”|"[^"]{0,400}"|「[^「」]{0,400}」|『[^『』]{0,400}』/gu;
const PASTED_LENGTH = 10;

export function detectLanguage(raw: string, fallback: Language = 'zh-Hans'): Language {
  // Markup, links and addresses are not words of the user's language ("<script> 主题？").
  const plain = raw.replace(/<[^<>]{0,200}>|https?:\/\/\S+|[\w.+-]{1,64}@[\w.-]{1,255}/g, ' ');
  // A line of a notice pasted in quotes ("“Adhere to the 'one province and one case'” 这句啥意思",
  // "“應于2022年10月底前…報送” 这句啥意思") is the notice's language, not the asker's: the words
  // around it decide, when there are enough of them.
  const around = plain.replace(PASTED, (quoted) => (quoted.length >= PASTED_LENGTH ? ' ' : quoted));
  const text =
    (around.match(HAN)?.length ?? 0) >= 2 || (around.match(LATIN_WORD)?.length ?? 0) >= 2
      ? around
      : plain;
  const han = text.match(HAN)?.length ?? 0;
  const words = text.match(LATIN_WORD)?.length ?? 0;
  if (han === 0 && words === 0) return fallback;
  if (han === 0 || (words > 0 && ENGLISH_START.test(text) && words * 1.5 >= han / 2)) return 'en';
  if (words > han) return 'en';
  // An English sentence naming Chinese terms ("what materials go with the 百姓学习之星 and
  // 终身学习品牌项目 nominations?"): a Chinese word is about two characters.
  if (words >= 5 && words > han / 2) return 'en';
  // The script: of the asker's own words, or, when those are written alike in both scripts
  // ("2024年的附件3「…匯總表」要在哪一天之前交"), of the whole message.
  // Cantonese written in characters alike in both scripts ("可唔可以教我整砵仔糕？") is Hong Kong
  // or Macao writing: Traditional.
  return (
    scriptOf(text) ??
    scriptOf(plain) ??
    (CANTONESE.test(text) ? 'zh-Hant' : fallback === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans')
  );
}

/** Characters Cantonese writing uses and Mandarin does not (also: never a pinyin keyboard's slip). */
export const CANTONESE = /[咗啲乜嘅係喺冇嚟佢哋咩嘢唔噉咁畀俾睇嗰啱攞揾搵嘥咪㗎喎嘞囉]/u;

/** The script most of the text's Chinese characters are written in, or undefined when undecided. */
function scriptOf(text: string): 'zh-Hant' | 'zh-Hans' | undefined {
  let traditional = 0;
  let simplified = 0;
  for (const ch of new Set(text.match(HAN) ?? [])) {
    const toSimple = toSimplified(ch) !== ch;
    const toTrad = toTraditional(ch) !== ch && toHongKong(ch) !== ch;
    // 么 (什么) is changed both ways by OpenCC (to 幺 and to 麼): Traditional text writes 麼, so
    // it is Simplified.
    if (toTrad) simplified++;
    else if (toSimple) traditional++;
  }
  if (traditional === simplified) return undefined;
  return traditional > simplified ? 'zh-Hant' : 'zh-Hans';
}

/** Maps a platform locale such as `zh-TW`, `zh-Hant-HK`, `zh-CN` or `en-US` to a language. */
export function languageOfLocale(locale: string | undefined): Language | undefined {
  if (!locale) return undefined;
  const l = locale.toLowerCase();
  if (l.startsWith('en')) return 'en';
  if (l.startsWith('zh')) return /hant|tw|hk|mo/.test(l) ? 'zh-Hant' : 'zh-Hans';
  return undefined;
}

/** Puts Chinese text into the reader's script; English and other text pass through unchanged. */
export function toScript(text: string, language: Language): string {
  if (language === 'zh-Hant') return toTraditional(text);
  if (language === 'zh-Hans') return toSimplified(text);
  return text;
}

// "Answer in English", "…, in English please", but not "the notice is only in Chinese and my
// reading is slow", which says what the asker reads.
const asksInPattern = (lang: string) =>
  new RegExp(
    `\\b(?:answer|reply|respond|write|explain|tell me|say it|translate it)\\b[^.?!。？！,，]{0,20}\\bin ${lang}\\b|\\bin ${lang}\\b,? (?:please|pls|plz|thanks?)\\b|^\\s*in ${lang}\\b`,
    'i',
  );
const ASKS_IN = { english: asksInPattern('english'), chinese: asksInPattern('chinese') };

/** A language the user explicitly asks the answer in ("用英文回答", "in Chinese please"), if any. */
export function requestedLanguage(text: string): Language | undefined {
  // "in chinese and english", 中英文: both asked for; the answer is in the asker's language, and
  // quotes the notice as written beside it.
  if (/chinese and english|english and chinese|both languages|中英|英中|双语|雙語/i.test(text))
    return undefined;
  // "2022年的主题 in English": a Chinese question ending in English words asks for English.
  const asksIn = (lang: 'english' | 'chinese') =>
    ASKS_IN[lang].test(text) ||
    (lang === 'english' &&
      /\p{Script=Han}/u.test(text) &&
      /\bin english\s*[?.!？。！]*\s*$/i.test(text));
  if (/用英文|英文回答|英语回答|用英語|英文回答/.test(text) || asksIn('english')) return 'en';
  if (/用繁体|用繁體|繁体中文|繁體中文|in traditional chinese/i.test(text)) return 'zh-Hant';
  if (/用简体|用簡體|简体中文|簡體中文|in simplified chinese/i.test(text)) return 'zh-Hans';
  // "中文" alone names no script: the one the request is written in ("請用中文" stays Traditional).
  if (/用中文|中文回答/.test(text) || asksIn('chinese'))
    return detectLanguage(text) === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans';
  return undefined;
}
