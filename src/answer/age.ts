/**
 * "My mum is 72. Anything for her in 2024?": an age of sixty or more, told about the asker or
 * someone close, makes the question one about the elderly, which is how the notices speak of
 * them (老年人, "the elderly"). The person the question then points to ("her", 佢) is read as
 * the elderly; with no such word, the elderly are added to an open question ("what is on?").
 */

// Someone whose age is told: the asker, family, a neighbour.
const PERSON_EN =
  /\b(?:mum|mom|mother|mama|mommy|dad|father|papa|daddy|grand(?:ma|pa|mother|father|parents?)|granny|parents?|aunt|uncle|neighbou?r|husband|wife|i'm|i am|im|i)\b/i;
const PERSON_ZH = /[妈媽爸]|爷爷|爺爺|奶奶|外婆|外公|阿婆|阿公|父母|老伴|婆婆|公公|我/;

const NOT_AN_AGE =
  '(?!\\s*(?:days?|weeks?|months?|%|percent|yuan|rmb|people|persons|million|thousand|hours?|minutes?|pages?|words?|items?|courses?|provinces?|cities|places))';
const OLD_AGE_EN = new RegExp(
  `\\b(?:is|am|are|'s|i'm|im|aged|turns?|turning|turned)\\s+(?:about\\s+|nearly\\s+|almost\\s+|over\\s+)?(?:[6-9]\\d|1[01]\\d)\\b${NOT_AN_AGE}` +
    `|\\b(?:[6-9]\\d|1[01]\\d)\\s*(?:years?|yrs?)[\\s-]*old\\b|\\b(?:[6-9]\\d|1[01]\\d)\\s*(?:yo|y/o)\\b` +
    `|\\bin (?:her|his|their|my|our) (?:60|70|80|90)s\\b|\\b(?:sixties|seventies|eighties|nineties)\\b`,
  'i',
);
const OLD_AGE_ZH =
  /(?:[6-9]\d|1[01]\d)\s*(?:岁|歲|周岁|週歲)|[六七八九]十[一二三四五六七八九几幾多]?(?:岁|歲)|[六七八九]旬|古稀|花甲|耄耋/;

const ELDERLY_EN = /\b(?:elderly|old(?:er)? (?:people|adults|folks)|seniors?|old age)\b/i;
const ELDERLY_ZH = /老年|老人|长者|長者|长辈|長輩/;

const POINTS_EN = /\b(?:her|him|them|she|he|they)\b/i;
const POINTS_ZH = /佢哋|佢|他们|她们|他們|她們|她|他/;

const OPEN_ASK =
  /\b(?:anything|something|what'?s on|what is on|what can|activities|events|programmes?|programs?)\b|相关|相關|适合|適合|活动|活動|有冇|有什么|有什麼|有啥/i;

// A child's age told beside an old one ("my mum (she is 72) and my 8 year old", "我妈七十多了，
// 孩子8岁"): the old and the young together, what the 2024 notice calls 一老一小.
const CHILD_EN =
  /\bmy (?:[1-9]|1[0-7])[\s-]*(?:years?|yrs?)[\s-]*old\b|\b(?:[1-9]|1[0-7])[\s-]*(?:years?|yrs?)[\s-]*old (?:son|daughter|kid|child|boy|girl|grandson|granddaughter|grandchild)\b/i;
const CHILD_ZH =
  /(?<!\d)(?:[1-9]|1[0-7])\s*(?:岁|歲)的?(?:孩子|儿子|兒子|女儿|女兒|小孩|娃|孙子|孫子|孙女|孫女)/;

/** The message with the elderly named where an old age was told; unchanged otherwise. */
export function withAgeContext(text: string): string {
  const english = OLD_AGE_EN.exec(text);
  const chinese = OLD_AGE_ZH.exec(text);
  const told = english ?? chinese;
  if (!told) return text;
  // The old and the young asked about together: both named, as the notice pairs them.
  if ((english ? CHILD_EN : CHILD_ZH).test(text) && OPEN_ASK.test(text)) {
    const end = /[\s?？!！.。]*$/.exec(text)!;
    return `${text.slice(0, end.index)}${english ? ' for the elderly and young people, one old and one young' : '（老年人和青少年，一老一小）'}${text.slice(end.index)}`;
  }
  if (!(english ? PERSON_EN : PERSON_ZH).test(text)) return text;
  if (ELDERLY_EN.test(text) || ELDERLY_ZH.test(text)) return text;
  const after = told.index + told[0].length;
  const rest = text.slice(after);
  const points = (english ? POINTS_EN : POINTS_ZH).exec(rest);
  const elderly = english ? 'the elderly' : '老年人';
  if (points)
    return (
      text.slice(0, after) +
      rest.slice(0, points.index) +
      elderly +
      rest.slice(points.index + points[0].length)
    );
  // No word points to them: when what is asked is as open as "what is on", the elderly are
  // added before the closing punctuation; a question with its own topic ("how much prize money")
  // is left as it is.
  if (!OPEN_ASK.test(rest)) return text;
  const end = /[\s?？!！.。]*$/.exec(text)!;
  return `${text.slice(0, end.index)}${english ? ' for the elderly' : '（老年人）'}${text.slice(end.index)}`;
}
