import { describe, expect, it } from 'vitest';
import { renderAnswer, renderText } from '../src/answer/render-text.js';
import { createBot } from '../src/bot.js';
import type { Reply } from '../src/types.js';
import { brokenRetriever, fixedRetriever } from './fakes/retriever.js';
import { sharedIndex } from './helpers.js';

const { index } = await sharedIndex();
const bot = createBot({ index });
const ask = async (text: string, extra: Record<string, string> = {}): Promise<Reply> =>
  (await bot.handle({ channel: 'test', userId: 'u1', text, ...extra }))[0]!;
/** The answer to a question, as a user reads it. */
const text = async (q: string) => renderAnswer(await ask(q));

describe('createBot().handle', () => {
  it('answers a fact with the value, the year and a cited quote from the notice', async () => {
    const reply = await ask('2024年活动周主题是什么');
    expect(reply).toMatchObject({ kind: 'fact', intent: 'theme', language: 'zh-Hans' });
    expect(renderAnswer(reply)).toContain(
      '2024年全民终身学习活动周的主题是“让学习成为一种生活方式”',
    );
    expect(reply.citations).toEqual([
      expect.objectContaining({
        source: 'notice-2024',
        year: 2024,
        section: '2. Event theme',
        quote: 'Make learning a lifestyle',
      }),
    ]);
  });

  it('says plainly that the notices set no age or word limit, then what they do require (issue 9)', async () => {
    const age = await ask('推荐百姓学习之星有年龄限制吗？');
    const text = renderAnswer(age);
    expect(text.startsWith('通知都没有规定年龄方面的限制或要求。通知对报送的要求是：')).toBe(true);
    expect(text).toContain('3—5名“百姓学习之星”');
    expect(age.citations.length).toBeGreaterThan(0);
    const words = renderAnswer(await ask('Is there a word limit for the nomination materials?'));
    expect(words).toContain('The notices do not set any length or word limit or requirement.');
    // Years a project must have run, and a video's length asked in Cantonese about what is
    // handed in (交): not set either, and what is required is cited.
    const tenure = await ask('品牌项目要办满几年才能申报？有年限要求没');
    expect(renderAnswer(tenure)).toContain(
      '通知都没有规定年限方面的限制或要求。通知对报送的要求是：',
    );
    const video = await ask('交嘅影片有冇時長限制 要幾多分鐘先得');
    expect(renderAnswer(video)).toContain(
      '通知都沒有規定時長或格式方面的限制或要求。通知對報送的要求是：',
    );
    expect(video.citations.map((c) => c.source)).toContain('notice-2022');
    // A limit the notices do set is answered as before: the 2022 quota.
    expect(renderAnswer(await ask('百姓学习之星要推荐几名？'))).not.toContain('通知都没有规定');
  });

  it('reads the asking sentence for the topic, not the sentences that tell who asks (issue 9)', async () => {
    const told = await ask(
      'My grandmother is in her 70s. Is there anything in the 2024 notice about making reading easier for older people?',
    );
    expect(told.kind).toBe('extractive');
    expect(renderAnswer(told)).toMatch(/elderly/);
    // A clause about the asker's parents, in Cantonese, with their age: no age limit is asked.
    const parents = await ask('我阿爸阿媽七十幾歲，2024年活動周有冇啲適合老人家嘅學習？');
    expect(parents.kind).toBe('extractive');
    expect(renderAnswer(parents)).toMatch(/老年人/);
    // A short asking sentence points back to the one before it.
    const citing = await ask(
      'For a citation I need the document number of the 2024 Lifelong Learning Week notice. What is it?',
    );
    expect(citing.intent).toBe('document');
    expect(renderAnswer(citing)).toContain('[2024] No. 7');
    // "Guiding principles", with a guess after: the points of 2024's 一、总体要求.
    const principles = renderAnswer(
      await ask('what r the guiding principles in the 2024 notice? i think theres 4'),
    );
    expect(principles).toMatch(/sets out 4 points[\s\S]*digital learning/);
    // A resident in Cantonese: 想問下 opens the question, 禮拜 is a week; answered with the
    // 2024 arrangement (one province, one week), not refused.
    const week = await ask('我係街坊，想問下2024年活動周係咪全國同一個禮拜？');
    expect(week.kind).toBe('fact');
    expect(renderAnswer(week)).toContain('一省一週');
    // What is asked comes from the asking sentence: not "nominating" from the telling one.
    const told2 = await ask(
      '我們是社區大學，正在準備推薦「百姓學習之星」。2022年通知說要重點宣傳哪類人物？',
    );
    expect(told2.intent).not.toBe('submission');
    expect(renderAnswer(told2)).toMatch(/宣傳/);
    // An unknown topic in the asking sentence is still refused, as it is without the context.
    const prize = await ask('My grandmother is in her 70s. How much prize money does a Star get?');
    expect(['not_in_notices', 'out_of_scope']).toContain(prize.kind);
    expect(prize.kind).toBe((await ask('How much prize money does a Star get?')).kind);
  });

  it('answers who a notice is addressed to from its addressee line (issue 9)', async () => {
    const en = await ask('who is the 2024 notice addressed to?');
    expect(renderAnswer(en)).toMatch(/Propaganda Department[\s\S]*Federation of Trade Unions/);
    // "addressed" is not the copy's "[e-mail address not preserved]".
    expect(renderAnswer(en)).not.toMatch(/not preserved/);
    const zh = await ask('2024年那个通知是发给哪些单位的');
    expect(zh.kind).toBe('extractive');
    expect(renderAnswer(zh)).toMatch(/党委宣传部[\s\S]*总工会/);
    expect(zh.citations.map((c) => c.source)).toEqual(['notice-2024']);
  });

  it('says plainly what the notices never give, however it is asked, then what they do say (issue 9)', async () => {
    // The opening ceremony's programme: not given; its date and place are, and are cited.
    const programme = await ask('2022年总开幕式的流程和出席嘉宾是怎么安排的？');
    expect(programme.kind).toBe('not_in_notices');
    const text = renderAnswer(programme);
    expect(text.startsWith('通知中没有写明开幕式的流程或嘉宾。')).toBe(true);
    expect(text).toContain('长沙');
    expect(programme.citations.map((c) => c.source)).toContain('notice-2022');
    // Money, and when the Week began: nothing on either, and no figure or year invented.
    const funding = renderAnswer(
      await ask('How much funding does each province get for the Week?'),
    );
    expect(funding).toContain('The notices do not state funding or money for the Week.');
    expect(funding).not.toMatch(/\d+ (yuan|RMB)|million/);
    const first = await ask('全民终身学习活动周第一届是哪一年办的？');
    expect(first.kind).toBe('not_in_notices');
    expect(renderAnswer(first)).not.toMatch(/(19|20)\d\d年(首|第一)/);
    // Sites asked for as a list, with other words around: every site of the year, with addresses.
    const sites = renderAnswer(await ask('2022年通知在宣传部分要求各地门户网站链接哪些网站？'));
    expect(sites).toContain('https://www.caea.org.cn/');
    expect(sites).toContain('http://www.llaw.org.cn/');
    // A province's week asked through the annex that would list it: not given, and said so.
    const annex = await ask('24年附件1安排表 湖南排在几月哪周');
    expect(annex.kind).toBe('not_in_notices');
    expect(renderAnswer(annex)).toMatch(/湖南/);
    expect(renderAnswer(annex)).not.toMatch(/湖南[^。\n]{0,10}\d+月\d+日/);
    // Opening an account on a platform, and who was chosen: given nowhere.
    const register = await ask(
      '台灣的老師可以註冊國家開放大學終身教育平台的帳號嗎?需要什麼身分驗證?',
    );
    expect(register.kind).toBe('not_in_notices');
    expect(renderAnswer(register)).toMatch(/註冊|注册/);
    // "Programme" and 流程 are the opening's only beside it: the Star programme, the nominating steps.
    const star = await ask(
      'How does the 2024 notice extend the Star of People Learning programme?',
    );
    expect(renderAnswer(star)).not.toMatch(/opening ceremony/);
    expect(renderAnswer(star)).toMatch(/campus/i);
    const steps = await ask('2022年百姓学习之星的推荐流程是什么');
    expect(steps.kind).toBe('fact');
    expect(renderAnswer(steps)).toMatch(/3—5名/);
    const signUp = await ask(
      'Is there an online form where our NGO can register to host an event in 2024?',
    );
    expect(signUp.kind).toBe('not_in_notices');
    expect(renderAnswer(signUp)).toMatch(/register or sign up/);
    // "Named as a co-organiser" asks who co-organised, not who was chosen as a Star.
    const hosts = await ask(
      'Who was to host the 2022 national opening ceremony, and which institution was named as a co-organiser?',
    );
    expect(hosts.kind).toBe('fact');
    expect(renderAnswer(hosts)).toMatch(/Open University of China/);
    const chosen = await ask('Which individuals were named national "Stars of Learning" for 2024?');
    expect(chosen.kind).toBe('not_in_notices');
    // "文件里说的…" is the notice itself: the phrase is looked up, not 文件.
    const phrase = await ask('24年文件里说的“一老一小”是指啥');
    expect(phrase.kind).not.toBe('not_in_notices');
    expect(renderAnswer(phrase)).toContain('一老一小');
    expect(renderAnswer(await ask('24年的文件号是多少'))).toMatch(/\[2024\] No\. 7/);
    // How a notice opens is its preamble, not the opening ceremony, nor a refusal of "paragraph".
    const preamble = await ask('What does the opening paragraph of the 2024 notice say?');
    expect(preamble.kind).toBe('extractive');
    expect(renderAnswer(preamble)).toMatch(/20th National Congress/);
    expect(renderAnswer(await ask('22年通知开篇怎么说的'))).toContain('二十大');
    const account = await ask('活动周有官方微信公众号吗？叫什么？');
    expect(account.kind).toBe('not_in_notices');
    expect(renderAnswer(account)).toContain('通知中没有写明活动周的微信公众号或其他社交媒体账号。');
    // The opening's exact day: the notice plans a period, and says so before giving it.
    const day = await ask('On which exact day did the 2022 national opening ceremony take place?');
    expect(day.kind).toBe('not_in_notices');
    expect(renderAnswer(day)).toMatch(/does not state the exact day[\s\S]*late November/);
    // The 2024 copy carries no date: said, then who issued it; 2022's date is given.
    const issued = await ask('On what date was the 2024 notice issued?');
    expect(issued.kind).toBe('not_in_notices');
    expect(renderAnswer(issued)).toMatch(/does not state the date it was issued[\s\S]*Propaganda/);
    expect(renderAnswer(await ask('2022年通知是哪天发布的？'))).toContain('2022年11月9日');
    // A province's own theme: not given; the national theme is, and is cited.
    const local = await ask('2024年四川省活动周用的地方主题是什么?');
    expect(local.kind).toBe('not_in_notices');
    expect(renderAnswer(local)).toMatch(
      /没有写明四川省自己的地方主题[\s\S]*让学习成为一种生活方式/,
    );
    expect((await ask('2024年四川活动周主题是什么')).kind).toBe('fact');
    // Nor a livestream of the opening.
    const stream = await ask(
      'is there a livestream link for the 2022 opening ceremony in changsha? want to watch from home',
    );
    expect(stream.kind).toBe('not_in_notices');
    expect(renderAnswer(stream)).toMatch(/^The notices do not state a livestream/);
    // No notice gives a fax number: said plainly, then the contacts they do give.
    const fax = await ask('請問中國成人教育協會有冇傳真號碼?');
    expect(fax.kind).toBe('not_in_notices');
    expect(renderAnswer(fax)).toMatch(/^通知中沒有寫明傳真號碼。[\s\S]*010-58582578/);
    // A detail the notices do give is still answered: the ceremony's place.
    expect((await ask('2022年开幕式在哪里举办？')).kind).toBe('fact');
    // 2024's ceremony is to be arranged: asked when and where, that is not given; asked whether
    // there is one, there is.
    const when = await ask(
      'On what date and in which city was the national opening ceremony of the 2024 Week held?',
    );
    expect(when.kind).toBe('not_in_notices');
    expect(renderAnswer(when)).not.toMatch(/April to early December/);
    const whether = await ask('is there a national opening ceremony in 2024 and when is it');
    expect(whether.kind).toBe('fact');
    expect(renderAnswer(whether)).toMatch(
      /^Yes: .*will be held, but does not state a date or place/,
    );
  });

  it('reads how a term is put ("keeps saying X, what is that in English") as no topic (issue 9)', async () => {
    const term = await ask(
      "the 2022 notice keeps saying 百姓学习之星 — what's that in english and what kind of people are they?",
    );
    expect(term.kind).not.toBe('not_in_notices');
    expect(renderAnswer(term)).toMatch(/Stars? of People's Learning/);
    // Asked for both languages, the answer stays in the asker's, with the notice's words beside it.
    const both = await ask(
      "wat's the 2022 learning week slogan? pls give it in chinese and english",
    );
    expect(both.language).toBe('en');
    expect(renderAnswer(both)).toMatch(/lifelong learning towards the future[\s\S]*學習貫徹二十大/);
  });

  it('answers "is there anything for…" with the sentence that lists what there is (issue 9)', async () => {
    expect(renderAnswer(await ask('我妈妈六十多岁了,2022年活动周有针对老年人的活动吗?'))).toMatch(
      /智能手机应用/,
    );
    expect(
      renderAnswer(
        await ask(
          'im 70 and not great with tech. does the 2024 week do anything for older readers like me',
        ),
      ),
    ).toMatch(/large-character version, sound book/);
  });

  it('answers the sentences that ask, not the ones that say why (issue 9)', async () => {
    const email = await ask(
      "whats Li Yisheng's email address? need to send him something about the 2024 week",
    );
    expect(email.kind).toBe('not_in_notices');
    expect(renderAnswer(email)).not.toMatch(/submit the/);
    // A second question opened by "and" is still a question.
    const two = renderAnswer(
      await ask('2024 notice doc number? and where do the annex 2/3 forms get sent'),
    );
    expect(two).toMatch(/Vocational and Adult Education/);
  });

  it('quotes the signature and addressee lines only when asked who issued or received a notice', async () => {
    const role = renderAnswer(await ask("2024 - what's the role of the propaganda depts?"));
    expect(role).not.toContain('General Office of the General Trade Union');
    expect(role).not.toMatch(/Federation of Trade Unions:/);
    expect(renderAnswer(await ask('who is the 2024 notice addressed to?'))).toMatch(
      /Federation of Trade Unions:/,
    );
  });

  it('answers across languages from a reviewed rendering, labelled, the original cited (issue 9)', async () => {
    const venues = await ask(
      'Which public venues should open up more to community residents according to the 2022 notice?',
    );
    const text = renderAnswer(venues);
    expect(venues.language).toBe('en');
    expect(text).toContain('libraries, science and technology museums, cultural centers, museums');
    expect(text).toContain('(Working translation by the project');
    // The source quoted beside is the Chinese notice's own sentence, verbatim.
    const quote = venues.citations.find((c) => c.quote.includes('圖書館'))!;
    expect(quote.source).toBe('notice-2022');
    expect(index.cleaned['notice-2022']).toContain(quote.quote);
    expect(quote.section).toMatch(/^二、活動內容/);

    const reading = await ask('2024年通知讲老年人数字阅读，会提供什么资源？');
    const zh = renderAnswer(reading);
    expect(zh).toContain('扩大大字版、有声读物资源供给');
    expect(zh).toContain('非官方中文原文');
    expect(reading.citations[0]!.quote).toMatch(/large-character version/);
    expect(index.cleaned['notice-2024']).toContain(reading.citations[0]!.quote);
    // Traditional readers get the rendering in their script.
    expect(renderAnswer(await ask('2024年通知講老人家數字閱讀,會提供咩資源?'))).toContain(
      '擴大大字版、有聲讀物資源供給',
    );
  });

  it('does not refuse over a word that only frames the question, and keeps off-topic asks out (issue 9)', async () => {
    const people = renderAnswer(
      await ask('How many people took part in the 2022 Lifelong Learning Week?'),
    );
    expect(people).not.toContain('“took”');
    expect(people).toMatch(/^The notices do not state participation figures/);
    const food = await ask('Can you recommend a good Sichuan restaurant in Changsha?');
    expect(food.kind).toBe('out_of_scope');
    expect((await ask('Hey there, good morning!')).kind).toBe('greeting');
  });

  it('answers questions about the shape of a section from its headings, each cited (issue 9)', async () => {
    const parts = await ask('2024年活动内容有哪几项？');
    expect(parts.intent).toBe('outline');
    const text = renderAnswer(parts);
    expect(text).toContain('2024年通知“四、活动内容”部分共5项：');
    // Each part with the sentence that opens it, cited from the English copy it renders.
    expect(text).toContain('- （二）深入开展常态化学习活动：深入开展全民阅读活动');
    expect(text).toContain('- （五）数字赋能全民学习：积极建设终身学习数字化智能服务平台');
    expect(
      parts.citations.some((c) =>
        c.quote.startsWith('Carry out in-depth reading activities for the whole people'),
      ),
    ).toBe(true);
    // A long opening sentence is cut after a clause, marked, and quoted as far as shown.
    const english = renderAnswer(
      await ask('what are the main kinds of activities in the 2022 notice?'),
    );
    expect(english).toContain(
      '- (4) Continue to guide and support reading and learning for all: All localities shall',
    );
    expect(english).toMatch(/- \(1\) [^\n]+: During the Week, all localities shall[^\n]+…\n/);
    const fifth = renderAnswer(await ask('What does the fifth item of the 2022 activities say?'));
    expect(fifth).toMatch(/^Part 5 of “2\. Activities” in the 2022 notice is “\(5\) Encourage/);
    expect(fifth).toContain('achievements of 10 years of lifelong learning');
    // A question about one thing in a section is not a question about its parts.
    const reading = await ask('2022年阅读活动有哪些形式？');
    expect(reading.intent).not.toBe('outline');
    // ...and a question for a list gets the sentence that lists.
    expect(renderAnswer(reading)).toContain('好书推荐、好书诵读、书友会、读书沙龙');
  });

  it('says what a term of the Week is from the sentences that describe it, each year cited (issue 9)', async () => {
    const star = await ask('百姓学习之星指的是哪类人啊');
    expect(star.intent).toBe('definition');
    const text = renderAnswer(star);
    expect(text).toContain('2022年通知这样描述“百姓学习之星”：');
    expect(text).toContain('创新学习方法、坚持自主学习、带动群众学习的“学习之星”');
    expect(text).toContain('2024年通知这样描述“百姓学习之星”（据英文本的工作译文，原文见出处）：');
    expect(star.citations.map((c) => c.source)).toEqual(['notice-2024', 'notice-2022']);
    // A Chinese term in an English question: the term is kept (no 智慧 → 智能), the answer English.
    const help = renderAnswer(await ask("what's 智慧助老 in the 2022 notice about"));
    expect(help).toContain('How the 2022 notice describes “Smart Help for Older People”');
    expect(help).toContain('using smartphone applications');
    // 一省一案 is a term of the 2024 copy ("one province and one case"), asked in Cantonese too.
    for (const q of ['“一省一案”是啥意思？', '2024年組織保障入面講嘅「一省一案」係咩嚟㗎']) {
      const plan = renderAnswer(await ask(q));
      expect(plan, q).toMatch(/2024年通知(这样|這樣)描述“一省一案”/);
      expect(plan, q).toMatch(/实施方案|實施方案/);
    }
    // Who qualifies ("有什么条件", 咩條件, "who qualifies", 评选标准) is told from the same sentences,
    // not from a heading; the materials' requirements stay a submission question.
    for (const q of [
      '百姓学习之星是怎么选的？有什么条件？',
      '百姓學習之星要符合咩條件？',
      "who qualifies as a star of people's learning?",
      '终身学习品牌项目的评选标准是什么',
    ])
      expect((await ask(q)).intent, q).toBe('definition');
    expect((await ask('百姓学习之星的材料有什么要求')).intent).toBe('submission');
    // A word the notices never use is not a definition question.
    expect((await ask("What is the prize for a Star of People's Learning?")).kind).toBe(
      'not_in_notices',
    );
  });

  it('lists the parts of a whole notice, and keeps a new question apart from the last one (issue 9)', async () => {
    const english = renderAnswer(await ask('what are the main sections of the 2022 notice'));
    expect(english).toContain('The body of the 2022 notice has 5 parts:');
    expect(english).toContain('- 4. Publicity');
    // Asked next, in Chinese, by the same user: its own question, not a follow-up of the last.
    const chinese = renderAnswer(await ask('2024年通知分哪几部分'));
    expect(chinese).toContain('2024年通知正文分为5个部分：');
    expect(chinese).toContain('- 五、组织保障');
  });

  it('answers "what does part N say" with that section of the notice, however it is asked (issue 9)', async () => {
    // "一共" holds 一, which names no section: the whole notice's parts, not section 一.
    const all = renderAnswer(await ask('2022年那个通知一共分几部分，分别是什么'));
    expect(all).toContain('2022年通知正文分为5个部分：');
    expect(all).toContain('- 五、其他事项');
    const fifth = renderAnswer(await ask('2024年通知第五部分讲的啥'));
    expect(fifth).toContain('2024年通知的第5部分是“五、组织保障”');
    expect(fifth).toContain('- （二）加大宣传力度');
    const covers = await ask('what does section 5 of the 2024 notice cover');
    expect(renderAnswer(covers)).toContain(
      'Part 5 of the 2024 notice is “5. Organizational guarantee”',
    );
    const english = renderAnswer(await ask('What does section 5 of the 2022 notice say?'));
    expect(english).toContain('Part 5 of the 2022 notice is “5. Other matters”');
    expect(english).toContain('Before 10 January 2023');
    // Naming the section as well, in Cantonese: still that section, not a part of it.
    const third = renderAnswer(await ask('2022年通知第三部分「活動組織」講咗啲乜'));
    expect(third).toContain('2022年通知的第3部分是“三、活動組織”');
    expect(third).toContain('領導小組');
    // A wrong name for part 3 is not answered as part 3, and "部分" is no unknown topic.
    const wrong = renderAnswer(await ask('2022年通知第三部分宣传讲了什么'));
    expect(wrong).not.toContain('第3部分');
    expect(wrong).not.toContain('“部分”');
  });

  it('reads "old people", "elderly ppl" and "seniors" as the elderly of the English copy (issue 9)', async () => {
    for (const q of [
      'what does the 2024 notice say about digital reading for old people',
      'what does the 2024 notice want done for elderly ppl on digital reading',
    ]) {
      const text = renderAnswer(await ask(q));
      expect(text, q).toContain('large-character version, sound book resources');
    }
  });

  it('reads 搞些什么活动 / 包括啥内容 as asking for a list, and 成果总结 as no work summary (issue 9)', async () => {
    const reading = renderAnswer(await ask('22年全民阅读那块要搞些什么活动'));
    expect(reading).toContain('开展好书推荐、好书诵读、书友会、读书沙龙');
    const decade = await ask('十年成果总结宣传展示具体包括啥内容');
    expect(decade.intent).not.toBe('submission');
    expect(renderAnswer(decade)).toContain('十年来全民终身学习发展成就');
    // The work summary is still a submission.
    expect(renderAnswer(await ask('工作总结什么时候交'))).toContain('2023年1月10日前');
  });

  it('lists the points of a section without numbered parts, by name or by place (issue 9)', async () => {
    const cantonese = await ask('2024年通知嘅總體要求有幾點？係邊幾點');
    const text = renderAnswer(cantonese);
    expect(text).toContain('2024年通知“一、總體要求”部分提出4點：');
    expect(text).toContain('- 注重推進數字化學習。');
    // Each point cited to the English copy's own sentence.
    expect(cantonese.citations.map((c) => c.quote)).toContain(
      'Pay attention to promoting digital learning.',
    );
    const english = renderAnswer(
      await ask('what are the four principles listed under overall requirements in 2024'),
    );
    expect(english).toContain('“1. Overall requirements” in the 2024 notice sets out 4 points:');
    expect(english).toContain('- Persist in highlighting local characteristics.');
    expect(renderAnswer(await ask('2024年通知第一部分讲了什么'))).toContain(
      '- 坚持动员社会各方参与。',
    );
    // A section whose paragraphs open with no such lead is quoted as before.
    expect(renderAnswer(await ask('2022年通知第四部分讲了什么'))).not.toContain('提出');
  });

  it('reads chat shorthand, Cantonese and abbreviations as the notices would (issue 9)', async () => {
    expect((await ask('哈囉～早安')).kind).toBe('greeting');
    expect((await ask('在吗？你好呀')).kind).toBe('greeting');
    const moe = renderAnswer(await ask('2024年教育部嗰邊聯絡人係邊位？電話幾多？'));
    expect(moe).toContain('Li Yisheng，電話 010-66097704');
    const caeaReply = await ask(
      'In 2022, what was the China Adult Education Association expected to do?',
    );
    expect(renderAnswer(caeaReply)).toMatch(
      /^What the 2022 notice gives the China Adult Education Association to do/,
    );
    expect(caeaReply.citations[0]?.quote).toContain('中國成人教育協會將采取多種形式');
    // A year with no such sentence is not answered from another year's: it says so, and
    // another year's sentences come only under that year's heading.
    const unions = renderAnswer(await ask('what are trade unions supposed to do in 2022?'));
    expect(unions).toMatch(/^The 2022 notice gives trade unions nothing to do\./);
    expect(unions.split('unions in various places')[0]).toMatch(/What the 2024 notice gives/);
  });

  it('reads what heldout-27 and -28 showed by kind: who asks, companies and staff, cities, besides (issue 9)', async () => {
    // Saying what one reads is no request for a language; a context sentence sets no detail.
    const dates = await ask(
      "I'm an international student and the 2022 notice is only in Chinese. What were the dates that year?",
    );
    expect(dates.language).toBe('en');
    expect(renderAnswer(dates)).toContain('20–26 November 2022');
    // Who asks ("校长想问:", "奶奶想知道") is no topic; 公司 / 员工 are the notices' 企业 / 职工.
    expect((await ask('校长想问:2022年通知要引导青少年在阅读上做什么?')).kind).not.toBe(
      'not_in_notices',
    );
    expect(
      await text('我们公司想让员工上网课 2024年通知里工会那个职工教育平台全称叫什么'),
    ).toContain('全国工会职工教育培训数字化服务平台');
    // "theme education" is a kind of activity; "host some events" asks no organiser.
    expect(
      await text(
        'In 2024, which local bodies run theme education activities with enterprises and elderly people?',
      ),
    ).toMatch(/Civil affairs \(old age office\) and unions/);
    // An English deadline of something handed in is the submission rule.
    expect(await text('what was the deadline to send in the 2022 work summary?')).toContain(
      '10 January 2023',
    );
    // The issue date asked as 几月几号发布 is said to be missing from the 2024 copy.
    expect(await text('2024年通知是几月几号发布的')).toMatch(
      /^知识库中的2024年通知文本没有写发布日期/,
    );
    // A provincial capital keeps its province's week; a weekend trip is out of scope.
    expect(await text('成都的活动周是哪一周')).toMatch(/^2024年通知没有写成都市活动周的具体日期/);
    expect((await ask('帮我写个周末去成都玩两天的攻略')).kind).toBe('out_of_scope');
    // Besides a body named, the others.
    const others = await text(
      'Besides the Ministry of Education, who else has contacts in the 2024 notice?',
    );
    expect(others).toContain('China Adult Education Association');
    expect(others).not.toContain('Li Yisheng');
    // Approval, a participant cap, booking ahead and a fee are never set.
    expect((await ask('我们单位办活动要不要审批')).kind).toBe('not_in_notices');
    expect((await ask('读书会每场人数有没有上限')).kind).toBe('not_in_notices');
    expect((await ask('参加活动要缴费吗')).kind).toBe('not_in_notices');
  });

  it('reads what heldout-29 and -30 showed by kind: told places, volunteers, bases, English dates (issue 9)', async () => {
    // 幾十年 tells, it does not ask: Hong Kong there is where the asker lives.
    expect(await text('我喺香港住咗幾十年。想問下2022年嗰屆係幾號到幾號?')).toContain(
      '2022年11月20日—26日',
    );
    // 義工 is the notices' 志愿者; 讲义 is no topic when 讲 is a verb.
    expect((await ask('2022年通知有冇講義工可以做啲咩?')).kind).not.toBe('not_in_notices');
    // What a notice is based on is its preamble.
    expect(await text('What document was the 2022 notice drawn up according to?')).toContain(
      'In order to thoroughly study',
    );
    // A year inside an English date is not the year asked about.
    expect(
      await text('Is there a word limit for the work summary due in January 2023 (2022 notice)?'),
    ).toMatch(/^The notices do not set any length or word limit/);
    // "which URLs did it list", "web address", NOU.
    expect(await text('the 2022 notice listed some URLs, right? which?')).toContain(
      'http://www.llaw.org.cn/',
    );
    expect(await text('web address of the NOU platform in the 2022 notice?')).toContain(
      'https://le.ouchn.cn',
    );
    // 推荐了哪些读书活动 asks about the notice's reading activities, not for book tips.
    expect((await ask('22年通知推荐了哪些读书活动的形式')).kind).not.toBe('out_of_scope');
    // What a body will run: the association's part.
    expect(await text('2022年中国成人教育协会会办理哪些宣传推介')).toMatch(
      /^2022年通知对中国成人教育协会的安排/,
    );
    // A formal self-introduction before the question.
    expect(await text('敝人研究成人教育，想请教：2022年通知活动内容共分几项？')).toMatch(/共8项/);
  });

  it('reads what heldout-31 and -32 showed by kind: counts, membership, titles, everyday words (issue 9)', async () => {
    // A body not among the issuers is said to be not among them; the title counts five.
    expect(await text('2024年通知的发文单位里有妇联吗?')).toMatch(
      /^2024年通知的发文和主办单位中没有妇联/,
    );
    expect(await text('Did the All-China Women’s Federation issue the 2024 notice?')).toMatch(
      /does not name “All-China Women’s Federation”/,
    );
    expect(await text('how many departments issued the 2024 notice?')).toContain(
      'names five departments issuing it jointly',
    );
    // Counting contact persons; counting a section's items.
    expect(await text('2022年通知一共列了几位联系人?')).toMatch(
      /^2022年通知共列出6位联系人，分属4个单位/,
    );
    expect(
      await text("How many items are listed under 'activity content' in the 2024 notice?"),
    ).toMatch(/has 5 parts/);
    // "某号以后" is no future year; 持续开展 asks no duration; "be run" asks no time.
    expect((await ask('开幕式通知里定的是哪天?我记得写的是某号以后')).kind).not.toBe(
      'not_in_notices',
    );
    expect(await text('2022年通知里提到要持续开展哪几个书香方面的建设活动?')).toContain('读书之城');
    // An unknown deadline asked 最晚几月几号 is the one thing asked: not given.
    expect((await ask('2024年附件3最晚几月几号要报上去?')).kind).toBe('not_in_notices');
    // 上台讲话 outside a ceremony is no programme question; 农家书屋 is a library.
    expect((await ask('农村致富带头人在活动周要做什么，要上台讲话吗')).kind).not.toBe(
      'not_in_notices',
    );
    // "can't read small letters" is what the large-character version is for.
    expect(
      await text('For 2024, what will they do for old people who cannot read small letters?'),
    ).toMatch(/large-character/);
  });

  it('gives the 2022 list of learning topics when asked by the names people use for it (issue 9)', async () => {
    const zh = renderAnswer(await ask('2022年通知让大家学哪些方面的内容？'));
    expect(zh).toContain('心理健康');
    expect(zh).toContain('代际沟通');
    const en = renderAnswer(
      await ask('What subject areas did the 2022 notice want learning activities to cover?'),
    );
    expect(en).toContain('intergenerational communication');
    // The name alone, without asking which, is no request for the list.
    expect(renderAnswer(await ask('2024年活动内容有哪几个方面'))).not.toContain('代际沟通');
  });

  it('reads what heldout-33 and -34 showed by kind: the year the asking sentence names, weather, language named in passing (issue 9)', async () => {
    // The year the asking sentence names, not the one of the sentence before.
    const number = await text(
      "The 2024 notice has a document number. What's the document number of the 2022 notice?",
    );
    expect(number).toMatch(/^The 2022 notice does not state a document number/);
    expect(number).not.toContain('No. 7');
    // Weather and phone settings are out of scope.
    expect((await ask('天津明天降温不')).kind).toBe('out_of_scope');
    expect((await ask('How do I clear the cache on an Android phone?')).kind).toBe('out_of_scope');
    // "please, the notice is in Chinese" asks for no Chinese answer.
    const theme = await ask('What was the 2022 theme? English please, the notice is in Chinese.');
    expect(theme.language).toBe('en');
    // 持续推动/持续开展 name activities, not a duration.
    expect(await text('2022年通知提到持续推动书香社区、书香之家，还有一个是什么')).toContain(
      '读书之城',
    );
  });

  it('reads what heldout-36 showed by kind: quoted phrases, lists of forms, whole rendered sentences, code questions (issue 9)', async () => {
    // A phrase the question quotes picks the sentence holding it, not the section's opening.
    const pair = await text('2024年终身学习品牌项目巡展里说的“一老一小”是要干啥');
    expect(pair).toContain('一老一小');
    expect(pair).toContain('亲子阅读');
    // A phrase naming a section still gets that section's sentences, not a passing mention.
    expect(await text('2022年“智慧助老”活动主要帮老人学些什么？')).toContain('手机购物');
    // The forms a list gives, when a shorter list of the same passage was chosen first.
    expect(await text('2022年的通知對閱讀活動有什麼建議的形式嗎?我們讀書會想參考')).toContain(
      '書友會',
    );
    // A clause of a rendered sentence is quoted as the whole sentence: the list of areas too.
    const smart = await text(
      "I work with elderly people. What did the 2022 'Smart Helping the Elderly' activities involve?",
    );
    expect(smart).toContain('smartphone applications');
    expect(smart).toContain('mobile phone shopping');
    // One word the notices lack among many they use keeps a definition ("occupational").
    expect(
      await text(
        'In the 2022 notice, which kinds of learning topics were listed - were job/occupational skills among them?',
      ),
    ).toContain('vocational skills');
    // 持續辦 names what is run; 哪幾個 asks for things.
    expect(await text('2024年通知裡提到要持續辦線上學習活動的平台有哪幾個?')).toMatch(
      /开放大学|開放大學/,
    );
    // A page limit is a length no notice sets.
    expect(await text('Is there a word or page limit for the 2022 work summary report?')).toMatch(
      /^The notices do not set any length or word limit/,
    );
    // A programming question is out of scope, a word of a rule ("when") notwithstanding; a
    // question about learning with words the notices lack is not.
    expect(
      (
        await ask(
          'Can you help me fix my Python script, it keeps throwing KeyError when I read a dict',
        )
      ).kind,
    ).toBe('out_of_scope');
    expect((await ask('在这些平台上学习要花钱不 有没有收费标准')).kind).not.toBe('out_of_scope');
  });

  it('reads what heldout-35 showed by kind: afterthought asks, several sites, short lead sentences, Cantonese counts, media limits (issue 9)', async () => {
    // An afterthought after the question asks too, and each site named is given.
    const sites = await text(
      'Is there a dedicated website for the Lifelong Learning Week? the 2022 notice mentions one i think, and the public service platform url too',
    );
    expect(sites).toContain('llaw.org.cn');
    expect(sites).toContain('goschool.org.cn');
    const three = await text(
      'the 2022 notice says some sites should do showcase/publicity work - what are the URLs of China Community Education Network, China Elderly Education Network and the Open University lifelong education platform?',
    );
    for (const url of ['shequ.edu.cn', 'lnjyw.org', 'le.ouchn.cn']) expect(three).toContain(url);
    // A short lead sentence is quoted with the sentence that says what it means.
    expect(
      await text(
        "Does the 2024 notice ask each province to draw up its own plan? I saw 'one province and one case' somewhere",
      ),
    ).toContain('implementation plan');
    // 幾多項 (how many items) in Cantonese asks for the section's outline.
    expect(await text('2024年嗰份通知嘅活動內容有幾多項?可唔可以簡單列一列')).toMatch(
      /共5項[\s\S]*數字賦能全民學習/,
    );
    // The size or number of pictures and videos is a limit no notice sets.
    expect(await text('2024年报典型案例,图片和视频有没有大小或者数量限制?')).toMatch(
      /^通知都没有规定图片或视频的大小、数量方面的限制/,
    );
    // 申报 is how organisers say 推荐; a video's length and format are limits no notice sets.
    expect(await text('申报用的视频最长可以多长？要求什么格式、多大分辨率？')).toMatch(
      /^通知都没有规定时长或格式方面的限制/,
    );
    // "the maximum number of projects one province can put forward" is the quota 2024 does not set.
    expect(
      await text(
        "Under the 2024 notice, what's the maximum number of Lifelong Learning Brand Projects one province can put forward?",
      ),
    ).toContain(
      "The 2024 notice sets no number of Stars of People's Learning or Lifelong Learning Brand Projects",
    );
    // Materials sent to someone, then where the office sits: both answered.
    const two = await text('报送百姓学习之星材料发给谁?2022年通知说的领导小组办公室是设在哪个司?');
    expect(two).toContain('报送至：活动周领导小组办公室');
    expect(two).toContain('办公室设在教育部职业教育与成人教育司');
  });

  it('answers what heldout-43 to -45 showed by kind: a second ask typed as a request or with 啥来着, 对接人, Cantonese issue questions, deadline with the annexes (issue 9)', async () => {
    // The second ask has no question mark: 啥来着, or a request (网址给一下).
    const both = await text(
      '我们村图书馆想跟着搞点活动，2022年那次终身学习活动周是几号到几号啊？主题是啥来着',
    );
    expect(both).toContain('2022年11月20日');
    expect(both).toContain('终身学习向未来');
    expect(await text('国家开放大学终身教育平台活动周期间开放多少门课？网址给一下 谢谢')).toContain(
      'le.ouchn.cn',
    );
    // 对接人 is the contact person; 年会 inside "2022年会开" is no office party.
    expect(await text('22年通知里社区教育研究培训中心那边对接人是谁啊?邮箱电话给一下')).toContain(
      'dur@ouchn.edu.cn',
    );
    const classes = await ask('社区教育研究培训中心那边2022年会开啥公开课啊？在哪个平台看');
    expect(classes.kind).not.toBe('out_of_scope');
    expect(renderAnswer(classes)).toMatch(/数字化转型/);
    // Cantonese: 邊日發出, 邊個部門發.
    const issued = await text('2022年嗰份通知係邊日發出？邊個部門發嘅？');
    expect(issued).toContain('2022年11月9日');
    expect(issued).toContain('教育部辦公廳');
    // Which annexes and by when: the annexes are an answer though no deadline is given.
    const annexes = await ask('2024年省里要报送哪几个附件?截止日期是哪天?');
    expect(annexes.kind).toBe('fact');
    expect(renderAnswer(annexes)).toMatch(/附件2[\s\S]*附件3/);
    expect(renderAnswer(annexes)).toContain('没有写报送截止日期');
    // Annexes listed under their own names (附件1, Annex 2), as the notice's text refers to them.
    expect(await text('2024年通知一共有几个附件？')).toContain('附件2：各地特色亮点');
  });

  it('says what the copy does not hold, as heldout-43 to -45 asked it: pinyin-only names, the fifth department, file formats, how many were chosen (issue 9)', async () => {
    // The Chinese characters of a name the copy gives only in pinyin.
    const name = await text(
      '我们厅要跟部里对接2024活动周，英文版里职成司联系人写的Li Yisheng，中文名是哪几个字？电话多少？',
    );
    expect(name).toContain('只用拼音写了联系人姓名');
    expect(name).toContain('010-66097704');
    // "教育部等五部门" with four in the signature: the body given tasks whose department did not sign.
    const five = await text('2024年那个通知是哪几个部门联合发的?');
    expect(five).toContain('落款只列出四个');
    expect(five).toContain('民政（老龄办）');
    // An e-mail asked with "what is it exactly" after a clause that says who.
    expect(
      await text("I need Li Yisheng's email from the 2024 notice, what is it exactly?"),
    ).toMatch(/^The copy of the 2024 notice in the knowledge base does not give its e-mail/);
    // File formats and sizes, and how many Stars were chosen in the end: not in the notices.
    expect(
      await text(
        'For the 2022 nomination materials, what file formats are accepted for the videos and is there a max file size?',
      ),
    ).toMatch(/^The notices do not set any duration or format limit/);
    expect(await text('2022年全国最后一共评出多少个百姓学习之星啊？有公布名单吗')).toMatch(
      /^通知中没有写明获选的百姓学习之星或品牌项目名单/,
    );
    // One province, one week: the phrase people know, beside the copy's wording.
    expect(
      await text(
        "Is 2024 still one single national week? How does this 'one province, one week' arrangement work?",
      ),
    ).toContain('(one province, one week)');
  });

  it("answers what heldout-46 to -48 showed by kind: issuers with one body's part, fees in Cantonese, our province's week, places not addressed, a call's purpose (issue 9)", async () => {
    // Who issued it, and what the asker's own department does: both.
    const both = await text(
      '我是区委宣传部的,2024年这个活动周是哪几个部门联合发的文?宣传部在里面主要负责干什么',
    );
    expect(both).toContain('中共中央宣传部办公厅');
    expect(both).toContain('各地宣传部门要将全民阅读活动');
    // A fee asked in Cantonese, or beside an unknown requirement, is a limit the notices do not
    // set, not a question outside the Week.
    for (const q of [
      '如果想參加網上活動，要唔要俾錢報名？收費幾多？',
      'How many hours of courses does someone need to complete to count as a participant, and is there an attendance fee?',
      'Are residents charged any fee for the online courses opened on the National Open University platform during the 2022 week?',
    ]) {
      const reply = await ask(q);
      expect(reply.kind, q).not.toBe('out_of_scope');
      expect(renderAnswer(reply), q).toMatch(
        /^(?:通知都沒有規定費用|The notices do not set any fee)/,
      );
    }
    // Unrelated questions, and soup, are outside the Week; "SkillsFuture" is no "future" year.
    for (const q of [
      "Unrelated, but can you summarise Singapore's SkillsFuture Level-Up Programme eligibility for me?",
      '顺便问埋，煲老火汤要煲几耐先够味？',
    ])
      expect((await ask(q)).kind, q).toBe('out_of_scope');
    // The asker's own province, or a province through Annex 1: the annex is not held.
    expect((await ask('我们省2024年排在哪一周?附件1的安排表能发我看下吗')).kind).toBe(
      'not_in_notices',
    );
    const sichuan = await ask('通知里说的附件1，四川省排在哪一周？我们要提前对接场地');
    expect(sichuan.kind).toBe('not_in_notices');
    expect(renderAnswer(sichuan)).not.toContain('2022年11月20日');
    // Taiwan is not among the places the notices are addressed to.
    expect(await text('請問台灣的長輩可以參加嗎?高雄這邊有沒有辦?')).toMatch(
      /^活動周通知是發給各省/,
    );
    // Why the asker will call names no contact; "电话多少" counts no people.
    const call = await text('2024年教育部那边的联系人是谁 电话多少 想打过去问下工会系统咋报送');
    expect(call).toContain('010-66097704');
    expect(call).not.toContain('共列出');
    // The winners, asked in Cantonese or as "who is on the list".
    for (const q of [
      '2022年最後揀咗邊幾位做「百姓學習之星」？有冇香港人入選㗎？',
      '2022年全国一共评出来多少个“百姓学习之星”?我们学校有个学员想看看名单里有没有熟人',
    ])
      expect(await text(q), q).toMatch(/^通知中沒有寫明獲選|^通知中没有写明获选/);
  });

  it('answers what heldout-49 and -50 showed by kind: a pointing word inside its own topic, a closing ceremony, writing requests, the issue date, CONFINTEA (issue 9)', async () => {
    // "facilities that should be used", "那些课要收费吗": the pointing word stays in its sentence,
    // so the sentence after it (I run a library; 我奶奶退休金不多) does not make the question.
    expect(
      await text(
        'Does the 2024 notice name specific public cultural facilities that should be used? I run a municipal library.',
      ),
    ).toContain('libraries, art museums');
    expect(await text('国家开放大学终身教育平台上那些课要收费吗?我奶奶退休金不多')).toMatch(
      /^通知都没有规定费用/,
    );
    // "我只记得有“二十大”几个字" asks no word count.
    expect(await text('想确认下2022年活动周的主题到底是啥?我只记得有"二十大"几个字')).toContain(
      '学习贯彻二十大,终身学习向未来',
    );
    // No notice speaks of a closing ceremony.
    expect(await text('2022年活動週的閉幕式在哪裡辦？幾號？')).toMatch(/^通知中沒有寫明閉幕式/);
    // Writing an exam notice, or a German textbook, is outside the Week.
    for (const q of [
      '顺便帮我写个期末考试通知发给学生,下周三下午考高等数学',
      'On a separate note: could you recommend a good German-language textbook for teaching B1 grammar to adult migrants?',
    ])
      expect((await ask(q)).kind, q).toBe('out_of_scope');
    // The issue date and the office that "put it out"; "which five exactly".
    expect(
      await text(
        "Quick check: what's the issue date on the 2022 notice, and which office put it out?",
      ),
    ).toContain('9 November 2022');
    expect(
      await text("The 2024 notice is from 'five departments' — which five exactly?"),
    ).toContain('General Office of the Central Propaganda Department');
    // CONFINTEA is the International Conference on Adult Education the 2022 notice names.
    expect(
      await text(
        'I recall the 2022 notice asked localities to publicize outcomes of some international conferences — was CONFINTEA in there? what else?',
      ),
    ).toContain('International Conference on Adult Education');
    // "我们省还没发通知" tells; the question is how the Week runs, which the notice answers.
    expect((await ask('2024年的活动周到底啥时候办啊?我们省还没发通知,是全国统一一周吗')).kind).toBe(
      'fact',
    );
    // Word or Excel, a stamp: the notices set no format.
    expect(await text('附件3那个汇总表要用啥格式交,Word还是Excel?纸质要盖章吗')).toMatch(
      /^通知都没有规定时长或格式/,
    );
    // The overall requirements "before the theme" are the requirements.
    expect(
      await text(
        'The 2024 notice lists some overall requirements/principles before the theme - can you summarise them?',
      ),
    ).toContain('Pay attention to inspiring');
    // The 2024 e-mails: said to be hidden where the copy was taken from.
    expect(
      await text(
        "What's Li Yisheng's phone number in the 2024 notice? And his email — I can't make it out in my copy",
      ),
    ).toMatch(/hidden/);
  });

  it('reads a notice phrase called a slogan, a count asked with the platform, and a section named in Chinese in an English question (issue 9)', async () => {
    // 职继协同 is a phrase of the 2022 notice, not its theme.
    const slogans = await ask(
      "The 2022 notice uses the slogans 职继协同 and 院校融入 — what's the context, what are they supposed to achieve?",
    );
    expect(slogans.kind).toBe('extractive');
    expect(renderAnswer(slogans)).toContain(
      'coordination between vocational and continuing education',
    );
    // The theme asked with the Week's Chinese name is still the theme.
    expect(
      await text(
        'What is the theme of the 2024 National Lifelong Learning Week (全民终身学习活动周)?',
      ),
    ).toContain('Make learning a lifestyle');
    // "how many courses": the sentence with the figure, not the online classes without one.
    expect(
      await text(
        'my grandma in guangzhou wants to take some online classes during the 2022 week, what platform and how many courses were opened?',
      ),
    ).toContain('10,000');
    // "(活动内容)" names the section; an English asker gets its English headings.
    const items = await text(
      'what are the main activity items (活动内容) listed in the 2024 notice? just a summary',
    );
    expect(items).toContain('(1) Innovate special learning activities');
    expect(items).not.toMatch(/（一）/);
    // What the copy's garbled name is supposed to do is their part, not what the name means;
    // "go to schools" is the notices' "enter the campus".
    const stars = await text(
      "ok and what are the 'Star of People Learning' people supposed to do in 2024? go to schools or smth?",
    );
    expect(stars).toContain('enter the campus, community, and enterprise');
    expect(stars).not.toContain('rough machine translation');
    // "recognition of learning outcomes" is the copy's "identification … of learning results".
    expect(
      await text(
        'Does the 2024 notice talk about personal lifelong learning accounts (终身学习账户) or recognition of learning outcomes (credit-bank style)?',
      ),
    ).toContain('personal lifelong learning accounts');
  });

  it('reads what the ninth session left: the week website, each body asked at once, a count with its url, ten years (issue 9)', async () => {
    // "the week website" is the Week's own site, not every site of the notice; "the 2022 week"
    // beside another body's site names no site.
    const week = await text("what's the url of the week website?");
    expect(week).toContain('llaw.org.cn');
    expect(week).not.toContain('goschool.org.cn');
    expect(
      await text(
        'What role did 中国成人教育协会 (CAEA) play in the 2022 week, and what is its website?',
      ),
    ).toContain('caea.org.cn');
    // 各自要干嘛: every body named gets its own sentence.
    const bodies = await text('2024年宣传部、文旅、民政和工会各自要干嘛');
    expect(bodies).toContain('各地宣传部门要将全民阅读活动');
    expect(bodies).toContain('各地文化和旅游部门要用好');
    expect(bodies).toContain('民政（老龄办）和工会结合企业');
    expect(bodies).not.toContain('办公厅');
    // A count and a url in one sentence: both answered.
    const both = await text(
      'how many open courses does the 2022 notice promise on the platform and whats the url',
    );
    expect(both).toContain('le.ouchn.cn');
    expect(both).toContain('10,000 high-quality courses');
    // "ten-year" is the 2022 notice's 10 years (not its 10,000 courses).
    expect(await text('what was the ten-year part of the 2022 notice about')).toMatch(
      /^The 2022 notice \(2\. Activities › \(5\)/,
    );
  });

  it('reads what heldout-58 showed by kind: a pasted line of a notice in quotes, poor eyes, which copy one has, headcounts, "max", appraisal forms (issue 9)', async () => {
    // A line of a notice pasted in quotes is the notice's language; the words around it are
    // the asker's.
    for (const [q, language] of [
      [
        '“應于2022年10月底前將本地活動周方案、3—5名“百姓學習之星”和3—5個“終身學習品牌項目”的材料報送” 这句啥意思 到底要交几样东西',
        'zh-Hans',
      ],
      ['“Adhere to the ‘one province and one case’” 这句啥意思 中文原文应该是啥', 'zh-Hans'],
      [
        '2024 notice 講 “Star of the People” 要入 campus、community、enterprise,即係點做?',
        'zh-Hant',
      ],
      ['What does “一省一案” mean?', 'en'],
      // Words around the quote written alike in both scripts: the whole message decides.
      ['2024年的附件3「全民終身學習活動開展情況匯總表」要在哪一天之前交?', 'zh-Hant'],
    ] as const)
      expect((await ask(q)).language, q).toBe(language);
    // 眼睛不太好 is why one asks for large print; 我只找到英文版 tells which copy.
    expect(
      await text(
        '阿嬤眼睛不太好,2024年那份通知(我只找到英文版)有沒有說要給老人家提供大字版或有聲書?',
      ),
    ).toContain('大字版');
    // How many older adults took part: no figure is given (no quota in its place).
    expect(
      (
        await ask(
          'How many older adults actually took part in the 2022 Learning Week? Are there any participation figures in the notice?',
        )
      ).kind,
    ).toBe('not_in_notices');
    // "max video file size": a limit the notices do not set.
    expect(
      await text(
        "for the 2022 submission materials (text, video, pictures, teaching resources) - what's the max video file size / length / format? ugh",
      ),
    ).toMatch(/^The notices do not set any/);
    // A civil servant's appraisal form is outside the Week.
    expect(
      (await ask('顺便问下,县里公务员年度考核登记表的“个人总结”一栏一般写多少字合适啊')).kind,
    ).toBe('out_of_scope');
  });

  it("answers a line of a notice pasted in quotes: found through a gap the asker left and another script, quoted whole with its section, in the asker's language, with the sentence after or before when asked (issue 9)", async () => {
    // A gap (……) the asker left is filled in; "后面还说…" adds the sentence after.
    const gap = await text(
      '“要切实防止……做到真正有实效” 中间那段我复制漏了,原文是要防止啥?后面还说确保什么来着',
    );
    expect(gap).toMatch(/^这句出自2022年通知（三、活动组织），补全后的整句是：/);
    expect(gap).toContain('要切实防止流于表面形式,做到真正有实效');
    expect(gap).toContain('后面一句是：');
    expect(gap).toContain('确保安全、高效、节俭');
    // A Chinese line asked about in English: the reviewed rendering, labelled, the original cited.
    const english = await ask(
      '"各地要积极邀请新闻媒体就活动周开幕式及相关活动进行宣传报道" what does this line mean?',
    );
    const englishText = renderAnswer(english);
    expect(englishText).toMatch(/^This line is from the 2022 notice \(四、活動宣傳\)/);
    expect(englishText).toContain('Working translation');
    expect(englishText).toContain('invite news media');
    expect(english.citations[0]?.quote).toContain('各地要積極邀請新聞媒體');
    // A short English line asked about in Chinese: its rendering, and the sentence that
    // explains it.
    const short = await text(
      "“Adhere to the 'one province and one case'” 这句啥意思 中文原文应该是啥",
    );
    expect(short).toContain('坚持“一省一案”');
    expect(short).toContain('实施方案');
    // The sentence before, asked in Traditional script.
    const before = await text(
      '「各地在活動開展過程中要嚴格執行屬地疫情防控有關規定」前面一句係咩?',
    );
    expect(before).toMatch(/^前面一句是：/);
    expect(before).toContain('做到真正有實效');
    // "那后面一句呢" after a pasted line: the same line, and the sentence after it.
    const asked = await text(
      '“各地要积极邀请新闻媒体就活动周开幕式及相关活动进行宣传报道” 这句出自哪里',
    );
    expect(asked).toMatch(/^这句出自2022年通知（四、活动宣传）/);
    expect(asked).not.toContain('各地要积极为城乡社区居民提供');
    const next = await text('那后面一句呢');
    expect(next).toMatch(
      /^后面一句（2022年通知，四、活动宣传）是：\n\n> 各地要积极为城乡社区居民提供/,
    );
    expect(next).not.toContain('各地要积极邀请新闻媒体');
    // Each further step goes on from the last sentence shown, into the next section, and ends.
    expect(await text('再后面一句')).toMatch(
      /^再后面一句（2022年通知，四、活动宣传）是：\n\n> (?!各地要积极为)/,
    );
    expect(await text('再往后呢')).toMatch(/^再后面一句/);
    const back = await text('上一句呢');
    expect(back).toMatch(/^前面一句（2022年通知/);
    expect(back).not.toContain('各地要积极邀请新闻媒体');
    const own = async (q: string) => renderAnswer(await ask(q, { userId: 'u-steps' }));
    const last = await own(
      '"Contacts and telephones of the China Adult Education Association: Huang Xiaochen" 这句出自哪里',
    );
    expect(last).toMatch(/^这句出自2024年通知/);
    let end = '';
    for (let i = 0; i < 12 && !/后面没有了/.test(end); i++) end = await own('下一句');
    expect(end).toBe('后面没有了：这已是2024年通知的最后一句。');
    // A step asked in English after a Chinese question is answered in English.
    expect(await own('and the one before?')).toMatch(/^The sentence before it \(2024 notice/);
    // Asked in English, the step is told in English.
    await own(
      '"Contacts and telephones of the China Adult Education Association: Huang Xiaochen" which section is this line from?',
    );
    expect(await own('and the one before?')).toMatch(
      /^The sentence before it \(2024 notice, 5\. Organizational guarantee › \(2\) Increase publicity\):\n\n> email: \[e-mail address not preserved in this copy\]\./,
    );
    // A quoted line asked something else is not a question about the line.
    expect(
      await text(
        '“各地要积极邀请新闻媒体就活动周开幕式及相关活动进行宣传报道” 2024年也有类似要求吗',
      ),
    ).not.toMatch(/^这句出自/);
  });

  it('reads what heldout-60 and -61 showed by kind: 发给我, 怎么回事, food in Cantonese, a least number of events, outlines asked with how the list is wanted, "when it talks about", two terms compared, a definition beside a quota, roles of all but one body, "say" as an ask (issue 9)', async () => {
    // "孙女发给我一个英文的…通知" tells who sent it; it does not ask for the addressees.
    expect(
      await text('孙女发给我一个英文的2024年通知，我看不懂，今年活动周的主题是啥子嘛'),
    ).toContain('让学习成为一种生活方式');
    // 怎么回事 asks what a thing is about; it is no topic the notices lack.
    const oldYoung = await ask(
      '2024年通知里说的“一老一小”是怎么回事？我们想搞亲子阅读能不能往这上面靠',
    );
    expect(oldYoung.kind).toBe('extractive');
    expect(renderAnswer(oldYoung)).toContain('关注“一老一小”');
    // Good food in Changsha, asked in Cantonese, is outside the Week (推介 is no topic here).
    expect((await ask('順便問埋，長沙有咩好嘢食推介？我十一月上去行下')).kind).toBe('out_of_scope');
    // How many events each province must hold: a least number the notices do not set.
    expect(
      await text(
        'how many events does each province have to hold at minimum in 2024? is there like a number',
      ),
    ).toMatch(/^The notices do not set any minimum number/);
    // An outline asked beside who asks and how the list is wanted.
    const points = await text(
      '我在寫一篇兩岸終身學習政策比較的稿子，2024年活動周的總體要求有哪幾點？可以幫我條列一下嗎',
    );
    expect(points).toMatch(/^2024年通知“一、總體要求”部分提出4點/);
    expect(points).toContain('注重推進數字化學習');
    for (const q of [
      'Could you give me a brief overview of the main activity areas the 2022 notice asks localities to carry out? Bullet points are fine.',
      'How many activities did the 2022 notice list?',
    ])
      expect(await text(q), q).toMatch(/^“2\. Activities” in the 2022 notice has 8 parts/);
    // "when it talks about …" says where the notice speaks, not a time.
    expect(
      await text(
        'Which kinds of regions does the 2022 notice prioritise when it talks about opening up and sharing quality learning resources?',
      ),
    ).toContain('old revolutionary base areas');
    // Two terms compared: each described.
    for (const q of [
      "The 2024 notice mentions both 'one province and one case' and 'one province and one week'. How do the two differ?",
      '一省一案和一省一周有什么区别？',
    ]) {
      const both = await text(q);
      expect(both, q).toMatch(/one province and one case|一省一案/);
      expect(both, q).toMatch(/describes “one province and one week”|描述“一省一周”/);
    }
    // What a Star is, asked beside how many to send: both answered.
    const star = await text(
      '欸 通知裡面一直出現的『百姓學習之星』到底是什麼啊？是要表揚哪種人？每個省要報幾個？（2022年那份）',
    );
    expect(star).toContain('3—5名');
    expect(star).toContain('堅持自主學習');
    // A slogan pasted with a gap at its end: the whole line.
    expect(
      await text(
        "theres a slogan in the 2024 notice like 'everyone can learn ...' whats the full line",
      ),
    ).toContain('everyone can learn, can learn everywhere');
    // Poor eyesight asks for large print; recognising prior learning is the notice's
    // identification and accumulation of learning results.
    expect(
      await text(
        "How does the 2024 notice propose to support older learners, particularly with reading? My aunt has macular degeneration so I'm curious about accessibility.",
      ),
    ).toContain('large-character version');
    expect(
      await text(
        "Does the 2024 notice say anything about recognising prior learning or credit accumulation? I'm comparing with European RPL and micro-credential frameworks.",
      ),
    ).toContain('accumulation and conversion of learning results');
    // The document number, and what annexes 2 and 3 are.
    const annexes = await text(
      '请提供2024年通知的文号，另外附件2、附件3分别是什么内容？我们准备按要求填报。',
    );
    expect(annexes).toContain('[2024] No. 7');
    expect(annexes).toContain('附件2：各地特色亮点');
    // Every body but education: not the education departments' part.
    const others = await text(
      'What does the 2024 notice expect from each of the non-education departments, i.e. propaganda, culture and tourism, civil affairs and the trade unions?',
    );
    expect(others).toContain('What the 2024 notice gives propaganda departments to do');
    expect(others).toContain('culture and tourism departments');
    expect(others).not.toContain('gives education departments');
    // What the Ministry itself does.
    expect(
      await text(
        'does the MOE itself do any national publicity for the 2024 week or is it all left to provinces?',
      ),
    ).toContain('organize central media for publicity');
    // "那块咋说的": what the notice says there, the short passage whole.
    expect(await text('读书活动那块 2022年通知咋说的 书香社区啥的 我们图书馆最关心这个')).toContain(
      '书友会、读书沙龙',
    );
  });

  it('reads what heldout-58 and -59 left by kind: a ticket price, another meeting\'s time and place, video megabytes, the tentative day, a full phrase, Loying Reading Clubs, "but" between two asks (issue 9)', async () => {
    // A ticket price for the opening: a fee the notices do not set, not off-topic.
    expect(
      await text('how much does it cost to attend the opening ceremony? ticket price?'),
    ).toMatch(/^The notices do not set any fee/);
    // Where and when another meeting was held: the notices name it, never its time or place.
    const meeting = await ask(
      'According to the 2022 notice, where and when was CONFINTEA VII held?',
    );
    expect(meeting.kind).toBe('not_in_notices');
    expect(renderAnswer(meeting)).not.toContain('20–26 November');
    // How many megabytes a video may be: not set.
    expect(await text('2022年报送百姓学习之星材料,那个视频最大几多兆啊?超咗会唔会唔收')).toMatch(
      /^通知都没有规定图片或视频的大小/,
    );
    // The tentative day asked for is the answer ("暂定11月23日之后"), not a day withheld.
    const tentative = await ask('2022年全国开幕式原本定在几号以后啊,我记得系暂定嘅');
    expect(tentative.kind).toBe('fact');
    expect(renderAnswer(tentative)).toContain('暂定11月23日之后');
    // "the full phrase" of a pasted slogan with a gap.
    expect(
      await text(
        "For my lit review: the 2024 notice's goal slogan, 'everyone can learn ...' - what's the full phrase?",
      ),
    ).toContain('everyone can learn, can learn everywhere');
    // A garbled name of the 2024 copy: what its original most likely says.
    expect(
      await text('英文版通知寫 “Loying Reading Clubs” 是什麼東西?是給老人家的讀書會嗎'),
    ).toContain('樂齡讀書會');
    // "dated in November but … submit the plan by end of October": both parts answered.
    const both = await text(
      '2022 notice, section 5 - the notice is dated in November but it says submit the plan by end of October?? did I misread something',
    );
    expect(both).toContain('9 November 2022');
    expect(both).toContain('the end of October 2022');
  });

  it("reads what heldout-63 showed by kind: professional titles, a stated tentative day, credits, annexes and where they go, the Ministry's own part, the months beside one city's week, a pasted slogan asked how many years, chat shorthand (issue 9)", async () => {
    // A teacher's professional title is outside the Week.
    expect((await ask('顺便问一下,北京今年社区学院教师评职称的条件有没有变化?')).kind).toBe(
      'out_of_scope',
    );
    // "我记得说是23号以后": the tentative day is the answer.
    expect((await ask('2022年活动周全国总开幕式定在哪天?我记得说是23号以后?')).kind).toBe('fact');
    // Study hours or credits: not set.
    expect(await text('24年通知说支持学习成果认定积累转换,有没有具体学时或学分要求?')).toMatch(
      /^通知都没有规定学时或学分/,
    );
    // The annexes, and where they are sent.
    const annexes = await text('2024年的通知要求报送的附件有哪几个?报给哪个司?');
    expect(annexes).toContain('附件3：2024年全民终身学习活动开展情况汇总表');
    expect(annexes).toContain('报送至：教育部职业教育与成人教育司');
    // What the Ministry itself will do, asked far from "anything" and beside "on the websites".
    expect(
      await text(
        'How does the 2024 notice want the Week publicised? Does the Ministry of Education itself commit to doing anything?',
      ),
    ).toContain('organize central media');
    const moe = await text('2024通知里教育部会在网站上选用啥材料宣传?典型案例啥时候报');
    expect(moe).toContain('教育部将在相关网站选登各地案例、图片、视频');
    expect(moe).toContain('各地典型案例可随时报送');
    // The months, beside a city's own week the annex holds: an answer, in part.
    const months = await ask('24年的活动周是哪几个月办的?我们深圳(广东)具体是哪一周啊');
    expect(months.kind).toBe('fact');
    expect(renderAnswer(months)).toContain('2024年4月至12月上旬');
    // How many years the summary covers ("总结几年") is the ten years', not the work summary.
    expect(
      await text('通知裡面說要「講好全民終身學習故事」,那個成果總結是要總結幾年的啊?'),
    ).toContain('十年來全民終身學習發展成就');
    // Two numbered asks: each searched on its own, so the preamble's 20th Congress is found
    // beside the platforms.
    const two = await text(
      'Two quick ones on 2024: (1) does the notice explicitly reference the 20th Party Congress? (2) which online platforms does it name for continuing online learning activities?',
    );
    expect(two).toContain('20th National Congress');
    expect(two).toContain('National Open University');
    // "abt", "what exactly": chat shorthand and how sure, no topic the notices lack.
    expect(
      await text(
        'my son is 11 and hates reading lol. the 2022 notice said something abt young ppl and reading? what exactly',
      ),
    ).toContain('Guide young people to develop reading habits');
  });

  it('reads what heldout-62 showed by kind: the months beside our province\'s week, a place the asker tells of set off by a space, a coding scheme\'s outline, how the opening actually went, the issuing date beside a doubt, addressees compared across years, "say anything about" (issue 9)', async () => {
    // The months the Week spans and what 一省一周 means are answered; our province's week is
    // in the annex the knowledge base lacks: an answer in part, not a refusal.
    const months = await ask(
      '今年不是一个礼拜了吗 听说24年是从几月搞到几月 一省一周是啥意思 我们省轮到哪周也不知道',
    );
    expect(months.kind).toBe('fact');
    expect(renderAnswer(months)).toContain('2024年4月至12月上旬');
    // "我系广州嘅退休老师 想问下…": Guangzhou tells who asks; the question is about classes.
    expect(
      await text('我系广州嘅退休老师 想问下22年活动周有冇教老人家用手机嘅课 喺边度上网学得到啊'),
    ).toContain('智能手机应用');
    // A terse place and question set off by a space still name the place asked about.
    expect(await text('河南24年活动周 排在哪一周')).toContain('河南');
    // What the study is for and how the list is wanted name no section.
    expect(
      await text(
        'For my coding scheme: what are the five activity-content items listed in the 2024 notice? Short labels are fine.',
      ),
    ).toMatch(/^“Fourth, activity content” in the 2024 notice has 5 parts/);
    // Whether the ceremony was held in person or online: a notice written before it cannot say.
    expect(
      (
        await ask(
          'In 2022, did the Changsha opening ceremony actually take place in person, or was it moved online because of COVID?',
        )
      ).kind,
    ).toBe('not_in_notices');
    // The issuing date, and the deadline the asker doubts ("It seems odd that …").
    const doubt = await text(
      "What's the issuing date of the 2022 notice and who issued it? It seems odd that the plan deadline is the end of October if it came out in November.",
    );
    expect(doubt).toContain('9 November 2022');
    expect(doubt).toContain('the end of October 2022');
    expect(doubt).not.toContain('runs 20–26 November');
    // Addressees compared across years: both notices' lines.
    const addressees = await text(
      'Compared with 2022, who is the 2024 notice addressed to? The list of recipients seems much broader.',
    );
    expect(addressees).toContain('Departments (commissions) of education of all provinces');
    expect(addressees).toContain('the Propaganda Department of the Party Committee');
    // "Does the notice say anything about …" asks what it says, not what a body does.
    expect(
      await text('Does the 2024 notice say anything about workers or trade unions?'),
    ).not.toMatch(/^What the 2024 notice gives/);
  });

  it("reads what heldout-64 showed by kind: a doubt told before it asks, the garbled document number, 係咩 after a garble, Sichuan 好久到好久, 原话, 偏鄉 and 少數民族地區, principles named in English, a term's Chinese original (issue 9)", async () => {
    // "Something odd in my notes: … October, yet … dated in November. Is that really what it
    // says?": the deadline and the issue date.
    const doubt = await text(
      'Something odd in my notes: the 2022 notice apparently told provinces to submit their plans by the end of October, yet the notice itself is dated in November. Is that really what it says, or did I get a date wrong?',
    );
    expect(doubt).toContain('the end of October 2022');
    expect(doubt).toContain('9 November 2022');
    // The copy's garbled document number is a document number.
    expect(
      await text(
        'The header line of the 2024 notice reads "Faculty of Cheng Chengxiang [2024] No. 7". Is that the name of some office?? What is that line actually',
      ),
    ).toMatch(/stands for the document number[\s\S]*Faculty of Cheng Chengxiang \[2024\] No\. 7/);
    // 係咩嚟 asks what a garbled phrase means.
    expect(
      await text(
        '2024 English copy says to combine "local red culture and non-genetic inheritance"... \'non-genetic inheritance\' 係咩嚟?? surely not biology haha',
      ),
    ).toContain('intangible cultural heritage');
    // Sichuan 好久到好久 asks when.
    expect(await text('2022年那个全民终身学习活动周是好久到好久哦?我们县头要排个表')).toContain(
      '2022年11月20日—26日',
    );
    // 专门, 原话 ask for the notice's own words; 偏鄉 and 少數民族地區 are its 边远地区, 民族地区.
    expect(await text('2022年通知里面有没有专门提到博物馆?原话大概是怎么说的')).toContain('博物馆');
    const regions = await ask('請問2022年通知有沒有提到偏鄉或少數民族地區?是怎麼說的');
    expect(regions.kind).toBe('extractive');
    expect(renderAnswer(regions)).toMatch(/民族地區|邊遠地區/);
    // The principles of a section named in English, asked in Chinese: in Chinese.
    expect(
      await text('2024年英文通知的 Overall requirements 底下好像有四個原則,可以幫我用中文整理嗎?'),
    ).toMatch(/^2024年通知“一、總體要求”部分提出4點/);
    // What a garbled term of the copy is in Chinese.
    expect(
      await text("2024份英文通知成日講 'Star of People Learning',中文原本應該係乜嘢?"),
    ).toContain('百姓學習之星');
  });

  it('reads what heldout-65 to -69 showed by kind: a typhoon signal, a date checked in shorthand, winners asked in Cantonese, an age for the elderly, galleries, a few people told of, a count a list answers, 二二年, 家长 and emphasis words (issue 9)', async () => {
    // Hong Kong weather is off the topic, not a question about when the Week is.
    expect((await ask('今晚打風會唔會停課呀?天文台掛咗幾號波?')).kind).toBe('out_of_scope');
    // "fact check: … ran nov 20-26, correct?": the dates, not "nothing about fact, check, nov".
    const check = await text('fact check: the 2022 lifelong learning week ran nov 20-26, correct?');
    expect(check).toContain('20–26 November 2022');
    expect(check).not.toMatch(/do not mention/);
    // Who was named a Star in the end: the notices publish no list.
    expect(await text('2022年全國「百姓學習之星」最後評咗邊幾位?有冇名單')).toMatch(/沒有|没有|未/);
    // An age for the elderly's activities is no rule the notices set.
    for (const q of [
      "Do older people have to be over 60 to join the 2022 'smart help for the elderly' activities?",
      'From what age does someone count as "elderly" for the smart-aging (智慧助老) courses?',
    ])
      expect(await text(q)).toMatch(/^The notices do not set any age limit or requirement\./);
    // Art galleries are the copy's "art museums".
    const galleries = await text('does the 2024 notice mention museums or art galleries at all?');
    expect(galleries).toContain('art museums');
    expect(galleries).not.toMatch(/do not mention/);
    // "村里几个老姐妹想搞个读书的" tells of a few people: no quota, no figure asked, and 二二年 is 2022.
    const reading = await ask('俺们村里几个老姐妹想搞个读书的二二年那个活动周里头有啥读书活动啊');
    expect(reading.kind).toBe('extractive');
    expect(renderAnswer(reading)).toContain('书友会');
    expect(reading.citations.every((c) => c.year === 2022)).toBe(true);
    // "列了幾個…原則，分別是什麼": the list answers the count; no "not given".
    const principles = await text(
      '2024年的通知在總體要求下面列了幾個「堅持／注重」的原則，分別是什麼？',
    );
    expect(principles).toContain('注重推進數字化學習');
    expect(principles).not.toMatch(/沒有寫明/);
    // What the asker tells of themselves first (a library) neither finds nor picks the passage:
    // the reading activities are quoted, not the sentence about opening libraries.
    const library = await text(
      '我在台北的圖書館工作,想參考一下:2022年那份通知裡關於推動全民閱讀,列了哪些具體活動形式?',
    );
    expect(library).toMatch(/^2022年通知（二、活動內容 › \(四\)持續引導並助力全民閱讀學習）/);
    expect(library).toContain('書香社區');
    expect(library).not.toContain('提高圖書館');
    // …unless the passage found speaks of what they told: a propaganda department's own part.
    expect(
      await text(
        'I work in a provincial propaganda department. Under the 2024 notice, what kind of media are we supposed to organise for publicity?',
      ),
    ).toContain(
      'The propaganda departments of various localities should organize local mainstream media',
    );
    // "What did the notice ask localities to do for older people?" quotes the short passage whole:
    // the smartphone classes as well as "Smart Help for Older People".
    const older = await text(
      'Our NGO runs digital literacy classes for seniors. What did the 2022 notice ask localities to do for older people? Was there a named campaign?',
    );
    expect(older).toContain('Smart Help for Older People');
    expect(older).toMatch(/smart ?phones?/i);
    // 方式 and 推广 are the rendering's 形式 and 推动 (glossary groups "means" and "promote").
    expect(await text('2024年「終身學習品牌項目」要用什麼方式推廣？')).toContain(
      '通過各類大型活動、專題巡展等形式，推動“終身學習品牌項目”深入基層',
    );
    // Why the asker asks, told after ("need to share w/ parents"), finds no passage of its own:
    // the 2024 platforms are quoted, not "a shared … public service platform".
    const platforms = await text(
      'which online platforms does the 2024 notice tell ppl to use for online learning? need to share w/ parents',
    );
    expect(platforms).toContain('National Open University Lifetime Education Platform');
    expect(platforms).toContain('Trade Union Employee Education Training Digital Service Platform');
    // heldout-69: what the asker is (家长) and words of emphasis ("top", "told … first") are no
    // topics the notices lack.
    const parents = await text('2024那个通知里说的“一老一小”是啥子意思，跟我们当家长的有关系不');
    expect(parents).toContain('一老一小');
    expect(parents).not.toMatch(/没有找到/);
    const task = await text(
      "what was the 'top political task' the 2022 week was told to put first? sounds very political lol",
    );
    expect(task).toMatch(/20th (?:CPC )?National Congress/);
    expect(task).not.toMatch(/do not mention/);
  });

  it('reads what heldout-68 showed by kind: whom to ask cited and of the year asked, a quota checked by its figure, "again", 为啥子要办 (issue 9)', async () => {
    // A refusal names whom to ask from the notice of the year asked, and cites where it says so.
    const funding = await ask(
      'What budget or funding is allocated to each province for running the 2024 Week?',
    );
    expect(funding.kind).toBe('not_in_notices');
    expect(renderAnswer(funding)).toContain('Li Yisheng');
    expect(funding.citations.some((c) => c.year === 2024 && c.quote.includes('Li Yisheng'))).toBe(
      true,
    );
    const prize = await ask('2022年百姓学习之星有奖金吗');
    expect(prize.kind).toBe('not_in_notices');
    expect(renderAnswer(prize)).toContain('王立');
    expect(prize.citations.some((c) => c.year === 2022 && c.quote.includes('王立'))).toBe(true);
    // "还是推荐3到5名吗": a quota checked by its figure; 2024 sets none.
    const quota = await ask('2024年每个省还是推荐3到5名百姓学习之星吗?');
    expect(quota.kind).toBe('not_in_notices');
    expect(renderAnswer(quota)).toContain(
      '2024年通知没有规定推荐“百姓学习之星”或“终身学习品牌项目”的名额',
    );
    // "again" asks whether it repeats, not about a topic called "again"; both parts answered.
    const again = await text('2024 theme? and is it one province one week again?');
    expect(again).toContain('Make learning a lifestyle');
    expect(again).toContain('one province and one week');
    // The copy's run-on cut where its second sentence starts: the learning society, alone.
    const society = await text(
      'How does the 2024 notice describe the kind of learning society it aims to help build?',
    );
    expect(society).toContain('everyone can learn, can learn everywhere');
    expect(society).not.toContain('Holding the 2024 Lifetime Learning Week');
    // A phrase in the other language picks the original sentence its rendering holds.
    const phrase = await text(
      'the 2024 notice quotes 人人皆学、处处能学、时时可学 — how does it render that in English?',
    );
    expect(phrase).toContain('everyone can learn, can learn everywhere');
    // A deadline said to fall before the notice's own date: both dates, to compare.
    const dates = await text(
      "The 2022 notice seems to set a deadline for recommendations that falls before the notice's own date. Is that right?",
    );
    expect(dates).toContain('the end of October 2022');
    expect(dates).toContain('9 November 2022');
    // 为啥子 (Sichuan "why") asks why the Week is held: the notice's opening purpose.
    const why = await text('为啥子要办2022年这个活动周?目的是啥');
    expect(why).toContain('学习型大国');
    expect(why).toContain('共同富裕');
  });

  it("reads what heldout-70 and -72 showed by kind: the stated purpose, training hours, money for a topic not the Week's, 线下, issuers asked by 单位, a body's part beside the submission, a contact's lost e-mail, unions (issue 9)", async () => {
    // "what's the stated purpose": why the Week is held, from the notice's opening.
    const purpose = await text(
      "why did the ministry hold the 2022 week, what's the stated purpose?",
    );
    expect(purpose).toMatch(/20th/);
    expect(purpose).toMatch(/common prosperity/);
    // Training hours are no rule the notices set.
    const hours = await ask('how many training hours must workers complete during the week?');
    expect(hours.kind).toBe('not_in_notices');
    expect(renderAnswer(hours)).toMatch(/study hours or credits/);
    // Money asked of a topic of the asker's own, naming nothing of the Week, is out of scope.
    expect((await ask('how do I calculate overtime pay in Guangdong?')).kind).toBe('out_of_scope');
    // 线下 (of the notices' 线上线下, which the tokenizer cuts 线 / 上线 / 下) is the notices' word:
    // no "nothing about 线下".
    const form = await ask('22年疫情期间活动周线上还是线下办 有统一要求吗');
    expect(form.kind).not.toBe('not_in_notices');
    expect(renderAnswer(form)).not.toContain('线下、');
    // "哪幾個單位一起發的": the issuers.
    expect(await text('2024年的活動週通知是哪幾個單位一起發的?')).toMatch(/文化和旅遊部/);
    // A submission asked of a body: what is sent, by when and to whom, beside the body's part.
    const submit = await text(
      '请问2022年活动周,省级教育行政部门需要在什么时间之前、向哪个机构报送哪些材料?',
    );
    expect(submit).toContain('10月底');
    expect(submit).toContain('领导小组办公室');
    // The 2024 contacts' e-mail the copy lost: said plainly, as not given.
    expect((await ask('2024年那份通知裡的聯絡人電子郵件是多少?')).kind).toBe('not_in_notices');
    // "anything for workers or unions": the unions' part.
    // What 2022 asked because of COVID: the form left to each place, and safe, efficient and
    // frugal activities; asked in words the notices do not use ("with respect to").
    const covid = await text(
      'What did the 2022 notice require of localities with respect to COVID-19?',
    );
    expect(covid).toContain('safe, efficient and frugal');
    expect(covid).toContain('made flexibly to suit local conditions');
    // Asked in Traditional with 防疫 and 有什麼要求: the same two sentences.
    const why = await text('2022年通知為何一再強調防疫？對活動的執行方式有什麼要求？');
    expect(why).toContain('確保安全、高效、節儉');
    const unions = await text('2024 week - anything for workers or unions?');
    expect(unions).toMatch(/trade unions?/i);
    expect(unions).toContain('Trade Union Employee Education');
    // 宣傳 named in a list of bodies ("宣傳、文旅、民政和工會") is the propaganda departments.
    const roles = await text('2024年通知中，宣傳、文旅、民政和工會部門各自被賦予什麼角色？');
    expect(roles).toContain('全民閱讀');
    expect(roles).toContain('公共文化設施');
  });

  it('reads what heldout-71 showed by kind: a garbled phrase glossed where quoted, an e-mail 帳號, 街道, a ceremony named before the question, "tasked with" (issue 9)', async () => {
    // A quote holding a garbled phrase of the copy says what the phrase stands for.
    const slogan = await text(
      "2024 slogan about a learning society - the everyone / everywhere thing, what's the full line?",
    );
    expect(slogan).toContain('learn from time to learn');
    expect(slogan).toContain('can learn at any time');
    // An e-mail 帳號 of a contact is the e-mail address, not a learning account.
    const mail = await text('2022年社區教育研究培訓中心的聯絡人是誰?有email帳號嗎?');
    expect(mail).toContain('杜若');
    expect(mail).toContain('dur@ouchn.edu.cn');
    // 街道 (a sub-district office) is where community activities are run, not an unknown topic.
    const street = await ask('2024年我们街道想搞沉浸式学习,通知里说可以用哪些公共文化场馆?');
    expect(street.kind).not.toBe('not_in_notices');
    expect(renderAnswer(street)).toContain('图书馆');
    const areas = await text('我们街道能办啥?2022年通知里说学习活动要涵盖哪些方面,给我列一下');
    expect(areas).toContain('代际沟通');
    // The date and city asked after the ceremony is named are the ceremony's.
    const ceremony = await text(
      'Dear team, one of our partners in Hunan mentioned that the national opening ceremony of the 2022 Week was held in their province. Could you please confirm the city and what the notice said about the date?',
    );
    expect(ceremony).toContain('Changsha');
    expect(ceremony).toMatch(/23 November|late November/);
    // Notice words typed in pinyin are read as the words: 智慧助老, 代际沟通 and 生命尊严, 非遗.
    const zhulao = await ask("what's 'zhihui zhulao' in the 2022 notice?");
    expect(zhulao.kind).not.toBe('not_in_notices');
    expect(renderAnswer(zhulao)).toMatch(/older people/);
    const topics = await text(
      "the 2022 one lists 'daiji goutong' and 'shengming zunyan' - what are those, part of what list?",
    );
    expect(topics).toContain('intergenerational communication');
    expect(topics).toContain('the dignity of life');
    const feiyi = await text(
      '2024 notice mentions red culture and feiyi - what are localities meant to do with that?',
    );
    expect(feiyi).toMatch(/intangible cultural heritage/);
    // English words that sound like pinyin stay English ("women" is no 我们, "Hunan" stays a name).
    expect(await text('what did Hunan host in 2022?')).toContain('Changsha');
    // A long name typed with one character of the same sound wrong (开方, itself a word) is the name.
    expect(await text('国家开方大学活动周开多少门课 2022年')).toContain('万门');
    // A 2024 ceremony's date and host city: the notice leaves them to later, said as such.
    const ceremony2024 = await ask(
      'Dear colleague, we hope to send an observer to the national opening ceremony of the 2024 Week. Could you tell me the exact date and host city given in the notice?',
    );
    expect(ceremony2024.kind).toBe('not_in_notices');
    expect(renderAnswer(ceremony2024)).toMatch(/does not state a date or place/);
    // "What was it tasked with": the body's part, not its contacts.
    const tasked = await text(
      'Dear team, in the 2022 notice the China Adult Education Association appears several times. What was it specifically tasked with during the Week?',
    );
    expect(tasked).toContain('Lifelong Learning Brand Projects');
  });

  it('gives every list of a section when asked for the kinds of its activities, and reads 電子書 as digital reading (issue 9)', async () => {
    // 好书推荐…, 书香社区…, 微信读书、数字化阅读等: the three lists of the reading section.
    const reading = await text('2022年活動週在推廣閱讀方面安排了哪些活動？');
    expect(reading).toContain('書友會');
    expect(reading).toContain('書香社區');
    expect(reading).toContain('數字化閱讀');
    const ebooks = await text(
      '2024年嗰份通知有冇講電子書或者網上閱讀嗰啲?我哋想搞e-book推廣,想引用下。',
    );
    expect(ebooks).toMatch(/數字閱讀|digital reading/);
    expect(ebooks).not.toMatch(/沒有找到/);
  });

  it('reads what heldout-73 showed by kind: the hour of a ceremony, 意涵, a quoted idea, a part leaning on the sentence before (issue 9)', async () => {
    // No notice gives the hour of the opening: a plain "not given", with what it does say.
    const hour = await ask('What time of day does the opening ceremony start?');
    expect(hour.kind).toBe('not_in_notices');
    expect(renderAnswer(hour)).toMatch(/does not give the time of day/);
    expect(renderAnswer(hour)).toMatch(/late November/);
    const zhHour = await ask('2022年全国总开幕式几点开始？');
    expect(zhHour.kind).toBe('not_in_notices');
    expect(renderAnswer(zhHour)).toContain('没有写开幕式几点开始');
    // 意涵 (what a phrase means, Taiwan usage) frames the question: the phrase is answered.
    const meaning = await ask('2024年通知「組織保障」部分所稱「一省一案」，其具體意涵為何？');
    expect(meaning.kind).not.toBe('not_in_notices');
    expect(renderAnswer(meaning)).toContain('實施方案');
    // "the 'everyone, everywhere, anytime' idea" beside the theme: both parts, anytime being
    // the copy's garbled "learn from time to learn".
    const both = await text(
      "For a student project: what's the 2024 theme, and what's the 'everyone, everywhere, anytime' idea in the 2024 notice?",
    );
    expect(both).toContain('Make learning a lifestyle');
    expect(both).toContain('everyone can learn');
    // "开多少门啊" names no topic: it asks about the courses of the sentence before it.
    const courses = await text(
      '活动周那几天国家开放大学那个网站是不是开放课程呀？开多少门啊，有没有老年人能听的？',
    );
    expect(courses).toContain('le.ouchn.cn');
    expect(courses).toContain('万门');
  });

  it('reads what heldout-76 and -77 showed by kind: claims about months and the opening, where annexes go, attending the opening, reading materials, organised alone, a translation request (issue 9)', async () => {
    // "是10月份办的，对吧": the claimed month is checked against the dates.
    expect(await text('我记得2022年活动周是10月份办的，对吧')).toMatch(/11月20日/);
    // A claim about the 2024 opening is answered by what the notice does say of it.
    const claim = await ask(
      'As I understand it, the 2024 notice fixes the national opening ceremony for April in Beijing. Is that accurate?',
    );
    expect(claim.kind).toBe('fact');
    expect(renderAnswer(claim)).toMatch(/separately/);
    // "natl opening 2024 date??": a year after "opening" is no count of courses opened.
    expect((await ask('natl opening 2024 date??')).kind).toBe('not_in_notices');
    // "annexes go to which dept": the recipient, not the issuers.
    expect(await text('2024 annexes go to which dept?')).toMatch(/Vocational and Adult Education/);
    // Who may attend the opening, and how to sign up for it, no notice says.
    const press = await ask(
      'Will foreign journalists be accredited to attend the 2022 opening ceremony in Changsha?',
    );
    expect(press.kind).toBe('not_in_notices');
    expect((await ask('我住台北，可以去長沙參加開幕式嗎？要怎麼報名？')).kind).toBe(
      'not_in_notices',
    );
    // "reading materials" for older people are reading, not what is submitted.
    const older = await ask(
      'To what extent does the 2024 notice address older learners, particularly in terms of accessibility of reading materials?',
    );
    expect(older.kind).not.toBe('fact');
    // "organised by the Ministry alone. Is that correct?": the bodies that organise it.
    const alone = await text(
      'I understand the 2024 Week was organised by the Ministry of Education alone. Is that correct?',
    );
    expect(alone).toMatch(/Propaganda|Culture and Tourism|Trade Union/);
    // A share of participants is a figure no notice gives; a translation request is off the topic.
    expect(
      (await ask('What proportion of participants in the 2022 Week were older adults?')).kind,
    ).toBe('not_in_notices');
    expect(
      (await ask("how do u say 'I love you' in Cantonese? my gf is from Guangzhou lol")).kind,
    ).toBe('out_of_scope');
    // Whether the whole country holds one week is answered beside the province the annex lacks.
    const gansu = await ask('2024年的活动是不是全国统一在一个星期搞？我们甘肃是那个星期？');
    expect(gansu.kind).toBe('fact');
    expect(renderAnswer(gansu)).toContain('一省一周');
    // A number claimed for a named person: the person's own number.
    expect(await text('宣傳報導聯絡人李榮華的電話是010-58581449對吧？')).toContain('13811473279');
    // Another year's theme claimed for this one is said to be that year's.
    const theme = await text(
      "the 2022 zhuti was 'make learning a lifestyle' right? rang xuexi chengwei shenghuo fangshi",
    );
    expect(theme).toMatch(/“Make learning a lifestyle” is the theme of the 2024 Week/);
    // Why the asker asks, told after ("想抄啲idea返學校圖書館用"), does not choose the passage.
    expect(
      await text('2022年份通知講閱讀嗰部分，有啲咩活動形式？想抄啲idea返學校圖書館用'),
    ).toContain('書友會');
    // From heldout-79: a head of the leading group is named nowhere, not in the issuers either;
    // a street address is a detail no notice gives; a letter's courtesies and 干嘛 frame a
    // question.
    expect((await ask('活動周領導小組的組長是誰？請提供姓名與職稱。')).kind).toBe('not_in_notices');
    expect((await ask('中国成人教育协会具体地址在哪，俺想把材料直接寄过去')).kind).toBe(
      'not_in_notices',
    );
    expect((await ask('2024年强调的“一老一小”具体指要干嘛？')).kind).not.toBe('not_in_notices');
    const letter = await ask(
      "Dear Sir or Madam, I wonder whether the 2024 notice says anything about keeping personal records of one's learning?",
    );
    expect(letter.kind).not.toBe('not_in_notices');
    // "what gets showcased" asks for the list, the law first.
    expect(
      await text(
        "What is the 'ten years of achievements' section of the 2022 notice about? Who and what gets showcased?",
      ),
    ).toContain('Vocational Education Law');
  });

  it("reads what heldout-75 showed by kind: claims to be corrected, 列几个, the asker's own school, a request for addresses, a defined term in the copy's wording (issue 9)", async () => {
    // A claimed month is checked against the dates.
    const may = await text('活动周不是一直都在5月搞的吗？2022年也是5月吧，别忽悠我');
    expect(may).toMatch(/11月20日/);
    // "just the Ministry alone": the issuers say otherwise.
    const alone = await text('2024年这个通知就是教育部一家发的，跟宣传部门没啥关系吧');
    expect(alone).toMatch(/文化和旅游部|全国总工会/);
    // "the government only?": the organisers, with UNESCO's and the association's parts.
    const who = await text('who organise the 2022 week? the government only?');
    expect(who).toMatch(/Adult Education Association/);
    // A participation figure heard somewhere is not in the notices.
    const crowd = await ask('听说2022年活动周全国参与人次过亿，通知里是这么说的吗');
    expect(crowd.kind).toBe('not_in_notices');
    expect(renderAnswer(crowd)).toContain('人次');
    // "就没有全国开幕式了吧": there is one, its arrangements to come.
    const none = await ask('2024年的活动周就没有全国开幕式了吧？各省自己搞自己的');
    expect(none.kind).toBe('fact');
    expect(renderAnswer(none)).toContain('另行通知');
    // "cancelled because of covid?": the notice's dates.
    const cancelled = await text(
      'Is it true the 2022 week was basically cancelled because of covid?',
    );
    expect(cancelled).toMatch(/20–26 November/);
    // "列几个出来" asks for a few of a list, not a quota; "我们小学" is the asker's own school.
    const reading = await text(
      '2022年通知说的阅读活动有哪些形式，列几个出来嘛，我们想在学校整个读书角',
    );
    expect(reading).toContain('书友会');
    const school = await ask('2024年那个通知说的“一老一小”是啥子意思，跟我们小学有关系不');
    expect(school.kind).not.toBe('not_in_notices');
    // "A list please, with web addresses": the platforms, then their addresses.
    const sites = await text(
      'In 2022, which online platforms were supposed to be used? A list please, with web addresses if the notice gives them.',
    );
    expect(sites).toContain('National Smart Education Platform');
    expect(sites).toContain('goschool.org.cn');
    // The copy's "Star of People Learning" asked what it means: the defining sentence.
    const star = await text(
      'what is meaning of Star of People Learning? who is this star, the 2024 paper say what?',
    );
    expect(star).toMatch(/inspirational figures/);
    // The unions and civil affairs of "old age office" are bodies, not an age limit.
    const unions = await ask(
      '2024 paper, what the trade unions and civil affairs (old age office) must do?',
    );
    expect(unions.kind).not.toBe('not_in_notices');
    expect(renderAnswer(unions)).toMatch(/enterprises/);
    // "What do provinces have to submit … and the deadline": the items are an answer.
    const submit = await ask("What do provinces have to submit for 2024 and what's the deadline?");
    expect(submit.kind).toBe('fact');
  });

  it('reads what heldout-74 showed by kind: an unset deadline asked by date, leave from work, 2024 nominations, how the 2024 opening is arranged, a union asking what it can do, a list item bringing its list (issue 9)', async () => {
    // "the precise date by which…": the one thing asked is not in the 2024 copy.
    const due = await ask(
      'Could you confirm the precise date by which provincial education departments must return the 2024 summary form (Annex 3)?',
    );
    expect(due.kind).toBe('not_in_notices');
    expect(renderAnswer(due)).toMatch(/does not state a submission deadline/);
    // Time off work is a detail no notice gives, not the Week's dates.
    const leave = await ask('活动周那几天工人能放假不？放几天');
    expect(leave.kind).toBe('not_in_notices');
    expect(renderAnswer(leave)).toContain('放假');
    const paid = await ask('do companies have to give staff paid time off for the week?');
    expect(paid.kind).toBe('not_in_notices');
    // 2024 asks for no nominations: said first, then what it does ask to be submitted.
    const form = await ask('2024年推薦「百姓學習之星」要填哪份表格？有沒有指定格式？');
    expect(form.kind).toBe('not_in_notices');
    expect(renderAnswer(form)).toMatch(/沒有要求推薦“百姓學習之星”[\s\S]*附件2/);
    const materials2022 = await ask('2022年推荐百姓学习之星要交什么材料？');
    expect(materials2022.kind).toBe('fact');
    // "Is it published in the notice / how will it be arranged": "separately" is the answer; the
    // city asked as well is not given.
    const published = await ask('2024年全國開幕式的具體安排（日期、地點）是否已在通知中公佈？');
    expect(published.kind).toBe('fact');
    expect(renderAnswer(published)).toContain('另行');
    const which = await ask(
      'Is the venue and date of the 2024 national opening ceremony given anywhere in the 2024 notice? Which city hosts it?',
    );
    expect(which.kind).toBe('not_in_notices');
    // "我们工会能干点啥": the unions' part of the 2024 notice.
    const union = await text('2024年活动周我们工会能干点啥？厂里几千号工人');
    expect(union).toContain('工会结合企业');
    // An item of the 2022 list chosen ("宣讲…战略") brings the list with the law before it.
    const laws = await text('2022年活動周要求宣講哪些法律和國家戰略？');
    expect(laws).toContain('職業教育法');
    expect(laws).toContain('鄉村振興戰略');
  });

  it('reads what heldout-78 showed by kind: "+ period", a platform list asked tersely, an online-only claim, 附件一載明什麼, 娃, 交钱不, a formal count of items (issue 9)', async () => {
    // "theme + period": the period is the Week's dates, a part of its own.
    const both = await text('2022 theme + period pls');
    expect(both).toMatch(/二十大|20th/);
    expect(both).toMatch(/November 20|20 November|11月20/);
    // A list of platforms is the sentence whose items are platforms, not one naming a site.
    expect(await text('platform list 2022, national ones only')).toMatch(
      /Smart Education Platform[\s\S]*China Community Education Network/,
    );
    // "只有线上吧": the notice's 线上线下相结合 corrects it.
    expect(await text('2024年的活动是不是只有线上的？')).toMatch(/线上线下/);
    expect(await text('Is everything in the 2024 week purely online?')).toMatch(
      /online and offline/,
    );
    // "附件一載明什麼" beside the period: both parts.
    const annex = await text('2024年活動周舉辦期間為何？附件一載明什麼？');
    expect(annex).toMatch(/4月/);
    expect(annex).toMatch(/各地活動安排/);
    // 我家娃: a child, whom the notices call 青少年.
    expect(await text('2022年的活动我家娃能参加啥？')).toMatch(/青少年/);
    // "要交钱不": a fee, which no notice sets.
    expect((await ask('书香之家要交钱不？')).kind).toBe('not_in_notices');
    // 所列之…共有幾項: the count of the section's items.
    expect(await text('2022年通知所列之活動內容共有幾項？')).toMatch(/共8項/);
  });

  it('reads what heldout-80 showed by kind: a city claimed for the opening, 好多 and 咋 as asking words, one body claimed alone, an issue day checked, 边几个, an address asked in Cantonese, a 2022 contact named for 2024, counted items with the one asked, Annex 1 counted, a launch year claimed (issue 9)', async () => {
    // A city the asker names for the opening is corrected, not only the right one given.
    expect(await text('2022年的开幕式是在成都办的吧？')).toMatch(/^不是在成都/);
    expect(await text('Was the 2022 opening ceremony held in Beijing?')).toMatch(/^Not in Beijing/);
    expect(await text('我在成都，2022年开幕式在哪办？')).not.toMatch(/不是在成都/);
    // Sichuan 好多 (how many) asks: the site's address is a part of its own.
    expect(await text('国家开放大学那个平台要开好多门课？网址是好多，孙女帮我上')).toMatch(
      /le\.ouchn\.cn/,
    );
    // One body claimed to do it alone: said not to, then the bodies.
    const alone = await text('2022年活动周是职成司一家主办的吧？');
    expect(alone).toMatch(/^不是一家/);
    expect(alone).toMatch(/教科文/);
    // 2022 was issued by one office: no "not alone" for it.
    expect(await text('Was the 2022 notice issued by the Ministry alone?')).not.toMatch(/^No/);
    // "通知是开幕当天才发的吧": the notice's issue date.
    expect(await text('2022年通知是开幕那天才发的吗？')).toMatch(/11月9日/);
    // 边几个 asks for a list: the life areas of 智慧助老.
    expect(await text('2022年智慧助老幫長者喺邊幾個領域用返所學？')).toMatch(/智慧出行/);
    // An address asked in Cantonese is a detail no notice gives.
    expect((await ask('成教協會地址喺邊度？')).kind).toBe('not_in_notices');
    // A 2022 contact named for 2024 does not hide the 2024 contact of that body.
    expect(await text('2024年中国成人教育协会联系人还是胡卫华吗？')).toMatch(/Huang Xiaochen/);
    // "…，全部": 全 is no department.
    expect(await text('2024 中国成人教育协会电话，全部')).toMatch(/58582578/);
    // Counted items, and which of them is the primary task: the outline.
    expect(
      await text(
        'How many items does the 2022 activities section list, and which one is the primary political task?',
      ),
    ).toMatch(/has 8 parts[\s\S]*20th CPC National Congress/);
    // What Annex 1 holds, counted, is not in the knowledge base.
    expect((await ask('How many provinces does Annex 1 of the 2024 notice list?')).kind).toBe(
      'not_in_notices',
    );
    // A launch year claimed is checked, though the notices cover no such year.
    expect((await ask('The Week was launched in 2005, right? What is the launch year?')).kind).toBe(
      'not_in_notices',
    );
    // "says nothing about older people": what it says of them.
    expect(await text('Does the 2024 notice say nothing about the elderly?')).toMatch(/elderly/);
    // Off topic, said in a second sentence.
    expect(
      (await ask('Can you format my references in APA style? Unrelated to the Week.')).kind,
    ).toBe('out_of_scope');
  });

  it("reads what heldout-81 showed by kind: the asker's own library beside a site, how many days, a comparable quota, provinces counted in the schedule, an address asked in English, an online claim for 2022, an analysis asked for (issue 9)", async () => {
    // "我哋圖書館…加 link 去活動周專題網站": the asker's library is not the site asked for.
    expect(await text('我們圖書館想加 link 去活動周專題網站，網址係咩？')).toMatch(/llaw\.org\.cn/);
    expect(await text("our museum wants to link to the Week's special website, url?")).toMatch(
      /llaw\.org\.cn/,
    );
    // How many days: counted from the period.
    expect(await text('2022 week how many days?')).toMatch(/7 days/);
    expect(await text('2022年活动周一共几天？')).toMatch(/共7天/);
    // A quota compared with the year before: both years.
    const quota = await text(
      'In 2022 each province recommended a set number of Stars. Does the 2024 notice set a comparable quota?',
    );
    expect(quota).toMatch(/3.5/);
    expect(quota).toMatch(/sets no number/);
    // How many provinces the schedule lists is in the annex the knowledge base lacks.
    expect(
      (await ask('How many provinces are in the 2024 one province one week schedule?')).kind,
    ).toBe('not_in_notices');
    // "詳細 address": a street address, which no notice gives.
    expect((await ask('成教協會嘅詳細 address 係咩？')).kind).toBe('not_in_notices');
    // "必须全部线下办吧": the notices' 线上线下 answers it.
    expect(await text('2022年活动周是不是只能线下办？')).toMatch(/线上线下/);
    // "从比较的角度分析…侧重点": how the account is wanted, not words the notices lack.
    const compared = await ask('请从比较的角度分析2022年与2024年通知在数字化学习方面的侧重点');
    expect(compared.kind).not.toBe('not_in_notices');
    expect(renderAnswer(compared)).toMatch(/账户/);
  });

  it('reads what heldout-79 left by kind: a fact stated before "那2024年…", 俺 telling of the asker, "the dates on which it ran" beside the opening (issue 9)', async () => {
    // "2022年的通知是11月9日发的，那2024年这份呢": only 2024 is asked, and its date is not given.
    const issued = await ask('2022年的通知是11月9日发的，那2024年的通知是哪天发的？');
    expect(issued.kind).toBe('not_in_notices');
    expect(renderAnswer(issued)).not.toMatch(/11月9日/);
    // 俺是…的: the asker's own library is not what is asked.
    expect(await text('俺是村里图书馆的，2022通知里读书活动都说了哪些形式？')).toMatch(/读书沙龙/);
    // The dates on which it ran, and where the opening was: both parts.
    const both = await text(
      'I have been reading about the 2022 Week. Could you tell me the dates on which it ran, and where the opening ceremony was to be held?',
    );
    expect(both).toMatch(/20–26 November/);
    expect(both).toMatch(/Changsha/);
  });

  it('reads what heldout-82 showed by kind: "does it say anything about…" answered yes first, who signed in person, selection criteria, a theme quoted as the setting of an outline, two terms asked to be the same (issue 9)', async () => {
    // "Does it say anything about X? Yes or no": yes, then the sentences.
    expect(
      await text('Does the 2024 notice say anything about personal learning accounts?'),
    ).toMatch(/^Yes\./);
    expect(await text('2024年通知有没有提到有声读物？')).toMatch(/^有，/);
    // A claim that it says nothing is left to the quotes.
    expect(await text('Is it true the 2024 notice says nothing about older people?')).not.toMatch(
      /^Yes/,
    );
    // A minister who signed in person: offices sign, no one is named.
    const signed = await ask('Which minister personally signed the 2024 notice?');
    expect(signed.kind).toBe('not_in_notices');
    expect(renderAnswer(signed)).toMatch(/names no person/);
    expect((await ask('2022年通知是哪位部长签字的？')).kind).toBe('not_in_notices');
    // How nominations are judged no notice says.
    expect((await ask('品牌项目的评选标准和评分方式是什么？')).kind).toBe('not_in_notices');
    expect(
      (await ask("How are the Stars of People's Learning judged? Is there a scoring rubric?")).kind,
    ).toBe('not_in_notices');
    // The theme quoted as the setting: the outline of the activities asked.
    expect(
      await text(
        '给社区讲座准备：2022年“学习贯彻二十大，终身学习向未来”这个主题下面有哪几项活动内容？',
      ),
    ).toMatch(/共8项/);
    // Two terms asked to be one: they are not, then each.
    expect(
      await text(
        "what does 'one province one case' mean in 2024, is it the same as one province one week?",
      ),
    ).toMatch(/^No, they are not the same/);
  });

  it("reads what heldout-83 showed by kind: another notice's issue date claimed, accessibility, a hospital, a short phrase of the theme asked what it means, a body asked whether it is involved (issue 9)", async () => {
    // A day claimed for 2024 that is 2022's issue date: said to be 2022's, cited.
    const claimed = await ask('2024年的通知是11月9日发的吧？');
    expect(renderAnswer(claimed)).toMatch(/11月9日是2022年通知的发布日期/);
    expect(claimed.citations.some((c) => c.source === 'notice-2022')).toBe(true);
    // "accessibility" is the 2024 copy's "obstacle reading environment".
    expect(await text('Does the 2024 notice mention accessibility for blind readers?')).toMatch(
      /obstacle reading environment/,
    );
    // Which hospital is best is off the topic; 看病挂号 among what older people learn is not.
    expect((await ask('北京哪家医院看眼科好？')).kind).toBe('out_of_scope');
    expect((await ask('智慧助老2022年教些啥？能学网上买东西不，看病挂号那种呢')).kind).not.toBe(
      'out_of_scope',
    );
    // 「二十大」係指咩 inside the quoted theme: what it refers to, not the theme again.
    expect(
      await text('2022年個主題「學習貫徹二十大，終身學習向未來」入面個「二十大」係指咩？'),
    ).toMatch(/黨的二十大/);
    // A body asked whether it is involved: not among the bodies, or among them.
    expect(await text('Is UNESCO involved in the 2024 notice at all?')).toMatch(
      /does not name “UNESCO”/,
    );
    expect(await text('2024年工会有没有参与？')).not.toMatch(/没有.{0,6}工会/);
  });

  it('reads what heldout-84 showed by kind: chat shorthand (LLL, wk), "kicks off", provinces counted as participants, the Chinese of a term asked in English (issue 9)', async () => {
    // "LLL wk … right?": shorthand and a tag question, not words the notices lack.
    const claim = await text('so the 2024 LLL wk is in Nov like 2022 right?');
    expect(claim).toMatch(/April/);
    expect(claim).not.toMatch(/do not mention/);
    // Which province kicks off first is in Annex 1, which the knowledge base lacks.
    expect((await ask('which province kicks off first in 2024?')).kind).toBe('not_in_notices');
    // How many provinces took part: a figure no notice gives.
    expect((await ask('2022年有幾個省份參加活動週？')).kind).toBe('not_in_notices');
    // The Chinese of a term of the 2024 copy, from the reviewed glossary, before the answer.
    expect(await text("What's the Chinese for 'one province and one case'?")).toMatch(
      /“one province and one case”: 一省一案/,
    );
    expect(await text("Translate 'one old and one young' into Chinese please")).toMatch(/一老一小/);
  });

  it('reads what heldout-85 and -86 showed by kind: 是干什么的, a part pointing back with "it", every told clause before 那…年, "versus" and "who organised", 几大块, a document number asked as 函几号 (issue 9)', async () => {
    // "是干什么的": what the term is, from its defining sentences (the smartphone training).
    expect(await text('“智慧助老”是干什么的？')).toMatch(/智能手机/);
    // "…and what do they want local governments to do under it": the term's sentences, and no
    // passage searched for "it" alone (the opening ceremony's People's Government).
    const under = await text(
      'what is 智慧助老 called in english and what do localities have to do under it',
    );
    expect(under).toMatch(/smartphone/);
    expect(under).not.toMatch(/Changsha/);
    // Every clause told before "那…年" is context: the year asked is the one after 那.
    const told = await ask('2022年的主题我已经知道，现在是2024年，那2023年的主题是什么');
    expect(told.kind).toBe('not_in_notices');
    expect(renderText(told).split('\n')[0]).toMatch(/没有关于2023年/);
    // "versus" frames a comparison; "who organised" asks for the organisers of both years.
    const versus = await text('Who organised the 2024 Week vs the 2022 one, for a comparison?');
    expect(versus).toMatch(/UNESCO/);
    expect(versus).toMatch(/Trade Unions/);
    expect(versus).not.toMatch(/do not mention/);
    // "几大块": the parts of a section, counted and listed.
    expect(await text('2022年的活动内容分几大块？')).toMatch(/共8项[\s\S]*智慧助老/);
    // "函几号" is the number of a document, not a day: no dates beside "no document number".
    const number = await text('2022年通知是教职成厅函几号？');
    expect(number).toMatch(/没有写明文号/);
    expect(number).not.toMatch(/11月20日/);
  });

  it('reads what heldout-87 and -88 showed by kind: "N years ago" from a stated year, words typed apart, wheat subsidies, "what day start", every province\'s week and its annex, a province misheard, a body whose name holds 与, the actual day of a planned opening, two asks said without a stop, a term the notices quote (issue 9)', async () => {
    // "five years ago", counted from the year the asker states.
    expect(await text('It is 2027 now. What was the theme five years ago?')).toMatch(
      /five years ago[\s\S]*2022/,
    );
    // Chinese typed a word at a time is one sentence: the smartphone training for older people.
    expect(await text('2022年 的 通知 有 啥 帮 老年人 学习 的 活动')).toMatch(/智能手机/);
    // Farming subsidies are not the Week's.
    expect((await ask('玉米补贴怎么领')).kind).toBe('out_of_scope');
    // "what day end" asks for the Week's dates.
    expect(await text('2022 week what day end?')).toMatch(/26 November/);
    // Every province's week: the schedule, with the annex that lists the weeks.
    const provinces = await text('2024年各省的活动周都是什么时候？在哪个附件？');
    expect(provinces).toMatch(/一省一周/);
    expect(provinces).toMatch(/附件1/);
    // 宁下 (said for 宁夏): the province, whose week is in the missing annex.
    expect((await ask('宁下2024年活动周是几号到几号')).kind).toBe('not_in_notices');
    // 职业教育与成人教育司 is one body: not the association too, whose postcode it is.
    const body = await ask('教育部职业教育与成人教育司的邮编是多少');
    expect(body.kind).toBe('not_in_notices');
    expect(renderText(body)).not.toMatch(/胡卫华/);
    // The day the 2022 opening was actually held: the notice gives only the plan.
    const held = await ask('2022年开幕式实际是几号开的？');
    expect(held.kind).toBe('not_in_notices');
    expect(renderText(held)).toMatch(/11月23日/);
    // Two asks said without a stop between them: both answered.
    const said = await text('2022年活动周是几号到几号啊开幕式在哪开的');
    expect(said).toMatch(/11月20日/);
    expect(said).toMatch(/长沙/);
    // 一老一小, which the notice quotes, picks its sentence even unquoted.
    expect(await text('家里有老有小，2024年有没有适合一老一小的活动')).toMatch(/亲子阅读/);
  });

  it('reads what earlier sets left by kind: the departments besides education and their tasks, who presided over the opening, 人群 as asking who, a body given nothing that year, what "one old and one young" means (issue 9)', async () => {
    // Every department's task but education's, each quoted under its name.
    const others = await text(
      'Besides education, which departments does the 2024 notice give tasks to?',
    );
    expect(others).toMatch(/propaganda departments/);
    expect(others).toMatch(/culture and tourism departments/);
    expect(others).toMatch(/trade unions/);
    expect(others).not.toMatch(/Educational departments in various places/);
    // Who presided: a person the notice does not name; the host bodies it does.
    const presided = await ask('2022年开幕式是哪位领导主持的？');
    expect(presided.kind).toBe('not_in_notices');
    expect(renderText(presided)).toMatch(/没有写由谁主持[\s\S]*湖南省教育厅/);
    // 人群 asks which people: the sentence naming them, not "nothing about 人群".
    expect(await text('2024年的品牌项目巡展要关注哪些人群？')).toMatch(/一老一小/);
    // A body the year's notice gives nothing to do: said, then the year that does.
    const unions = await text('2022年的通知给工会布置了什么任务？');
    expect(unions).toMatch(/2022年通知没有给各地工会安排任务[\s\S]*2024年通知对各地工会的安排/);
    expect(unions).not.toMatch(/通知中没有提到“/);
    // The copy's "one old and one young" is explained as older people and children.
    expect(await text('What does "one old and one young" mean in the 2024 notice?')).toMatch(
      /older people and children/,
    );
  });

  it('reads what heldout-89 and -90 showed by kind: two relative years in one question, "r" for are, an online platform asked in Cantonese, a count of events asked as a rule, a month claimed in Cantonese, the years of achievements to show (issue 9)', async () => {
    // 前年 and 今年 in one question, counted from the stated year: both themes.
    const both = await text('而家係2024年，想問今年同前年嘅主題係咩？');
    expect(both).toMatch(/生活方式/);
    expect(both).toMatch(/二十大/);
    // "what r the main parts": chat shorthand for are, the section's parts.
    expect(await text('what r the parts of the 2022 activities section?')).toMatch(/8 parts/);
    // "online platform", one of them, in a Cantonese question: the platforms the notice lists.
    expect(await text('2024年通知有冇提到邊啲online platform俾人學嘢？')).toMatch(
      /國家開放大學終身教育平[台臺]/,
    );
    // How many events the unions must hold: a number no notice sets.
    expect((await ask('通知有没有要求各地要举办多少场活动？')).kind).toBe('not_in_notices');
    // "係10月搞": a month claimed, answered with the dates.
    expect(await text('2022年嘅活动周係十月搞㗎？')).toMatch(/11月20日/);
    // The years of achievements to show are the ten years, not how long a project has run.
    const years = await ask('How many years of achievements did the 2022 notice want shown?');
    expect(years.kind).not.toBe('not_in_notices');
    expect(renderText(years)).toMatch(/10 years|ten years/i);
  });

  it('reads what heldout-91 and -92 showed by kind: learning areas asked as 领域, "Stars of Learning", taking part from abroad, who heads the leading group, rain in Cantonese, a demonstrative before a quoted phrase, "we\'re in 2024", the Chinese of the 2024 theme and of a term the answer quotes (issue 9)', async () => {
    // 领域 (fields) of learning: the 2022 list of areas.
    expect(await text('2022年的学习活动包括哪些领域？')).toMatch(/思想道德[\s\S]*生命尊严/);
    // "Stars of Learning": the defining sentence of 百姓学习之星.
    expect(await text('Who counts as a Star of Learning in 2022?')).toMatch(
      /self-directed learning/,
    );
    // Taking part from abroad: the notices say nothing of it.
    expect((await ask('Can schools in Malaysia join the week?')).kind).toBe('not_in_notices');
    expect(await text('我在加拿大读书，2024年的主题是什么？')).toMatch(/生活方式/);
    // Who heads the leading group: no person is named.
    expect((await ask('Who heads the 2022 leading group?')).kind).toBe('not_in_notices');
    // Rain tomorrow, in Cantonese, is not the Week's.
    expect((await ask('聽日會唔會落雨')).kind).toBe('out_of_scope');
    // 那个“十年成果” names the quoted phrase; the asker's year-end summary is not the one asked.
    expect(await text('我在准备年终总结，那个“十年成果”展示要展示些什么')).toMatch(/职业教育法/);
    // "we're in 2024": the year the asker states.
    expect(await text("we're in 2024 - what was last year's theme?")).toMatch(/2023/);
    // The Chinese of the English copy's theme, as the project's rendering.
    expect(await text("What's the 2024 theme in Chinese?")).toMatch(/让学习成为一种生活方式/);
    // The Chinese original of a term the answer quotes, when the question names none ("copy"
    // names which text, not the copy's "[e-mail address not preserved in this copy]").
    expect(
      await text(
        'What phrase does the 2024 English copy use for how the weeks are arranged across provinces, and what is the Chinese original?',
      ),
    ).toMatch(/“one province and one week”: 一省一周/);
  });

  it('reads what heldout-93 and -94 showed by kind: "just the number" set off by a space, which road and number, held online-only, "strands", a pension, 几时搞 after a theme, two terms compared, a body with no contact, the old and the young together (issue 9)', async () => {
    // A count asked, with how the answer is wanted set off by a space.
    expect(await text('2024年通知 活动内容有几项 只要个数')).toMatch(/共\d+项/);
    // Which road and number: a street address no notice gives.
    expect((await ask('中国成人教育协会在哪条路？')).kind).toBe('not_in_notices');
    // "held online-only": a claim about the format, not the dates.
    expect(
      await text('Because of covid the 2022 week was held online-only everywhere, wasn’t it?'),
    ).toMatch(/decide the format|offline/);
    // "strands" are the parts of a section; "the 智慧助老 strand" is the term.
    expect(
      await text("What are the activity strands of the 2022 notice's activities section?"),
    ).toMatch(/8 parts/);
    expect(await text('What does the 智慧助老 strand involve?')).toMatch(/smartphone/);
    // A pension raise is not the Week's; a pension told beside a fee question is the asker's.
    expect((await ask('今年退休金啥时候涨')).kind).toBe('out_of_scope');
    expect((await ask('参加活动周要交钱吗，我一个月退休金就几百块')).kind).toBe('not_in_notices');
    // 几时搞 after a theme asks the dates too.
    const both = await text('2022年嘅主題係咩？同埋幾時搞？');
    expect(both).toMatch(/二十大/);
    expect(both).toMatch(/11月20日/);
    // Two terms compared: each described, not one answered as a fact.
    const compared = await text('一省一周跟一省一案有什么不同？');
    expect(compared).toMatch(/一省一案[\s\S]*实施方案/);
    expect(compared).toMatch(/一省一周/);
    // A body with no contact in any notice: said so, not every other contact in its place.
    const tourism = await ask('2024年通知里有没有文化和旅游部的联系人？');
    expect(tourism.kind).toBe('not_in_notices');
    expect(renderText(tourism)).not.toMatch(/Li Yisheng/);
    // An old parent and a young child asked about together: the old and the young.
    expect(
      await text('My dad is 70 and my 6 year old son - anything in 2024 we can do together?'),
    ).toMatch(/one old and one young|parent-child/);
  });

  it('reads what heldout-95 and -96 showed by kind: a fact asked after a pasted line, "which months", two asks apart by a space (issue 9)', async () => {
    // The fact asked after a pasted line, not the line's own words (领导小组).
    const pasted = await text(
      '“应于2022年10月底前将本地活动周方案……报送至活动周领导小组办公室” 要交的材料有哪些形式？',
    );
    expect(pasted).toMatch(/视频/);
    // …but a question pointing back at the line asks about the line.
    expect(await text('“全国总开幕式由湖南省教育厅、长沙市人民政府承办” 那协办单位呢？')).toMatch(
      /国家开放大学/,
    );
    // "which months": the period, not "nothing about months".
    expect(await text('Which months did the 2024 week run in?')).toMatch(/April/);
    // Two asks apart by a space: both answered; a space before a remark parts nothing.
    const two = await text('2022年活动周几号到几号 开幕式定在哪天以后');
    expect(two).toMatch(/11月20日/);
    expect(two).toMatch(/11月23日/);
  });

  it('reads what heldout-97 and -98 showed by kind: numbered asks in one line, 舊年 and "current year is", Cantonese alike in both scripts, food, "got … or not", the notice date beside a deadline (issue 9)', async () => {
    // "1 … 2 … 3 …": three asks, three answers.
    const three = await text('两个问题：1 2024年主题是啥 2 2022年开幕式在哪办');
    expect(three).toMatch(/生活方式/);
    expect(three).toMatch(/长沙/);
    // 舊年 (last year) from a stated year; "current year is".
    expect(await text('今年係2023年，舊年嘅主題係咩？')).toMatch(/二十大/);
    expect(await text('Current year is 2025. What was last year’s theme?')).toMatch(/lifestyle/);
    // Cantonese in characters alike in both scripts is answered in Traditional.
    const cake = await ask('可唔可以教我整砵仔糕？');
    expect(cake.kind).toBe('out_of_scope');
    expect(cake.language).toBe('zh-Hant');
    // A restaurant is not the Week's.
    expect((await ask('can u recommend a good restaurant in Penang?')).kind).toBe('out_of_scope');
    // "got … or not": whether there is one.
    const opening = await ask('2024 got opening ceremony or not?');
    expect(opening.kind).not.toBe('not_in_notices');
    expect(renderAnswer(opening)).toMatch(/separately/);
    // The notice date beside a deadline: both dates, to compare.
    expect(
      await text('When were the 2022 nominations due, and was that before the notice date?'),
    ).toMatch(/October[\s\S]*9 November|9 November[\s\S]*October/);
  });

  it('reads what heldout-99 and -100 showed by kind: certificates and opening hours no notice sets, 干点啥, hotpot, a fee asked as 交多少钱, how many provinces are taking part (issue 9)', async () => {
    // Details no notice sets: a certificate for courses, how late a venue stays open.
    expect((await ask('Do I get a certificate if I finish the open courses?')).kind).toBe(
      'not_in_notices',
    );
    expect((await ask('图书馆活动周期间要开到晚上几点？')).kind).toBe('not_in_notices');
    // 干点啥 asks what is to be done, not a topic.
    expect(await text('2024年说要关注“一老一小”，要干点啥？')).toMatch(/亲子阅读/);
    // Hotpot is not the Week's.
    expect((await ask('any good hotpot near the university?')).kind).toBe('out_of_scope');
    // A fee asked as 交多少钱; how many provinces take part in 2024.
    expect((await ask('报名参加活动要交多少钱？')).kind).toBe('not_in_notices');
    expect((await ask('How many provinces are taking part in 2024?')).kind).toBe('not_in_notices');
  });

  it('reads what heldout-101 and -102 showed by kind: a year or place taken back in the same message, a year set aside, "not given" said in the words askers look for (issue 9)', async () => {
    // A year typed, then corrected: only the year meant is answered.
    const corrected = await text('2024年的主题是什么 哦不对 是2022年的');
    expect(corrected).toMatch(/二十大/);
    expect(corrected).not.toMatch(/生活方式/);
    const english = await text('what was the theme in 2024, sorry I mean 2022');
    expect(english).toMatch(/20th Party Congress/);
    expect(english).not.toMatch(/lifestyle/);
    const cantonese = await text('2022年嘅主題係乜 唔係唔係 我講2024');
    expect(cantonese).toMatch(/生活方式/);
    expect(cantonese).not.toMatch(/二十大/);
    // A place typed, then corrected.
    const place = await text('湖南2024年幾時搞？唔係唔係，我係問湖北');
    expect(place).toMatch(/湖北/);
    expect(place).not.toMatch(/湖南/);
    // A year set aside beside the one asked; "是不是2022年那样" compares, it sets nothing aside.
    const aside = await text('2024年的主题是什么，不是2022年的');
    expect(aside).toMatch(/生活方式/);
    expect(aside).not.toMatch(/二十大/);
    expect(await text('2024年的活动周是不是2022年那样统一举办')).toMatch(/11月20日/);
    // What the notices do not give is said with 写明 / "does not give", the words people
    // look for in a plain "not stated".
    expect(await text('2024年個活動周中央有冇撥款？')).toMatch(/沒有寫明/);
    expect(await text("What's Wang Li's email in the 2022 notice?")).toMatch(/does not give/);
  });

  it('reads what heldout-101 and -102 showed by kind: contacts asked besides a missing e-mail, an officer who is a person, two sites joined by 还有, "which online learning platforms", slang for "what is it" beside a limit, food places (issue 9)', async () => {
    // The person and the phone asked besides an e-mail the notice lacks: answered, and the
    // missing e-mail said.
    const contacts = await ask(
      '教育部職成司2022年嘅聯絡人同電話係咩呀？我想send個email問吓，佢哋有冇留email㗎？',
    );
    expect(contacts.kind).toBe('fact');
    expect(renderAnswer(contacts)).toMatch(/010-66096253[\s\S]*沒有寫明王立、桂敏的郵箱/);
    // "for the desk officer": an officer is a person, not an office the notices lack.
    expect(
      await text(
        'FYI for the desk officer: the 2022 notice gives a China Adult Education Association contact – names, phone, email pls.',
      ),
    ).toMatch(/Hu Weihua[\s\S]*caeabgs@126\.com/);
    // Two sites joined by 还有: both addresses.
    const sites = await text('活动周专题网站网址是啥 还有那个全民终身学习公共服务平台网址');
    expect(sites).toMatch(/llaw\.org\.cn/);
    expect(sites).toMatch(/goschool\.org\.cn/);
    // "which online learning platforms": every site is for learning; all of them are listed.
    const platforms = await text('2022年通知裡提到哪些線上學習平臺？可以給我網址嗎？');
    expect(platforms).toMatch(/le\.ouchn\.cn/);
    expect(platforms).toMatch(/shequ\.edu\.cn/);
    // 是啥玩意 / 能干啥: what the account is, then the credits the notices do not set.
    const account = await ask(
      '2024通知里那个个人终身学习账户是啥玩意 咋整的 能干啥 有没有学分那种',
    );
    expect(account.kind).not.toBe('not_in_notices');
    expect(renderAnswer(account)).toMatch(/个人终身学习账户[\s\S]*没有规定学时或学分/);
    // A noodle place is not the Week's.
    expect(
      (await ask('also can u recommend a good biangbiang noodle place near the bell tower lol'))
        .kind,
    ).toBe('out_of_scope');
  });

  it('reads what heldout-101 and -102 showed by kind: a told claim checked with "Correct?", a deadline beside the notice date, "只搞线上" in a pandemic year (issue 9)', async () => {
    // The claim told before "Correct?" is checked, and the question after it answered.
    const checked = await text(
      "Fact-checking a line in a draft: 'the 2022 notice was issued by the MoE General Office on 9 Nov 2022.' Correct? And where does the leading group office sit?",
    );
    expect(checked).toMatch(/9 November 2022/);
    expect(checked).toMatch(/office of the Week's leading group/);
    // "submit by a certain date … dated afterwards … both dates": the deadline and the date.
    const dates = await text(
      'The 2022 notice asks provinces to submit their plans and nominations by a certain date, yet the notice itself appears to be dated afterwards. Could you confirm both dates?',
    );
    expect(dates).toMatch(/October/);
    expect(dates).toMatch(/9 November 2022/);
    // Online only in 2022: the sentence that leaves the format to each place's COVID situation.
    expect(await text('疫情这样子 2022年的活动周我们镇能不能只搞线上？通知是怎么说的')).toMatch(
      /疫情防控[\s\S]*形式/,
    );
  });

  it('reads what heldout-103 and -104 showed by kind: a follow-up part of a contact question, a forum no notice holds, "one week in each province", a recalled count of points, e.g. before examples, "learning domains" (issue 9)', async () => {
    // "…and what number? Also for 2022 it was different person?": the contacts of both years,
    // and nothing quoted for the follow-up part beside them.
    const both = await text(
      'Who I should call at Ministry of Education for 2024 week and what number? Also for 2022 it was different person?',
    );
    expect(both).toMatch(/Li Yisheng[\s\S]*Wang Li/);
    expect(both).not.toMatch(/Smart Help/);
    // No notice holds a forum or a summit.
    const forum = await ask(
      'What is the name of the international forum held during 2024 Lifelong Learning Week and on which date?',
    );
    expect(forum.kind).toBe('not_in_notices');
    expect(renderAnswer(forum)).toMatch(/do not state any forum/);
    // A year the knowledge base lacks: "no information on" it.
    expect(await text('What was the theme of the 2023 Week?')).toMatch(/no information on 2023/);
    // "one week in each province" asks when the Week ran.
    expect(
      await text('My colleague say the 2022 week was also one week in each province. Correct?'),
    ).toMatch(/20–26 November 2022/);
    // A count the asker recalls ("好像有四點") asks for the points.
    expect(await text('2024年活動週的「總體要求」好像有四點，可以幫我整理一下嗎？')).toMatch(
      /堅持動員社會各方參與[\s\S]*注重推進數字化學習/,
    );
    // "e.g." names no "E-mail:" line; "learning domains" are the notice's topics.
    const domains = await text(
      'For a content analysis I am coding the learning domains listed in the 2022 notice (e.g., health, finance). Which domains does it enumerate?',
    );
    expect(domains).toMatch(/household financial management/);
    expect(domains).not.toMatch(/E-mail/);
  });

  it('reads what heldout-103 and -104 showed by kind: 跟 joining two bodies, 邊幾日, courtesy before the question, 两者有何分别, "tie … to", a site "just for the Week", the ceremony host\'s contact, 奖历 (issue 9)', async () => {
    // 跟 joins two bodies: both contacts.
    const two = await text('2022年MoE职成司跟中国成人教育协会的联系人分别是谁？要发邮件约访');
    expect(two).toMatch(/王立/);
    expect(two).toMatch(/胡卫华/);
    // 邊幾日 (which days) beside where the ceremony is.
    const days = await text('想問下2022年嗰屆活動周係邊幾日㗎？全國總開幕式又喺邊度搞？');
    expect(days).toMatch(/11月20日/);
    expect(days).toMatch(/長沙/);
    // Courtesy before the question names no topic.
    const polite = await ask(
      '您好，又來麻煩您了，真不好意思。2022年通知中提到要積極倡導「職繼協同」「院校融入」，老朽看不太懂，請問原文是在講什麼？',
    );
    expect(polite.kind).not.toBe('not_in_notices');
    expect(renderAnswer(polite)).toMatch(/職繼協同/);
    // 两者有何分别: both terms, each from its own sentences.
    const differ = await text(
      '2024年的通知中，到底是要求各地「一省一案」還是「一省一周」？兩者有何分別？',
    );
    expect(differ).toMatch(/一省一案[\s\S]*一省一週/);
    // "tie … to": how one asks; the heritage sentence answers.
    const tie = await ask(
      "Does the 2024 notice tie the Week to 'red culture' or intangible heritage at all?",
    );
    expect(tie.kind).not.toBe('not_in_notices');
    expect(renderAnswer(tie)).toMatch(/red culture/);
    // A site "just for the Week" beside another site: both addresses.
    const sites = await text(
      "is there a dedicated website just for the Week? and what's the URL of the China elderly education network? (2022 notice)",
    );
    expect(sites).toMatch(/llaw\.org\.cn/);
    expect(sites).toMatch(/lnjyw\.org/);
    // The contact of the ceremony's host is asked, and the notice gives none.
    expect(
      (await ask('請問2022年總開幕式承辦方湖南省教育廳嘅聯絡人同電話係乜？我想直接打去問下。'))
        .kind,
    ).toBe('not_in_notices');
    // 奖历 typed for 奖励: a reward the notices do not mention, said in the words askers look for.
    expect(await text('评上百姓学习之星 有奖历吗 给不给钱')).toMatch(/^通知中没有提到“奖励/);
  });

  it('reads what heldout-105 and -106 showed by kind: 哪个部门 after a pasted line, 那几门, Taiwan framing, an official translation, "now 2023 already", 现为, kick off where, numbers that count nothing, HSK and PhDs, who\'s behind, a quota claimed of 2024, smart travel, a branch venue (issue 9)', async () => {
    // "哪个部门" after a pasted line asks which department, not which section of the notice.
    expect(
      await text(
        '“活动周设立领导小组，领导小组下设办公室。”请问这个办公室设在哪个部门？负责什么工作？',
      ),
    ).toMatch(/职业教育与成人教育司[\s\S]*协调/);
    // 那几门 points at courses already named; it asks no count.
    const courses = await ask('承上題，教育部社區教育研究培訓中心那幾門公開課的課程名稱為何？');
    expect(courses.kind).not.toBe('not_in_notices');
    expect(renderAnswer(courses)).toMatch(/學習型地區構建/);
    // Taiwan's framing of a term (所稱之…對岸用語為…) names no topic.
    expect(
      (
        await ask(
          '請問2024年通知所稱之「數位學習」（對岸用語為「數字化學習」），具體提出哪些數位賦能措施？',
        )
      ).kind,
    ).not.toBe('not_in_notices');
    // An official English translation: not given.
    expect(
      await text(
        'Is there an authorised English rendering of the 2022 theme issued by the Ministry?',
      ),
    ).toMatch(/^The notices do not state an official English translation/);
    // "now 2023 already", 现为2023年: the current year, from which "last year" counts.
    expect(await text('now 2023 already, last year one the theme wat ah?')).toMatch(
      /20th Party Congress/,
    );
    expect(await text('现为2023年。请问去年活动周主题的完整表述是什么？')).toMatch(/二十大/);
    // "kick off where" asks where the opening was.
    expect(await text('the 2022 one kick off where ah, Changsha or Beijing?')).toMatch(/Changsha/);
    // "7 days" numbers no list: both asks answered.
    const seven = await text('2022 theme in english pls + is the 2022 week actually 7 days');
    expect(seven).toMatch(/20th Party Congress/);
    expect(seven).toMatch(/20–26 November/);
    // An HSK exam and a PhD scholarship are not the Week's.
    expect((await ask('请问 HSK 四级考试什么时候可以报名？')).kind).toBe('out_of_scope');
    expect(
      (
        await ask(
          'Kindly suggest good universities in China offering PhD in education with full scholarship.',
        )
      ).kind,
    ).toBe('out_of_scope');
    // "who's behind 2024": the issuing departments.
    expect(await text("who's behind 2024 — just 教育部 or other ministries too")).toMatch(
      /Propaganda[\s\S]*Culture and Tourism/,
    );
    // A quota claimed of 2024 ("recommends 3-5 … again"): the 2024 notice sets none.
    expect(
      await text(
        '2024 notice says each province recommends 3-5 百姓学习之星 again, same as 2022 right?',
      ),
    ).toMatch(/2024 notice sets no number/);
    // 出门坐车 is the notice's 智慧出行: the sentence of fields where older people use skills.
    expect(
      await text(
        '老年人学会了这些技能以后，通知里说要帮他们在实际生活中哪些领域用上？像出门坐车、上医院看病这些算不算嘛',
      ),
    ).toMatch(/智慧出行/);
    // A branch venue asked beside where: the city answers, the branch is not given.
    const branch = await ask('2022年全国总开幕式在哪开呀 天津有没有分会场呢');
    expect(branch.kind).toBe('fact');
    expect(renderAnswer(branch)).toMatch(/没有写具体场馆[\s\S]*长沙/);
  });

  it('answers "which venues" with the sentence naming their kinds, even from a passage the search ranks fifth (issue 9)', async () => {
    // "public cultural facilities such as libraries, art museums…": the kinds asked, not the
    // overall requirement that only says "public cultural facilities and resources".
    const en = await text('which public venues does the 2024 notice want us to use for events?');
    expect(en).toMatch(/libraries/);
    expect(en).toMatch(/workers’ cultural palaces/);
    const zh = await text('2024年通知要求利用哪些公共文化设施？');
    expect(zh).toMatch(/图书馆、美术馆、博物馆/);
  });

  it('names the platforms a notice lists when asked which platforms, in any script, and answers a second part beside them (issue 9)', async () => {
    // "which online platforms": the sentence naming them, not a passage that only says "platform".
    const en = await text(
      'what online platforms does the 2024 notice name for running online learning stuff',
    );
    expect(en).toContain('National Open University Lifetime Education Platform');
    expect(en).toContain('Trade Union');
    expect(en).not.toMatch(/do not mention/);
    const hk = await text('老人家想喺網上學嘢,2024年通知提到有邊啲網上平台?');
    expect(hk).toContain('國家開放大學終身教育平臺');
    expect(hk).toContain('職工教育培訓數字化服務平臺');
    const zh = await text('2022年那份通知里,点名了哪些全国性的终身学习平台?我想整理个清单发给居民');
    expect(zh).toContain('国家智慧教育平台');
    expect(zh).toContain('中国老年教育网');
    // How platforms work together is another question: the 互联互通 sentences, not the names.
    const between = await text(
      '2022年的通知對各類數位學習平臺之間的串接與資源共享，有什麼具體鼓勵？',
    );
    expect(between).toContain('用戶互訪');
    // Two parts in one sentence: the open classes from the passages, then the platforms.
    const classes = await text(
      '2022年通知里，教育部社区教育研究培训中心要开哪些系列公开课，通过什么平台开？',
    );
    expect(classes).toContain('学习型地区构建');
    expect(classes).toContain('国家开放大学终身教育平台');
    const twoParts = await text(
      'Two quick ones on 2024: (1) does the notice explicitly reference the 20th Party Congress? (2) which online platforms does it name for continuing online learning activities?',
    );
    expect(twoParts).toContain('20th National Congress');
    expect(twoParts).toContain('Trade Union');
  });

  it('reads what heldout-56 showed by kind: a year the asking sentence states, "pay attention", library cards, 係指, the addressees named with a place, an opening asked where (issue 9)', async () => {
    // 今年2025年 in the asking sentence is the year asked, whatever 去年2024 tells.
    expect(
      (await ask('我去年2024有參加過社區的活動周,想問今年2025年活動周的主題是什麼?')).kind,
    ).toBe('not_in_notices');
    // "pay attention to" is no fee.
    expect(
      await text(
        "How are the guiding principles of the 2024 notice phrased? I count four 'persist in / pay attention to' items under Overall requirements. What are they?",
      ),
    ).toContain('Persist in highlighting local characteristics');
    // A library card is outside the Week.
    expect(
      (await ask('How do I renew my Shenzhen Library card online? It expired last month.')).kind,
    ).toBe('out_of_scope');
    // Cantonese 係指 is 是指; 有冇关系 asks whether it concerns the asker.
    expect(
      (await ask("2024年通知提到要关注'一老一小',咁系指咩啊?同我哋学校同家长有冇关系")).kind,
    ).not.toBe('not_in_notices');
    // The addressees asked with the Corps named: the addressee line, not its week.
    expect(
      await text(
        '你好,我是兵团教育局这边的,想确认下2022年全民终身学习活动周那个通知主送单位里有没有我们新疆生产建设兵团教育局?',
      ),
    ).toContain('新疆生产建设兵团教育局:');
    // The 2024 opening asked where: there will be one; where is not given.
    expect((await ask('2024年嘅全国开幕式喺边度搞?系唔系又系长沙?')).kind).toBe('not_in_notices');
  });

  it('reads what heldout-57 showed by kind: a contact’s e-mail alone, bodies behind a notice, "+" joining two asks, the ten years, the Ministry itself, professional exams (issue 9)', async () => {
    // 联系人的电子邮箱 asks the e-mail only, which the 2024 copy lost.
    expect((await ask('2024年通知里职成司联系人的电子邮箱地址是多少？我想直接发邮件')).kind).toBe(
      'not_in_notices',
    );
    // "Which government bodies were behind the 2024 notice?": the issuers.
    expect(
      await text(
        'Which government bodies were behind the 2024 notice? Just the Ministry of Education or others too?',
      ),
    ).toContain('Culture and Tourism');
    // "dates + which city": both asked.
    const both = await text('2022 week dates + which city had the opening ceremony');
    expect(both).toContain('20');
    expect(both).toContain('Changsha');
    // "over how many years" asks what the notice says, not a years-in-operation rule.
    expect(
      await text(
        'The 2022 notice talks about showcasing lifelong learning achievements over how many years?',
      ),
    ).toMatch(/10 years/);
    // "长沙开幕那年": the year of the opening in Changsha, and the Week's days asked.
    expect(await text('长沙开幕那年 活动周几号到几号')).toContain('2022年11月20日—26日');
    // ", and what's its web address" after a count: both (the comma without a space too).
    expect(
      await text(
        "The 2022 notice: which platform opened thousands of courses during the week, and what's its web address?",
      ),
    ).toContain('10,000');
    // A professional exam's registration is outside the Week.
    expect((await ask('顺带问一下，社会工作者职业水平考试今年啥时候报名？在哪个网站报')).kind).toBe(
      'out_of_scope',
    );
  });

  it('reads what heldout-52 and -55 showed by kind: a span of days beside the opening, telling clauses, off the topic first, headings and sub-sections, Cantonese outlines (issue 9)', async () => {
    // "11月几号到几号" asks the Week's days; the opening city is asked beside it. "我年纪大了"
    // tells, and asks no age rule.
    const both = await text(
      '我是退休老教师。前年，就是开二十大的那一年，全民终身学习活动周好像是11月办的，我年纪大了记性不好，想请问具体是11月几号到几号呀？全国的开幕式又是在哪个城市搞的？',
    );
    expect(both).toContain('2022年11月20日—26日');
    expect(both).toContain('长沙');
    expect(both).not.toContain('年龄');
    // A place in a clause that tells ("這個說法在臺灣比較少用") is not asked about.
    expect(
      await text(
        '2024年（英文版）通知提到要照顧「一老一小」，這個說法在臺灣比較少用，通知具體要各地辦什麼活動？',
      ),
    ).not.toMatch(/沒有提到臺灣/);
    // Off the topic, said first, or a pension asked about.
    for (const q of [
      '跑题问一下哈，老年大学志愿者一般每月补贴多少钱？成都哪家老年大学钢琴班比较好？',
      '哎对了，顺便问一下，今年广东退休教师的养老金到底调了多少？',
    ])
      expect((await ask(q)).kind, q).toBe('out_of_scope');
    // 视频多大: a size the notices do not set.
    expect(await text('交材料 视频多大 有限制没 22年')).toMatch(/^通知都没有规定图片或视频的大小/);
    // A thesis chapter, headings, a sub-section, "should reach": how a reader asks.
    expect(
      await text(
        'For my thesis chapter: how many numbered sections does the 2024 notice have, and what are their headings?',
      ),
    ).toContain('1. Overall requirements');
    expect(
      (
        await ask(
          "In the 2024 notice, which sub-section covers the 'Lifetime Learning Brand Project' tour, and what does it say the tour should reach?",
        )
      ).kind,
    ).not.toBe('not_in_notices');
    // Cantonese 第五項係講咩: the fifth item of the activities.
    expect(await text('2022年通知嘅活動內容總共有幾多項呀？第五項係講咩㗎？')).toContain(
      '十年成果',
    );
    // How many parts and the fifth one: the list, then the part.
    const parts = await text('2022年通知嘅活動內容總共有幾多項呀？第五項係講咩㗎？');
    expect(parts).toContain('部分共8項');
    expect(parts).toContain('的第5項是');
    expect(
      await text('How many items are in the 2024 activity content, and what is the third one?'),
    ).toContain('Part 3 of');
    // The signature and the annexes, asked together: both.
    expect(
      await text(
        'How is the 2024 notice signed off - which bodies appear at the end - and how many attachments does it list?',
      ),
    ).toContain('Annex 3');
    // "How many are there and what are they?" asks about what the sentence before names.
    expect(
      await text(
        'The 2022 notice lists subject areas for the learning activities in section 2(2). How many are there and what are they? I need the full list for a table.',
      ),
    ).toContain('intergenerational communication');
    // "Who actually hosted it": the opening ceremony the telling sentence names.
    expect(
      await text(
        "Our article says the 2022 national opening ceremony was 'hosted by the Hunan provincial government'. Who actually hosted and co-organised it per the notice?",
      ),
    ).toContain('Changsha Municipal People');
  });

  it("reads what heldout-53 and -54 showed by kind: the asker's own people, a year stated in brackets, pinyin, which body does a thing, the points asked as 原则 (issue 9)", async () => {
    // 我孙子, "my dad … picked": who the asker speaks for is no topic the notices lack.
    expect((await ask('我孙子说有个终身学习账户 是真的吗 24年通知讲了没')).kind).toBe('extractive');
    expect(
      await text(
        'If my dad is picked as a Learning Star under the 2024 notice, what kind of activities will he be expected to join?',
      ),
    ).toContain('enter the campus, community, and enterprise');
    // 今年(2024) and "writing this in early 2023" state the year that 前年 / last year count from.
    expect(
      await text('我们今年(2024)在做方案，想参考下前年那届活动周，前年是几号到几号办的？'),
    ).toContain('2022年11月20日—26日');
    expect(
      await text(
        "I'm writing this in early 2023. For last year's week, what was the deadline for provinces to send in their work summary?",
      ),
    ).toContain('By 10 January 2023');
    // hdz, zhuti: pinyin typed without converting.
    expect(await text('hdz 22年的zhuti是啥 我们乡里中心校要挂横幅 急')).toContain(
      '学习贯彻二十大,终身学习向未来',
    );
    // "活动周期间" names no site: the platform's address, and the count beside it.
    const platform = await text('国开那个平台hdz期间开放多少门课 网址发我下 22年的');
    expect(platform).toContain('le.ouchn.cn');
    expect(platform).toContain('万门');
    // Which body does a thing: the body whose reviewed sentence says it.
    expect(
      await text(
        "According to the 2022 notice, which organisation was going to promote the Learning Stars' experiences nationally?",
      ),
    ).toContain('China Adult Education Association will');
    // 哪几个原则 … 用中文整理: the points of the overall requirements, in Chinese.
    expect(
      await text('我在看2024年那份英文通知，「總體要求」裡面有哪幾個原則？可以幫我用中文整理嗎'),
    ).toContain('堅持突出地方特色');
    // 一省一案 啥意思, 有啥区别: asking words, not topics the notices lack.
    expect((await ask('2024 通知里的一省一案 到底啥意思 跟 一省一周 有啥区别')).kind).not.toBe(
      'not_in_notices',
    );
    // 數碼 is the notices' 数字; a learning passport is no travel document.
    expect(await text('24年通知有冇講點樣幫長者做數碼閱讀?我哋長者中心想參考吓')).toContain('數字');
    expect(
      (await ask('2024年通知有提到個人終身學習帳號嗎？跟台灣的終身學習護照有點像嗎')).kind,
    ).not.toBe('out_of_scope');
    // "who delivered them" (the courses) asks no ceremony's speakers.
    expect(
      await text(
        'Does the 2022 notice talk about digital transformation of lifelong learning? Which online open courses were planned and who delivered them?',
      ),
    ).toContain('Community Education Research and Training Center');
    // A section heading that wins on the question's words does not crowd out the sentences
    // under it: 做报告 is the report meetings and reading-sharing sessions of the Stars' part.
    expect(
      await text(
        '要是我爸今年(2024)评上了，是不是还得去学校、社区做报告啥的？24年通知咋说的，他有点紧张哈哈',
      ),
    ).toContain('读书分享会');
    // 一省一案 beside 一省一周, asked how they differ: what the notice says of each.
    const differ = await text('2024 通知里的一省一案 到底啥意思 跟 一省一周 有啥区别');
    expect(differ).toContain('联合制定全民终身学习活动实施方案');
    expect(differ).toContain('2024年4月至12月上旬');
    // Taiwan compared with is not Taiwan asked about.
    expect(
      await text('2024年通知有提到「個人終身學習帳號」嗎？跟台灣的終身學習護照有點像嗎'),
    ).not.toMatch(/沒有提到臺灣/);
    // "which other sectors or departments are involved": the bodies.
    expect(
      await text(
        'Apart from the education system, which other sectors or departments are involved in the 2024 Learning Week?',
      ),
    ).toContain('Culture and Tourism');
  });

  it('reads what heldout-41 and -42 showed by kind: a second ask, our own portal, the opening city with its day, the purpose, older readers, "charged with", 段片 (issue 9)', async () => {
    // Two asks in one message: each gets its sentence (the reading section's 书香社区 too).
    const reading = await text('2022年通知里对全民阅读有啥要求?书香社区那些还要搞吗');
    expect(reading).toContain('书香社区、书香之家');
    expect(reading).toContain('营造全民阅读浓厚氛围');
    // City and day asked: the city is an answer; the day alone is what the notice leaves open.
    const both = await ask('【转居民提问】1. 2022年活动周全国总开幕式在哪个城市办？2. 具体哪天？');
    expect(both.kind).toBe('fact');
    expect(renderAnswer(both)).toContain('没有写明开幕式的具体日期');
    expect(renderAnswer(both)).toContain('长沙');
    expect((await ask('2022年全国总开幕式最后定在哪一天?')).kind).toBe('not_in_notices');
    // Why the Week is held: the notice's preamble.
    expect(await text('請問2022年活動周嘅背景同目的係咩？點解要搞呢個活動周？')).toContain(
      '二十大精神',
    );
    // Older readers with poor eyesight: large-character and sound books.
    expect(
      await text(
        'What forms of support for older readers does the 2024 notice envisage? My grandmother has poor eyesight.',
      ),
    ).toContain('large-character version');
    // "charged with" a task is no fee.
    const charged = await ask(
      "Which organisation was charged in 2022 with running themed publicity that showcases the 'Stars of Learning'?",
    );
    expect(renderAnswer(charged)).not.toContain('fee');
    // The asker's own portal (我们门户网站) is none of the notices' sites.
    expect(await text('活动周专题网站网址是多少啊，要跟我们门户网站做链接')).toContain(
      'llaw.org.cn',
    );
    // 段片 (a video clip, Cantonese) 幾耐 (how long): a limit no notice sets.
    expect(await text('2022年報送「百姓學習之星」材料，段片最長可以幾耐？要咩檔案格式？')).toMatch(
      /^通知都沒有規定時長或格式方面的限制/,
    );
  });

  it('reads what heldout-38 to -40 showed by kind: counted areas, the 坚持/注重 points, Cantonese afterthoughts, "when they go", the first Week, 主体 (issue 9)', async () => {
    // "the five activity content areas": the section's outline.
    const areas = await text(
      '2024 notice - what are the five activity content areas? short list pls',
    );
    expect(areas).toContain('has 5 parts');
    expect(areas).toContain('Digital empowerment');
    // 哪几个“坚持/注重”: the points of the overall requirements, all four.
    const points = await text('2024年通知里总体要求部分讲了哪几个“坚持/注重”?帮我列一下');
    expect(points).toContain('提出4点');
    expect(points).toContain('注重推进数字化学习');
    // 仲有 (Cantonese "and also") asks for a second site.
    const sites = await text('2022年國家開放大學終身教育平臺嘅網址係咩?仲有中國老年教育網嘅網址');
    expect(sites).toContain('le.ouchn.cn');
    expect(sites).toContain('lnjyw.org');
    // "when they go into campuses" asks for forms, not for dates.
    const forms = await text(
      "2024: what forms should the 'Star of People Learning' use when they go into campuses and communities? like talks?",
    );
    expect(forms).toContain('reading and sharing sessions');
    // The very first Week is a date no notice gives.
    expect(
      await text('When was the very first National Lifelong Learning Week held in China?'),
    ).toMatch(/^The notices do not state when the Week was first held/);
    // A province's week asked through the annex that lists it: its dates are not in the notices.
    const jiangsu = await ask('江苏2024年的活动周具体是哪一周啊？附件1里是怎么排的');
    expect(jiangsu.kind).toBe('not_in_notices');
    expect(renderAnswer(jiangsu)).toContain('没有写江苏省活动周的具体日期');
    // The Stars "评出来的" (chosen) are names no notice lists.
    expect(await text('2022年全国评出来的百姓学习之星都有谁 有没有我们江苏的')).toMatch(
      /^通知中没有写明获选的百姓学习之星或品牌项目名单/,
    );
    // 主体 (zhǔtǐ) typed for 主题 (zhǔtí): the theme.
    expect(await text('2022年活动周主体是啥，村里要挂横幅')).toContain('学习贯彻二十大');
  });

  it('reads what heldout-37 showed by kind: a phone one cannot use, who was named a Star, a least number of events (issue 9)', async () => {
    // 手机 in "old people can hardly use phones" is no phone number; 东西 and 不太会 are no topics.
    const phones = await text('智慧助老 22年通知里让教老人家学哪些东西 我们乡下老人手机都不太会用');
    expect(phones).toContain('智能手机应用');
    expect(phones).not.toContain('联系人');
    // A phone number asked for is still a contact.
    expect(await text('王立的手机是多少')).toContain('010-66096253');
    // Who was named a Star is given nowhere.
    expect(await text('22年评上全国百姓学习之星的都有谁 有我们县的吗')).toMatch(
      /^通知中没有写明获选/,
    );
    // 至少須舉辦幾場 asks a least number no notice sets.
    expect(await text('請問2024年通知有無明定各省至少須舉辦幾場活動？')).toMatch(
      /^通知都沒有規定最低數量/,
    );
  });

  it('names an unknown English word as the user typed it, never as its stem', async () => {
    const armies = renderAnswer(await ask('does the 2024 notice mention armies?'));
    expect(armies).toMatch(/^The notices do not mention “armies”/);
    expect(armies).not.toContain('armi”');
  });

  it('reads "by when" beside a quota as the submission deadline, not the Week’s dates (issue 9)', async () => {
    const text = renderAnswer(
      await ask('how many stars do we need to nominate in 2022 and by when'),
    );
    expect(text).toContain('Deadline: the end of October 2022');
    expect(text).not.toContain('runs 20–26 November 2022');
  });

  it('answers a sentence that asks for no fact beside one that does, each quote numbered to its own citation (issue 9)', async () => {
    const both = await ask('国家开放大学终身教育平台的网址是什么?2022年活动周期间会开放多少课程?');
    const text = renderAnswer(both);
    expect(text).toContain('https://le.ouchn.cn');
    expect(text).toContain('开放万门社区教育');
    // The course sentence is the second citation, and its quote says so.
    const courses = both.citations.findIndex((c) => c.quote.includes('万门'));
    expect(courses).toBe(1);
    expect(both.blocks).toContainEqual(expect.objectContaining({ kind: 'quote', citation: 2 }));
    // The year of the message holds for the sentence that names none.
    const english = renderAnswer(
      await ask(
        '2022: what is the open university platform website? How many courses will it open?',
      ),
    );
    expect(english).toContain('https://le.ouchn.cn');
    expect(english).toMatch(/10,000/);
    // A fact question alone gets no passage added.
    expect((await ask('2022年的主题是什么？')).citations).toHaveLength(1);
  });

  it('answers "今年有什么活动" from that year’s notice: 今年 is no word to search for (issue 9)', async () => {
    for (const q of ['今年有什么活动', '今年是2024年，有什么活动']) {
      const reply = await ask(q);
      expect(reply.kind, q).toBe('extractive');
      expect(
        reply.citations.every((c) => c.source === 'notice-2024'),
        q,
      ).toBe(true);
    }
  });

  it('counts from a year stated in Cantonese or with 都 (而家係2024年, 现在都2025年了) (issue 9)', async () => {
    const cantonese = renderAnswer(await ask('而家係2024年，前年嘅全國開幕式喺邊度辦'));
    expect(cantonese).toContain('按您說的現在是2024年，“前年”是2022年');
    expect(cantonese).toContain('湖南省長沙市');
    const already = renderAnswer(await ask('现在都2025年了 去年的主题是啥'));
    expect(already).toContain('“去年”是2024年');
    expect(already).toContain('让学习成为一种生活方式');
    expect(already).not.toContain('没有2025年');
  });

  it('finds the Week’s "special website" and reads "whats" as asking, not as a topic (issue 9)', async () => {
    const site = renderAnswer(await ask('whats the url of the learning week special website'));
    expect(site).toContain('http://www.llaw.org.cn/');
    expect(site).not.toContain('goschool');
  });

  it('finds contacts asked in Taiwan and Cantonese wording, and "postal code" in English (issue 9)', async () => {
    const caea = renderAnswer(await ask('22年通知入面成人教育協會嘅聯絡人同電話係咩'));
    expect(caea).toContain('胡衛華、黃曉晨，電話 010-58581449');
    const moe = renderAnswer(await ask('2022年職成司聯絡人電話幾號'));
    expect(moe).toContain('010-66096253');
    const english = renderAnswer(await ask('CAEA zip code and e-mail, 2022 notice'));
    expect(english).toContain('caeabgs@126.com');
    expect(english).toContain('postcode 100120');
  });

  it('reads 哪几个/邊幾個 as "which ones", not as a count to find (issue 9)', async () => {
    const platforms = await ask('2022年通知提到邊幾個終身學習公共服務平台？');
    expect(platforms.kind).toBe('extractive');
    expect(renderAnswer(platforms)).toContain('國家開放大學終身教育平臺');
    // Which forms to hand in is the submission, answered, not a quota the notice does not set.
    const forms = await ask('2024年各省教育厅要交哪几个表');
    expect(forms.kind).toBe('fact');
    expect(renderAnswer(forms)).toContain('附件3');
    expect(renderAnswer(forms)).not.toContain('名额');
    // "Sent whenever, or a cutoff?" is about sending, not about when the Week runs.
    const cases = renderAnswer(
      await ask('2024: can typical cases be sent whenever or is there a cutoff'),
    );
    expect(cases).toContain('Typical cases in various places can be sent at any time.');
    // A real count is still checked: no figure in the passages, no answer.
    expect((await ask('开幕式会有多少人参加？')).kind).toBe('not_in_notices');
  });

  it('reads 硬性/数量/规定 as asking for a rule: an on-topic question, not out of scope (issue 9)', async () => {
    const reply = await ask('每个县最少要搞几场活动 有硬性数量规定吗');
    expect(reply.kind).toBe('not_in_notices');
    expect(renderAnswer(reply)).toMatch(/^通知都没有规定最低数量方面的限制或要求/);
  });

  it('answers "係指啲咩人" (who is meant by) with the describing sentence (issue 9)', async () => {
    const star = await ask('22年通知入面嘅「百姓學習之星」係指啲咩人');
    expect(star.kind).not.toBe('not_in_notices');
    expect(renderAnswer(star)).toContain('堅持自主學習、帶動群眾學習');
  });

  it('gives the person and phone asked for with an e-mail the copy lost, as an answer (issue 9)', async () => {
    const reply = await ask('2024年教育部職成司聯絡人、電話同電郵');
    expect(reply.kind).toBe('fact');
    expect(renderAnswer(reply)).toContain('Li Yisheng，電話 010-66097704');
    expect(renderAnswer(reply)).toContain('沒有寫明電子郵箱地址');
    // Only the e-mail asked for: that is not given, and the reply says so.
    expect((await ask('2024年职成司的邮箱是什么')).kind).toBe('not_in_notices');
  });

  it('answers 前年 and "现在是2024年，前年…" for 2022, saying how it counted (issue 9)', async () => {
    const plain = renderAnswer(await ask('前年活动周的主题是什么？'));
    expect(plain).toContain('“前年”从知识库中最新的2024年通知算起，理解为2022年');
    expect(plain).toContain('2022年全民终身学习活动周的主题是“学习贯彻二十大,终身学习向未来”');
    const stated = renderAnswer(await ask('現在是2026年，前年的主題是什麼？'));
    expect(stated).toContain('按您說的現在是2026年，“前年”是2024年');
    expect(stated).toContain('讓學習成為一種生活方式');
    const english = renderAnswer(await ask('What was the theme the year before last?'));
    expect(english).toContain('I took "the year before last" as 2022');
  });

  it('answers in Traditional script, converting quotes from a Simplified or Traditional notice', async () => {
    const reply = await ask('總開幕式在哪個城市？');
    expect(reply.language).toBe('zh-Hant');
    expect(renderText(reply)).toContain('湖南省長沙市');
    expect(reply.citations.some((c) => c.quote.includes('總開幕式擬定於11月下旬'))).toBe(true);
  });

  it('answers in Simplified script with quotes of the Traditional notice converted', async () => {
    const reply = await ask('职成司联系人是谁？');
    expect(reply.language).toBe('zh-Hans');
    expect(renderText(reply)).toContain('教育部职业教育与成人教育司联系人:王立、桂敏');
  });

  it('answers an English question about the Chinese notice in English, with the original words', async () => {
    const reply = await ask('What is the 2022 theme?');
    expect(reply.language).toBe('en');
    expect(renderAnswer(reply)).toMatch(
      /^The theme of the 2022 National Lifelong Learning Week is “Study and implement.*” \(in Chinese: “學習貫徹二十大,終身學習向未來”\)\.$/,
    );
  });

  it('labels a quote from the rendering of the English notice as a working translation', async () => {
    const reply = await ask('2024年关于老年人的数字阅读有什么要求？');
    expect(reply.kind).toBe('extractive');
    const lines = renderAnswer(reply).split('\n');
    expect(lines[0]).toMatch(/^2024年通知（四、活动内容 › /);
    expect(lines[2]).toBe(
      '（项目据英文译本回译的工作译文，逐句对齐；非官方中文原文，以官方通知为准。）',
    );
  });

  it('says which year "this year" was taken to mean', async () => {
    const reply = await ask('今年的主题是什么？');
    expect(renderAnswer(reply)).toContain('“今年”按知识库中最新的2024年通知理解');
  });

  it('says plainly when the notices do not say, and gives the closest facts and whom to ask', async () => {
    const reply = await ask('2023年活动周的主题是什么？');
    expect(reply.kind).toBe('not_in_notices');
    const text = renderAnswer(reply);
    expect(text).toContain('知识库中只有2022年和2024年的活动周通知，没有关于2023年的信息');
    expect(text).toContain('让学习成为一种生活方式');
    expect(text).toContain('010-66097704');
  });

  it('refuses what is not about the Week, politely, with what it can do', async () => {
    const reply = await ask('Tell me a joke');
    expect(reply.kind).toBe('out_of_scope');
    expect(renderAnswer(reply)).toContain(
      'I answer questions about the National Lifelong Learning Week',
    );
    expect(reply.buttons.length).toBeGreaterThan(0);
  });

  it('greets with example questions as buttons, and a button press asks that question', async () => {
    const greeting = await ask('你好');
    expect(greeting.kind).toBe('greeting');
    const button = greeting.buttons[0]!;
    const [answer] = await bot.handle({ channel: 'test', userId: 'u1', action: button.action });
    expect(answer!.kind).toBe('fact');
  });

  it('treats an empty message as a request for help', async () => {
    const reply = await ask('   ');
    expect(reply.kind).toBe('help');
    // Buttons carry short ids, never their labels: the examples by number, and drafting.
    expect(reply.buttons.map((b) => b.action)).toEqual(['ex:0', 'ex:1', 'ex:2', 'nom']);
  });

  it('uses the platform locale for a message without letters from a new user', async () => {
    const [reply] = await bot.handle({
      channel: 'test',
      userId: 'new-user',
      text: '？',
      locale: 'en-US',
    });
    expect(reply!.language).toBe('en');
  });

  it('never throws at an adapter: a failure is a polite reply in the user’s language', async () => {
    const broken = createBot({ index, retriever: brokenRetriever() });
    const [en] = await broken.handle({
      channel: 'test',
      userId: 'u1',
      text: 'What does the 2024 notice say about reading?',
    });
    expect(en).toMatchObject({ kind: 'error', language: 'en' });
    expect(renderText(en!)).toBe(
      'Sorry, something went wrong while answering your message. Please try again in a moment.',
    );
    const [zh] = await broken.handle({
      channel: 'test',
      userId: 'u1',
      text: '活動周怎麼推動閱讀？',
    });
    expect(renderText(zh!)).toBe(
      '抱歉，剛才處理您的消息時出了問題，沒有得到答案。請稍後再試一次。',
    );
    expect(renderText(zh!)).not.toMatch(/Error|at .*\.ts/);
  });

  it('says "not in the notices" when retrieval finds nothing good enough', async () => {
    const empty = createBot({ index, retriever: fixedRetriever([]) });
    const [reply] = await empty.handle({
      channel: 'test',
      userId: 'u1',
      text: '2024年关于图书馆有什么要求？',
    });
    expect(reply!.kind).toBe('not_in_notices');
  });
});
