import { describe, expect, it } from 'vitest';
import { createTokenizer } from '../../src/retrieval/tokenize.js';

const tokenizer = createTokenizer({ words: ['百姓学习之星', '活动周'] });

describe('tokenizer', () => {
  it('gives Traditional and Simplified text the same tokens', () => {
    expect(tokenizer.tokenize('終身學習活動周的主題')).toEqual(
      tokenizer.tokenize('终身学习活动周的主题'),
    );
  });

  it('keeps domain terms whole as well as their parts', () => {
    const tokens = tokenizer.tokenize('推荐百姓学习之星');
    expect(tokens).toContain('百姓学习之星');
    expect(tokens).toContain('百姓');
  });

  it('stems English words and drops stop words', () => {
    expect(tokenizer.tokenize('What are the Activities for the elderly?')).toEqual([
      'activ',
      'elderli',
    ]);
  });

  it('gives the same tokens for a remembered text, whatever a caller did with the last ones', () => {
    const first = tokenizer.tokenize('推荐百姓学习之星的材料');
    const expected = [...first];
    first.push('篡改');
    first.splice(0, 1);
    expect(tokenizer.tokenize('推荐百姓学习之星的材料')).toEqual(expected);
  });

  it('drops Chinese function words', () => {
    expect(tokenizer.tokenize('主题是什么')).toEqual(['主题']);
  });

  it('splits mixed text into Chinese words, English words and numbers', () => {
    expect(tokenizer.tokenize('电话010-66097704，网址le.ouchn.cn')).toEqual([
      '电话',
      '010',
      '66097704',
      '网址',
      'le',
      'ouchn',
      'cn',
    ]);
  });

  it('folds full-width characters and case', () => {
    expect(tokenizer.tokenize('ＴＨＥＭＥ ２０２４')).toEqual(['theme', '2024']);
  });
});
