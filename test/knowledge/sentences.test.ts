import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/knowledge/sentences.js';

const pieces = (line: string) => splitSentences(line).map((s) => line.slice(s.start, s.end).trim());

describe('sentences of a line', () => {
  it('cuts at Chinese stops and at English sentence ends, not inside numbers or "No. 7"', () => {
    expect(pieces('各地要积极开展活动。持续开展书香社区建设。')).toEqual([
      '各地要积极开展活动。',
      '持续开展书香社区建设。',
    ]);
    expect(pieces('Call 010-66097704. See Annex No. 7 for details.')).toEqual([
      'Call 010-66097704.',
      'See Annex No. 7 for details.',
    ]);
  });

  it('cuts the 2024 copy’s run-on at a stop, closing quote and comma before a capital', () => {
    const line =
      'promote the launch of the wrong time in various places.”, Help the construction of a learning society and a large-scale country that” everyone can learn.';
    expect(pieces(line)).toEqual([
      'promote the launch of the wrong time in various places.”,',
      'Help the construction of a learning society and a large-scale country that” everyone can learn.',
    ]);
    // A quote closed before a comma inside a sentence stays whole.
    expect(pieces('the “one province and one week”, which runs all year.')).toHaveLength(1);
  });
});
