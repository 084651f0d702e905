/** What people type around a name: labels before it, "she is called" phrases, titles after it. */
const LABEL =
  /^(?:(?:被推荐人|被推薦人|推荐人|推薦人|项目联系人|項目聯繫人|联系人|聯繫人|聯絡人|姓名|名字|name|contact(?: person)?|nominee)(?:的)?(?:姓名|名字)?\s*(?:是|为|為|叫|[:：])\s*)/i;
const CALLED =
  /^(?:(?:她|他|我|对方|對方|这位|這位|本人)?(?:的名字|的姓名)?(?:叫做|叫|名叫|名字是|名字叫|姓名是)\s*)/;
const TITLE =
  /\s*(?:老师|老師|女士|先生|同志|阿姨|大爷|大爺|主任|校长|校長|院长|院長|书记|書記|同学|同學|本人)$/;
const ENGLISH_INTRO =
  /^(?:(?:her|his|my|the nominee'?s?|the contact'?s?) name is|(?:she|he) is called|it is|i am)\s+/i;
/** Words a name never holds: question words, "do not know", digits. */
const NOT_A_NAME =
  /[0-9０-９?？]|什么|什麼|哪|吗|嗎|呢|多少|几|幾|怎么|怎麼|如何|为什么|為什麼|不知道|不清楚|截止|时候|時候|日期|材料|通知|活动|活動/;

/**
 * The name in what someone typed for a person ("她叫王秀兰，今年58岁" → 王秀兰, "聯繫人：陳淑華老師"
 * → 陳淑華, "Her name is Zhang Xiuying" → Zhang Xiuying), exactly as written; undefined when what
 * is left does not look like a name (a question, "I don't know", a sentence).
 */
export function extractPerson(input: string): string | undefined {
  let t = input.normalize('NFC').trim();
  t = t.replace(LABEL, '').replace(ENGLISH_INTRO, '');
  if (/^\p{Script=Han}/u.test(t)) t = t.replace(CALLED, '');
  // The name is the first clause: what follows a comma is about the person, not the name.
  t = t
    .split(/[，,。；;（(]/)[0]!
    .trim()
    .replace(/[.!！。]+$/, '');
  t = t.replace(TITLE, '').trim();
  if (!t || NOT_A_NAME.test(t)) return undefined;
  const han = /^[\p{Script=Han}·•・][\p{Script=Han}·•・ ]{0,9}$/u.test(t);
  const hanLetters = [...t].filter((c) => /\p{Script=Han}/u.test(c)).length;
  if (han && hanLetters >= 2 && hanLetters <= 8) return t;
  const latin = /^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F .'’-]{1,60}$/.test(t);
  if (latin && t.split(/\s+/).length <= 5) return t;
  return undefined;
}
