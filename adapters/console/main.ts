import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Bot, Button } from '../../src/types.js';
import { replyToJsonLine, replyToText, saveFiles } from './from-core.js';
import { lineToMessage } from './to-core.js';

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

  const send = async (line: string) => {
    const replies = await options.bot.handle(lineToMessage(line, options.userId, buttons));
    for (const reply of replies) {
      const paths = await saveFiles(
        reply,
        path.join(options.filesDir, options.userId.replace(/[^\w.-]/g, '_')),
      );
      print(options.json ? replyToJsonLine(reply, paths) : `${replyToText(reply, paths)}\n`);
      buttons = reply.buttons;
    }
  };

  if (interactive) {
    print('(Ctrl-D to quit / 按 Ctrl-D 退出)\n');
    await send('你好');
    rl.setPrompt('> ');
    rl.prompt();
  }
  for await (const line of rl) {
    if (line.trim()) await send(line.trim());
    if (interactive) rl.prompt();
  }
  rl.close();
}
