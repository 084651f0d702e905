import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { replyToSlack } from '../adapters/slack/from-core.js';
import { eventToCore, slackText } from '../adapters/slack/to-core.js';
import { replyToTelegram } from '../adapters/telegram/from-core.js';
import { updateToCore } from '../adapters/telegram/to-core.js';
import { toWeb } from '../adapters/web/api.js';
import { replyToWecom } from '../adapters/wecom/from-core.js';
import { messageToCore } from '../adapters/wecom/to-core.js';
import { replyToText } from '../adapters/console/from-core.js';
import {
  createBot,
  createMemoryStore,
  textReply,
  type IncomingMessage,
  type Reply,
} from '../src/index.js';
import { sharedIndex } from './helpers.js';

const MESSAGES = Number(process.env['LLW_FUZZ_MESSAGES'] ?? 10_000);
const SEED = 20261126;

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  '2024年活动周的主题是什么？',
  '百姓学习之星推荐几名',
  'What is the 2022 theme?',
  '職成司聯絡人電郵',
  '我想推荐一位百姓学习之星',
  '终身学习品牌项目',
  '张秀英',
  '女',
  '13812345678',
  '跳过',
  '返回',
  '取消',
  '确认',
  '我的草稿',
  '忘记我',
  '是',
  'yes',
  '/start',
  '/help',
  '/nominate',
  '/lang en',
  '/drafts',
];

/** One message of a kind real traffic and attackers send. */
function messageOf(next: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const n = (max: number) => Math.floor(next() * max);
  const kinds: (() => string)[] = [
    () => '',
    () => pick([' ', '\n\n\t ', '\u3000\u3000', '\u200b\u200b']),
    () => pick(WORDS),
    () => `${pick(WORDS)}${pick(WORDS)}`,
    () => '学'.repeat(100_000),
    () => 'a'.repeat(1_000_000),
    () => Array.from({ length: 50 }, () => String.fromCharCode(n(32))).join(''),
    () => `${pick(WORDS)}\u0000${pick(WORDS)}`,
    // Lone surrogates and broken pairs.
    () => `\ud800${pick(WORDS)}\udfff\udc00\ud83d`,
    // Right-to-left overrides and zero-width characters.
    () => `\u202e${pick(WORDS)}\u202c\u200d\ufeff\u2066`,
    () =>
      pick([
        '<script>alert(1)</script>',
        '<b>主题</b>',
        '**粗体** _斜体_ `code` [x](javascript:alert(1))',
        '<font color="warning">红</font><@all>',
        '&lt;&amp;&#x27;',
      ]),
    () =>
      pick([
        "'; DROP TABLE sessions; --",
        '1 OR 1=1',
        '" UNION SELECT * FROM drafts --',
        "Robert'); DELETE FROM answers;--",
      ]),
    () => '😀'.repeat(n(5000)) + pick(WORDS),
    () =>
      pick(['/start ', '/nominate ', '/lang ', '/drafts ', '删除草稿 ', '打开第', '修改 ']) +
      pick([
        '99999999999999999999',
        '-1',
        'x'.repeat(5000),
        '../../etc/passwd',
        '\u0000',
        '%00',
        '第-3份草稿',
        '💥',
      ]),
    () => Array.from({ length: n(40) }, () => pick(WORDS)).join(pick([' ', '\n', '，', ''])),
    () =>
      String.fromCodePoint(
        ...Array.from({ length: 200 }, () => n(0x10ffff - 0xe000) + (next() < 0.5 ? 0 : 0xe000)),
      ).replace(/[\ud800-\udfff]/g, ''),
  ];
  return pick(kinds)();
}

/** A button press with a made-up or mangled action id. */
function actionOf(next: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  return pick([
    'start',
    'nom',
    'drafts',
    'ex:0',
    'ex:999',
    'fb:y:000000000000',
    'f:deadbeef:1:a',
    'x'.repeat(300),
    '',
    'lang:zz',
    'nom:star',
    'pick:nope',
    '\u0000',
    'y:forget',
    'n:del:00000000',
  ]);
}

/** Tags of an HTML fragment balanced (what Telegram's parser requires). */
function balanced(html: string): boolean {
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2]!);
  }
  return stack.length === 0 && !/<(?![a-z/])/.test(html.replace(/<\/?[a-z]+[^>]*>/g, ''));
}

const markdown = new MarkdownIt({ html: true });
const TRACE = /\n\s+at |\bat [\w.]+ \(|node:internal|TypeError|ReferenceError|SyntaxError/;

describe(`fuzz: ${MESSAGES} generated messages (seed ${SEED})`, () => {
  it('never crashes, never shows a stack trace, fits every channel, escapes markup, answers each within 1 s', async () => {
    const { index } = await sharedIndex();
    const bot = createBot({
      index,
      store: createMemoryStore(),
      now: () => new Date('2026-11-22T08:00:00Z'),
    });
    // As `llw start` does before it listens: the first message does not build the engine.
    await bot.warm?.();
    const next = random(SEED);
    const problems: string[] = [];
    let slowest = 0;
    const check = (what: string, ok: boolean) => {
      if (!ok && problems.length < 20) problems.push(what);
    };
    for (let i = 0; i < MESSAGES; i++) {
      const press = next() < 0.1;
      const text = press ? undefined : messageOf(next);
      const message: IncomingMessage = {
        channel: ['telegram', 'slack', 'wecom', 'web'][i % 4]!,
        userId: `u${Math.floor(next() * 40)}`,
        messageId: `m${i}`,
        ...(next() < 0.1 ? { group: true, conversationId: 'g1' } : {}),
        ...(press ? { action: actionOf(next) } : { text: text! }),
      };
      // The platforms' inbound translation takes the same text without throwing.
      if (text !== undefined && text.length < 200_000) {
        slackText(text, 'UBOT');
        eventToCore({ user: 'U1', text, channel: 'D1', ts: '1.1' }, 'UBOT', false);
        messageToCore({
          msgid: 'x',
          msgtype: 'text',
          from: { userid: 'u' },
          text: { content: text },
        });
        updateToCore(
          {
            update_id: i,
            message: {
              message_id: i,
              date: 0,
              chat: { id: 1, type: 'private', first_name: 'a' },
              from: { id: 1, is_bot: false, first_name: 'a' },
              text,
            },
          } as never,
          { id: 9, username: 'llw_bot' },
        );
      }
      // Any text at all, as an answer would hold it, rendered by every channel stays text.
      if (text !== undefined && text.length < 20_000 && i % 3 === 0) {
        const echoed = textReply(text, 'zh-Hans', 'fuzz');
        for (const part of replyToWecom(echoed).parts) {
          const tags = [...markdown.render(part).matchAll(/<([a-z0-9]+)/g)].map((m) => m[1]);
          check(
            `#${i} WeCom text became markup <${tags.join(',')}>: ${part.slice(0, 80)}`,
            tags.every((t) => t === 'p' || t === 'br'),
          );
        }
        for (const out of replyToTelegram(echoed, 'llw_bot'))
          if (out.kind === 'text')
            check(
              `#${i} Telegram text became markup: ${out.html.slice(0, 80)}`,
              !/<[a-z]/.test(out.html),
            );
      }
      const started = performance.now();
      let replies: Reply[];
      try {
        replies = await bot.handle(message);
      } catch (error) {
        check(`#${i} threw ${(error as Error).message}`, false);
        continue;
      }
      slowest = Math.max(slowest, performance.now() - started);
      for (const reply of replies) {
        const plain = replyToText(reply);
        check(`#${i} shows a stack trace: ${plain.slice(0, 120)}`, !TRACE.test(plain));
        for (const out of replyToTelegram(reply, 'llw_bot'))
          if (out.kind === 'text') {
            check(`#${i} Telegram part of ${out.html.length} characters`, out.html.length <= 4096);
            check(`#${i} Telegram HTML unbalanced: ${out.html.slice(0, 80)}`, balanced(out.html));
          }
        for (const m of replyToSlack(reply)) {
          check(`#${i} Slack ${m.blocks.length} blocks`, m.blocks.length <= 50);
          check(`#${i} Slack fallback text with a raw <`, !m.text.includes('<'));
        }
        const wecom = replyToWecom(reply);
        for (const part of wecom.parts) {
          check(
            `#${i} WeCom part of ${Buffer.byteLength(part)} bytes`,
            Buffer.byteLength(part) <= 20_480,
          );
          check(
            `#${i} WeCom markup from text: ${part.slice(0, 80)}`,
            !/<(script|b|font)\b/.test(markdown.render(part)),
          );
        }
        check(`#${i} web reply not JSON`, typeof JSON.stringify(toWeb(reply)) === 'string');
      }
    }
    console.info(`fuzz: ${MESSAGES} messages, slowest answer ${slowest.toFixed(0)} ms`);
    expect(problems).toEqual([]);
    expect(slowest).toBeLessThan(1000);
  }, 600_000);
});
