import { createInterface } from 'node:readline';
import { renderAnswer, renderText, type Bot, type Reply } from '../../src/index.js';

/** One answer as `llw ask --json` prints it. */
export function replyToJson(question: string, reply: Reply) {
  return {
    question,
    language: reply.language,
    intent: reply.intent,
    answer: renderAnswer(reply),
    citations: reply.citations.map((c) => ({
      source: c.source,
      title: c.title,
      section: c.section,
      quote: c.quote,
    })),
    grounded: reply.kind === 'fact' || reply.kind === 'extractive' || reply.kind === 'generated',
  };
}

async function* questionsFrom(args: readonly string[]): AsyncGenerator<string> {
  if (args.length > 0) {
    yield args.join(' ');
    return;
  }
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) if (line.trim()) yield line.trim();
}

/** `llw ask`: answers the arguments as one question, or each stdin line. */
export async function runAsk(bot: Bot, args: readonly string[], json: boolean): Promise<void> {
  let first = true;
  let n = 0;
  for await (const question of questionsFrom(args)) {
    // Each line is a new, stateless question: a line that starts a nomination must not make the
    // next line a form answer, nor a follow-up of it.
    const [reply] = await bot.handle({ channel: 'cli', userId: `ask-${++n}`, text: question });
    if (json) {
      console.log(JSON.stringify(replyToJson(question, reply!)));
    } else {
      if (!first) console.log('\n' + '─'.repeat(40) + '\n');
      console.log(renderText(reply!));
    }
    first = false;
  }
}
