import { describe, expect, it } from 'vitest';
import { createRegionMatcher } from '../../src/answer/slots.js';
import { findField, parseCommand } from '../../src/forms/commands.js';
import { loadForms } from '../../src/forms/definition.js';
import { startForm, step, type FormState, type StepResult } from '../../src/forms/engine.js';
import type { FieldContext } from '../../src/forms/fields.js';
import { loadGlossary } from '../../src/knowledge/glossary.js';
import { STAR_ANSWERS, STAR_STORY } from '../fixtures/nomination.js';
import { KNOWLEDGE } from '../helpers.js';

const forms = await loadForms(KNOWLEDGE);
const star = forms.find((f) => f.id === 'star')!;
const glossary = await loadGlossary(KNOWLEDGE);
const ctx: FieldContext = {
  today: new Date('2026-11-22T00:00:00Z'),
  regions: glossary.regions,
  findRegions: createRegionMatcher(glossary.regions),
};
const say = (state: FormState, text: string): StepResult =>
  step(star, state, { kind: 'text', text }, ctx);
const run = (state: FormState, ...texts: string[]) =>
  texts.reduce((s, t) => say(s, t).state, state);
const asked = (r: StepResult) =>
  r.events.filter((e) => e.type === 'ask').map((e) => (e.type === 'ask' ? e.field.id : ''));

const STORY = STAR_STORY;
/** How many answers come before a field: the answers to give to reach it. */
const before = (id: string) => star.fields.findIndex((f) => f.id === id);
const ANSWERS = STAR_ANSWERS;

describe('the forms as data', () => {
  it('loads both forms with the fields the notices call for', () => {
    expect(forms.map((f) => f.id).sort()).toEqual(['brand', 'star']);
    expect(star.fields.map((f) => f.id)).toEqual([
      'name',
      'gender',
      'birth',
      'ethnicity',
      'nationality',
      'political_status',
      'education',
      'occupation',
      'province',
      'city',
      'phone',
      'email',
      'story',
      'influence',
      'honors',
      'recommender',
      'materials',
    ]);
    const brand = forms.find((f) => f.id === 'brand')!;
    expect(brand.fields.map((f) => f.id)).toEqual([
      'project_name',
      'organization',
      'credit_code',
      'credit_record',
      'province',
      'city',
      'contact_name',
      'phone',
      'email',
      'start_year',
      'audience',
      'area',
      'summary',
      'features',
      'outcomes',
      'honors',
      'recommender',
      'materials',
    ]);
    expect(star.fields.filter((f) => f.optional).map((f) => f.id)).toEqual([
      'political_status',
      'email',
      'honors',
    ]);
  });
});

describe('the step machine', () => {
  it('asks one field at a time with its step, and moves on when an answer is accepted', () => {
    const first = startForm(star, 'zh-Hans');
    expect(first.events).toEqual([expect.objectContaining({ type: 'ask', step: 1, total: 17 })]);
    const r = say(first.state, '张秀英');
    expect(r.state.answers).toEqual({ name: '张秀英' });
    expect(r.events.map((e) => e.type)).toEqual(['accepted', 'ask']);
    expect(asked(r)).toEqual(['gender']);
  });

  it('re-asks the same field with the reason when an answer is refused, and keeps the state', () => {
    const s = run(startForm(star, 'zh-Hans').state, ...ANSWERS.slice(0, before('phone')));
    const r = say(s, '12345');
    expect(r.state).toBe(s);
    expect(r.events[0]).toMatchObject({
      type: 'ask',
      field: expect.objectContaining({ id: 'phone' }),
      rejected: '12345',
      error: expect.objectContaining({ zh: expect.stringContaining('11位手机号') }),
    });
  });

  it('goes back to the previous field, and forward again past what is answered', () => {
    let s = run(startForm(star, 'zh-Hans').state, '张秀英', '女');
    let r = say(s, '返回');
    expect(asked(r)).toEqual(['gender']);
    r = say(r.state, '男');
    expect(r.state.answers['gender']).toBe('male');
    expect(asked(r)).toEqual(['birth']);
    s = startForm(star, 'en').state;
    expect(say(s, 'back').events.map((e) => e.type)).toEqual(['at-start', 'ask']);
  });

  it('skips optional fields only', () => {
    const s = run(startForm(star, 'zh-Hans').state, ...ANSWERS.slice(0, before('email')));
    const skipped = say(s, '跳过');
    expect(skipped.state.skipped).toEqual(['email']);
    expect(asked(skipped)).toEqual(['story']);
    const refused = say(skipped.state, '跳过');
    expect(refused.events.map((e) => e.type)).toEqual(['cannot-skip', 'ask']);
  });

  it('shows the answers so far, and gives help, without moving', () => {
    const s = run(startForm(star, 'zh-Hans').state, '张秀英');
    expect(say(s, '查看').events.map((e) => e.type)).toEqual(['show', 'ask']);
    expect(say(s, 'help').events.map((e) => e.type)).toEqual(['help', 'ask']);
  });

  it('reaches the review after the last field, edits a field by name, and returns to the review', () => {
    const review = run(startForm(star, 'zh-Hans').state, ...ANSWERS);
    expect(review.phase).toBe('review');
    const edit = say(review, '修改 电话');
    expect(asked(edit)).toEqual(['phone']);
    const back = say(edit.state, '0731-84567890');
    expect(back.state.phase).toBe('review');
    expect(back.state.answers['phone']).toBe('0731-84567890');
    expect(back.events.map((e) => e.type)).toEqual(['accepted', 'review']);
    expect(say(review, 'edit nonsense').events[0]).toMatchObject({
      type: 'unknown-field',
      name: 'nonsense',
    });
  });

  it('edits a field by name in the middle of the form, then carries on where it was', () => {
    const s = run(startForm(star, 'zh-Hans').state, '张秀英', '女', '1962年5月');
    const edit = say(s, 'change name');
    expect(asked(edit)).toEqual(['name']);
    const r = say(edit.state, '张秀兰');
    expect(r.state.answers['name']).toBe('张秀兰');
    expect(asked(r)).toEqual(['ethnicity']);
  });

  it('confirms from the review', () => {
    const review = run(startForm(star, 'zh-Hans').state, ...ANSWERS);
    const done = say(review, '确认');
    expect(done.state.phase).toBe('done');
    expect(done.events).toEqual([{ type: 'confirmed' }]);
  });

  it('asks before cancelling, and either cancels or carries on at the same place', () => {
    const s = run(startForm(star, 'zh-Hans').state, '张秀英');
    const ask = say(s, '取消');
    expect(ask.state.phase).toBe('confirm-cancel');
    expect(say(ask.state, '否').events.map((e) => e.type)).toEqual(['not-cancelled', 'ask']);
    expect(say(ask.state, '否').state.field).toBe('gender');
    expect(say(ask.state, '是').state.phase).toBe('cancelled');
  });

  it('offers a rewrite of a long text and lets the user choose', () => {
    const review = run(startForm(star, 'zh-Hans').state, ...ANSWERS);
    const request = say(review, '润色 事迹');
    expect(request.events).toEqual([
      expect.objectContaining({
        type: 'polish-requested',
        field: expect.objectContaining({ id: 'story' }),
      }),
    ]);
    const offered = step(
      star,
      review,
      { kind: 'polished', field: 'story', text: '润色后的故事' },
      ctx,
    );
    expect(offered.state.phase).toBe('choose-polish');
    const used = say(offered.state, '用润色稿');
    expect(used.state.answers['story']).toBe('润色后的故事');
    expect(used.state.phase).toBe('review');
    const kept = say(offered.state, '保留原文');
    expect(kept.state.answers['story']).toBe(STORY);
    expect(say(review, '润色 电话').events[0]).toMatchObject({ type: 'cannot-polish' });
  });

  it('is pure: the same state and input give the same result, and the input state is not changed', () => {
    const s = run(startForm(star, 'zh-Hans').state, '张秀英');
    const copy = structuredClone(s);
    expect(say(s, '女')).toEqual(say(s, '女'));
    expect(s).toEqual(copy);
  });
});

describe('commands', () => {
  it('reads commands in Chinese (either script) and English', () => {
    expect(
      ['返回', 'back', '跳過', 'skip', '查看', 'show', '取消', 'cancel', '幫助', 'help'].map(
        (t) => parseCommand(star, t)?.kind,
      ),
    ).toEqual(['back', 'back', 'skip', 'skip', 'show', 'show', 'cancel', 'cancel', 'help', 'help']);
    expect(parseCommand(star, '修改 電話')).toEqual({ kind: 'edit', field: 'phone', name: '电话' });
    expect(parseCommand(star, 'edit e-mail')).toMatchObject({ kind: 'edit', field: 'email' });
    expect(parseCommand(star, '张秀英')).toBeNull();
  });

  it('finds fields by label, alias or id, leniently', () => {
    expect(findField(star, '手机号')?.id).toBe('phone');
    expect(findField(star, '学习事迹')?.id).toBe('story');
    expect(findField(star, 'Date of birth')?.id).toBe('birth');
    expect(findField(star, 'honours')?.id).toBe('honors');
  });
});

describe('answers that look like commands (from an adversarial review)', () => {
  const brand = forms.find((f) => f.id === 'brand')!;

  it('takes an answer that starts with a command word as the answer', () => {
    for (const text of [
      '编辑，长沙晚报社',
      '改变从学习开始',
      '编辑部读书会',
      'Edit Your Life Writing Workshop',
      'Update Yourself Digital Class',
      '优化办主任',
      '改变，从退休那年开始。她学会了用智能手机……',
    ]) {
      expect(parseCommand(star, text), text).toBeNull();
    }
  });

  it('still reads commands with a field name, with or without a space, by alias', () => {
    expect(parseCommand(star, '修改生日')).toMatchObject({ kind: 'edit', field: 'birth' });
    expect(parseCommand(star, '改电话')).toMatchObject({ kind: 'edit', field: 'phone' });
    expect(parseCommand(star, '修改手机号码')).toMatchObject({ kind: 'edit', field: 'phone' });
    expect(parseCommand(star, 'edit dob')).toMatchObject({ kind: 'edit', field: 'birth' });
    expect(parseCommand(brand, '修改 联系人电话')).toMatchObject({ kind: 'edit', field: 'phone' });
    expect(parseCommand(brand, '修改开始时间')).toMatchObject({
      kind: 'edit',
      field: 'start_year',
    });
    expect(parseCommand(star, '修改')).toMatchObject({ kind: 'edit', field: null });
    expect(parseCommand(star, '修改 地址')).toMatchObject({
      kind: 'edit',
      field: null,
      name: '地址',
    });
    expect(parseCommand(star, '润色 事迹')).toMatchObject({ kind: 'polish', field: 'story' });
  });
});

describe('lenient answers (from an adversarial review)', () => {
  const value = (id: string, text: string, form = star) => {
    const field = form.fields.find((f) => f.id === id)!;
    const s = startForm(form, 'zh-Hans').state;
    const at = { ...s, field: field.id };
    const r = step(form, at, { kind: 'text', text }, ctx);
    return r.state.answers[id];
  };
  const brand = forms.find((f) => f.id === 'brand')!;

  it('understands everyday names of choices', () => {
    expect(
      ['高中', '中专', '大学', '专科', '硕士', '博士', 'high school', 'university'].map((t) =>
        value('education', t),
      ),
    ).toEqual([
      'senior',
      'senior',
      'bachelor',
      'college',
      'master',
      'doctor',
      'senior',
      'bachelor',
    ]);
    expect(value('gender', '女性')).toBe('female');
    expect(value('materials', '文字 视频 图片')).toEqual(['text', 'video', 'photos']);
    expect(value('materials', '照片、课件')).toEqual(['photos', 'teaching']);
    expect(value('materials', '以上都有')).toEqual(['text', 'video', 'photos', 'teaching']);
  });

  it('reads phones, provinces, ethnic groups and years as people write them', () => {
    expect(value('phone', '手机：138-1234-5678。')).toBe('13812345678');
    expect(value('phone', '0086 13812345678')).toBe('13812345678');
    expect(value('phone', '0731—84567890')).toBe('0731-84567890');
    expect(value('province', '广东省深圳市')).toBe('guangdong');
    expect(value('province', 'Qingdao, Shandong')).toBe('shandong');
    expect(value('province', '新疆兵团')).toBe('xpcc');
    expect(value('province', '湘')).toBe('hunan');
    expect(value('province', '湖南和湖北')).toBeUndefined();
    expect(
      ['维族', '汉族。', '汉族人', 'Han Chinese', 'Uighur', 'Mongolian'].map((t) =>
        value('ethnicity', t),
      ),
    ).toEqual(['维吾尔族', '汉族', '汉族', '汉族', '维吾尔族', '蒙古族']);
    expect(value('start_year', '2016年3月', brand)).toBe('2016');
    expect(value('start_year', '2016年起', brand)).toBe('2016');
  });

  it('counts Chinese texts by all their characters, as a word processor does', () => {
    const story = '她退休后坚持学习，十年没有间断。'.repeat(19);
    expect([...story].length).toBe(304);
    expect(value('story', story)).toBe(story);
  });
});
