import { pino } from 'pino';
import { createBot, createMemoryStore, type Bot, type StateStore } from '../../src/index.js';
import { sharedIndex } from '../helpers.js';

/** What a user saw after one message: each message's visible text and raw payload, buttons, files. */
export interface Seen {
  /** The visible text of every message, in order. */
  readonly messages: readonly string[];
  /** Each message exactly as the platform received it (HTML, Block Kit JSON, terminal text). */
  readonly raw: readonly string[];
  /** The labels of the buttons of the last message that had any. */
  readonly buttons: readonly string[];
  readonly files: readonly { readonly name: string; readonly data: Buffer }[];
}

/** All visible text of what was seen, joined. */
export const textOf = (seen: Seen): string => seen.messages.join('\n');

/**
 * A channel driven as its users drive it, through the real SDK and a local stand-in of the
 * platform. The contract suite runs the same conversation through every harness.
 */
export interface Harness {
  readonly name: string;
  /** The most one message may hold, measured as the platform measures it. */
  readonly limit: number;
  readonly size: (raw: string) => number;
  /** Whether the platform re-delivers (Telegram, Slack) and can refuse a send (429, 500). */
  readonly platform: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** A user sends text; resolves with everything the bot sent back. */
  say(text: string): Promise<Seen>;
  /** The user presses the button with this label on the bot's latest message that has it. */
  press(label: string): Promise<Seen>;
  /** The platform delivers the user's last message again (a retry). */
  redeliver(): Promise<Seen>;
  /** The platform refuses the bot's next send with 429 (retry after 1 s) or 500. */
  failNextSend(status: 429 | 500): void;
  /** When the bot tried to send, in ms (performance.now), failed attempts included. */
  sendAttempts(): number[];
  /** Checks that `literal`, typed by a user, reached the platform escaped for its markup. */
  escaped(seen: Seen, literal: string): boolean;
}

/** The bot every harness runs: the shipped knowledge, memory state, a fixed clock. */
export async function testBot(store: StateStore = createMemoryStore()): Promise<Bot> {
  const { index } = await sharedIndex();
  return createBot({ index, store, now: () => new Date('2026-11-22T08:00:00Z') });
}

/** A silent logger for the adapters (warnings show with LLW_TEST_LOG=1). */
export const quietLog = () => pino({ level: process.env['LLW_TEST_LOG'] ? 'debug' : 'silent' });

/** Waits until `test` holds, polling. */
export async function until(test: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error('harness: timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Visible text of Telegram HTML: tags dropped, entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
