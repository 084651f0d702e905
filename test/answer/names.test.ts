import { describe, expect, it } from 'vitest';
import { unsupportedName } from '../../src/answer/names.js';

const SOURCE =
  '教育部職業教育與成人教育司聯系人:王立、桂敏 聯系電話:010-66097704 郵箱:dur@ouchn.edu.cn\n' +
  '中國成人教育協會網站(http://www.caea.org.cn)\n' +
  'Contact at the Community Education Research and Training Center of the Ministry of Education: Du Ruo';
const KNOWN = ['王立', '桂敏', '李榮華', 'Li Ronghua', 'Du Ruo'];

describe('unsupportedName: names, numbers and addresses of a generated answer', () => {
  it('accepts what the cited passages state, in either script', () => {
    expect(
      unsupportedName(
        '联系人是王立、桂敏，电话010-66097704，邮箱dur@ouchn.edu.cn，见中国成人教育协会网站 http://www.caea.org.cn。',
        SOURCE,
        KNOWN,
      ),
    ).toBeUndefined();
    expect(
      unsupportedName(
        'Ask the Community Education Research and Training Center of the Ministry of Education; the contact is Du Ruo.',
        SOURCE,
        KNOWN,
      ),
    ).toBeUndefined();
  });

  it('names an invented contact, phone, e-mail, site or body', () => {
    expect(unsupportedName('联系人：张伟，电话010-66097704。', SOURCE, KNOWN)).toBe('张伟');
    expect(unsupportedName('The contact persons are Zhang Wei and Wang Li.', SOURCE, KNOWN)).toBe(
      'Zhang Wei',
    );
    expect(unsupportedName('请致电 010-66097705。', SOURCE, KNOWN)).toBe('010-66097705');
    expect(unsupportedName('邮箱 llw@moe.gov.cn', SOURCE, KNOWN)).toBe('llw@moe.gov.cn');
    expect(unsupportedName('见 http://www.llw.cn', SOURCE, KNOWN)).toBe('http://www.llw.cn');
    expect(unsupportedName('由北京终身学习促进协会主办。', SOURCE, KNOWN)).toMatch(/促进协会$/);
    expect(unsupportedName('Run by the National Reading Association.', SOURCE, KNOWN)).toBe(
      'National Reading Association',
    );
    // A real contact of another passage is not stated by this one.
    expect(unsupportedName('请找李荣华。', SOURCE, KNOWN)).toBe('李榮華');
  });
});
