import type { Region } from '../knowledge/glossary.js';

type RegionKind = Region['kind'];

/**
 * Every user-facing sentence of the answering core, in one place per language. Chinese is written
 * once, in Simplified script; replies to Traditional readers are converted as a whole (opencc), so
 * the two scripts can never drift apart.
 */
export interface Messages {
  /** The education office of a region, as the notices' address line names them. */
  readonly officeOf: (kind: RegionKind) => string;
  /** A rendered name followed by the notice's own form, when they differ: "Wang Li (王立)". */
  readonly withOriginal: (rendered: string | undefined, original: string | undefined) => string;
  readonly greeting: string;
  readonly capabilities: readonly string[];
  readonly examples: readonly string[];
  readonly draftButton: string;
  readonly outOfScope: string;
  readonly emptyMessage: string;
  readonly error: string;
  readonly sources: string;
  readonly yearUsed: (year: number, how: 'this-year' | 'last-year') => string;
  /** How a relative year ("前年") was counted: from the year the asker stated, or the newest notice. */
  readonly relativeYear: (word: string, year: number, from: number, stated: boolean) => string;
  readonly yearsNotCovered: (
    asked: readonly number[] | string,
    covered: readonly number[],
  ) => string;
  readonly closestInstead: string;
  /** "Does the notice say anything about X?" answered from its sentences: yes, first. */
  readonly yesItSays: string;
  /** Two terms asked to be one: they are not. */
  readonly notTheSame: string;
  /** Before the Chinese terms an English question asks for ("What is the Chinese for …"). */
  readonly inChinese: string;
  readonly askContacts: string;
  readonly notInNotices: (words: readonly string[]) => string;
  /** A limit the notices do not set ("有年龄限制吗"), before what they do require. */
  readonly noSuchLimit: (detail: string, more: boolean) => string;
  /** A detail the notices never give ("开幕式有哪些嘉宾"), before what they do say. */
  readonly noSuchDetail: (detail: string) => string;
  readonly otherLanguage: (sourceLanguage: 'zh' | 'en') => string;
  readonly translationNote: string;
  /** The label over a quote from a rendering (knowledge/renderings), given as the file's note. */
  readonly workingTranslation: (note: string) => string;
  /** A section's parts, then the opening of one part ("第五项讲什么"). */
  readonly outline: (year: number, section: string, parts: number) => string;
  readonly noticeOutline: (year: number, parts: number) => string;
  /** The Nth top-level section of a notice, named. */
  readonly noticePart: (year: number, ordinal: number, label: string) => string;
  /** A section without numbered parts whose paragraphs open with a short lead ("坚持…", "注重…"). */
  readonly sectionPoints: (year: number, label: string, points: number) => string;
  /** Over the sentences that say what a term is; `translated` when they are a rendering. */
  readonly definition: (year: number, term: string, translated: boolean) => string;
  /** Over the sentences that say what a notice gives one body (or several) to do. */
  readonly role: (year: number, body: string, translated: boolean) => string;
  /** A body asked about that the year's notice gives nothing to do (another year's does). */
  readonly noRole: (years: readonly number[], body: string) => string;
  readonly outlinePart: (year: number, section: string, ordinal: number, part: string) => string;
  readonly fromNotice: (year: number, section: string) => string;
  readonly theme: (year: number, theme: string, original?: string) => string;
  /** The English copy's theme in the project's Chinese rendering (asked in Chinese). */
  readonly themeRendered: (rendered: string) => string;
  /** A theme of another year, claimed for the year asked. */
  readonly themeOfOtherYear: (theme: string, year: number) => string;
  readonly period: (year: number, period: string) => string;
  /** How many days the period is, counted. */
  readonly periodDays: (days: number) => string;
  readonly arrangement: (
    year: number,
    period: string | undefined,
    arrangement: string,
    annex?: string,
  ) => string;
  readonly annexMissing: (annex: string) => string;
  readonly opening: (year: number, when: string, where: string) => string;
  /** A place the asker names for the opening, which is not where the notice holds it. */
  readonly openingNotIn: (place: string) => string;
  readonly openingUnknown: (year: number) => string;
  /** Asked whether there is one: there is, its date and place to be announced. */
  readonly openingHeldUnset: (year: number) => string;
  readonly hosts: (hosts: string, cohosts?: string) => string;
  readonly organizers: (year: number, organizers: string) => string;
  readonly office: (office: string) => string;
  readonly submission: (year: number, f: Readonly<Record<string, string | undefined>>) => string[];
  readonly summary: (deadline: string, items: string, recipient: string) => string;
  readonly noDeadline: (year: number) => string;
  readonly noQuota: (year: number) => string;
  /** Nominations asked of a year whose notice asks for none (2024). */
  readonly noNomination: (year: number) => string;
  readonly venueUnknown: (year: number) => string;
  /** Who presided over or spoke at the opening asked: the notice names host bodies only. */
  readonly presiderUnknown: (year: number) => string;
  /** The opening's day asked, when the notice gives only a period. */
  readonly dayUnknown: (year: number) => string;
  /** The opening's hour asked: no notice gives one. */
  readonly timeUnknown: (year: number) => string;
  /** A province's own theme asked: the notices give the national theme only. */
  readonly localThemeUnknown: (region: string) => string;
  readonly contactsIntro: (year: number) => string;
  readonly contactLine: (c: Readonly<Record<string, string | undefined>>) => string;
  readonly emailLost: string;
  readonly emailLostAnswer: (year: number) => string;
  readonly websitesIntro: (year: number) => string;
  readonly issued: (year: number, issuer: string, date?: string) => string;
  /** The title names more departments than the copy's signature lists ("教育部等五部门"). */
  readonly notAmong: (year: number, body: string) => string;
  /** A claim that one body alone organises or issues it, which the notice does not bear out. */
  readonly notAlone: string;
  /** A garbled phrase of a machine-translated copy, and what its original says. */
  readonly garbled: (year: number, phrase: string, meaning: string) => string;
  /** After a quote of the machine-translated copy holding a garbled phrase: what it stands for. */
  readonly garbleNote: (phrase: string, meaning: string) => string;
  /** A line pasted into the question: where it is, then its whole sentence (filled in, for a gap). */
  readonly pastedFrom: (year: number, section: string, gap: boolean) => string;
  readonly pastedBefore: string;
  readonly pastedAfter: string;
  /** A follow-up's step through a notice from a pasted line: the next (or previous) sentence. */
  readonly pastedStep: (
    year: number,
    section: string,
    forward: boolean,
    further: boolean,
  ) => string;
  /** No sentence is left that way: the pasted line's notice ends (or begins) there. */
  readonly pastedNoMore: (year: number, forward: boolean) => string;
  /** How many contact persons a notice lists, when asked to count them. */
  readonly contactCount: (year: number, people: number, bodies: number) => string;
  readonly titleNamesMore: (year: number, count: number, title: string, signed: number) => string;
  /** Bodies the notice gives tasks to whose department is not in its signature (民政（老龄办）). */
  readonly tasksBeyondSignature: (bodies: string) => string;
  /** The notice's date asked, when its copy carries none. */
  readonly issueDateNotGiven: (year: number) => string;
  readonly documentNumber: (year: number, number: string) => string;
  readonly noDocumentNumber: (year: number) => string;
  readonly annexes: (year: number) => string;
  /** An annex as the notices name it ("附件2", "Annex 2"), so a reader can match it to the text. */
  readonly annexLabel: (n: number) => string;
  readonly provinceWeek: (
    region: string,
    year: number,
    first: string,
    last: string,
    city?: string,
  ) => string;
  readonly provinceUnknown: (region: string, year: number, office: string) => string;
  readonly regionNotAddressed: (region: string) => string;
  readonly fieldNotGiven: (
    year: number,
    names: string,
    field: 'email' | 'phone' | 'postcode',
  ) => string;
  /** Asked for the Chinese characters of names the copy gives only in pinyin (Li Yisheng). */
  readonly namesOnlyLatin: (year: number, names: string) => string;
  readonly websiteNotGiven: string;
  readonly roleNotGiven: (year: number) => string;
  /** A notice signed by offices: no person who signed it is named. */
  readonly signerNotGiven: (year: number) => string;
  /** A day claimed for one notice that is another's issue date. */
  readonly issueDateOfOther: (year: number, month: number, day: number) => string;
  readonly contactNotGiven: string;
  readonly regionContactNotGiven: (region: string, office: string) => string;
  readonly nationwideWeek: (region: string, year: number, period: string) => string;
}

const join = (parts: readonly (string | undefined | false)[]) => parts.filter(Boolean).join('');

const same = (rendered: string | undefined, original: string | undefined) =>
  !rendered || !original || rendered === original ? (rendered ?? original ?? '') : undefined;

const EN_COUNTS = [
  '',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
];
const ZH_COUNTS = ['', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

const zh: Messages = {
  officeOf: (kind) =>
    kind === 'municipality'
      ? '教委'
      : kind === 'corps' || kind === 'city-with-separate-plan' || kind === 'provincial-capital'
        ? '教育局'
        : '教育厅',
  withOriginal: (rendered, original) => same(rendered, original) ?? `${rendered}（${original}）`,
  greeting: '您好！我是全民终身学习活动周助手，回答都依据教育部的活动周通知，并注明出处。',
  capabilities: [
    '活动周的主题和举办时间',
    '报送要求：报什么、报几个、何时报、报给谁',
    '联系人、电话和网站',
    '一步步起草“百姓学习之星”或“终身学习品牌项目”推荐材料（说“我想推荐一位百姓学习之星”）',
  ],
  draftButton: '起草推荐材料',
  examples: ['2024年活动周的主题是什么？', '百姓学习之星要推荐几名？', '职成司联系人是谁？'],
  outOfScope: '抱歉，这个问题不在我的范围内。我只回答全民终身学习活动周的问题，例如：',
  emptyMessage: '请输入您的问题，例如：',
  error: '抱歉，刚才处理您的消息时出了问题，没有得到答案。请稍后再试一次。',
  sources: '出处',
  yearUsed: (year, how) =>
    `（“${how === 'this-year' ? '今年' : '去年'}”按知识库中${how === 'this-year' ? '最新' : '上一份'}的${year}年通知理解。）`,
  relativeYear: (word, year, from, stated) =>
    // Counted from a year the question names ("2024年的前两年"): nothing assumed about today.
    word.includes(String(from))
      ? `（“${word}”即${year}年。）`
      : stated
        ? `（按您说的现在是${from}年，“${word}”是${year}年。）`
        : `（“${word}”从知识库中最新的${from}年通知算起，理解为${year}年。）`,
  yearsNotCovered: (asked, covered) => {
    const which = typeof asked === 'string' ? asked : `${asked.join('年、')}年`;
    return `知识库中只有${covered.join('年和')}年的活动周通知，没有关于${which}的信息，所以无法回答${which}的情况。`;
  },
  closestInstead: '知识库中最接近的内容是：',
  yesItSays: '有，通知是这样说的：',
  notTheSame: '不是一回事，两者分别是：',
  inChinese: '中文原词：',
  askContacts: '如需确切信息，可以咨询通知中的联系人：',
  noSuchLimit: (detail, more) =>
    `通知都没有规定${detail}方面的限制或要求。${more ? '通知对报送的要求是：' : ''}`,
  noSuchDetail: (detail) => `通知中没有写明${detail}。`,
  notInNotices: (words) =>
    words.length > 0
      ? `通知中没有提到“${words.join('、')}”，我不能凭空回答。`
      : '通知中没有写明这一点，我不能凭空回答。',
  otherLanguage: (lang) =>
    lang === 'en' ? '以下内容出自英文本通知（原文照录）：' : '以下内容出自中文通知（原文照录）：',
  translationNote: '（中文为据英文本的译文）',
  workingTranslation: (note) => `（${note}）`,
  outline: (year, section, parts) => `${year}年通知“${section}”部分共${parts}项：`,
  noticeOutline: (year, parts) => `${year}年通知正文分为${parts}个部分：`,
  noticePart: (year, ordinal, label) => `${year}年通知的第${ordinal}部分是“${label}”：`,
  sectionPoints: (year, label, points) => `${year}年通知“${label}”部分提出${points}点：`,
  definition: (year, term, translated) =>
    `${year}年通知这样描述“${term}”${translated ? '（据英文本的工作译文，原文见出处）' : ''}：`,
  noRole: (years, body) => `${years.join('年和')}年通知没有给${body}安排任务。`,
  role: (year, body, translated) =>
    `${year}年通知对${body}的安排${translated ? '（据英文本的工作译文，原文见出处）' : ''}：`,
  outlinePart: (year, section, ordinal, part) =>
    `${year}年通知“${section}”的第${ordinal}项是“${part}”：`,
  fromNotice: (year, section) => `${year}年通知${section ? `（${section}）` : ''}：`,
  themeRendered: (rendered) =>
    `项目的中文回译：“${rendered}”（知识库中的2024年通知是英文本，官方中文原文可能措辞不同）。`,
  theme: (year, theme, original) =>
    `${year}年全民终身学习活动周的主题是“${theme}”${original ? `（英文本原文：“${original}”）` : ''}。`,
  themeOfOtherYear: (theme, year) => `“${theme}”是${year}年活动周的主题。`,
  period: (year, period) => `${year}年全民终身学习活动周的举办时间是${period}。`,
  periodDays: (days) => `共${days}天。`,
  arrangement: (year, period, arrangement, annex) =>
    join([
      `${year}年活动周`,
      period ? `于${period}期间举办，` : '',
      `按“${arrangement}”安排，各省份分别举办本地活动周`,
      annex ? `，具体安排见${annex}` : '',
      '。',
    ]),
  annexMissing: (annex) => `${annex}不在知识库中，所以我无法给出各省的具体日期。`,
  opening: (year, when, where) => `${year}年活动周全国总开幕式拟于${when}在${where}举办。`,
  openingNotIn: (place) => `不是在${place}。`,
  openingUnknown: (year) => `${year}年通知没有写明全国总开幕式的时间和地点，只说具体安排另行通知。`,
  openingHeldUnset: (year) =>
    `有。${year}年通知说将举办全国总开幕式，但没有写明时间和地点：具体安排另行通知。`,
  hosts: (hosts, cohosts) => `全国总开幕式由${hosts}承办${cohosts ? `，${cohosts}协办` : ''}。`,
  organizers: (year, organizers) => `${year}年活动周由${organizers}共同举办。`,
  office: (office) => `活动周领导小组办公室设在${office}。`,
  submission: (year, f) =>
    [
      f['stars']
        ? `${year}年：各省（区、市）、计划单列市和新疆生产建设兵团推荐${f['stars']}名“百姓学习之星”和${f['brands'] ?? '若干'}个“终身学习品牌项目”。`
        : '',
      f['items'] && !f['stars'] ? `${year}年需报送：${f['items']}。` : '',
      f['materials'] ? `材料包括：${f['materials']}。` : '',
      f['deadline'] ? `报送时间：${f['deadline']}前，连同本地活动周方案一起。` : '',
      f['recipient'] ? `报送至：${f['recipient']}。` : '',
      f['cases'] ? f['cases'] : '',
    ].filter(Boolean),
  summary: (deadline, items, recipient) => `${deadline}前，将${items}报送至${recipient}。`,
  noDeadline: (year) => `${year}年通知（英文本）没有写报送截止日期。`,
  noQuota: (year) => `${year}年通知没有规定推荐“百姓学习之星”或“终身学习品牌项目”的名额。`,
  noNomination: (year) =>
    `${year}年通知没有要求推荐“百姓学习之星”或“终身学习品牌项目”，也没有规定推荐用的表格或材料。它要求报送的是：`,
  venueUnknown: (year) => `${year}年通知只写了城市，没有写具体场馆或地址。`,
  presiderUnknown: (year) => `${year}年通知没有写由谁主持开幕式或谁讲话，只写了承办和协办单位：`,
  dayUnknown: (year) => `${year}年通知没有写明开幕式的具体日期，只写了大致时间：`,
  timeUnknown: (year) => `${year}年通知没有写开幕式几点开始，只写了大致时间：`,
  localThemeUnknown: (region) => `通知没有写明${region}自己的地方主题，只有全国活动周的主题：`,
  contactsIntro: (year) => `${year}年通知中的联系人：`,
  contactLine: (c) =>
    join([
      c['organization'],
      '：',
      c['names'],
      c['phone'] ? `，电话 ${c['phone']}` : '',
      c['email'] ? `，邮箱 ${c['email']}` : '',
      c['postcode'] ? `，邮编 ${c['postcode']}` : '',
      c['emailLost'] ? '（邮箱在本副本中缺失）' : '',
    ]),
  emailLost: '（邮箱在本副本中缺失）',
  emailLostAnswer: (year) =>
    `${year}年通知的这一副本没有写明电子邮箱地址（网页的邮箱保护把它替换掉了），我无法提供。可以用电话联系：`,
  websitesIntro: (year) => `${year}年通知中提到的网站：`,
  issueDateNotGiven: (year) => `知识库中的${year}年通知文本没有写发布日期。`,
  issued: (year, issuer, date) =>
    `${year}年的通知由${issuer}发布${date ? `，日期为${date}` : ''}。`,
  notAmong: (year, body) => `${year}年通知的发文和主办单位中没有${body}。`,
  notAlone: '不是一家，而是几家共同负责：',
  garbled: (year, phrase, meaning) =>
    `${year}年通知的英文本是粗糙的机器翻译：“${phrase}”是误译，原文是“${meaning}”（项目的审校解读）。英文本原句：`,
  garbleNote: (phrase, meaning) => `（英文本的“${phrase}”是误译，原文是“${meaning}”。）`,
  pastedFrom: (year, section, gap) =>
    `这句出自${year}年通知${section ? `（${section}）` : ''}，${gap ? '补全后的' : ''}整句是：`,
  pastedBefore: '前面一句是：',
  pastedAfter: '后面一句是：',
  pastedStep: (year, section, forward, further) =>
    `${further ? '再' : ''}${forward ? '后面' : '前面'}一句（${year}年通知${section ? `，${section}` : ''}）是：`,
  pastedNoMore: (year, forward) =>
    forward
      ? `后面没有了：这已是${year}年通知的最后一句。`
      : `前面没有了：这已是${year}年通知的第一句。`,
  contactCount: (year, people, bodies) =>
    `${year}年通知共列出${people}位联系人，分属${bodies}个单位：`,
  tasksBeyondSignature: (bodies) =>
    `通知正文还给${bodies}分派了任务，但落款中没有这个系统的部门；这份副本没有写明其余的发文部门是哪个。`,
  titleNamesMore: (year, count, title, signed) =>
    `${year}年通知的标题“${title}”说明是${ZH_COUNTS[count] ?? count}个部门联合发文；知识库中这份副本的落款只列出${ZH_COUNTS[signed] ?? signed}个：`,
  documentNumber: (year, number) => `${year}年通知的文号（英文本）：${number}。`,
  noDocumentNumber: (year) => `${year}年通知没有写明文号：知识库中的通知文本里没有文号。`,
  annexes: (year) => `${year}年通知列出的附件：`,
  annexLabel: (n) => `附件${n}：`,
  provinceWeek: (region, year, first, last, city) =>
    `${region}${year}年的活动周：${first}至${last}${city ? `，主会场在${city}` : ''}。`,
  provinceUnknown: (region, year, office) =>
    `${year}年通知没有写${region}活动周的具体日期：各省的安排在附件1中，而附件1不在知识库里。本地安排可向${region}${office}询问。`,
  regionNotAddressed: (region) =>
    `活动周通知是发给各省、自治区、直辖市、计划单列市和新疆生产建设兵团的，没有提到${region}，所以我无法回答${region}的情况。`,
  fieldNotGiven: (year, names, field) =>
    `${year}年通知没有写明${names}的${field === 'email' ? '邮箱' : field === 'phone' ? '电话' : '邮编'}。`,
  namesOnlyLatin: (year, names) =>
    `${year}年通知的这份副本只用拼音写了联系人姓名（${names}），没有写明汉字写法，我不能猜测是哪几个字。`,
  websiteNotGiven: '通知没有写明这个网站或平台的网址。',
  roleNotGiven: (year) => `${year}年通知只写了承办和组织单位，没有写负责人的姓名。`,
  signerNotGiven: (year) => `${year}年通知的落款是发文单位，没有写签发人的姓名。`,
  issueDateOfOther: (year, month, day) => `${month}月${day}日是${year}年通知的发布日期。`,
  contactNotGiven: '通知中没有写明这个人或单位的联系方式。',
  regionContactNotGiven: (region, office) =>
    `通知没有写明${region}${office}的联系方式；以下是通知中的联系人：`,
  nationwideWeek: (region, year, period) =>
    `${year}年活动周在全国统一举办，${region}也是${period}。`,
};

const en: Messages = {
  officeOf: (kind) =>
    kind === 'municipality'
      ? 'municipal education commission'
      : kind === 'corps' || kind === 'city-with-separate-plan' || kind === 'provincial-capital'
        ? 'education bureau'
        : 'provincial department of education',
  withOriginal: (rendered, original) => same(rendered, original) ?? `${rendered} (${original})`,
  greeting:
    "Hello! I answer questions about China's National Lifelong Learning Week from the Ministry of Education's notices, and cite them.",
  capabilities: [
    'the theme and dates of the Week',
    'what provinces submit, how many, by when and to whom',
    'contacts, phone numbers and websites',
    "drafting a Star of People's Learning or Lifelong Learning Brand Project nomination step by step (say 'nominate')",
  ],
  draftButton: 'Draft a nomination',
  examples: [
    'What is the 2024 theme?',
    "How many Stars of People's Learning should a province recommend?",
    'Who are the contacts for 2024?',
  ],
  outOfScope:
    'Sorry, that is outside what I can help with. I answer questions about the National Lifelong Learning Week, for example:',
  emptyMessage: 'Please type a question, for example:',
  error: 'Sorry, something went wrong while answering your message. Please try again in a moment.',
  sources: 'Sources',
  yearUsed: (year, how) =>
    `(I took "${how === 'this-year' ? 'this year' : 'last year'}" as ${year}, the ${how === 'this-year' ? 'newest' : 'previous'} notice in the knowledge base.)`,
  relativeYear: (word, year, from, stated) =>
    word.includes(String(from))
      ? `("${word}" is ${year}.)`
      : stated
        ? `(As you say it is ${from} now, I took "${word}" as ${year}.)`
        : `(I took "${word}" as ${year}, counting from ${from}, the newest notice in the knowledge base.)`,
  yearsNotCovered: (asked, covered) => {
    const which = typeof asked === 'string' ? asked : asked.join(', ');
    return `The knowledge base holds the notices for ${covered.join(' and ')} only; it has no information on ${which}, so I cannot answer for ${which}.`;
  },
  closestInstead: 'The closest the knowledge base has:',
  yesItSays: 'Yes. This is what it says:',
  notTheSame: 'No, they are not the same thing:',
  inChinese: 'In Chinese:',
  askContacts: 'For a definite answer, ask the contacts the notice gives:',
  noSuchLimit: (detail, more) =>
    `The notices do not set any ${detail} limit or requirement.${more ? ' What they do require of submissions:' : ''}`,
  noSuchDetail: (detail) => `The notices do not state ${detail}.`,
  notInNotices: (words) =>
    words.length > 0
      ? `The notices do not mention “${words.join(', ')}”, and I will not guess.`
      : 'The notices do not state this, and I will not guess.',
  otherLanguage: (lang) =>
    lang === 'zh'
      ? 'This is from the Chinese notice, quoted as written:'
      : 'This is from the English notice, quoted as written:',
  translationNote: '(English renderings of the Chinese notice)',
  workingTranslation: (note) => `(${note})`,
  outline: (year, section, parts) => `“${section}” in the ${year} notice has ${parts} parts:`,
  noticeOutline: (year, parts) => `The body of the ${year} notice has ${parts} parts:`,
  noticePart: (year, ordinal, label) => `Part ${ordinal} of the ${year} notice is “${label}”:`,
  sectionPoints: (year, label, points) =>
    `“${label}” in the ${year} notice sets out ${points} points:`,
  definition: (year, term, translated) =>
    `How the ${year} notice describes “${term}”${translated ? ' (working translation; the original is under Sources)' : ''}:`,
  noRole: (years, body) =>
    `The ${years.join(' and ')} notice${years.length > 1 ? 's give' : ' gives'} ${body} nothing to do.`,
  role: (year, body, translated) =>
    `What the ${year} notice gives ${body} to do${translated ? ' (working translation; the original is under Sources)' : ''}:`,
  outlinePart: (year, section, ordinal, part) =>
    `Part ${ordinal} of “${section}” in the ${year} notice is “${part}”:`,
  fromNotice: (year, section) => `The ${year} notice${section ? ` (${section})` : ''}:`,
  themeRendered: (rendered) =>
    `In the project's Chinese rendering: “${rendered}” (the 2024 notice in the knowledge base is an English copy; the official Chinese wording may differ).`,
  theme: (year, theme, original) =>
    `The theme of the ${year} National Lifelong Learning Week is “${theme}”${original ? ` (in Chinese: “${original}”)` : ''}.`,
  themeOfOtherYear: (theme, year) => `“${theme}” is the theme of the ${year} Week.`,
  period: (year, period) => `The ${year} National Lifelong Learning Week runs ${period}.`,
  periodDays: (days) => `That is ${days} days.`,
  arrangement: (year, period, arrangement, annex) =>
    join([
      `The ${year} Week`,
      period ? ` runs ${period.replace(/^From/, 'from')}` : '',
      ` under “${arrangement}”`,
      // The copy's "one province and one week" is the phrase people know as "one province, one week".
      /one province,? one week/i.test(arrangement) ? '' : ' (one province, one week)',
      ': each province holds its own week, not one national week for all',
      annex ? ` (the notice refers to ${annex} for the details)` : '',
      '.',
    ]),
  annexMissing: (annex) =>
    `${annex} is not in the knowledge base, so I cannot give each province's dates.`,
  opening: (year, when, where) =>
    `The ${year} national opening ceremony was planned for ${when} in ${where}.`,
  openingNotIn: (place) => `Not in ${place}.`,
  openingHeldUnset: (year) =>
    `Yes: the ${year} notice says a national opening ceremony will be held, but does not state a date or place; the specific arrangements will be made separately.`,
  openingUnknown: (year) =>
    `The ${year} notice does not state a date or place for the national opening ceremony: it says the specific arrangements will be made separately.`,
  hosts: (hosts, cohosts) =>
    `The national opening ceremony is hosted by ${hosts}${cohosts ? `, with ${cohosts} co-organising` : ''}.`,
  organizers: (year, organizers) => `The ${year} Week is jointly held by ${organizers}.`,
  office: (office) => `The office of the Week's leading group is in ${office}.`,
  submission: (year, f) =>
    [
      f['stars']
        ? `${year}: each province recommends ${f['stars']} Stars of People's Learning and ${f['brands'] ?? 'several'} Lifelong Learning Brand Projects, with the local plan for the Week.`
        : '',
      f['items'] && !f['stars'] ? `${year}: submit ${f['items']}.` : '',
      f['materials'] ? `Materials: ${f['materials']}.` : '',
      f['deadline'] ? `Deadline: ${f['deadline']}.` : '',
      f['recipient'] ? `Send to: ${f['recipient']}.` : '',
      f['cases'] ? f['cases'] : '',
    ].filter(Boolean),
  summary: (deadline, items, recipient) => `By ${deadline}, send ${items} to ${recipient}.`,
  noDeadline: (year) => `The ${year} notice (English copy) does not state a submission deadline.`,
  noQuota: (year) =>
    `The ${year} notice sets no number of Stars of People's Learning or Lifelong Learning Brand Projects to recommend.`,
  noNomination: (year) =>
    `The ${year} notice does not ask for nominations of Stars of People's Learning or Lifelong Learning Brand Projects, so it sets no nomination form or materials. What it asks provinces to submit:`,
  venueUnknown: (year) => `The ${year} notice names only the city, not a venue or address.`,
  presiderUnknown: (year) =>
    `The ${year} notice does not say who presided over or spoke at the opening ceremony; it names the host and co-organising bodies:`,
  dayUnknown: (year) =>
    `The ${year} notice does not state the exact day of the opening ceremony, only when it was planned:`,
  timeUnknown: (year) =>
    `The ${year} notice does not give the time of day of the opening ceremony, only when it was planned:`,
  localThemeUnknown: (region) =>
    `The notices do not state a local theme of ${region}; they give the national theme of the Week:`,
  contactsIntro: (year) => `Contacts in the ${year} notice:`,
  contactLine: (c) =>
    join([
      c['organization'],
      ': ',
      c['names'],
      c['phone'] ? `, phone ${c['phone']}` : '',
      c['email'] ? `, e-mail ${c['email']}` : '',
      c['postcode'] ? `, postcode ${c['postcode']}` : '',
      c['emailLost'] ? ' (e-mail hidden on the page this copy was taken from)' : '',
    ]),
  emailLost: '(e-mail hidden on the page this copy was taken from)',
  emailLostAnswer: (year) =>
    `The copy of the ${year} notice in the knowledge base does not give its e-mail addresses (they were hidden on the web page it was taken from), so I cannot tell you one. You can call instead:`,
  websitesIntro: (year) => `Websites named in the ${year} notice:`,
  issueDateNotGiven: (year) =>
    `The ${year} notice as held in the knowledge base does not state the date it was issued.`,
  issued: (year, issuer, date) =>
    `The ${year} notice was issued by ${issuer}${date ? ` on ${date}` : ''}.`,
  contactCount: (year, people, bodies) =>
    `The ${year} notice lists ${people} contact ${people === 1 ? 'person' : 'people'}, for ${bodies} ${bodies === 1 ? 'body' : 'bodies'}:`,
  garbled: (year, phrase, meaning) =>
    `The ${year} notice's English copy is a rough machine translation: “${phrase}” stands for ${meaning}, as the project reads the original. The copy's sentence:`,
  garbleNote: (phrase, meaning) =>
    `(“${phrase}” is the machine translation's wording; it stands for ${meaning}.)`,
  pastedFrom: (year, section, gap) =>
    `This line is from the ${year} notice${section ? ` (${section})` : ''}. The whole sentence${gap ? ', gap filled in' : ''}:`,
  pastedBefore: 'The sentence before it:',
  pastedAfter: 'The sentence after it:',
  pastedStep: (year, section, forward, further) =>
    `The sentence ${forward ? 'after' : 'before'} ${further ? 'that' : 'it'} (${year} notice${section ? `, ${section}` : ''}):`,
  pastedNoMore: (year, forward) =>
    forward
      ? `Nothing comes after it: that was the last sentence of the ${year} notice.`
      : `Nothing comes before it: that was the first sentence of the ${year} notice.`,
  notAmong: (year, body) =>
    `The ${year} notice does not name “${body}” among the bodies that issue or organise it.`,
  notAlone: 'No, not one body alone:',
  tasksBeyondSignature: (bodies) =>
    `The notice's text also gives tasks to ${bodies}, whose department is not in the signature; the copy does not name the remaining issuing department.`,
  titleNamesMore: (year, count, title, signed) =>
    `The ${year} notice's title, “${title}”, names ${EN_COUNTS[count] ?? count} departments issuing it jointly; the signature of the copy in the knowledge base lists ${EN_COUNTS[signed] ?? signed}:`,
  documentNumber: (year, number) =>
    `The document number of the ${year} notice, as its English copy gives it: ${number}.`,
  noDocumentNumber: (year) =>
    `The ${year} notice does not state a document number: its text in the knowledge base carries none.`,
  annexes: (year) => `Annexes listed in the ${year} notice:`,
  annexLabel: (n) => `Annex ${n}: `,
  provinceWeek: (region, year, first, last, city) =>
    `${region}'s ${year} Week: ${first} to ${last}${city ? `, main venue in ${city}` : ''}.`,
  provinceUnknown: (region, year, office) =>
    `The ${year} notice does not state ${region}'s dates: each province's week is listed in Annex 1, which is not in the knowledge base. ${region}'s ${office} can tell you its local dates.`,
  regionNotAddressed: (region) =>
    `The notices are addressed to the provinces, autonomous regions, municipalities, cities with separate plans and the Xinjiang Production and Construction Corps; they do not mention ${region}, so I cannot answer for it.`,
  fieldNotGiven: (year, names, field) =>
    `The ${year} notice does not give ${field === 'email' ? 'an e-mail address' : field === 'phone' ? 'a phone number' : 'a postcode'} for ${names}.`,
  namesOnlyLatin: (year, names) =>
    `The copy of the ${year} notice gives the contact names only in pinyin (${names}), not in Chinese characters, and I will not guess the characters.`,
  websiteNotGiven: 'The notices do not state an address for that website or platform.',
  roleNotGiven: (year) =>
    `The ${year} notice names the organising bodies, not the people who head them.`,
  signerNotGiven: (year) =>
    `The ${year} notice is signed by offices; it names no person who signed it.`,
  issueDateOfOther: (year, month, day) =>
    `${day} ${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month - 1]} is the issue date of the ${year} notice.`,
  contactNotGiven: 'The notices do not give contact details for that person or body.',
  regionContactNotGiven: (region, office) =>
    `The notices do not give a contact for ${region}'s ${office}; these are the contacts they do give:`,
  nationwideWeek: (region, year, period) =>
    `In ${year} the Week was held nationwide at the same time, so in ${region} too: ${period}.`,
};

/** The messages for a reader: Chinese (either script) or English. */
export function messagesFor(language: 'zh-Hans' | 'zh-Hant' | 'en'): Messages {
  return language === 'en' ? en : zh;
}
