import type { AnswerRecord } from '../../src/index.js';

/** What organizers read: what was asked, what the notices lack, and what did not help. */
export interface Report {
  readonly since: string;
  readonly until: string;
  readonly answers: number;
  readonly byChannel: Record<string, number>;
  readonly byKind: Record<string, number>;
  readonly byIntent: Record<string, number>;
  readonly rated: number;
  readonly helpful: number;
  /** Questions answered "not in the notices", the same question counted once, most asked first. */
  readonly notInNotices: { question: string; count: number }[];
  /** Answers the asker marked not helpful, newest first. */
  readonly notHelpful: {
    at: string;
    channel: string;
    kind: string;
    intent: string;
    question: string;
  }[];
}

const count = (values: readonly string[]) => {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]));
};

/** The same question typed twice with other spacing, case or end punctuation counts once. */
const sameQuestion = (q: string) =>
  q
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s?？!！。.,，]+/g, '');

/** Sums up the answers of a period. */
export function buildReport(answers: readonly AnswerRecord[], since: Date, until: Date): Report {
  const missing = new Map<string, { question: string; count: number }>();
  for (const a of answers.filter((x) => x.kind === 'not_in_notices')) {
    const key = sameQuestion(a.question);
    const seen = missing.get(key);
    if (seen) seen.count++;
    else missing.set(key, { question: a.question, count: 1 });
  }
  const rated = answers.filter((a) => a.helpful !== undefined);
  return {
    since: since.toISOString().slice(0, 10),
    // The last day included (the period ends before `until`).
    until: new Date(until.getTime() - 1).toISOString().slice(0, 10),
    answers: answers.length,
    byChannel: count(answers.map((a) => a.channel)),
    byKind: count(answers.map((a) => a.kind)),
    byIntent: count(answers.map((a) => a.intent)),
    rated: rated.length,
    helpful: rated.filter((a) => a.helpful).length,
    notInNotices: [...missing.values()].sort((a, b) => b.count - a.count),
    notHelpful: rated
      .filter((a) => a.helpful === false)
      .reverse()
      .map((a) => ({
        at: a.at.slice(0, 16).replace('T', ' '),
        channel: a.channel,
        kind: a.kind,
        intent: a.intent,
        question: a.question,
      })),
  };
}

/** A question on one line, as asked: its own line breaks shown, so it can never pose as the report's text. */
const oneLine = (question: string) => question.replace(/\r?\n/g, ' ⏎ ').replace(/\s+/g, ' ').trim();

const line = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ') || 'none';

/** The report as text for a terminal. */
export function formatReport(r: Report): string {
  const share = r.rated ? ` (${((100 * r.helpful) / r.rated).toFixed(1)}%)` : '';
  return [
    `Answers from ${r.since} to ${r.until}: ${r.answers}`,
    `  by channel: ${line(r.byChannel)}`,
    `  by kind: ${line(r.byKind)}`,
    `  by intent: ${line(r.byIntent)}`,
    `  rated helpful: ${r.helpful} of ${r.rated} rated${share}`,
    '',
    `Asked, but not in the notices (${r.notInNotices.length} different questions, most asked first):`,
    ...(r.notInNotices.length
      ? r.notInNotices.map((q) => `  ${String(q.count).padStart(3)}× ${oneLine(q.question)}`)
      : ['  none']),
    '',
    `Marked not helpful (${r.notHelpful.length}, newest first):`,
    ...(r.notHelpful.length
      ? r.notHelpful.map(
          (a) => `  ${a.at} ${a.channel} · ${a.kind} · ${a.intent} · ${oneLine(a.question)}`,
        )
      : ['  none']),
  ].join('\n');
}

/**
 * The period a report covers: from `--since` (or `--days` before the end, default 30) up to and
 * including `--until` (default now). Dates are days in UTC, written 2026-11-01, and must exist.
 */
export function reportPeriod(
  options: { since?: string | undefined; until?: string | undefined; days?: string | undefined },
  now: Date,
): { since: Date; until: Date } {
  const date = (value: string, name: string) => {
    const d = new Date(`${value}T00:00:00Z`);
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
      Number.isNaN(d.getTime()) ||
      d.toISOString().slice(0, 10) !== value
    )
      throw new Error(`${name} must be a date that exists, like 2026-11-01 (got "${value}")`);
    return d;
  };
  if (options.since !== undefined && options.days !== undefined)
    throw new Error('give --since or --days, not both');
  const until = options.until
    ? new Date(date(options.until, '--until').getTime() + 86_400_000)
    : now;
  if (options.since !== undefined) {
    const since = date(options.since, '--since');
    if (since >= until) throw new Error('--since must come before --until');
    return { since, until };
  }
  const days = options.days ?? '30';
  if (!/^\d{1,4}$/.test(days) || Number(days) < 1)
    throw new Error(`--days must be a whole number of days from 1 to 9999 (got "${days}")`);
  return { since: new Date(until.getTime() - Number(days) * 86_400_000), until };
}
