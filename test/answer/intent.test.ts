import { describe, expect, it } from 'vitest';
import { classifyIntent, classifyIntents, contactField } from '../../src/answer/intent.js';

describe('intents', () => {
  it.each([
    ['你好', 'greeting'],
    ['您好，你能做什么？', 'greeting'],
    ['Thanks!', 'greeting'],
    ['/help', 'help'],
    ['我想推荐一位百姓学习之星', 'nomination'],
    ['I want to nominate a brand project', 'nomination'],
    ['明天北京天气怎么样？', 'out_of_scope'],
    ['Tell me a joke', 'out_of_scope'],
    ['Could you write a short, warm birthday message for my co-volunteer?', 'out_of_scope'],
    // By when something is sent goes to the submission rules, whoever receives it.
    ['2022年活动周的工作总结最迟哪天前要报到领导小组办公室？', 'submission'],
    ['活动周领导小组办公室设在哪里', 'organizers'],
    // "when running events" is no question of time.
    [
      'What did the 2022 notice tell local authorities about COVID-19 when running events?',
      'activities',
    ],
    // "when they go into campuses" is a clause, not a question of time (a question puts a verb
    // after "when": "when do they go").
    [
      "2024: what forms should the 'Star of People Learning' use when they go into campuses and communities?",
      'activities',
    ],
    ['When do the Stars go into campuses in 2024?', 'schedule'],
    ['24年的文件号是多少', 'document'],
    // Which annexes are sent ("要报哪几个"), and the leading group asked in English.
    ['24年要报哪几个附件', 'submission'],
    ["In the 2022 notice, where does the leading group's office sit?", 'organizers'],
    ['What did the 2022 notice require of provinces after the week was over?', 'submission'],
    ['总开幕式在哪里？', 'opening'],
    ['總開幕式由誰承辦？', 'opening'],
    ['2024年份通知係幾多個部門聯合發嘅？', 'issuer'],
    ['2024年嗰份通知係幾時發出㗎?', 'issuer'],
    // 用手機 is using a phone, not a phone number.
    ['我阿媽七十幾歲,2022年嗰個活動周有冇教老人家用手機?', 'activities'],
    // Learning (学) a phone is no phone number either.
    ['我奶奶今年80了 想学手机 22年智慧助老教啥', 'activities'],
    // 持續辦 names what is run, 哪幾個 asks for things: no schedule question.
    ['2024年通知裡提到要持續辦線上學習活動的平台有哪幾個?', 'activities'],
    // Materials sent to someone are a submission, not the notice's addressees.
    ['报送百姓学习之星材料发给谁?', 'submission'],
    ['2024年活动周主题', 'theme'],
    ['What is the document number of the 2024 notice?', 'document'],
    ['2022年的通知是哪天发布的？', 'issuer'],
    ['职成司联系人是谁？', 'contacts'],
    ['中国老年教育网网址', 'websites'],
    ['2024年通知的附件1是什么', 'annexes'],
    ['2024年通知有哪几个附件', 'annexes'],
    // Which annexes are handed in is a submission question.
    ['2024年活动周需要报送哪几个附件？报到哪个司？', 'submission'],
    ['每个省要推荐几名百姓学习之星？', 'submission'],
    ['活动周总结什么时候交？', 'submission'],
    ['2022年活动周由哪些单位共同举办？', 'organizers'],
    ['2024年各省的活動周怎麼安排？', 'schedule'],
    ['How are the 2024 weeks organised across the provinces?', 'schedule'],
    ['2022年活动周为老年人安排了什么活动？', 'activities'],
    ['What does the 2024 notice say about the elderly?', 'activities'],
    // Everyday wording (issue 9, heldout-8 to -10).
    ["what's the doc number on the 2024 notice", 'document'],
    ['need to ring the MOE dept. who do i ask for and whats the number', 'contacts'],
    ['活动周有问题找谁', 'contacts'],
    ['how many courses did the open university platform open up in 2022', 'activities'],
    ['活动周那几天国家开放大学的平台会开放多少门课?', 'activities'],
    ['can u recommend a good IELTS prep book', 'out_of_scope'],
    ['Compare the timing of the 2022 week with the 2024 one.', 'schedule'],
    ['How does the scheduling model of 2024 differ from the fixed week of 2022?', 'schedule'],
    ['how r provincial depts supposed to report back after the 2024 week', 'submission'],
    ['did the national open univ put courses online during the 2022 week? how many', 'activities'],
    [
      'Which principles does the 2024 notice lay down in its opening general section?',
      'activities',
    ],
    ['when is the opening?', 'opening'],
    ['How does the issuing authority of the 2022 notice differ from 2024?', 'issuer'],
    ["who's the 2024 notice sent to? list of recipients pls", 'activities'],
    ['can u recommend a good vpn for watching netflix in china', 'out_of_scope'],
    ['who handles publicity for the CAEA website, and how can they be reached?', 'contacts'],
  ] as const)('%s → %s', (text, intent) => {
    expect(classifyIntent(text)).toBe(intent);
  });

  it('reads which contact detail is asked for', () => {
    expect(contactField('中国成人教育协会的邮箱')).toBe('email');
    expect(contactField('What is the phone number of the MOE contact?')).toBe('phone');
    expect(contactField('邮编是多少')).toBe('postcode');
    expect(contactField('职成司联系人是谁')).toBe('names');
  });
});

describe('questions that ask two facts', () => {
  it('answers each fact a joined question names', () => {
    expect(classifyIntents('主题和举办时间分别是什么')).toEqual(['theme', 'schedule']);
    expect(
      classifyIntents('when does the 2024 week run and where is the opening ceremony?'),
    ).toEqual(['schedule', 'opening']);
  });

  it('reads a part that only asks when as asking about the ceremony the other part names', () => {
    expect(
      classifyIntents('On what date and in which city was the national opening ceremony held?'),
    ).toEqual(['opening']);
  });
});
