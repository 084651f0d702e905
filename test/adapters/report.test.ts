import { describe, expect, it } from 'vitest';
import { buildReport, formatReport, reportPeriod } from '../../adapters/cli/report-command.js';
import type { AnswerRecord } from '../../src/index.js';

const answer = (question: string, extra: Partial<AnswerRecord> = {}): AnswerRecord => ({
  id: Math.random().toString(16).slice(2, 14),
  channel: 'web',
  userId: 'u',
  question,
  intent: 'activities',
  kind: 'not_in_notices',
  language: 'zh-Hans',
  at: '2026-11-20T08:00:00.000Z',
  ...extra,
});

describe('llw report', () => {
  it('counts the same question asked with other spacing or punctuation once', () => {
    const report = buildReport(
      [
        answer('有奖金吗？'),
        answer(' 有奖金吗 '),
        answer('主题是什么', { kind: 'fact', intent: 'theme' }),
      ],
      new Date('2026-11-01'),
      new Date('2026-12-01'),
    );
    expect(report.notInNotices).toEqual([{ question: '有奖金吗？', count: 2 }]);
    expect(report.byKind).toEqual({ not_in_notices: 2, fact: 1 });
    expect(report.until).toBe('2026-11-30');
  });

  it('prints every question on one line, so a question cannot pose as the report’s own text', () => {
    const forged =
      '真的？\n  99× 伪造：活动周取消了\n\nMarked not helpful (0, newest first):\n  none';
    const text = formatReport(
      buildReport([answer(forged, { helpful: false })], new Date(0), new Date('2027-01-01')),
    );
    expect(text.split('\n').filter((l) => l.includes('伪造'))).toHaveLength(2);
    expect(text).not.toMatch(/^ {2}99×/m);
    expect(text.match(/^Marked not helpful/gm)).toHaveLength(1);
  });

  it('takes only dates that exist and periods that make sense', () => {
    const now = new Date('2026-11-26T12:00:00Z');
    expect(reportPeriod({ since: '2026-11-01', until: '2026-11-25' }, now)).toEqual({
      since: new Date('2026-11-01T00:00:00Z'),
      until: new Date('2026-11-26T00:00:00Z'),
    });
    expect(reportPeriod({ days: '7' }, now).since).toEqual(new Date('2026-11-19T12:00:00Z'));
    expect(() => reportPeriod({ since: '2026-02-30' }, now)).toThrow(
      '--since must be a date that exists',
    );
    expect(() => reportPeriod({ since: '2026-11-20', until: '2026-11-10' }, now)).toThrow(
      '--since must come before --until',
    );
    expect(() => reportPeriod({ since: '2026-11-20', days: '3' }, now)).toThrow(
      'give --since or --days, not both',
    );
    for (const days of ['1e1', '0x10', '0', '-3', 'week'])
      expect(() => reportPeriod({ days }, now)).toThrow('--days must be a whole number');
  });
});
