import type { Language } from '../../../src/types.js';

/** The page's own words (the answers come from the assistant in the user's language). */
export interface Strings {
  readonly title: string;
  readonly subtitle: string;
  readonly inputLabel: string;
  readonly placeholder: string;
  readonly send: string;
  readonly language: string;
  readonly you: string;
  readonly assistant: string;
  readonly answering: string;
  readonly sources: string;
  readonly download: string;
  readonly rateAnswer: string;
  readonly offline: string;
  readonly retry: string;
  readonly tooMany: string;
  readonly tooLarge: string;
  readonly step: (n: number, total: number) => string;
  readonly log: string;
}

const hans: Strings = {
  title: '全民终身学习活动周助手',
  subtitle: '回答依据教育部的活动周通知，并注明出处',
  inputLabel: '您的问题或回答',
  placeholder: '输入问题，或回答推荐表的问题',
  send: '发送',
  language: '语言',
  you: '您',
  assistant: '助手',
  answering: '正在回答…',
  sources: '出处',
  download: '下载',
  rateAnswer: '这个回答有帮助吗？',
  offline: '暂时连不上助手，您的消息没有发出。',
  retry: '重试',
  tooMany: '消息发得太快了，请等一分钟再发。',
  tooLarge: '这条消息太长了，请分几次发送。',
  step: (n, total) => `推荐表：第${n}步，共${total}步`,
  log: '对话',
};

const hant: Strings = {
  ...hans,
  title: '全民終身學習活動周助手',
  subtitle: '回答依據教育部的活動周通知，並註明出處',
  inputLabel: '您的問題或回答',
  placeholder: '輸入問題，或回答推薦表的問題',
  send: '發送',
  language: '語言',
  assistant: '助手',
  answering: '正在回答…',
  sources: '出處',
  download: '下載',
  rateAnswer: '這個回答有幫助嗎？',
  offline: '暫時連不上助手，您的訊息沒有發出。',
  retry: '重試',
  tooMany: '訊息發得太快了，請等一分鐘再發。',
  tooLarge: '這條訊息太長了，請分幾次發送。',
  step: (n, total) => `推薦表：第${n}步，共${total}步`,
  log: '對話',
};

const en: Strings = {
  title: 'National Lifelong Learning Week assistant',
  subtitle: "Answers from the Ministry of Education's notices, with their sources",
  inputLabel: 'Your question or answer',
  placeholder: 'Type a question or an answer',
  send: 'Send',
  language: 'Language',
  you: 'You',
  assistant: 'Assistant',
  answering: 'Answering…',
  sources: 'Sources',
  download: 'Download',
  rateAnswer: 'Did this answer help?',
  offline: 'The assistant cannot be reached right now; your message was not sent.',
  retry: 'Try again',
  tooMany: 'Too many messages at once: please wait a minute.',
  tooLarge: 'That message is too long: please send it in parts.',
  step: (n, total) => `Nomination: step ${n} of ${total}`,
  log: 'Conversation',
};

/** The languages the page offers, with their names in themselves. */
export const LANGUAGES: readonly { code: Language; name: string }[] = [
  { code: 'zh-Hans', name: '简体中文' },
  { code: 'zh-Hant', name: '繁體中文' },
  { code: 'en', name: 'English' },
];

/** The page's words in a language. */
export function stringsFor(language: Language): Strings {
  return language === 'en' ? en : language === 'zh-Hant' ? hant : hans;
}

/** The language chosen on this device before, else the one the server picked from the browser. */
export function initialLanguage(): Language {
  const chosen = localStorage.getItem('llw-language');
  const known = LANGUAGES.map((l) => l.code) as string[];
  if (chosen && known.includes(chosen)) return chosen as Language;
  const page = document.documentElement.lang;
  return known.includes(page) ? (page as Language) : 'zh-Hans';
}
