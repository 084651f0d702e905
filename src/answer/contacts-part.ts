import type { Fact } from '../knowledge/facts.js';
import type { Block, Language } from '../types.js';
import type { View } from './fact-answer.js';
import { contactField, contactFields } from './intent.js';
import { splitNames, type Lookup } from './lookup.js';
import type { Messages } from './messages.js';
import { list, paragraph } from './reply.js';
import { normalizeForSearch } from '../knowledge/script.js';

// Asks how many contact persons there are ("一共列了几位联系人", "how many contact people").
const COUNTS_PEOPLE =
  /(?:几|多少)(?:位|个|名)(?:联系人|人名|人)|联系人.{0,6}(?:几位|几个|多少(?:位|个|人|名))|how many (?:contact )?(?:persons|people|contacts|names|individuals)/;

// Asks how a name is written in Chinese characters (中文名是哪几个字, "Chinese characters").
const OWNER_OF_EMAIL =
  /(?:联系人|联络人)(?:的|嘅)?(?:电子)?(?:邮箱|邮件|电邮)|contact(?: person)?(?:['’]s)? e-?mail/;
const ASKS_CHARACTERS =
  /中文名|汉字|哪几个字|哪个字|怎么写|chinese (?:name|characters)|in characters|written in chinese/;

/**
 * The contact details a question asks for. With the person or the phone asked besides the
 * e-mail, a lacking e-mail leaves the answer answered. A person the question names is not asked
 * for ("联络人Li Yisheng嘅电邮"), nor is the contact in "联系人的电子邮箱".
 */
function askedFields(text: string, found: Lookup) {
  return contactFields(text).filter(
    (f) => !(f === 'names' && (found.named || OWNER_OF_EMAIL.test(normalizeForSearch(text)))),
  );
}

/**
 * One year's contacts as an answer: each chosen contact on a line, and what the notice does not
 * give of what was asked ("王立的邮箱"; the 2024 e-mails the copy lost). `missing` when the one
 * detail asked for is not there.
 */
export function contactsPart(
  chosen: readonly View[],
  text: string,
  year: number,
  m: Messages,
  language: Language,
  found: Lookup,
): { blocks: Block[]; cited: Fact[]; missing: boolean } {
  const blocks: Block[] = [];
  let missing = false;
  const field = contactField(text);
  if (field === 'email' && chosen.every((c) => !c.f['email'] && c.f['emailLost'])) {
    blocks.push(paragraph(m.emailLostAnswer(year)));
    // Only the e-mail asked for: not answered. With the person or the phone: answered, with the
    // e-mail's absence said.
    if (askedFields(text, found).length <= 1) missing = true;
  } else if (COUNTS_PEOPLE.test(normalizeForSearch(text))) {
    // "一共列了几位联系人(按人名算)": the count, then the list it counts.
    const people = chosen.flatMap((c) => splitNames(c.fact.fields['names']));
    blocks.push(paragraph(m.contactCount(year, people.length, chosen.length)));
  } else {
    // "英文版里写的Li Yisheng，中文名是哪几个字？": names the copy gives only in pinyin.
    const latin = chosen
      .map((c) => c.fact.fields['names'] ?? '')
      .filter((n) => /^[\p{Script=Latin}\s,.'-]+$/u.test(n));
    if (latin.length > 0 && ASKS_CHARACTERS.test(normalizeForSearch(text)))
      blocks.push(paragraph(m.namesOnlyLatin(year, latin.join(language === 'en' ? '; ' : '；'))));
    blocks.push(paragraph(m.contactsIntro(year)));
  }
  blocks.push(
    list(
      chosen.map((c) =>
        m.contactLine({ ...c.f, names: m.withOriginal(c.f['names'], c.fact.fields['names']) }),
      ),
    ),
  );
  // Asked for a detail the notice does not give for this contact ("王立的邮箱").
  if (
    (field === 'email' || field === 'postcode' || field === 'phone') &&
    found.match === 'strong'
  ) {
    const lacking = chosen.filter((c) => !c.f[field] && !(field === 'email' && c.f['emailLost']));
    if (lacking.length > 0) {
      blocks.push(
        paragraph(
          m.fieldNotGiven(
            year,
            lacking.map((c) => c.f['names'] ?? '').join(language === 'en' ? '; ' : '；'),
            field,
          ),
        ),
      );
      // "聯絡人同電話係咩？…佢哋有冇留email": the person and phone asked besides are answered.
      if (lacking.length === chosen.length && askedFields(text, found).length <= 1) missing = true;
    }
  }
  return { blocks, cited: chosen.map((c) => c.fact), missing };
}
