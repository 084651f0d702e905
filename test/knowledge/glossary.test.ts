import { describe, expect, it } from 'vitest';
import { createQueryExpander } from '../../src/knowledge/glossary.js';
import { sharedIndex } from '../helpers.js';

const { kb } = await sharedIndex();
const expander = createQueryExpander(kb.glossary);

describe('glossary shadows', () => {
  it('names the longer terms a question does not mean ("Open University" for universities)', () => {
    const shadows = expander.shadows('What are the 2022 requirements for universities?');
    expect(shadows).toContain('国家开放大学');
    expect(shadows).toContain('open university');
    // A question that names the Open University means it.
    expect(expander.shadows('国家开放大学开放多少门课程')).not.toContain('国家开放大学');
    expect(expander.shadows('活动周的主题')).toEqual([]);
  });
});
