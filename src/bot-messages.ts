import type { Language } from './types.js';

/** What the bot itself says about messages it cannot take, per language (Chinese in Simplified). */
export interface BotMessages {
  readonly tooLong: (max: number, length: number) => string;
  readonly busy: string;
  readonly staleButton: string;
  readonly privateOnly: string;
  readonly chooseLanguage: string;
  readonly languageSet: string;
  readonly languageNames: Readonly<Record<Language, string>>;
  readonly nothingToCancel: string;
  /** The label of a link into a private chat with the bot. */
  readonly continuePrivately: string;
  readonly helpful: string;
  readonly notHelpful: string;
  readonly thanks: (helpful: boolean) => string;
  readonly notAdmin: string;
  readonly reloaded: (detail: string) => string;
  readonly reloadFailed: (detail: string) => string;
  readonly filesNotSaved: (why: string) => string;
  /** Text that arrived before the last reply was shown (a slow paste's rest), held back. */
  readonly heldInput: (preview: string) => string;
  /** Shown at once while a question is being answered (channels that stream the answer). */
  readonly working: string;
  /** The title of a card of buttons. */
  readonly chooseButton: string;
  /** The title of a card of the helpful / not helpful buttons under an answer. */
  readonly rateTitle: string;
  /** The title of a card of example questions. */
  readonly tryTitle: string;
  /** The state database cannot be reached: the question is answered anew, nothing is lost. */
  readonly stateUnavailable: string;
  /** A user sent more messages than the allowance: when to go on. */
  readonly slowDown: (seconds: number) => string;
  /** A picture, file or video came where only text is read. */
  readonly textOnly: string;
  /** A draft file could not be delivered: how else to get it. */
  readonly fileNotSent: (name: string) => string;
}

const languageNames = { 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文', en: 'English' } as const;

const zh: BotMessages = {
  tooLong: (max, length) =>
    `这条消息太长了（${length}个字符），我最多能读${max}个字符。请分几次发送，或只发问题本身。`,
  busy: '抱歉，您的消息和另一条同时到达，没有保存。请再发一次。',
  staleButton: '这个按钮已经过期，没有执行。请用最新消息里的按钮，或直接输入。',
  privateOnly:
    '推荐材料含有被推荐人的个人信息，只能在私聊中填写。请私聊我，说“我想推荐一位百姓学习之星”开始。',
  chooseLanguage: '请选择回答的语言：',
  languageSet: '好的，以后用简体中文回答。',
  languageNames,
  nothingToCancel: '现在没有正在填写的推荐表，不需要取消。',
  continuePrivately: '私聊继续',
  helpful: '有帮助',
  notHelpful: '没帮助',
  thanks: (helpful) =>
    helpful ? '谢谢，已记下。' : '谢谢，已记下。组织方会看到通知里缺少或说得不清楚的地方。',
  notAdmin: '只有管理员可以重新加载知识库。',
  reloaded: (detail) => `知识库已重新加载（${detail}）。`,
  reloadFailed: (detail) => `知识库没有重新加载，继续使用原来的（${detail}）。`,
  filesNotSaved: (why) =>
    `抱歉，草稿文件没能写入磁盘（${why}）。草稿本身已保存：空出空间后说“确认”，即可重新生成文件。`,
  working: '正在查询…',
  chooseButton: '请选择',
  rateTitle: '这个回答有帮助吗？',
  tryTitle: '可以这样问',
  textOnly: '目前我只能读文字消息。请把问题或要填写的内容用文字发给我。',
  stateUnavailable:
    '暂时读不到保存的对话和草稿（数据库出了故障），下面把您的消息当作新问题回答。正在填写的推荐材料没有丢失，请稍后再继续填写。',
  slowDown: (seconds) =>
    `消息发得太快了，我需要歇一下。请${seconds}秒后再发；这段时间里发来的消息不会被处理，之后请重发。`,
  fileNotSent: (name) => `文件 ${name} 没能发送。草稿已保存：稍后发送“下载”即可重新获取文件。`,
  heldInput: (preview) =>
    `在上面的回复显示之前（或刚一显示）收到了：“${preview}”。它可能是上一段粘贴的后半部分，为免被当作新问题的回答，还没有发送。要把它作为上面这个问题的回答，请直接按回车；否则请输入新的内容（这段会被丢弃）。`,
};

const en: BotMessages = {
  tooLong: (max, length) =>
    `That message is too long (${length} characters); I read at most ${max}. Please send it in parts, or just the question.`,
  busy: 'Sorry, your message arrived at the same moment as another one and was not saved. Please send it again.',
  staleButton:
    'That button has expired, so nothing was done. Please use the buttons of the latest message, or type instead.',
  privateOnly:
    "A nomination holds the nominee's personal details, so it is drafted in a private chat only. Message me privately and say 'nominate' to start.",
  chooseLanguage: 'Which language should I answer in?',
  languageSet: 'OK, I will answer in English from now on.',
  languageNames,
  nothingToCancel: 'No nomination form is open, so there is nothing to cancel.',
  continuePrivately: 'Continue in a private chat',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  thanks: (helpful) =>
    helpful
      ? 'Thank you, noted.'
      : 'Thank you, noted. The organisers will see what the notices lack or leave unclear.',
  notAdmin: 'Only administrators can reload the knowledge base.',
  reloaded: (detail) => `The knowledge base was reloaded (${detail}).`,
  filesNotSaved: (why) =>
    `Sorry, the draft files could not be written to disk (${why}). The draft itself is saved: once there is room, say 'confirm' to make the files again.`,
  working: 'Looking this up…',
  chooseButton: 'Choose one',
  rateTitle: 'Was this answer helpful?',
  tryTitle: 'You can ask',
  textOnly: 'I can read text messages only for now. Please type your question or answer.',
  stateUnavailable:
    'I cannot reach the saved conversations and drafts just now (a database fault), so your message is answered as a new question. A nomination being drafted is not lost: carry on with it a little later.',
  slowDown: (seconds) =>
    `That is more messages than I can take at once. Please wait ${seconds} seconds: messages sent until then are not read, so send them again after.`,
  fileNotSent: (name) =>
    `The file ${name} could not be sent. The draft is saved: send 'download' a little later to get the file again.`,
  heldInput: (preview) =>
    `This arrived before (or just as) the reply above was shown: "${preview}". It may be the rest of a paste, so it has not been sent as the answer to the new question. Press Enter to send it as the answer to the question above, or type something else (it will be dropped).`,
  reloadFailed: (detail) =>
    `The knowledge base was not reloaded; the previous one stays in use (${detail}).`,
};

const hant: BotMessages = {
  ...zh,
  languageSet: '好的，以後用繁體中文回答。',
  continuePrivately: '私聊繼續',
};

/** The bot's own messages for a reader (Traditional readers get Simplified converted, except where set). */
export function botMessagesFor(language: Language): BotMessages {
  return language === 'en' ? en : language === 'zh-Hant' ? hant : zh;
}
