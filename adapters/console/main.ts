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

/** Options of the terminal chat. */
export interface ConsoleOptions {
  readonly bot: Bot;
  readonly userId: string;
  readonly json: boolean;
  /** Where draft files are written (one sub-folder per user). */
  readonly filesDir: string;
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

  const send = async (message: IncomingMessage) => {
    const replies = await options.bot.handle(message);
    for (const reply of replies) {
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
  // Pasting a story of several paragraphs delivers its lines within milliseconds of each other:
  // lines that arrive together are one message, as in a chat app.
  await new Promise<void>((resolve) => {
    let pending: string[] = [];
    let timer: NodeJS.Timeout | undefined;
    let queue = Promise.resolve();
    const flush = () => {
      const message = pending.join('\n').trim();
      pending = [];
      if (!message) return rl.prompt();
      queue = queue.then(async () => {
        await send(lineToMessage(message, options.userId, buttons));
        rl.prompt();
      });
    };
    rl.on('line', (line) => {
      pending.push(line);
      clearTimeout(timer);
      timer = setTimeout(flush, PASTE_GAP_MS);
    });
    rl.on('close', () => {
      clearTimeout(timer);
      flush();
      void queue.then(resolve);
    });
  });
}
