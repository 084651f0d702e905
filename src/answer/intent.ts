import { normalizeForSearch } from '../knowledge/script.js';

/** What a message asks for. */
export type Intent =
  | 'greeting'
  | 'help'
  | 'nomination'
  | 'out_of_scope'
  | 'opening'
  | 'theme'
  | 'contacts'
  | 'websites'
  | 'annexes'
  | 'document'
  | 'issuer'
  | 'organizers'
  | 'submission'
  | 'schedule'
  | 'activities';

/** Which detail of a contact a question asks for, if any. */
export type ContactField = 'email' | 'phone' | 'postcode' | 'names';

// Rules are tried in order on the normalised (Simplified, lower-case) text; the first match wins.
// Specific topics come before broad ones: "开幕式在哪里" is about the opening, not the schedule.
const RULES: readonly (readonly [Intent, RegExp])[] = [
  ['help', /^\/?(help|start|帮助|使用说明|怎么用)\b|^(你|您)?能做什么|what can you do/],
  [
    'nomination',
    /^\/nominate|(我想|我要|帮我|想要|如何|怎么|开始)(推荐|申报|提名|起草|填写?).{0,12}(百姓学习之星|学习之星|品牌项目|推荐表|材料)|\b(i want to|i'd like to|help me|let me|how do i|start (a|the)?)\s*(nominate|draft|recommend|apply)|^(nominate|draft)\b/,
  ],
  [
    'out_of_scope',
    /^(?!.*(?:week|theme|star|brand|notice|slogan|活动周|主题|通知|之星|品牌)).*\bhow (?:do|would|can) (?:u|you|i|we) say\b|^(?:totally |completely |a bit )?(?:unrelated|off[- ]topic)\b|^题外话|^(?:跑题|跑个题|离题|岔开)|天气|落雨|\blaksa\b|\bhotpot\b|火锅|\brestaurants?\b|\brecipes?\b|餐厅|饭店|美食|食谱|菜谱|砵仔糕|(?:教我|点样)整.{0,4}(?:糕|饼|菜|汤)|(?:退役金|退休金|养老金)[^，,。？?]{0,6}(?:涨|发放|领|调整|上调|补发|到账)|落雪|下雨|下雪|打风|天文台|气温|股票|煲.{0,3}汤|老火汤|炖汤|股价|行情|笑话|段子|写.{0,6}诗|生日祝福|祝寿|birthday (?:message|card|wish|greeting|poem|speech)|wedding (?:speech|toast)|诗歌|电影|电视剧|菜谱|食谱|做饭|足球|篮球|彩票|星座|算命|翻译一下|推荐(?:几本|一本|本|几部|一部|几首|一首|几家|一家|些|一些|点)?(?:好)?(?:书|歌|电影|景点|餐厅)(?![活会友香单])|餐厅|餐馆|饭店|饭馆|酒店|宾馆|美食|好吃|好嘢食|好食|食肆|外卖|正宗|小吃|特产|臭豆腐|火锅|奶茶|景点|聚餐|聚会|团建|(?<![\d〇零一二三四五六七八九])年会|婚礼|请假条|下雨|下雪|带伞|雨伞|台风|打风|天文台|风球|(?:几|[一三八九十])号(?:风)?波|黑雨|红雨|暴雨警告|降温|升温|\btyphoon|\brainstorm warning|\bcache\b|\bandroid\b|\biphone\b|storage full|旅游攻略|游玩|玩两天|玩几天|好玩|哪家.{0,4}(?:最|好|便宜)|机票|火车票|高铁|动车|二等座|weather|stock|joke|poem|movie|film|recipe|football|soccer|lottery|horoscope|bitcoin|recommend (?:me )?(?:a|an|some)\b.{0,30}\b(?:books?|songs?|restaurants?|films?|movies?|apps?|vpns?|games?|phones?|laptops?|noodles?|dumplings?|caf[eé]s?|coffee|bars?|pubs?|bakery|bakeries|(?:food|eating|lunch|dinner|noodle|dumpling) (?:places?|spots?|stalls?|shops?))\b|\b(?:noodle|dumpling|hotpot|bbq|barbecue) (?:places?|spots?|shops?|restaurants?|stalls?)\b|\bplaces? to eat\b|\bwhere (?:to|can i|should i|do i) eat\b|面馆|面館|吃面|吃麵|\bvpn\b|netflix|\btextbooks?\b|期末考|高等数学|考试通知|帮我写(?!.{0,12}(?:推荐|申报|材料|学习之星|品牌|事迹|总结|方案))|翻墙|哪家医院|哪个医院|什么医院|\b(?:which|what|best|good) hospitals?\b|\bbibliograph|\bcitation style|\b(?:chicago|apa|mla|harvard) style\b|\bunrelated to (?:the |this |your )?(?:week|notices?|topic)\b|农药|化肥|施肥|打药|小麦|玉米|水稻|种粮|(?:粮食|农业|农机|惠农|种植)补贴|除草剂|病虫害|杀虫剂|\bpesticides?\b|\bfertili[sz]ers?\b|ielts|toefl|\bhsk\b|汉语水平考试|\buniversit(?:y|ies)\b.{0,40}\bph\.?d\b|\bph\.?d\b.{0,40}\bscholarships?\b|\bfull scholarships?\b|奖学金|读博|考博|雅思|托福|考研|高考|中考|年度考核|考核登记表|述职报告|借书证|借書證|读者证|借阅证|\blibrary card|(?:资格|水平|职称|公务员|司法|执业)考试|评职称|职称评[定审聘]|职称申报|gaokao|zhongkao|exam results|低保|社保|医保|公积金|(?<!学习|学分|终身)护照|签证|驾照|驾驶证|生果金|综援|强积金|(?:养老金|退休金)(?:到底|究竟|今年|又)?(?:调了|调整了|涨了|怎么|如何|多少|几多|领取|什么时候|几时|涨|调整|查询|能不能|可以)|restaurants?|hotels?\b|cuisine|takeaway|flights?\b|train tickets?/,
  ],
  // "发给哪些单位", "who is it addressed to": the addressees (not "孙女发给我一个英文的通知"), which the notice's opening names
  // (read from the passages), not the organisers.
  [
    'activities',
    /^(?!.*(?:报送|提交|上报|材料)).*(?:发给|发送给)(?!我|你|他|她|俺|咱|阿|老)|主送|致哪些|addressed to|addressees|recipients\b|notice (?:was |is )?sent to/,
  ],
  // "那份通知是开幕当天才发的吧", "was the notice issued on the day of the opening?": when the
  // notice was issued, which a day of the Week is checked against.
  [
    'issuer',
    /通知[^，,。？?]{0,20}(?:发的|发出的?|印发的?|发布的?)(?:吧|吗|嘛|呢|么|对吧|对吗|是吧|是吗|[?？]|$)|\bnotice (?:was |get |got )?(?:issued|published|released|sent out)\b/,
  ],
  // "the opening general section" is the notice's opening, not the ceremony.
  [
    'opening',
    /开幕式|开幕|opening ceremony|\bkick(?:s|ed|ing)?[\s-]*off\b.{0,20}\bwhere\b|\bwhere\b.{0,30}\bkick(?:s|ed|ing)?[\s-]*off\b|\bopening\b(?!(?:\s+\w+){0,2}\s+(?:section|part|paragraph|lines?|sentences?|words))(?!\s+(?:up|some|of|\d(?!\d{3}\b)|ten|hundreds?|thousands?|(?:[\w-]+\s+){0,3}(?:courses?|classes|resources|platforms?)))/,
  ],
  // "theme education and learning activities", 主题宣传活动: a kind of activity, not the theme.
  [
    'theme',
    /主题(?!教育|阅读|宣传|党日|下面|下的|之下|底下)|口号|\btheme(?!d\b| education| reading| publicity)|slogan|motto/,
  ],
  [
    'document',
    /文号|发文字号|公文字号|字号|文件号|文档号|(?:厅|司)?函(?:〔\d{4}〕|\[\d{4}\])?(?:第)?(?:几|多少)号|document (?:number|no\b)|reference number|\bdoc\.? ?(?:number|no\b|#)|\bfile number/,
  ],
  // "2024 annexes go to which dept?", "交给哪个部门": where things are sent, not who issued.
  [
    'submission',
    /\b(?:go|goes|sent|send|submitted|returned|forwarded) to (?:which|what|whom)\b|\bwho (?:receives|gets) (?:the )?(?:annex|form|material|summar)|(?:交|报|寄|送)(?:给|到)(?:谁|哪个|哪|边个)/,
  ],
  [
    'issuer',
    /(?:一家|几家|哪家|单独|自己)发的|(?:就是|只是|只有).{0,8}(?:一家|单独|自己)(?:发|印发|发布)|issuing (?:authority|authorities|office)|\b(?:issue|issuing|issuance|publication) date\b|\bdate of (?:issue|issuing|issuance|publication)\b|\bput (?:it |this |that )?out\b|\bwhich (?:five|four|three|two|\d) (?:departments|ministries|bodies|offices|exactly|are they|were they)\b|哪五个|哪几个部门(?:联合)?发|哪个部门发|部门发(?:的|嘅|咗)|(?:边日|边一日|哪日)(?:发出|发布|印发|发)|(?:几时|什么时候|何时|哪天|哪日|哪一天)\s*(?:发出|发的|发布|印发)|(?:哪个|哪些|哪几个|几个)(?:单位|部门).{0,12}(?:一起|共同|联合)?(?:发出|发的|印发|下发)|(?:部门|单位)联合(?:发|印发|发布)|联合发(?:布|文|的)|单位发的|谁发的?|谁发布|发布.{0,4}(部门|单位|日期|时间)|哪天发布|何时发布|什么时候发布|(?:几月几[号日]|几号|哪一日|哪日)(?:发布|印发|发出|发的)|(?:发布|印发|发出)(?:的)?(?:日期|时间)|发文|印发|落款|issued|issuer|\bissue (?:the|this|that|it)\b|who (sent|published|signed)|date of the notice|\b(?:bodies|departments|ministries|agencies|who) (?:were|was|are|is) behind\b|\bwho(?:'s|’s) behind\b|签发|签署|签字|签名|签的字|\bsigned\b(?! up)|\bdated\b/,
  ],
  [
    'contacts',
    /联系|电话|邮箱|电子邮件|电邮|邮编|(?<=[打拨的])手机|手机(?=号|多少|几多|是多少|呢)|传真|是谁的|(?:找|问|打给)(?:谁|哪个|哪位|边个|边位)|contact|\bphone\b|telephone|e-?mail|\bmobile\b|postcode|postal code|\bfax\b|\bring (?:up )?(?:the|them|someone|somebody)\b|\bwho (?:do |should |can |must )?(?:i|we) (?:should |can |must )?(?:ask|call|ring|phone|talk to|speak to|reach|contact)\b|\bwho to (?:ask|call|ring|phone)\b|\b(?:what'?s|what is|and what) (?:the |their |his |her )?(?:phone )?number\b|\bbe reached\b|\breach (?:them|him|her)\b|\bwho handles\b/,
  ],
  // "any body with an international link" is a tie, not a web link.
  [
    'websites',
    /网址|网站(?!上)|官网|网页|链接|website|web site|\bweb ?address|\burls?\b|\bsite\b|(?<!(?:international|close|direct|strong|formal|official|overseas|foreign|global) )\blinks?\b(?!s? (?:to|with) (?:the )?(?:un|unesco|united|international|overseas|foreign|abroad))/,
  ],
  // "工作总结最迟哪天前要报到领导小组办公室": by when something is sent, whoever receives it;
  // "推荐流程": how nominating goes.
  [
    'submission',
    /(?:推荐|申报|报送)(?:的)?(?:流程|步骤|程序|办法|方式)|\bafter the (?:week|event)\b.{0,20}\b(?:over|ended|finished|closed)\b|活动周结束(?:后|之后|以后)|(?:最迟|最晚|截止|哪天前|几号前|之前).{0,12}(?:报送|提交|上报|报到|交)|(?:报送|提交|上报|总结|材料).{0,12}(?:最迟|最晚|截止|哪天前|几号前)|\b(?:submi\w*|hand(?:ed|ing)? in|send|sent|summar\w*|materials?|nominations?)\b.{0,80}\b(?:deadline|due date|due by|by when|cut-?off)\b|\b(?:deadline|due date|cut-?off)\b.{0,60}\b(?:submi\w*|hand(?:ed|ing)? in|send|summar\w*|materials?|nominations?)\b|\b(?:summar\w*|materials?|nominations?)\b.{0,40}\b(?:due|owed)\b/,
  ],
  [
    'organizers',
    /\b(?:is|are|was|were)\s+(?:the\s+)?(?:unesco|caea|(?:[\w-]+\s+){0,3}(?:ministry|department|association|union|commission|federation|secretariat))\b.{0,30}\binvolved\b|(?:教科文|工会|协会|民政)[^，。？?]{0,10}(?:参与|参加)(?:了)?(?:吗|嘛|没有|冇|不|[?？]|$)|\borgani[sz]ed by\b|\b(?:alone|on its own|by itself)\b.{0,30}\b(?:organi[sz]|run|held|hold)|\b(?:organi[sz]\w*|run|held) (?:\w+ ){0,6}(?:alone|on its own|by itself)\b|主办|承办|协办|举办单位|哪些单位|哪些部门|几个部门|联合举办|共同举办|谁举办|谁主办|领导小组|leading group|organi[sz]ers?\b|(?<!beyond |besides |other than |apart from )co-?organi[sz](?:ed|es|e|ing|ers?)\b|(?:organi[sz]ing|issuing)(?: or (?:organi[sz]ing|issuing))? (body|bodies|units?|departments?)|who (?:is |are |was |were )?organi[sz](?:es|e|ing|ed)\b|which departments|which (?:other )?(?:sectors|departments|bodies|ministries)(?: (?:or|and) (?:sectors|departments|bodies|ministries))? (?:are|were|is) (?:involved|taking part|participating)|jointly|\bwho (?:hosts|hosted|will host|is hosting)\b|\bhosted by\b|\bhosts? (?:of|for) the\b|\bhost (?:city|province|units?|bodies|body|institutions?)\b|\bthe hosts?\b|who (runs|holds|leads)|in charge\b|responsible for|(?:哪个|什么|哪些|谁|哪)(?:部门|单位)?负责|负责(?:的)?(?:部门|单位)|由谁负责/,
  ],
  // "附件有几个", "how many attachments": the annexes, not a submission quota ("要报送哪些附件"
  // asks what is submitted).
  [
    'annexes',
    /(?<!(?:报送|提交|上报|交|报)的?哪?)(几个|多少个?|哪些|哪几个)\s*附件|附件.{0,6}(几个|多少|哪些|哪几个)|how many (annex|attachment)|(annexes|attachments)\b.{0,20}\b(are|were) (they|there)|what are the (annexes|attachments)/,
  ],
  // "How many courses…", "多少门课": the courses a platform opens, not a submission quota.
  [
    'activities',
    /\b(?:courses?|classes|lessons)\b.{0,60}how many|how many.{0,30}\b(?:courses?|classes|lessons)\b|多少门|几门|幾門/,
  ],
  [
    'submission',
    /报送|提交|上报|(?<!外)交(?!流|通|互|叉|费|钱)|报(?!道|名|告|纸|刊)|推荐(?=.{0,8}(名|个|百姓学习之星|学习之星|品牌项目|材料|人选|多少人|几人|几个人))|推荐材料|(?<![哪边])几名|(?<![哪边列举说讲讲写给])几个(?![\u4e00-\u9fff]{1,4}(?:想|打算|准备|一起|都想|也想))(?![^，。？?]{0,14}(?:原则|方面|部分|要点|特点|重点|任务|板块|方向|环节|措施))|多少名|(?<![门])多少个|材料|截止|截至|期限|(?<!成果)总结(?!宣传|展示|几年|多少年|哪几年|哪些年)|汇总表|典型案例|submit|submission|deadline|cut-?off|due\b|\bsend\b|\bsent\b|how many(?!\s+(?:are|were)\s+(?:there|they)\b)(?!(?:\s+[\w-]+){0,4}?\s+(?:topics|areas|subjects|kinds|types|forms|elderly|seniors|adults|older|people|persons|participants|attendees|visitors|residents|learners|courses|classes|lessons|platforms|websites|sites|activities|events|venues|cities|provinces|days|weeks|years|times|parts|sections|points|items|principles|themes)\b)|report(?:ing)? back|fill (?:in|out)\b|recommend|\bquotas?\b|名额|(?<!reading |learning |teaching |study |publicity )materials?|summary|nominat|\bput forward\b|\b(?:maximum|max|minimum|min) number of\b(?=.{0,40}\b(?:stars?|projects?|candidates?|nominees?)\b)/,
  ],
  ['annexes', /附件|annex|attachment/],
  // "各地可唔可以自己决定活动周嘅举办形式": how it is held, not when.
  ['activities', /举办形式|举办方式|组织形式|自行决定|自己决定/],
  [
    'schedule',
    // A month the asker claims ("不是一直都在5月搞的吗", "2022年也是5月吧", "held in May, right?"):
    // the dates are what is checked. So is a claim that the Week was called off ("basically
    // cancelled because of covid", 是不是取消了): the notice's dates answer it.
    /(?:取消|停办|不办了)(?:了)?(?:吗|吧|嘛|么)?|\b(?:cancel\w*|called off|scrapped)\b|(?:不是|都是|一直|总是|每年|也是|就是|都在|是在|是|系|喺)(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?!\d{1,2}[日号])|(?:不是|都是|一直|总是|每年|也是|就是|都在|是在).{0,6}(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?!\d{1,2}[日号])|(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:份)?(?:搞|办|举办|举行)?的?[，,]?(?:吧|嘛|对吧|对不对|是不是|系唔系)|\b(?:in|every) (?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b.{0,30}\b(?:right|isn'?t it|wasn'?t it|correct|true)\b|什么时候|啥时候|几时|何时|哪天|边几日|边几天|边日|好久到好久|是好久|好久(?:开始|结束|开|办|搞|举办|截止)|开始|哪几天|(?<![函文字〕\]】])几号|几月|几天|几多日|几多天|多少天|多少日|持续(?![、,，]?(?:集中)?(?:开展|推进|推动|做好|引导|加强|深化|组织|办|举办|搞|进行|提供|开放))|多久|多长时间|时间|日期|怎么安排|如何安排|怎样安排|时间安排|日程|办理期间|举办期间|期间为何|期间是|\b(?:start|starts|begin|begins|end|ends|finish|finishes|close|closes)\s+(?:on\s+)?(?:which|what)\s+(?:day|date)\b|\b(?:what|which) (?:day|date)\s+(?:(?:does|did|will|do)\s+(?:it|the week)\s+)?(?:start|starts|started|begin|begins|began|end|ends|ended|finish|finishes|finished)\b|\bhow many days\b(?!.{0,20}\b(?:before|after|until|till|left)\b)|(?<!\b(?:during|in|within|throughout|for|over|that|this|same|transition|trial)\s(?:the\s|this\s|that\s|a\s|an\s|what\s|which\s)?)\bperiod\b|举办|举行|一省一周|同一个?周|同一时间|同时举办|\bwhen\b(?!\s+[a-z]+ing\b)(?!\s+it\s+(?:comes?|came)\s+to\b)(?!\s+(?:they|we|you|he|she|i|people|residents|participants)\b)|一齐(?:搞|办|举办)|一起(?:搞|办|举办)|全国(?:统一|一齐|一起)(?:搞|办|举办)?|一个周|\bsingle week\b|date|dates|schedul|timing|held(?![\s-]+(?:online|offline|in[- ]person|virtually))|(?<!\b(?:be|been|is|are|was|were) )\brun\b|\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.? ?\d{1,2}(?:st|nd|rd|th)?\b|week of|arrange|organised across|organized across|how long|\blasts?\b(?!\s+(?:year|years|week|time|month|edition|one|notice|session))|\bhappens?\b|take place|takes place|\bkicks? off\b|\bkicking off\b|\b(?:when|period|months?|dates?|time)\b[^.?!]{0,40}\b(?:took|taking) place\b|same (week|time|dates?)|\b(?:\d{1,2}|five|six|seven|eight|nine|ten)[\s-]days?\b(?!\s+(?:before|after|ago|later|earlier|of\b))|\bone week (?:per|for each|in each|in every|for every) province\b|\beach province(?:'s| has| holds| runs| gets)? (?:its )?own week\b|\bat different times\b|\bstaggered\b/,
  ],
  [
    'activities',
    /活动|做什么|开展|阅读|老年|数字|activit|reading|elderly|digital|campus|communit|platform|平台/,
  ],
];

// One greeting word or more, in any order, with particles and punctuation ("在吗？你好呀", "哈囉～早安").
const GREETING_WORD =
  '你好|您好|嗨|哈喽|哈啰|哈囉|早上好|下午好|晚上好|早晨|早安|晚安|谢谢|多谢|感谢|谢啦|在吗|在不在|在么|在嘛|hi|hello|hey|hey there|hi there|hello there|good (?:morning|afternoon|evening)|thanks|thank you';
const GREETING = new RegExp(
  `^(?:${GREETING_WORD})(?:[,，!！。.~～\\s?？]|${GREETING_WORD}|你|您|啊|呀|哦|喔|there)*(?:你能做什么|能做什么|what can you do)?[?？!！。.\\s]*$`,
);

// "Which courses will the centre run", "有哪些活动举办": a question for things, not for a time,
// even when a word of the schedule rule ("run", 举办) is in it.
const ASKS_THINGS =
  /\b(which|what)\b|哪些(?!天|日)|哪几(?:个|家|种|类|项)|有什么|有啥|多少(?![天日号周年月钟小时])/;
export const ASKS_TIME =
  /\bkicks? off\b|\bwhen\b(?!\s+[a-z]+ing\b)(?!\s+(?:they|we|you|he|she|i|people|residents|participants)\b)|\bdates?\b|\bdays?\b|\btime\b|how long|schedul|period|\bmonth|什么时候|啥时候|几时|何时|哪天|哪几天|几号|几月|时间|日期|多久|多长|好久到好久|是好久/;

/** Reads the intent of a message. */
/** The ceremony named, then, in the same clause, a contact of someone in it. */
const CONTACT_OF_CEREMONY = /开幕式[^?？,，;；。]*(?:的|嘅)(?:联系人|联络人|联系电话|电话|邮箱)/;

export function classifyIntent(text: string): Intent {
  // "when it comes to digital reading" asks about, not when.
  const t = normalizeForSearch(text)
    .replace(/\bwhen it comes to\b/g, 'about')
    // "… when it talks about opening up resources": where the notice speaks, not a time.
    .replace(
      /\bwhen (?:it|they|the (?:2022 |2024 )?(?:notice|document|text)) (?:talks?|speaks?|discusses|mentions|refers?|deals?|writes?)(?: about| of| to| with)?\b/g,
      'about',
    )
    .trim();
  if (GREETING.test(t)) return 'greeting';
  for (const [intent, pattern] of RULES) {
    if (!pattern.test(t)) continue;
    // "总开幕式承办方湖南省教育厅嘅联系人": the contact of the ceremony's host is asked, not the
    // ceremony (a Chinese phrase's head comes last).
    if (intent === 'opening' && CONTACT_OF_CEREMONY.test(t)) return 'contacts';
    if (intent === 'schedule' && ASKS_THINGS.test(t) && !ASKS_TIME.test(t)) return 'activities';
    return intent;
  }
  return 'activities';
}

/** Every detail of a contact a question asks for ("联络人、电话同电邮": names, phone, email). */
export function contactFields(text: string): ContactField[] {
  const t = normalizeForSearch(text);
  const fields: ContactField[] = [];
  if (/邮箱|电子邮件|电邮|e-?mail/.test(t)) fields.push('email');
  if (/邮编|postcode|postal/.test(t)) fields.push('postcode');
  if (/电话|手机|phone|telephone|mobile|number/.test(t)) fields.push('phone');
  if (/联系人|联络人|是谁|谁|who|\bnames?\b|名字|姓名/.test(t)) fields.push('names');
  return fields;
}

/** The contact detail a question asks for ("…的邮箱", "phone number of …"), if one. */
export function contactField(text: string): ContactField | undefined {
  return contactFields(text)[0];
}

/** Intents answered from verified facts, which a question may ask two of at once. */
const PARTS: ReadonlySet<Intent> = new Set([
  'opening',
  'theme',
  'document',
  'issuer',
  'contacts',
  'websites',
  'organizers',
  'submission',
  'schedule',
]);
/**
 * Where one question joins another ("主题和举办时间分别是什么", "主題同舉辦時間" in Cantonese,
 * "who organises it and when"); 同 only where it is not part of a word (共同, 同学, 同时).
 */
// "…是几号到几号啊开幕式在哪开的" (said, not typed): a particle that ends one ask before another.
const JOINS =
  /(?<=[啊呀嘛吗])(?=[\u4e00-\u9fff])|和|与|及|以及|还有|并且|另外|同埋|跟|(?<![共不相合一陪])同(?![学时样等一意事步])|[,，;；]|[?？](?=.)|\band\b|\bbut\b|\balso\b|\bplus\b|\s\+\s?|\s&\s/;

/**
 * Every fact a question asks for, in the order it names them, when it joins two or more
 * ("主题和举办时间分别是什么" → theme, schedule): each joined part is read on its own, so the 举办 of
 * "开幕式在哪里举办" stays with the opening. Otherwise just its intent.
 */
export function classifyIntents(text: string): Intent[] {
  return questionParts(text).map((p) => p.intent);
}

/** One part of a question and what it asks for. */
export interface QuestionPart {
  readonly intent: Intent;
  /** The part's own words (the whole question when it has one part). */
  readonly text: string;
}

/** Asks numbered 1, 2 … in one line. */
const NUMBERED = /(?:^|\s|[:：])1[.、．)）]?\s+\S[\s\S]*\s2[.、．)）]?\s+\S/;
const JOINS_OR_NUMBERS = new RegExp(`\\s+[1-9][.、．)）]?\\s+|${JOINS.source}`);

/**
 * The parts of a question that asks for two facts or more, each with its own words, so that
 * "who's the MOE contact, and what's the theme" looks up the contact without "theme" in it.
 */
export function questionParts(text: string): QuestionPart[] {
  const first = classifyIntent(text);
  const t = normalizeForSearch(text).trim();
  // "附件有哪几个?报给哪个司?": the annexes beside a fact are a part too.
  // "22年活动周几号到几号 全国开幕式定的哪天以后": a space between two asks parts them (not one
  // that sets off a topic or a remark: "22年活动周 时间？", "…是哪位领导 需要报送抬头").
  const chunks: string[] = [];
  for (const c of t.split(/(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/)) {
    const prev = chunks[chunks.length - 1];
    if (prev === undefined || (QUESTION_FORM.test(prev) && QUESTION_FORM.test(c))) chunks.push(c);
    else chunks[chunks.length - 1] = `${prev} ${c}`;
  }
  // "两个问题：1 2024年主题是啥 2 2022年开幕式在哪办": numbered asks, when there are two in
  // order ("is the week actually 7 days" numbers nothing).
  const joins = NUMBERED.test(t) ? JOINS_OR_NUMBERS : JOINS;
  if ((!PARTS.has(first) && first !== 'annexes') || (!joins.test(t) && chunks.length < 2))
    return [{ intent: first, text }];
  const found: QuestionPart[] = [];
  for (const part of chunks.flatMap((c) => c.split(joins))) {
    const intent = classifyIntent(part);
    // "…and how many attachments does it list": the annexes counted are a part of their own
    // (附件2同附件3 named in a deadline question are not).
    // "…的文号，另外附件2、附件3分别是什么内容": what the annexes are is a part too.
    if (
      !PARTS.has(intent) &&
      !(intent === 'annexes' && (COUNTS_ANNEXES.test(part) || NAMES_ANNEXES.test(part)))
    )
      continue;
    // "we ran something for the week last fall, … when was the report due": a part that tells
    // what the asker did asks nothing.
    if (TELLING_PART.test(part) && !QUESTION_FORM.test(part)) continue;
    // "开幕式在哪办?几号?": a bare "几号" asks about what the part before it named; a short part
    // that names a fact ("主题和举办时间") is a part of its own.
    if (
      [...part.replace(/[\s?？!！。.]/g, '')].length <= 3 &&
      intent === 'schedule' &&
      (found.some((f) => f.intent === 'opening' || f.intent === 'submission') ||
        /^(?:几号|幾號|哪天|哪日|何时)$/.test(part.replace(/[\s?？!！。.]/g, '')))
    )
      continue;
    const prior = found.findIndex((f) => f.intent === intent);
    if (prior >= 0) found[prior] = { intent, text: `${found[prior]!.text} ${part}` };
    else found.push({ intent, text: part });
  }
  // "On what date and in which city was the opening ceremony held?", "how many stars do we
  // nominate and by when": a part that asks only when ("on what date", "几号", "by when") asks
  // about the ceremony or the submission the other part names, not the Week.
  const host =
    found.find((f) => f.intent === 'opening') ?? found.find((f) => f.intent === 'submission');
  const parts = host
    ? found.filter((f) => {
        if (f.intent !== 'schedule' || NAMES_WEEK.test(f.text)) return true;
        found[found.indexOf(host)] = { intent: host.intent, text: `${f.text} ${host.text}` };
        return false;
      })
    : found;
  // "附件有哪几个?报给哪个司?": the annexes the whole asks for, and where they are sent.
  if (first === 'annexes' && parts.length === 1 && parts[0]!.intent === 'submission')
    return [{ intent: first, text }, parts[0]!];
  return parts.length > 1
    ? parts
    : [{ intent: parts.length === 1 ? parts[0]!.intent : first, text }];
}

/** Asks what the annexes are ("附件2、附件3分别是什么内容", "what are annexes 2 and 3"). */
const NAMES_ANNEXES =
  /附件.{0,12}(?:是什么|是啥|分别是|什么内容|啥内容|内容是|系咩|系乜|讲什么|讲乜|是关于|叫什么|载明|载有|写了?(?:什么|啥|些什么)|讲了(?:什么|啥|些什么)|列了(?:什么|啥|哪些)|包括(?:什么|啥|哪些))|\bwhat (?:are|is|were|was) (?:the )?(?:annex|attachment)|\b(?:annex|attachment)e?s?\b.{0,24}\b(?:about|contain|cover|called|titled)\b/;
/** Asks how many annexes a notice lists. */
const COUNTS_ANNEXES = /how many (?:annex|attachment)|(?:几|多少)个?附件|附件.{0,4}(?:几个|多少)/;

/** A part that opens with the asker ("we ran…", 我们办了…): telling, unless it also asks. */
const TELLING_PART = /^\s*(?:i|we|my|our|i'm|im|we're|we've|i've|我|我们|我們|我哋)(?![a-z])/i;

/**
 * The sentences of a message that ask something, split where one ends ("?", "。") or where a
 * terse message leaves a space between two ("…网址多少 22年…开放多少门课").
 */
export function askingSentences(text: string): string[] {
  return text
    .split(/(?<=[?？!！。;；\n])|(?<=\p{Script=Han})\s+(?=[\p{Script=Han}\d])/u)
    .map((s) => s.trim())
    .filter((s) => QUESTION_FORM.test(s) || REQUESTS.test(s));
}

/** A sentence that asks by requesting ("A list please, with web addresses…", "请列一下网址"). */
export const REQUESTS =
  /^(?:(?:a|the) (?:full )?list\b|list (?:them|all|the)\b|(?:please )?(?:give|show|tell|send) me\b|please (?:list|give|tell|send|show|include)\b)|^(?:请|麻烦|劳烦)?(?:你)?(?:帮我)?(?:列|列出|列一下|给我|发给我|告诉我)/i;

/** Words that name the Week or its period, as a schedule question's own topic. */
// "11月几号到几号", "the dates on which it ran": a span of days is the Week's, a ceremony has one
// day.
const NAMES_WEEK =
  /week|period|活动周|活動週|活动|周|週|期间|時間|时间段|省|几号到几号|幾號到幾號|到几号|到幾號|from when to when|\bdates\b|\b(?:ran|runs|lasts?|lasted)\b/i;

/** Intents answered from verified facts first. */
export const FACT_INTENTS: ReadonlySet<Intent> = new Set([
  'theme',
  'schedule',
  'opening',
  'organizers',
  'issuer',
  'document',
  'submission',
  'contacts',
  'websites',
  'annexes',
  'nomination',
]);

/** The shape of a question (a question mark or 吗 at the end, a question word at the start). */
export const QUESTION_SHAPE =
  /[?？吗嗎呢]\s*$|(什么|什麼|多少|哪里|哪裡|哪儿|谁|誰|几号|幾號|何时|何時)\s*$|^(请问|請問|什么|什麼|哪|谁|誰|几|幾|多少|怎么|怎麼|如何|为什么|為什麼|是否|是不是|有没有|有沒有|能不能|可不可以)|^(when|what|where|who|whom|which|why|how|is|are|do|does|can|could|will|should)\b/i;
/** Any sign of a question (几 after a numeral is a number: 七十几岁 asks nothing). */
export const QUESTION_FORM =
  /[?？]\s*$|^(?:(?:and|also|plus|but|so|or)\s+)?(what|when|who|whom|which|where|why|how|is|are|do|does|did|can|could|will|would|should|any|anything)\b|\b(?:asks?|asked|asking|wonder(?:ing)?|know|tell (?:me|us))\s+(?:when|what|who|where|which|how|whether|if)\b|什么|什麼|何时|何時|哪|谁|誰|多少|(?<![十百千万萬一二三四五六七八九两兩])[几幾](?![十百千万萬])|吗|嗎|呢|是否|怎么|怎麼|如何|有没有|有沒有|有冇|咩|乜|啥|边度|邊度|边个|邊個|点样|點樣|来着|來著|咋|是好多|(?:有|开|開|要)好多(?!人)|好多(?=[，,。？?!！]|$)|\bseems? (?:odd|strange|wrong|off)\b|\bsomething (?:odd|strange|off|wrong)\b|\bconfus(?:ed|ing)\b|\bmisread\b|\bdoesn['’]t (?:add up|make sense)\b|奇怪|矛盾|对不上|對不上|看错|看錯|(?:给|給|发|發|告诉|告訴|提供|俾)(?:一下|下我|我)|麻烦|麻煩|\bplease (?:give|send|tell|list|provide|share)\b|\b(?:give|send|tell|show) (?:me|us)\b/i;
