import { readFile, writeFile, appendFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { copyKnowledge, sharedIndex } from '../helpers.js';

const { kb } = await sharedIndex();
const fact = (id: string) => kb.facts.find((f) => f.id === id);

describe('facts extracted from the 2022 notice (Traditional, by rules)', () => {
  it('finds the theme, the dates and the opening ceremony', () => {
    expect(fact('notice-2022/theme')?.fields).toEqual({ theme: '學習貫徹二十大,終身學習向未來' });
    expect(fact('notice-2022/period')?.fields).toEqual({ period: '2022年11月20日—26日' });
    expect(fact('notice-2022/opening')?.fields).toEqual({
      when: '11月下旬(暫定11月23日之後)',
      where: '湖南省長沙市',
    });
    expect(fact('notice-2022/hosts')?.fields).toEqual({
      hosts: '湖南省教育廳、長沙市人民政府',
      cohosts: '國家開放大學等單位',
    });
  });

  it('reads what is submitted, how many, with which materials, by when and to whom', () => {
    expect(fact('notice-2022/submission-1')?.fields).toMatchObject({
      deadline: '2022年10月底',
      stars: '3—5',
      brands: '3—5',
      materials: '文字、視頻、圖片、教學資源',
      recipient: '活動周領導小組辦公室',
    });
    expect(fact('notice-2022/summary-1')?.fields).toMatchObject({
      deadline: '2023年1月10日',
      items: '本屆活動周工作總結',
    });
  });

  it('reads every contact with names, phones, e-mails and postcode', () => {
    const contacts = kb.facts
      .filter((f) => f.sourceId === 'notice-2022' && f.kind === 'contact')
      .map((f) => f.fields);
    expect(contacts).toEqual([
      { organization: '教育部職業教育與成人教育司', names: '王立、桂敏', phone: '010-66096253' },
      {
        organization: '中國成人教育協會',
        names: '胡衛華、黃曉晨',
        phone: '010-58581449',
        postcode: '100120',
        email: 'caeabgs@126.com',
      },
      {
        organization: '教育部社區教育研究培訓中心',
        names: '杜若',
        phone: '010-66490608',
        email: 'dur@ouchn.edu.cn',
      },
      expect.objectContaining({
        names: '李榮華',
        phone: '13811473279',
        email: 'liuxiaomei@enaea.edu.cn',
      }),
    ]);
  });

  it('reads the websites with their names and the signature with its date', () => {
    const sites = kb.facts
      .filter((f) => f.sourceId === 'notice-2022' && f.kind === 'website')
      .map((f) => `${f.fields['name']} ${f.fields['url']}`);
    expect(sites).toContain('中國成人教育協會網站 https://www.caea.org.cn/');
    expect(sites).toContain('全民終身學習活動周專題網站 http://www.llaw.org.cn/');
    expect(sites).toHaveLength(6);
    expect(fact('notice-2022/issuer')?.fields).toEqual({
      issuer: '教育部辦公廳',
      date: '2022年11月9日',
    });
  });

  it('merges the reviewed English renderings', () => {
    expect(fact('notice-2022/contact-1')?.renderings.en).toEqual({
      organization: 'Department of Vocational and Adult Education, Ministry of Education',
      names: 'Wang Li, Gui Min',
    });
  });
});

describe('facts extracted from the 2024 notice (English, by rules)', () => {
  it('finds the theme, period, arrangement and the deferred opening', () => {
    expect(fact('notice-2024/theme')?.fields).toEqual({ theme: 'Make learning a lifestyle' });
    expect(fact('notice-2024/period')?.fields).toEqual({
      period: 'From April to early December 2024',
    });
    expect(fact('notice-2024/arrangement')?.fields).toEqual({
      arrangement: 'one province and one week',
      annex: 'Annex 1',
    });
    expect(fact('notice-2024/opening')?.fields).toEqual({ status: 'separately' });
    expect(fact('notice-2024/theme')?.renderings.zh).toEqual({ theme: '让学习成为一种生活方式' });
  });

  it('records that the e-mail addresses were lost instead of inventing them', () => {
    const contacts = kb.facts.filter((f) => f.sourceId === 'notice-2024' && f.kind === 'contact');
    expect(contacts.map((c) => c.fields['names'])).toEqual([
      'Li Yisheng',
      'Huang Xiaochen, Guan Yan',
    ]);
    expect(contacts.map((c) => c.fields['phone'])).toEqual([
      '010-66097704',
      '010-58582578, 13601198336',
    ]);
    for (const c of contacts) {
      expect(c.fields['email']).toBeUndefined();
      expect(c.fields['emailLost']).toBeDefined();
    }
  });

  it('lists the three annexes and the document number as the copy gives them', () => {
    expect(Object.keys(fact('notice-2024/annexes')!.fields)).toEqual([
      'annex1',
      'annex2',
      'annex3',
    ]);
    expect(fact('notice-2024/document-number')?.fields['number']).toBe(
      'Faculty of Cheng Chengxiang [2024] No. 7',
    );
  });
});

describe('every fact', () => {
  it('carries a quote found verbatim in its cleaned notice', () => {
    for (const f of kb.facts) {
      const cleaned = kb.sources.find((s) => s.entry.id === f.sourceId)!.cleaned.text;
      expect(cleaned.includes(f.quote), f.id).toBe(true);
    }
  });
});

describe('reviewed fact files', () => {
  async function withFactFile(name: string, edit: (yaml: string) => string) {
    const dir = await copyKnowledge();
    const file = path.join(dir, 'facts', name);
    await writeFile(file, edit(await readFile(file, 'utf8')));
    return dir;
  }

  it('stop the index, naming the fact, when an added quote is not in the notice', async () => {
    const dir = await copyKnowledge();
    await appendFile(
      path.join(dir, 'facts', 'notice-2022.yaml'),
      '  - key: prize\n    kind: submission\n    fields: { prize: 10000元 }\n    quote: 每位百姓学习之星奖励10000元\n',
    );
    await expect(loadKnowledge(dir)).rejects.toMatchObject({
      code: 'FACTS_INVALID',
      message: expect.stringMatching(
        /notice-2022\.yaml: add \(prize\): the quote is not in the cleaned text of notice-2022/,
      ),
    });
  });

  it('accept an added fact whose quote is in the notice', async () => {
    const dir = await copyKnowledge();
    await appendFile(
      path.join(dir, 'facts', 'notice-2022.yaml'),
      '  - key: courses\n    kind: submission\n    fields: { courses: 萬門 }\n    quote: 國家開放大學終身教育平臺將開放萬門社區教育\n',
    );
    const loaded = await loadKnowledge(dir);
    expect(loaded.facts.find((f) => f.id === 'notice-2022/courses')?.fields).toEqual({
      courses: '萬門',
    });
  });

  it('refuse a rendering of a fact that does not exist, listing the ones that do', async () => {
    const dir = await withFactFile('notice-2024.yaml', (y) =>
      y.replace('  theme:\n', '  themes:\n'),
    );
    await expect(loadKnowledge(dir)).rejects.toThrow(
      /notice-2024\.yaml: renderings\.themes: notice-2024 has no such fact \(it has: .*theme/,
    );
  });

  it('refuse a file for a source the manifest does not list', async () => {
    const dir = await withFactFile('notice-2024.yaml', (y) =>
      y.replace('source: notice-2024', 'source: notice-2030'),
    );
    await expect(loadKnowledge(dir)).rejects.toThrow(
      /source: "notice-2030" is not a source id of manifest\.yaml/,
    );
  });
});
