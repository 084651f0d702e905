import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { readdir } from 'node:fs/promises';
import {
  botMessagesFor,
  summaryFileLanguage,
  type Bot,
  type Button,
  type IncomingMessage,
  type Language,
} from '../../src/index.js';
import { replyToJsonLine, replyToText, saveFiles } from './from-core.js';
import { lineToMessage } from './to-core.js';

/**
 * The folder of one user's draft files: the id made safe for a file name, plus a hash of the
 * real id, so 张三 and 李四 (both "__" once made safe) never share a folder, and ".." cannot escape.
 */
export function userFolder(userId: string): string {
  const safe = userId.replace(/[^\w-]/g, '_').slice(0, 40) || 'user';
  return `${safe}-${createHash('sha256').update(userId).digest('hex').slice(0, 8)}`;
}

const PASTE_GAP_MS = 40;
/** Less time than anyone needs to read a question and start answering it. */
const READ_MS = 800;
/** Asks the terminal to mark pasted text (ESC[200~ … ESC[201~); terminals without it ignore this. */
const BRACKETED_PASTE_ON = '\x1b[?2004h';
const BRACKETED_PASTE_OFF = '\x1b[?2004l';

/** Options of the terminal chat. */
export interface ConsoleOptions {
  readonly bot: Bot;
  readonly userId: string;
  readonly json: boolean;
  /** Where draft files are written (one sub-folder per user). */
  readonly filesDir: string;
  /** Text that arrives sooner than this after a reply is held back and shown (default 0.8 s). */
  readonly readMs?: number;
  readonly input?: NodeJS.ReadableStream;
  readonly output?: NodeJS.WritableStream;
}

/**
 * The terminal chat. With a TTY it prompts and greets; without one (a pipe, CI) it reads one
 * message per line and prints the replies, so scripted conversations work.
 */
export async function runConsoleChat(options: ConsoleOptions): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive = (input as { isTTY?: boolean }).isTTY === true && !options.json;
  const rl = createInterface({ input, output, terminal: interactive });
  const print = (text: string) => output.write(`${text}\n`);
  let buttons: readonly Button[] = [];

  const send = async (message: IncomingMessage, onLanguage?: (language: Language) => void) => {
    const replies = await options.bot.handle(message);
    for (const reply of replies) {
      onLanguage?.(reply.language);
      const folder = path.join(options.filesDir, userFolder(options.userId));
      // "Forget me" covers what this channel wrote to disk, not only the database.
      for (const effect of reply.effects ?? []) {
        if (effect.kind === 'forget-user') await rm(folder, { recursive: true, force: true });
        if (effect.kind === 'delete-files') {
          for (const name of effect.names)
            await rm(path.join(folder, path.basename(name)), { force: true });
          // A summary sheet holds a row of the deleted draft: it goes too ("汇总表" makes it again).
          for (const name of await readdir(folder).catch(() => []))
            if (summaryFileLanguage(name)) await rm(path.join(folder, name), { force: true });
        }
      }
      let paths: string[] = [];
      try {
        paths = await saveFiles(reply, folder);
      } catch (error) {
        // A full disk or a read-only folder: say so politely; the draft is saved and 确认 makes
        // the files again.
        const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        print(`${botMessagesFor(reply.language).filesNotSaved(code)}\n`);
      }
      print(options.json ? replyToJsonLine(reply, paths) : `${replyToText(reply, paths)}\n`);
      buttons = reply.buttons;
    }
  };

  if (!interactive) {
    for await (const line of rl)
      if (line.trim()) await send(lineToMessage(line.trim(), options.userId, buttons));
    rl.close();
    return;
  }
  // In a terminal, Ctrl-C reaches readline, not the process: treat it as Ctrl-D (quit).
  rl.on('SIGINT', () => rl.close());
  print('(Ctrl-D to quit / 按 Ctrl-D 退出)\n');
  // Opening the chat is not a message the user typed: it greets, or resumes a form in progress.
  await send({ channel: 'console', userId: options.userId, action: 'start' });
  rl.setPrompt('> ');
  rl.prompt();
  // Pasting a story of several paragraphs must arrive as one message, as in a chat app. Where the
  // terminal supports bracketed paste, everything between its markers is one message, however
  // slowly it arrives; elsewhere, lines that arrive within PASTE_GAP_MS of each other are.
  output.write(BRACKETED_PASTE_ON);
  await new Promise<void>((resolve) => {
    let pending: string[] = [];
    let timer: NodeJS.Timeout | undefined;
    let queue = Promise.resolve();
    let pasting = false;
    let busy = false;
    /** Text that arrived while a turn was being handled: shown, and sent only when confirmed. */
    let early: string[] = [];
    let held: string | undefined;
    let language: Language = 'zh-Hans';
    /** When the last reply was shown, and when the first line of the message being read came. */
    let shownAt = Date.now();
    let firstLineAt = 0;
    const readMs = options.readMs ?? READ_MS;
    /** Shows what was held back and asks for Enter before sending it. */
    const deliverEarly = () => {
      held = early.join('\n');
      early = [];
      const preview = [...held.replace(/\s+/g, ' ')];
      print(
        `${botMessagesFor(language).heldInput(preview.length > 40 ? `${preview.slice(0, 40).join('')}…` : preview.join(''))}\n`,
      );
      rl.prompt();
    };
    const deliver = (message: string) => {
      busy = true;
      queue = queue.then(async () => {
        await send(lineToMessage(message, options.userId, buttons), (l) => (language = l));
        busy = false;
        shownAt = Date.now();
        // The user has not seen the question this would answer: show it instead of sending.
        if (early.length > 0) deliverEarly();
        else rl.prompt();
      });
    };
    const flush = () => {
      const message = pending.join('\n').trim();
      pending = [];
      // Text that came while the bot was answering, or too soon after the answer for anyone to
      // have read it, continues what was sent before: it is not an answer to the new question.
      if (busy || (message && firstLineAt - shownAt < readMs && held === undefined)) {
        if (message) early.push(message);
        if (!busy) deliverEarly();
        return;
      }
      if (!message) {
        // Enter on an empty line sends what was held back.
        if (held === undefined) return rl.prompt();
        const text = held;
        held = undefined;
        return deliver(text);
      }
      held = undefined;
      deliver(message);
    };
    input.on('keypress', (_text: string, key?: { name?: string }) => {
      if (key?.name === 'paste-start') {
        pasting = true;
        clearTimeout(timer);
      } else if (key?.name === 'paste-end') {
        pasting = false;
        // A paste that ended with a line break is complete; otherwise its last line waits for
        // the Enter that sends it.
        if (rl.line === '' && pending.length > 0) timer = setTimeout(flush, PASTE_GAP_MS);
      }
    });
    rl.on('line', (line) => {
      if (pending.length === 0) firstLineAt = Date.now();
      pending.push(line);
      clearTimeout(timer);
      if (!pasting) timer = setTimeout(flush, PASTE_GAP_MS);
    });
    rl.on('close', () => {
      clearTimeout(timer);
      output.write(BRACKETED_PASTE_OFF);
      pasting = false;
      flush();
      void queue.then(resolve);
    });
  });
}
