import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { runConsoleChat } from '../../adapters/console/main.js';
import type { Bot } from '../../src/index.js';
import { tempDir } from '../helpers.js';
import { testBot, until, type Harness, type Seen } from './harness.js';

interface Line {
  text: string;
  buttons: { label: string }[];
  files: string[];
}

/** The terminal chat, fed lines as a pipe does, printing one JSON object per reply. */
export function consoleHarness(): Harness {
  const input = new PassThrough();
  const output = new PassThrough();
  const lines: Line[] = [];
  let buffer = '';
  let handled = 0;
  let sent = 0;
  // How many lines the chat will print once every message so far is answered.
  let expected = 0;
  let chat: Promise<void>;
  let lastButtons: { label: string }[] = [];
  output.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (line.trim()) lines.push(JSON.parse(line) as Line);
    }
  });

  const type = async (text: string): Promise<Seen> => {
    const before = lines.length;
    sent++;
    input.write(`${text}\n`);
    // The chat prints each reply after its files are written: wait for every line.
    await until(() => handled >= sent && lines.length >= expected);
    const got = lines.slice(before);
    const withButtons = got.filter((l) => l.buttons.length > 0).at(-1);
    if (withButtons) lastButtons = withButtons.buttons;
    return {
      messages: got.map((l) => l.text),
      raw: got.map((l) => l.text),
      buttons: withButtons?.buttons.map((b) => b.label) ?? [],
      files: await Promise.all(
        got
          .flatMap((l) => l.files)
          .map(async (f) => ({ name: path.basename(f), data: await readFile(f) })),
      ),
    };
  };

  return {
    name: 'terminal',
    limit: Infinity,
    size: (raw) => raw.length,
    platform: false,
    async start() {
      const inner = await testBot();
      const bot: Bot = {
        draftFile: (user, name) => inner.draftFile(user, name),
        async handle(message, options) {
          const replies = await inner.handle(message, options);
          expected += replies.length;
          handled++;
          return replies;
        },
      };
      chat = runConsoleChat({
        bot,
        userId: 'amy',
        json: true,
        filesDir: await tempDir(),
        input,
        output,
      });
    },
    async stop() {
      input.end();
      await chat;
    },
    say: type,
    press(label) {
      const i = lastButtons.findIndex((b) => b.label === label);
      if (i < 0) throw new Error(`no button "${label}"`);
      return type(String(i + 1));
    },
    redeliver() {
      throw new Error('a terminal does not re-deliver');
    },
    failNextSend() {
      throw new Error('a terminal does not refuse');
    },
    sendAttempts() {
      return [];
    },
    escaped(s, literal) {
      return s.messages.some((m) => m.includes(literal));
    },
  };
}
