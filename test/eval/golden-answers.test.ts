import { describe, expect, it } from 'vitest';
import { checkReply } from '../../adapters/cli/evaluate.js';
import { readQuestions } from '../../adapters/cli/question-set.js';
import { renderText } from '../../src/answer/render-text.js';
import { createBot } from '../../src/bot.js';
import { sharedIndex } from '../helpers.js';

/**
 * Golden answers: every question of test/eval/questions.jsonl, through the default bot (no LLM),
 * must pass the checks of `npm run eval` (expected words, forbidden words, cited source, language
 * and script, and refusal / "not in the notices" / greeting where the question calls for one).
 */
const { index } = await sharedIndex();
const bot = createBot({ index });
const questions = readQuestions();

describe('golden answers over the question set', () => {
  it('has at least 80 questions in all three scripts, with out-of-scope, unanswerable and injection cases', () => {
    expect(questions.length).toBeGreaterThanOrEqual(80);
    expect(questions.some((q) => q.lang === 'en')).toBe(true);
    expect(questions.some((q) => q.script === 'zh-Hant')).toBe(true);
    expect(questions.filter((q) => !q.lang && !q.script).length).toBeGreaterThan(20);
    expect(questions.filter((q) => q.out_of_scope).length).toBeGreaterThanOrEqual(5);
    expect(questions.filter((q) => q.unanswerable).length).toBeGreaterThanOrEqual(5);
    expect(questions.filter((q) => q.kind === 'injection').length).toBeGreaterThanOrEqual(3);
  });

  it.each(questions.map((q) => [q.id, q.q, q] as const))('%s: %s', async (_id, _q, question) => {
    const [reply] = await bot.handle({
      channel: 'eval',
      userId: `eval-${question.id}`,
      text: question.q,
    });
    const problems = checkReply(question, reply!);
    expect(problems, renderText(reply!)).toEqual([]);
  });
});
