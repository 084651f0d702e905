import { describe, expect, it } from 'vitest';
import { decideRefusal } from '../../src/answer/refusal.js';

const base = {
  question: '',
  unknown: [],
  knownIdeas: 2,
  bestScore: 0.6,
  minScore: 0.25,
  sentences: '',
};

describe('decideRefusal: "the notices do not say" comes from the evidence', () => {
  it('answers when a passage matches well and no topic word is unknown', () => {
    expect(decideRefusal({ ...base, question: '2022年阅读活动有哪些形式' })).toBeNull();
  });

  it('names the topic words no notice uses, when they are what the question is about', () => {
    expect(decideRefusal({ ...base, unknown: ['马拉松'], knownIdeas: 1 })).toEqual({
      reason: 'unknown-topic',
      words: ['马拉松'],
    });
    // "prize money for a Star of People's Learning": the star is one idea, the prize two words.
    expect(decideRefusal({ ...base, unknown: ['prize', 'money'], knownIdeas: 1 })).toMatchObject({
      reason: 'unknown-topic',
    });
    // One stray word in a question the notices cover ("…and who is it aimed at") does not refuse.
    expect(decideRefusal({ ...base, unknown: ['aim'], knownIdeas: 3 })).toBeNull();
  });

  it('refuses when nothing matches well enough', () => {
    expect(decideRefusal({ ...base, bestScore: 0.1 })).toEqual({ reason: 'weak-evidence' });
    expect(decideRefusal({ ...base, bestScore: undefined })).toEqual({ reason: 'weak-evidence' });
  });

  it('refuses a count or a time of day that the quoted sentences do not state', () => {
    const people = { ...base, question: 'How many people took part in 2022?' };
    expect(decideRefusal({ ...people, sentences: 'recommend 3–5 Stars' })).toEqual({
      reason: 'no-figure',
    });
    expect(decideRefusal({ ...people, sentences: '12,000 people took part' })).toBeNull();
    expect(
      decideRefusal({ ...base, question: '开幕式几点开始', sentences: '11月下旬在长沙举办' }),
    ).toEqual({ reason: 'no-figure' });
  });
});
