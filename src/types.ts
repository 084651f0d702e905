/**
 * The core's channel-neutral vocabulary: what adapters hand to `bot.handle()` and what they get
 * back. Every channel renders a Reply natively (Telegram HTML, Slack mrkdwn and buttons, the web
 * page, plain terminal text).
 */

/** The language and script of a message. */
export type Language = 'zh-Hans' | 'zh-Hant' | 'en';

/** One message from a user, as an adapter translated it from its platform. */
export interface IncomingMessage {
  /** The channel it came from: `console`, `telegram`, `slack`, `web`, … */
  readonly channel: string;
  /** The user's id on that channel; with `channel` it keys everything stored about the user. */
  readonly userId: string;
  /** What the user typed; absent for a button press. */
  readonly text?: string;
  /** A button the user pressed: the `action` of a Button the bot sent. */
  readonly action?: string;
  /** The platform's idea of the user's language (e.g. Telegram's language_code), if any. */
  readonly locale?: string;
}

/** Inline text: plain, bold, or a link. */
export type Inline =
  /** `verbatim`: the user's own words, shown exactly as typed (never converted between scripts). */
  | { readonly kind: 'text'; readonly text: string; readonly verbatim?: boolean }
  | { readonly kind: 'bold'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly url: string };

/** A block of a reply: a paragraph, a list, or a quotation from a notice. */
export type Block =
  | { readonly kind: 'paragraph'; readonly content: readonly Inline[] }
  | {
      readonly kind: 'list';
      readonly ordered: boolean;
      readonly items: readonly (readonly Inline[])[];
    }
  | {
      readonly kind: 'quote';
      readonly text: string;
      readonly citation?: number;
      readonly verbatim?: boolean;
    };

/** Where an answer comes from: a notice, a section and the exact words quoted. */
export interface Citation {
  /** The manifest id of the notice (e.g. `notice-2022`). */
  readonly source: string;
  readonly title: string;
  readonly year: number;
  /** Section path, e.g. `一、主題和時間 › (一)主題`; empty for the opening of a notice. */
  readonly section: string;
  /** The quoted words, exactly as in the cleaned notice (in the notice's own script). */
  readonly quote: string;
}

/** A button; pressing it sends `action` back as `IncomingMessage.action`. */
export interface Button {
  readonly label: string;
  readonly action: string;
}

/** A file the bot produced (a nomination draft, say). */
export interface ReplyFile {
  readonly name: string;
  readonly mediaType: string;
  readonly data: Uint8Array;
}

/** What kind of answer a reply is; adapters may ignore it, evaluation and logs use it. */
export type AnswerKind =
  | 'fact'
  | 'extractive'
  | 'generated'
  | 'not_in_notices'
  | 'out_of_scope'
  | 'greeting'
  | 'help'
  | 'form'
  | 'error';

/** Where a nomination form stands, for channels that show progress. */
export interface FormProgress {
  readonly id: string;
  /** The field being asked, or `review` on the review screen. */
  readonly field: string;
  readonly step: number;
  readonly total: number;
}

/** One reply of the bot. */
export interface Reply {
  readonly blocks: readonly Block[];
  readonly citations: readonly Citation[];
  readonly buttons: readonly Button[];
  readonly files: readonly ReplyFile[];
  readonly language: Language;
  readonly kind: AnswerKind;
  /** The intent the question was read as. */
  readonly intent: string;
  /** Set while a nomination form is active. */
  readonly form?: FormProgress;
}

/** The bot: one entry point for every channel. */
export interface Bot {
  handle(message: IncomingMessage): Promise<Reply[]>;
}

/** The logging port (pino's shape); the core logs through it and never prints. */
export interface Logger {
  error(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  info(object: object, message?: string): void;
  debug(object: object, message?: string): void;
}
