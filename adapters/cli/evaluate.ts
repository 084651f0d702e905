import type { EvalQuestion } from './question-set.js';
import {
  renderAnswer,
  renderText,
  toSimplified,
  toTraditional,
  type Bot,
  type Language,
  type Reply,
} from '../../src/index.js';

/** The outcome of one question. */
export interface EvalResult {
  readonly question: EvalQuestion;
  readonly reply: Reply;
  readonly problems: readonly string[];
}

/** The language and script a question expects its answer in. */
export function expectedLanguage(q: EvalQuestion): Language {
  if (q.lang === 'en' || q.script === 'en') return 'en';
  return q.script === 'zh-Hant' || q.lang === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans';
}

/** The kind of question, for the per-kind report. */
export function kindOf(q: EvalQuestion): string {
  if (q.out_of_scope) return 'out_of_scope';
  if (q.unanswerable) return 'unanswerable';
  if (q.smalltalk) return 'smalltalk';
  return q.kind ?? 'answerable';
}

/**
 * Checks a reply against a question of the set (format: shared/eval/README.md): every `must`
 * pattern matches what the user sees (answer and quoted sources), no `must_not` does, a citation
 * names `source`, the reply is in the asked language and script, and refusals, "not in the
 * notices" answers and greetings are what the question calls for.
 */
export function checkReply(q: EvalQuestion, reply: Reply): string[] {
  const problems: string[] = [];
  // A typographic apostrophe is the one a pattern's ' means ("workers’ cultural palaces").
  const shown = renderText(reply).replace(/[\u2018\u2019]/g, "'");
  for (const p of q.must ?? [])
    if (!new RegExp(p, 'u').test(shown)) problems.push(`missing /${p}/`);
  for (const p of q.must_not ?? [])
    if (new RegExp(p, 'u').test(shown)) problems.push(`must not say /${p}/`);
  if (q.source && !reply.citations.some((c) => c.source === q.source))
    problems.push(`no citation of ${q.source}`);
  const language = expectedLanguage(q);
  if (reply.language !== language)
    problems.push(`answered in ${reply.language}, asked in ${language}`);
  const answer = renderAnswer(reply);
  if (language === 'zh-Hant' && toTraditional(answer) !== answer)
    problems.push('Simplified characters in a Traditional answer');
  if (language === 'zh-Hans' && toSimplified(answer) !== answer)
    problems.push('Traditional characters in a Simplified answer');
  if (q.out_of_scope && reply.kind !== 'out_of_scope')
    problems.push(`expected a polite refusal, got ${reply.kind}`);
  if (q.unanswerable && reply.kind !== 'not_in_notices')
    problems.push(`expected "not in the notices", got ${reply.kind}`);
  if (q.smalltalk && reply.kind !== 'greeting')
    problems.push(`expected a greeting, got ${reply.kind}`);
  if (
    !q.out_of_scope &&
    !q.unanswerable &&
    !q.smalltalk &&
    ['not_in_notices', 'out_of_scope', 'error', 'greeting', 'help'].includes(reply.kind)
  ) {
    problems.push(`expected an answer, got ${reply.kind}`);
  }
  return problems;
}

/** Runs a question set through the bot, as `llw ask` does. */
export async function runEval(bot: Bot, questions: readonly EvalQuestion[]): Promise<EvalResult[]> {
  const results: EvalResult[] = [];
  for (const question of questions) {
    // Each question is its own conversation: no follow-up context leaks between them.
    const [reply] = await bot.handle({
      channel: 'eval',
      userId: `eval-${question.id}`,
      text: question.q,
    });
    results.push({ question, reply: reply!, problems: checkReply(question, reply!) });
  }
  return results;
}

/**
 * Paraphrase consistency: the share of groups (one question in several phrasings) in which every
 * phrasing passes, and so gets the same answer in substance. Undefined when no question has a group.
 */
export function consistency(results: readonly EvalResult[]): string | undefined {
  const groups = new Map<string, EvalResult[]>();
  for (const r of results)
    if (r.question.group)
      groups.set(r.question.group, [...(groups.get(r.question.group) ?? []), r]);
  if (groups.size === 0) return undefined;
  const whole = [...groups.values()].filter((rs) => rs.every((r) => r.problems.length === 0));
  const share = ((100 * whole.length) / groups.size).toFixed(1);
  return `paraphrase groups answered consistently (every phrasing passes): ${whole.length}/${groups.size} (${share}%)`;
}

/** Pass rates by language and by kind, then every failure with the answer given. */
export function formatEvalReport(results: readonly EvalResult[]): string {
  const rate = (rs: readonly EvalResult[]) => {
    const passed = rs.filter((r) => r.problems.length === 0).length;
    return `${passed}/${rs.length} (${((100 * passed) / Math.max(1, rs.length)).toFixed(1)}%)`;
  };
  const group = (key: (r: EvalResult) => string) => {
    const groups = new Map<string, EvalResult[]>();
    for (const r of results) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
    return [...groups]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, rs]) => `  ${k.padEnd(14)} ${rate(rs)}`)
      .join('\n');
  };
  const failures = results.filter((r) => r.problems.length > 0);
  const lines = [
    `passed ${rate(results)}`,
    'by language:',
    group((r) => expectedLanguage(r.question)),
    'by kind:',
    group((r) => kindOf(r.question)),
  ];
  const paraphrases = consistency(results);
  if (paraphrases) lines.push(paraphrases);
  for (const f of failures) {
    lines.push(
      '',
      `✗ ${f.question.id} ${f.question.q}`,
      `  problems: ${f.problems.join('; ')}`,
      `  answer (${f.reply.kind}):`,
      ...renderText(f.reply)
        .split('\n')
        .map((l) => `    ${l}`),
    );
  }
  return lines.join('\n');
}
