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
  /**
   * Where it was said: a private chat, a group, a Slack channel and thread. The conversation
   * keeps its own follow-up context and form in progress. Default: the user's private chat.
   */
  readonly conversationId?: string;
  /** True in a group chat or a channel: the bot drafts no nomination there (personal data). */
  readonly group?: boolean;
  /**
   * The platform's id of this delivery (a Telegram update, a Slack channel and timestamp). A
   * message whose id was seen before is not handled again; without one (the terminal), every
   * message is handled.
   */
  readonly messageId?: string;
  /** When the platform received it (for logs and latency). */
  readonly receivedAt?: Date;
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

/**
 * A button; pressing it sends `action` back as `IncomingMessage.action`. Actions are short ASCII
 * ids (at most 64 bytes) that the core checks against the current state; never the label.
 */
export interface Button {
  readonly label: string;
  readonly action: string;
}

/** Something a channel must do besides showing the reply. */
export type Effect =
  /** The user's data was deleted: delete what the channel keeps of the user (files it wrote). */
  | { readonly kind: 'forget-user' }
  /** A draft was deleted: delete the files of it the channel kept, by name. */
  | { readonly kind: 'delete-files'; readonly names: readonly string[] }
  /** This needs a private chat (a nomination in a group): offer one that starts with `start`. */
  | { readonly kind: 'continue-privately'; readonly start: string };

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
  /** What the channel must do besides showing it. */
  readonly effects?: readonly Effect[];
}

/** What a channel offers while a message is handled. */
export interface HandleOptions {
  /**
   * Sends a reply before the turn is over: the core calls it before a slow step (an LLM
   * rewriting a story), so that the user is not left waiting in silence.
   */
  readonly interim?: (reply: Reply) => Promise<void>;
}

/** The bot: one entry point for every channel. */
export interface Bot {
  /** Handles one message; never throws. An empty list means nothing to send (a re-delivery). */
  handle(message: IncomingMessage, options?: HandleOptions): Promise<Reply[]>;
  /**
   * A file of one of the user's finished drafts, by the name a reply gave it (`star-1a2b3c4d.docx`),
   * made again from the stored draft; undefined when the user has no such draft.
   */
  draftFile(
    user: { readonly channel: string; readonly userId: string },
    name: string,
  ): Promise<ReplyFile | undefined>;
  /**
   * Answers a few questions in each script, so that the tables the answer engine builds on
   * first use (spelling, sound-alikes, script converters, the notices' phrases) are built before
   * a user's first message waits for them. Stores nothing.
   */
  warm?(): Promise<void>;
}

/**
 * What a channel can show, passed by its adapter to the shared splitter: how long one message
 * may be (and how the platform counts it), how many buttons fit, whether files can be sent.
 */
export interface ChannelCapabilities {
  /** The most one message may hold, in `unit`s, after rendering (markup included). */
  readonly maxLength: number;
  /** `utf16`: code units, as Telegram and Slack count; `bytes`: UTF-8 bytes (WeCom). */
  readonly unit: 'utf16' | 'bytes';
  /** Buttons: per row and in all; absent when the channel has none (numbered in text instead). */
  readonly buttons?: {
    readonly perRow: number;
    readonly max: number;
    /** How wide a row may be, Chinese characters counting two (phone screens). */
    readonly rowWidth?: number;
  };
  /** How replies are marked up; the adapter's renderer escapes for it. */
  readonly markup: 'plain' | 'html' | 'mrkdwn' | 'markdown';
  /** Whether files (the .docx and .json drafts) can be sent. */
  readonly files: boolean;
}

/** What the core tells an operator's metrics about; every method is optional to watch. */
export interface Observer {
  /** One message answered: where from, what it was read as, the kind of reply, how long it took. */
  message?(event: {
    readonly channel: string;
    readonly intent: string;
    readonly kind: AnswerKind;
    readonly seconds: number;
  }): void;
  /** An LLM answer was not used and the extractive one given instead (timeout, error, uncited, …). */
  llmFallback?(reason: string): void;
  /** A nomination draft was finished and its files made. */
  draftFinished?(form: string): void;
}

/** The logging port (pino's shape); the core logs through it and never prints. */
export interface Logger {
  error(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  info(object: object, message?: string): void;
  debug(object: object, message?: string): void;
}
