import { createQueryExpander, glossaryWords } from '../knowledge/glossary.js';
import { numbersIn } from '../knowledge/figures.js';
import { normalizeForSearch } from '../knowledge/script.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';
import { stemmer } from 'stemmer';
import { QUESTION_FORM, REQUESTS } from './intent.js';

/** The content words of a question, split by whether the notices (or the glossary) know them. */
export interface WordCheck {
  readonly known: readonly string[];
  readonly unknown: readonly string[];
  /**
   * The known words as ideas: the words of one glossary term count once ("Star of People's
   * Learning" is one idea, not three), so a question's unknown words are weighed fairly.
   */
  readonly knownIdeas: number;
}

// English words that frame a question rather than name its topic (after stemming, so both
// "mention" and "mentions" are here as "mention").
export const ENGLISH_FRAME: ReadonlySet<string> = new Set(
  (
    'much mani get got give say ask mention plan includ need go take like list tell provid describ mean ' +
    'last long happen exist requir want know find join attend start begin end held hold run would could ' +
    'anyth someth noth right meant thing detail inform info about there week took taken come came make made see seen saw heard hear paragraph preambl introductori framing sit locat use put set let keep kept part section kind sort type way main good best new old address recipi sent ' +
    'cover talk deal contain say point principl compar comparison versu versus vs differ what who where when how which ' +
    // "keeps saying X — what's that in English?": how a term is put, not a topic.
    'sai keep english chines translat ' +
    // Chat words around a question ("hey who's in charge…", "my dad is 81 lol").
    'hey lol pleas thank hello quick question ' +
    // Numbers said in words ("ten-year", "some ten thousand") and what a part "involves".
    'one two three four five six seven eight nine ten hundred thousand involv ' +
    // Formal framing: "which … besides education are assigned roles, and what is each expected
    // to do", "how does it envisage …, does it reference …".
    'besid assign expect envisag refer referenc ' +
    // "the activity strands", "what does the 智慧助老 strand involve": a part of a programme.
    'strand ' +
    // "according to the 2022 notice", "as stated in it".
    'accord state ' +
    // "does it tie the Week to red culture at all": how one asks whether two are linked.
    'tie ti tied ' +
    // "What English wording does it use for item (4)": how a term is put.
    'word wording phrase phrasing express item render quot ' +
    // "what does it actually want done", "I recall …, what else?": how one asks.
    'done recal els ' +
    // "What's the actual address?": how sure, not what.
    'actual real correct ' +
    // "who coordinates it day to day, which office handles it".
    'day daili handl ' +
    // Who the asker speaks for ("my dad was picked as a Star", "my grandson says…"): people of
    // the asker's own, never what the notices must hold.
    'dad daddi mum mom mother father parent son daughter grandson granddaught grandchild ' +
    'grandkid wife husband uncl aunt sister brother cousin friend colleagu boss neighbour neighbor ' +
    'pick ' +
    // What a reader's own work or a part of a notice is called ("for my thesis chapter", "which
    // sub-section", "what are their headings", "should reach").
    'thesi chapter head heading number subsect subsection reach ' +
    // "what exactly", "something abt young ppl": how sure, and chat shorthand for about.
    'exactli exact abt ' +
    // "fact check: the week ran nov 20-26, correct?": checking, not a topic; a month shortened.
    'fact check ran jan feb mar apr jun jul aug sep sept oct nov dec month ' +
    // "what was the 'top political task' the week was told to put first": emphasis and telling.
    'top told first ' +
    // "what platforms does the notice name for running online learning stuff": naming and chat
    // filler, never a topic (a contact's name is asked through the contacts' words).
    'name stuff ' +
    // "is it one province one week again?", "still 3 to 5?": whether it repeats, not a topic.
    'again still ' +
    // "what's the stated purpose": asking why, not a topic.
    'purpos stated ' +
    // "what's the 'everyone, everywhere, anytime' idea": what a phrase stands for, not a topic.
    'idea concept notion ' +
    // "what is the big goal?", "is it true…": what is asked of the notice, not a topic.
    'big goal aim objectiv true basic basically ' +
    // "the 2024 paper say what?": the notice itself, as a learner of English calls it.
    'paper ' +
    // "was the week cancelled?": whether it was held, which its dates answer.
    'cancel cancell ' +
    // A letter's courtesies ("Dear Sir or Madam, I wonder whether…").
    'dear sir madam wonder whether kindli'
  )
    .split(' ')
    // Each word as the tokenizer stems it too ("one" is "on", "please" "plea").
    .flatMap((w) => [w, stemmer(w)]),
);

/** Chinese nouns that point into a document (its parts, items, sections) or ask for a rule, never its topic. */
const CHINESE_FRAME: ReadonlySet<string> = new Set([
  // "学哪些东西", "都不太会用": how people talk about what is learned, not a topic.
  '东西',
  '不太会',
  '不会',
  // "24年文件里说的…": the document is the notice itself (文件, 文档 once the Taiwan converter
  // has read it), not a topic.
  '文件',
  '文档',
  // How something is done ("推荐流程"), asked of a topic, not a topic.
  '流程',
  '步骤',
  '程序',
  '部分',
  '方面',
  '条款',
  // "有没有专门提到博物馆?原话大概是怎么说的", "中文原本应该系乜嘢": how one asks for the
  // notice's own words, not a topic.
  '专门',
  '原话',
  '原本',
  '原句',
  '原文',
  // "“一老一小”是怎么回事": asks what something is about, not a topic.
  '怎么回事',
  '咋回事',
  '回事',
  // How a question is opened ("想问下…"), not what it asks.
  '问下',
  '想问',
  '问问',
  // Who a notice is sent to asks for its addressees, not a topic.
  '发给',
  '主送',
  '发送给',
  // "2024年份通知": the year, said with 份.
  '年份',
  '章节',
  '段落',
  '小节',
  // The points of a section, asked for by what they are ("总体要求里提了哪几条原则").
  '原则',
  '要点',
  // Words that ask for a rule, not name a topic: "有硬性数量规定吗" is about 活动, not 硬性.
  '硬性',
  '数量',
  '规定',
  '限制',
  '上限',
  '下限',
  '门槛',
  // How long or how big ("视频最长可以多长"), asked of a topic, not a topic.
  '多长',
  '多大',
  '多久',
  // What a question asks be done ("建議運用哪些設施來辦理…"), and liking (鍾意), name no topic.
  '建议',
  '运用',
  '办理',
  '采用',
  '使用',
  '利用',
  '钟意',
  '中意',
  '喜欢',
  // Asking whether ("活動周係咪每年都有": 係咪 reads as 是不是) is no topic.
  '是不是',
  '是否',
  // How a term is put across languages ("对应中文应该怎么说", "翻譯問題"), and liking or wanting
  // to know ("感兴趣", "全称叫啥"): no topic.
  '对应',
  '中文',
  '英文',
  // "我只找到英文版": which copy the asker has, not a topic.
  '英文版',
  '中文版',
  '翻译',
  '译法',
  '叫法',
  '说法',
  '全称',
  '讲法',
  '目的',
  '简称',
  '问题',
  '感兴趣',
  // Who the asker speaks for ("我孙子说…", "我爸评上了"): the asker's own people, not a topic;
  // "跟我们当家长的有关系不": what the asker is.
  '家长',
  '孙子',
  '孙女',
  '儿子',
  '女儿',
  '老爸',
  '老妈',
  '爸爸',
  '妈妈',
  '老公',
  '老婆',
  '同事',
  '领导',
  '朋友',
  '邻居',
  // How one asks for an account of something ("整理一下", "有啥区别", "啥意思"): no topic.
  '整理',
  // "同我哋学校有冇关系": whether it concerns the asker, not a topic.
  '关系',
  '区别',
  '差别',
  '不同',
  // "请从比较的角度分析…侧重点有何不同": how an account is wanted, no topic.
  '角度',
  '分析',
  '侧重点',
  '侧重',
  '比较',
  '对比',
  '意思',
  // "具体指要干嘛": what is to be done, asked in chat; no topic.
  '干嘛',
  '要干嘛',
  // "其具體意涵為何": what a phrase means (Taiwan's 意涵, 含义, 涵义), no topic.
  '意涵',
  '含义',
  '涵义',
  '含意',
  '啥意思',
  '什么意思',
  '哪几个',
  // Everyone (大家, 大伙) is who, not what.
  '大家',
  '大伙',
  '人们',
  // "特别关注哪两类人群": which people, asked; who they are is in the notices' words.
  '人群',
  // "具体要干点啥", "做点什么": what is to be done, asked in chat.
  '干点',
  '做点',
  '搞点',
  '兴趣',
  // "那个账户是啥玩意 能干啥": what a thing is and what it is for, asked in slang; no topic.
  // "两者有何分别": both of the things just named.
  '两者',
  '二者',
  '到底',
  // "所稱之「數位學習」（對岸用語為…）", "是否有類似…之規劃": how a term is put, and whether
  // something like it is planned; no topic.
  '对岸',
  '用语',
  '所称',
  '类似',
  '规划',
  // Courtesy before the question ("您好，又來麻煩您了，真不好意思…老朽看不太懂…敬請賜教"): no topic.
  '您好',
  '麻烦',
  '不好意思',
  '打扰',
  '叨扰',
  '老朽',
  '敬请',
  '赐教',
  '劳驾',
  '玩意',
  '玩意儿',
  '能干',
  '干啥',
  '咋整',
]);

// A clause about the one asking: it opens with I, my, we, our (我, 我哋, my, I'm…).
const TELLS =
  /^(?:我|俺|咱|敝人|敝处|敝單位|敝单位|本处|本单位|我处|本人|鄙人|笔者|筆者|在下|我们|我們|我哋|我的|我嘅|阿嫲|阿婆|阿爷|阿爺|阿公|阿妈|阿媽|阿爸|婆婆|爷爷|爺爺|奶奶|外婆|外公|妈妈|媽媽|爸爸|老豆|老母|my\b|i\b|i'm\b|im\b|we\b|we're\b|our\b|(?:need|want|have|going|trying|planning) to\b|wanna\b|gotta\b)/i;

/**
 * The sentences of a message that ask, when it also tells ("My grandmother is in her 70s. Is
 * there anything on reading for older people?"): the telling sentences say who asks, not what the
 * notices must hold. The whole message when it has one sentence, or none that asks.
 */
const ASKER_PREFIX =
  /^[^,，:：。？?！!\s]{0,12}?(?:想问|想問|想了解|想知道|请问|請問|问一下|問一下|问下|問下|请教|請教)(?:一下|下)?[:：,，]?\s*/;

const ADDS_TO_ASK =
  /^(?:and|also|plus)\b.*\b(?:too|as well|also)$|^(?:还有|另外还有|以及|還有|仲有|另外|顺便|順便|同埋)/i;

/** "，那2024年…": the ask set against a fact stated before it for another year. */
export const THEN_YEAR = /^\s*那(?:么|麼)?\s*(?:(?:19|20)?\d{2}\s*年|今年|去年|前年)/;

export function askingPart(message: string): string {
  const sentences = message
    .split(/(?<=[.!?。！？])\s*/)
    .map((x) => x.trim())
    .filter(Boolean);
  // Within a sentence, a clause about the asker that does not ask ("我阿爸阿妈七十几岁，…有冇…?"),
  // and who asks before what ("校長想問:…", "奶奶想知道…").
  const kept = sentences.map((whole) => {
    const x = whole.replace(ASKER_PREFIX, '') || whole;
    const clauses = x.split(/(?<=[,，;；])\s*/).filter(Boolean);
    // "2022年的通知是11月9日发的，那2024年这份呢": a stated fact before "那" and another year is
    // what the ask is set against, not asked.
    // "前年的主题我知道了，今年是2024年，那去年的主题是啥": every told clause before it.
    const then = clauses.findLastIndex((c, i) => i > 0 && THEN_YEAR.test(c));
    const rest = clauses.filter(
      (c, i) =>
        !(TELLS.test(c.trim()) && !QUESTION_FORM.test(c)) && !(i < then && !QUESTION_FORM.test(c)),
    );
    if (rest.length === 0) return x;
    const left = rest.join('');
    return rest.length < clauses.length ? left.replace(ASKER_PREFIX, '') || left : left;
  });
  // An afterthought after the question asks too ("…, and the platform's url too", "还有邮编").
  const asking = kept.filter(
    (x) =>
      QUESTION_FORM.test(x) ||
      REQUESTS.test(x) ||
      x.split(/(?<=[,，;；])\s*/).some((c) => ADDS_TO_ASK.test(c.trim().replace(/[.。!！]+$/, ''))),
  );
  const chosen =
    kept.length >= 2 && asking.length > 0 && asking.length < kept.length ? asking : kept;
  const out = chosen.join(' ');
  return out === sentences.join(' ') ? message : out;
}

/**
 * Creates the word check of an index. It decides "the notices never mention this": a question
 * whose topic word no notice and no glossary entry uses cannot be answered from them, however
 * well other words match. Only topic words count: Chinese nouns (jieba's tags, so 啥时候,
 * 开始, 提到 never count), and English words other than question framing. A Chinese noun is known
 * when it is a token of the index, or (three characters or more) occurs in a notice; an English
 * word when a notice word shares its first five letters (organised / organized). Glossary terms
 * and the names in reviewed fact renderings (Li Ronghua) are always known.
 */
/** Asks whether something concerns the asker's own people or place (跟我们小学有关系不). */
const CONCERNS_US =
  /(?:跟|和|同|与|與|对|對)(?:我们|我們|我哋|咱们|咱們|俺们|俺們|我)(?:的|嘅)?[^，,。？?！!\s]{0,8}?(?:有关系|有關係|有冇关系|有冇關係|有没有关系|有沒有關係|有啥关系|有什么关系|有咩关系|相关|相關|有关|有關)|\b(?:does|do|is|are) (?:it|this|that|they) (?:concern|relevant to|affect|apply to) (?:us|me|our|my)(?: \w+){0,3}/gi;

export function createWordCheck(index: KnowledgeIndex): (question: string) => WordCheck {
  const corpus = Object.values(index.cleaned).map(normalizeForSearch).join('\n');
  const postings = index.bm25.postings;
  const latin = [...postings.keys()].filter((t) => /^[a-z]/.test(t));
  const prefixes = new Set(latin.flatMap((t) => [t.slice(0, 4), t.slice(0, 5)]));
  const renderings = index.facts.flatMap((f) => [
    ...Object.values(f.renderings.en ?? {}),
    ...Object.values(f.renderings.zh ?? {}),
  ]);
  const always = new Set(
    [
      ...glossaryWords(index.glossary),
      ...index.glossary.terms.flatMap((t) => t.en),
      ...index.glossary.regions.flatMap((r) => [r.en, ...r.pinyin]),
      ...renderings,
    ].flatMap((w) => [...index.tokenizer.tokenize(w), ...index.tokenizer.chineseNouns(w)]),
  );
  // A two-character word the notices use again and again inside longer ones (线下 of 线上线下,
  // which the tokenizer cuts 线 / 上线 / 下) is theirs too; once or twice may be chance.
  const often = (word: string) => corpus.split(word).length > 3;
  const isKnown = (word: string): boolean => {
    if (always.has(word) || postings.has(word)) return true;
    if (/\p{Script=Han}/u.test(word)) {
      if ([...word].length >= 3 && corpus.includes(word)) return true;
      if ([...word].length === 2 && often(word)) return true;
      // A phrase jieba keeps whole in a question (开展活动, 哪些地方) is known when its parts are.
      const parts = index.tokenizer.tokenize(word).filter((p) => p !== word);
      return parts.length > 0 && parts.every((p) => always.has(p) || postings.has(p));
    }
    if (/^\d+$/.test(word) || prefixes.has(word.slice(0, 5))) return true;
    // One who does what a notice word says ("readers", "learners") is known by the doing.
    const doing = /^([a-z]{3,})ers?$/.exec(word)?.[1];
    return doing !== undefined && postings.has(doing);
  };
  const expander = createQueryExpander({ terms: index.glossary.terms, regions: [], synonyms: [] });
  // A figure the notices state, however the question writes it ("ten thousand courses" for the
  // 10,000 courses), names what they say as surely as a word does. Years and small numbers, which
  // every passage has, do not.
  const telling = (n: number) => n >= 100 && !(n >= 1900 && n <= 2100);
  const figures = new Set(numbersIn(index.passages.map((p) => p.text).join('\n')).filter(telling));
  return (raw) => {
    // "跟我们小学有关系不", "does it concern my school": whether it touches the asker's own
    // place, which the notices need not name.
    const question = raw.replace(CONCERNS_US, ' ');
    const english = index.tokenizer
      .tokenize(question)
      // Two letters or fewer ("r", "u", "ok") are chat shorthand, never a topic.
      .filter((t) => /^[a-z]/.test(t) && t.length > 2 && !ENGLISH_FRAME.has(t));
    const chinese = index.tokenizer.chineseNouns(question).filter((w) => !CHINESE_FRAME.has(w));
    const words = [...new Set([...chinese, ...english])];
    const known = words.filter(isKnown);
    const terms = expander
      .entries(question)
      .map((forms) => new Set(forms.flatMap((f) => index.tokenizer.tokenize(f))));
    const inTerms = terms.filter((t) => known.some((w) => t.has(w))).length;
    const loose = known.filter((w) => !terms.some((t) => t.has(w))).length;
    const stated = new Set(numbersIn(question).filter((n) => telling(n) && figures.has(n))).size;
    return {
      known,
      unknown: words.filter((w) => !isKnown(w)),
      knownIdeas: inTerms + loose + stated,
    };
  };
}

/**
 * The words of a question as the user typed them, for stemmed English words ("armi" is shown as
 * "armies", "foreign" as "foreigners"); Chinese words are shown as they are.
 */
export function asTyped(
  words: readonly string[],
  question: string,
  tokenize: (text: string) => readonly string[],
): string[] {
  const typed = new Map<string, string>();
  for (const word of question.match(/[A-Za-z][A-Za-z'’-]*/g) ?? [])
    for (const stem of tokenize(word)) if (!typed.has(stem)) typed.set(stem, word.toLowerCase());
  return words.map((w) => typed.get(w) ?? w);
}
