import { normalizeForSearch } from '../knowledge/script.js';
import type { FactAnswerer, FactQuestion } from './fact-answer.js';
import { FACT_INTENTS } from './intent.js';
import { messagesFor } from './messages.js';
import { paragraph, type Draft } from './reply.js';

/**
 * Details people ask a limit of that a notice may simply not set: an age limit for a star, a word
 * limit for the materials, a fee, an education requirement. Each has the words that would show
 * the notices do set it; when none of them is in any notice, the honest answer is "the notices
 * set no such limit", followed by what they do require.
 */
const DETAILS = [
  {
    id: 'age',
    zh: '年龄',
    en: 'age',
    // 几岁 asks an age; 七十几岁 tells one ("我阿爸阿妈七十几岁").
    asked:
      // "我年纪大了记性不好" tells of the asker, not an age rule.
      /年龄|(?<!上了)年纪(?!大了)|多大岁数|(?<![十百一二三四五六七八九])几岁|多少岁|岁以[上下]|(?<!\bold )\bage\b(?! office)|how old|years old|\b(?:be|is|are) (?:over|under|above|below|at least|older than|younger than) [1-9]\d\b(?!\s*(?:%|percent|days?|weeks?|months?|hours?|minutes?|provinces?|cities|people|persons|courses?|events?|activities|pages?|words?|items?|mb|k))/,
    setBy: ['年龄', '周岁', '岁以上', '岁以下', 'years old', 'age limit', 'aged '],
  },
  {
    id: 'length',
    zh: '字数',
    en: 'length or word',
    asked:
      /字数|多少字|(?<![哪有])几个字(?=\s*(?:[?？]|吗|以内|左右|为宜|合适|最好|比较))|篇幅|字以内|页数|几页|多少页|页以内|(?:word|page)s?(?: or (?:word|page)s?)? (?:limit|count|cap|maximum)|how many (?:words|pages)|how long (?:should|must|can)/,
    setBy: [
      '字数',
      '千字',
      '字以内',
      '字左右',
      '页数',
      'word count',
      'word limit',
      ' words',
      ' pages',
    ],
  },
  {
    id: 'duration',
    zh: '时长或格式',
    en: 'duration or format',
    asked:
      /时长|片长|几分钟|几多分钟|多少分钟|最长(?:可以|能|系|是)?(?:几|多)|(?:视频|影片|短片|片子|段片).{0,12}(?:多长|多久|几耐|长度|格式)|档案格式|(?:长度|格式).{0,4}(?:或|和|与|及|、|\/).{0,2}(?:长度|格式)|\bduration\b|how many minutes|video length|maximum length|how long (?:can|may) (?:the |a )?videos?|(?:file )?format.{0,20}(?:length|video)|\bmp4\b|\bmov\b|\bexcel\b|\bword还是|盖章|公章|\bstamp(?:ed)?\b|\bseal(?:ed)?\b|\bfile (?:formats?|sizes?|types?)\b|\bmax(?:imum)? (?:file )?size\b|文件大小|视频格式|文件格式|格式.{0,6}(?:多长|时长)/,
    setBy: ['时长', '分钟', ' minutes', 'duration', 'mp4', '格式'],
  },
  {
    id: 'fee',
    zh: '费用',
    en: 'fee',
    asked:
      /费用|收费|缴费|交费|收多少|要钱|交钱|(?:交|付|缴|花)(?:多少|几多)钱|付费|付钱|\bfree of charge\b|俾钱|畀钱|使钱|报名费|入场费|门票|学费|\bfees?\b|\bcost\b|\bcharge(?!d\b.{0,30}\bwith\b)(?!s? of\b)|(?<!\bin )\bcharges?\b(?! of\b)|\bpay\b(?! attention)/,
    setBy: ['费用', '收费', '免费', ' fee', 'free of charge'],
  },
  {
    id: 'tenure',
    zh: '年限',
    en: 'years-in-operation',
    asked:
      // "showcase achievements over a certain period. How many years": the ten years of
      // achievements the 2022 notice names, not how long a project has run.
      /^(?!.*(?:\bachievements?\b|成果|成就|\bshowcas\w*))[\s\S]*?(?:年限|办满|满几年|几年以上|(?:运行|开展|成立|办了?)(?:了)?几年|(?<!over |of |for the last |in the past )how many years(?! of (?:lifelong|learning|achievements?))|years? of (?:running|operation)|been running|minimum (?:number of )?years)/,
    setBy: ['年限', '年以上', 'years of operation', 'years of running'],
  },
  {
    // A least number of something the Week's work involves (events, volunteers, participants);
    // the quotas of stars and projects the notices do set are the quota answer's.
    id: 'minimum-count',
    zh: '最低数量',
    en: 'minimum number',
    asked:
      /^(?!.*(?:学习之星|品牌项目|名额|\bstars?\b|\bbrand\b|\bprojects?\b|nominat)).*(?:\bminimum (?:number|count|amount) of\b|\bat least how many\b|\bhow many (?:\w+ )?(?:events|activities|sessions)\b.{0,50}\b(?:at (?:the )?minimum|at least|have to|must|required to|need to)\b|\bmin(?:imum)? (?:\w+ )?(?:events|activities|volunteers|participants|sessions|courses)\b|(?:至少|最少|起码|最低)(?:要|得|需要|须|需|必须|应|应该)?(?:办|举办|搞|开展|组织|有|招|配备?|安排)?(?:几|多少|几多)|(?:规定|要求)[^?？。]{0,12}(?:组织|举办|开展|办|搞)(?:多少|几多|几)(?:场|次|项)|覆盖多少(?:人|职工|群众|居民))/,
    setBy: ['至少', '最少', '不少于', 'at least', 'minimum', 'no less than'],
  },
  {
    id: 'capacity',
    zh: '参加人数',
    en: 'number of participants',
    asked:
      /人数.{0,6}(?:上限|限制|多少|几多|最多|规定)|(?:上限|最多|限)(?:多少|几)(?:个)?人|最多(?:能|可以)?(?:来)?(?:几|多少)(?:个)?人|\b(?:maximum|max|limit on|cap on|minimum) (?:the )?(?:number of )?(?:participants|people|attendees)\b|how many (?:people|participants|attendees) (?:can|may|are allowed|at most)|participant (?:cap|limit)|(?:size|attendance) (?:cap|limit)/,
    setBy: ['人数', 'participants', 'attendees'],
  },
  {
    // How big or how many pictures and videos may be ("图片和视频有没有大小或者数量限制").
    id: 'media-size',
    zh: '图片或视频的大小、数量',
    en: 'file size or number of pictures or videos',
    asked:
      /(?:图片|照片|相片|视频|影片|短片|photos?|pictures?|images?|videos?).{0,16}(?:大小|多大|最大|(?:几多|多少|几)兆|尺寸|分辨率|像素|多少张|几张|(?:数量|张数|个数).{0,4}(?:限制|上限|要求|规定)|file size|\bsize\b|resolution|\bmb\b|how many)|(?:大小|尺寸|分辨率|file size|resolution).{0,12}(?:图片|照片|视频|影片|photos?|pictures?|images?|videos?)/,
    setBy: ['大小', '尺寸', '分辨率', '像素', 'file size', 'resolution', ' MB'],
  },
  {
    // "有没有具体学时或学分要求": the 2024 notice supports recognising learning results, and sets
    // no hours or credits.
    id: 'credit-hours',
    zh: '学时或学分',
    en: 'study hours or credits',
    asked:
      /学时|学分(?!银行)|课时|\bcredit hours?\b|\b(?:study|training|learning|class) hours\b|\bhours of (?:\w+ ){0,2}(?:study|learning|training|classes|lessons)\b|\bhow many hours\b|多少(?:个)?小时|几个小时|几多个钟|\bhow many credits\b|\bcredits? (?:required|requirement|needed)\b/,
    setBy: ['学时', '学分', 'credit hour', 'study hours', 'credits'],
  },
  {
    id: 'education',
    zh: '学历',
    en: 'education',
    asked: /学历|文化程度|degree requirement|education requirement|educational requirement/,
    setBy: ['学历', '文化程度', 'degree'],
  },
] as const;

/**
 * Details of the Week people ask for that the notices never give: the opening ceremony's
 * programme, money, the columns of a form, how many pictures, when the Week began. Asked
 * however the question is put (no "limit" word needed); answered "the notices do not give …",
 * then what they do say on the question's topic.
 */
const GIVEN_NOWHERE = [
  {
    id: 'closing',
    zh: '闭幕式的时间或地点',
    en: 'a closing ceremony',
    asked: /闭幕式|闭幕|closing ceremony|close of the week ceremony/,
    setBy: ['闭幕', 'closing ceremony'],
  },
  {
    // "did the Changsha opening actually take place in person, or was it moved online": how an
    // event went, which a notice written before it cannot say.
    id: 'opening-outcome',
    zh: '开幕式实际如何举办（线上线下、是否延期或取消）',
    en: 'how the opening ceremony actually went (in person or online, postponed or cancelled)',
    asked:
      /^(?=.*(?:开幕|opening|ceremony)).*(?:\bin person\b|\bmoved online\b|\bheld online\b|\bonline instead\b|\bvirtual(?:ly)?\b|\bcancel(?:l?ed)?\b|\bpostponed\b|\bactually (?:take|took|happen|held)|改(?:为|成)线上|线上(?:举办|举行)还是|取消了|延期了|推迟了|实际(?:上)?(?:有没有|是否)?(?:举办|举行|办成))/,
    setBy: ['改为线上', '延期举办', '取消举办', 'postponed', 'cancelled', 'held online'],
  },
  {
    id: 'registration',
    zh: '报名、注册账号或身份验证的办法',
    en: 'how to register or sign up (for an event, an account or an identity check)',
    asked:
      /注册|註冊|开户|帳號|账号.{0,8}(?:怎么|如何|可以|能不能|能否|申请)|身份验证|身分验证|身份驗證|身分驗證|实名认证|實名認證|报名(?:方式|入口|链接|网址|表)|网上报名|在线报名|(?:怎么|如何|怎样|点样|点么样)报名|提前报名|需要报名|必须报名|要报名|报名(?:吗|么|嘛|呢)|预约|\bbook(?:ing)? (?:a place|a seat|in advance|ahead)\b|\b(?:register|sign up) (?:in advance|beforehand|ahead)\b|\bregist(?:er|ering|ration)\b|\bonline form\b|\bsign(?:ing)? up\b|\b(?:create|open) an account\b|\bidentity (?:check|verification)\b|\bverify (?:my|their|your) identity\b/,
    // The 2024 copy speaks of "lifelong learning accounts", never of opening one.
    setBy: ['注册', '实名', 'register', 'sign up', 'verification'],
  },
  {
    id: 'programme',
    zh: '开幕式的流程或嘉宾',
    en: 'the programme or guests of the opening ceremony',
    asked:
      // The opening's: "百姓学习之星的推荐流程" is the nominating steps, "the Star programme" the
      // Star activities.
      /(?:开幕|仪式|opening|ceremony|launch).{0,20}(?:流程|议程|节目|programme|program\b|agenda|running order)|(?:流程|议程|节目|programme|program\b|agenda|running order).{0,20}(?:开幕|仪式|opening|ceremony|launch)|节目单|嘉宾|出席|致辞|(?:开幕|仪式|典礼).{0,20}(?:讲话|发言|主讲)|(?:讲话|发言|主讲).{0,20}(?:开幕|仪式|典礼)|\bguests?\b|\bspeakers?\b|\bkeynote\b|(?:opening|ceremony|launch).{0,40}\bspeech(?:es)?\b|\bspeech(?:es)?\b.{0,40}(?:opening|ceremony|launch)|who (?:will |would |did )?(?:attend|speak|spoke|address)\b|who (?:will |would |did )?(?:deliver|gave|give)\b(?!.{0,12}\b(?:them|it|courses?|classes|lectures?|training|lessons)\b)/,
    setBy: ['流程', '议程', '嘉宾', 'agenda', 'guest'],
  },
  {
    id: 'funding',
    zh: '经费或资金',
    en: 'funding or money for the Week',
    asked:
      /经费|资金|拨款|补贴|补助|预算|funding|\bfunds?\b|budget|subsid|\bgrants?\b|allocat|\b(?:how much|any|get|receive|provide|give|gives|spend)\s+(?:\w+\s+)?money\b|\bmoney (?:for|from|to)\b/,
    setBy: ['经费', '资金', '拨款', '预算', 'fund', 'budget'],
  },
  {
    id: 'form-fields',
    zh: '表格要填写的栏目',
    en: 'the fields of the forms',
    asked:
      /(?:附件|汇总表|表格?|annex|form).{0,12}(?:栏目|字段|填(?:写)?(?:哪些|什么|啥|咩|啲咩|啲乜|啲什么)|columns?|fields?)/,
    setBy: ['栏目', '字段', 'column', 'field'],
  },
  {
    id: 'pictures',
    zh: '图片的数量或分辨率',
    en: 'how many pictures, or their resolution',
    asked:
      /(?:图片|照片|相片|photos?|pictures?|images?).{0,12}(?:几张|多少张|几多张|分辨率|解像度|像素|尺寸|how many|resolution|pixels?|size)/,
    setBy: ['分辨率', '解像度', '像素', 'resolution', 'pixel', '张以内', '张以上'],
  },
  {
    id: 'social-account',
    zh: '活动周的微信公众号或其他社交媒体账号',
    en: 'a WeChat or other social media account of the Week',
    asked:
      /公众号|微信号|服务号|微博|抖音|视频号|小红书|wechat (?:official )?account|official account|weibo|douyin|tiktok|social media (?:account|page)/,
    setBy: ['公众号', '微博', '抖音', 'official account', 'weibo'],
  },
  {
    id: 'livestream',
    zh: '开幕式的直播或观看链接',
    en: 'a livestream or a link to watch the opening ceremony',
    asked:
      /直播|livestream|live[- ]?stream|live broadcast|webcast|watch (?:it |the \w+ )?(?:online|from home|live)/,
    setBy: ['直播', 'livestream', 'live broadcast', 'webcast'],
  },
  {
    // "do I get a certificate for the courses", 有没有证书: no notice speaks of certificates.
    id: 'certificate',
    zh: '证书或结业证明',
    en: 'a certificate',
    asked: /证书|结业证|结业证明|\bcertificates?\b|\bcertified\b|\bcertification\b/,
    setBy: ['证书', 'certificate'],
  },
  {
    // "博物馆要不要延长开放时间，开到晚上几点": the notices ask venues to open more, and set no hours.
    id: 'opening-hours',
    zh: '场馆的开放时间',
    en: 'opening hours of venues',
    asked:
      /开放时间|延长开放|开到(?:晚上)?几点|营业时间|\bopening (?:hours|times)\b|\bopen (?:until|till)\b|\bclosing time\b|\bstay open\b/,
    setBy: ['开放时间', 'opening hours'],
  },
  {
    id: 'winners',
    zh: '获选的百姓学习之星或品牌项目名单',
    en: 'the names of the Stars or projects chosen',
    asked:
      /(?:获选|当选|入选|获评|评上|选出)(?:的)?.{0,12}名单|名单.{0,6}(?:有哪些|有谁|是谁|公布)|公布(?:了)?(?:获选|获奖|入选|最终)?(?:的)?名单|获奖名单|(?:评出|评选出|选出)(?:来)?(?:了)?(?:多少|几)|名单(?:里|里面|上|入面)(?:有没有|有冇|有无)|(?:拣|选|评)(?:咗|了)(?:边|哪)(?:几)?(?:位|个)|有(?:冇|没有|无|没)(?:公布)?名单|有(?:冇|没有)?.{0,6}人(?:入选|当选|评上)|how many (?:stars?|people|projects?|nominees?) (?:were|got|have been) (?:chosen|selected|named|awarded)|\bwinners?\b|who won|\bwho were the\b.{0,60}\bstars?\b|\b(?:name|give me|list) (?:a few|some)(?: of them| names| of the names)?\b|how many\b.{0,40}\b(?:were|got|have been) (?:\w+ )?(?:selected|chosen|named|awarded)\b|(?:were|was) (?:chosen|selected|named) as (?:an? |the )?(?:national )?(?:stars?|learning stars?|brand projects?|winners?)\b|(?:which (?:individuals|people|persons|projects|ones)|who) (?:were|was|have been|got) (?:named|chosen|selected|awarded|honou?red)\b(?!.{0,30}\b(?:organi[sz]|host|co-?organi|partner|contact))|(?:谁|哪些人|哪几位|哪几个人|哪些项目)(?:被|获)?(?:评为|评上|当选|入选|选为)|(?:评为|评上|当选|入选|选上)了?的?(?:是|有)?(?:谁|哪些人|哪几位)|(?:评为|评上|当选|入选|选上|评出来?|评选出来?|选出来)了?.{1,14}?(?:都有谁|有谁|都是谁|是谁|有哪些人|有哪几位)/,
    setBy: ['名单', 'winners', 'list of stars'],
  },
  {
    // "where and when was CONFINTEA VII held": the notices name other meetings (the World
    // Congress on TVET, CONFINTEA) for their spirit, never when or where they met.
    id: 'other-meeting',
    zh: '其他会议的召开时间或地点',
    en: 'when or where another meeting was held',
    asked:
      /^(?!.*(?:opening|ceremony|开幕|活动周|\bweek\b)).*(?:\b(?:where|when)\b.{0,60}\b(?:conference|congress|confintea|summit|forum|assembly)\b.{0,40}\b(?:held|take place|took place|convened|hosted)\b|(?:大会|会议|论坛|峰会).{0,12}(?:在哪|哪里|何时|什么时候|几时|哪一年|哪年|边度|几时).{0,6}(?:召开|举办|举行|开))/,
    setBy: ['召开', '举行', 'was held in', 'took place in', 'convened in'],
  },
  {
    // "Is there an authorised English rendering of the 2022 theme?": the notices are Chinese
    // documents; the knowledge base's English is the project's (2022) or a machine's (2024).
    id: 'official-translation',
    zh: '官方英文译本',
    en: 'an official English translation',
    asked:
      /\b(?:official|authori[sz]ed|sanctioned|approved|government)\b.{0,20}\b(?:english )?(?:translations?|renderings?|versions?)\b|官方(?:的)?英文(?:译文|版本?|翻译|译本|名称)|官方(?:的)?(?:译文|译本|翻译)/,
    setBy: ['official translation', 'official english', '官方译文', '官方英文', '英文版'],
  },
  {
    // "the name of the international forum held during the 2024 Week, and its date": the
    // notices hold no forum or summit at all.
    id: 'forum',
    zh: '论坛或峰会',
    en: 'any forum or summit',
    asked: /\b(?:forums?|summits?)\b|论坛|峰会/,
    setBy: ['forum', 'summit', '论坛', '峰会'],
  },
  {
    id: 'approval',
    zh: '举办活动要办的审批、备案或资质',
    en: 'an approval, filing or qualification needed to hold an event',
    asked:
      /审批|报批|备案|资质|许可证|\bapprov(?:al|e)\b|\bpermits?\b|\bpermission\b|\blicen[cs]e\b|\bqualifications? (?:to|for) (?:host|hold|run|organi[sz]e)/,
    setBy: ['审批', '报批', '备案', '资质', 'approval', 'permit'],
  },
  {
    id: 'nationality',
    zh: '被推荐人的国籍要求',
    en: 'a nationality requirement for nominees',
    asked:
      /国籍|外国人|外籍|留学生|nationality|citizens? only|citizenship|foreigners?|international students?|intl students?|overseas students?/,
    setBy: ['国籍', 'nationality', 'citizenship'],
  },
  {
    id: 'street-address',
    zh: '邮寄材料的详细地址',
    en: 'a street address to mail materials to',
    asked:
      /详细地址|具体地址|通讯地址|邮寄地址|街道地址|门牌|地址在哪|哪条(?:路|街)|(?:路|街)(?:几|多少)号|(?:详细|具体|通讯|邮寄)\s*address|\baddress\s*(?:系|是|在)|地址(?:喺|系|係|在)?(?:边度|邊度|哪里|哪儿|哪裡|边|邊)|地址是(?:什么|啥|哪)|street address|full address|mailing address|postal address|(?:mail|post|send) (?:\w+ )?to\b.{0,20}\baddress/,
    setBy: ['通讯地址', '详细地址', 'street', 'mailing address'],
  },
  {
    // "Can Singapore schools take part? Got overseas participation or not?": the notices are
    // sent to the mainland's provinces and say nothing of taking part from abroad.
    // Hong Kong, Macao and Taiwan are answered as places the notices are not addressed to.
    id: 'overseas',
    zh: '境外或海外的参与',
    en: 'taking part from outside China',
    asked:
      /(?:海外|境外|国外|外国|新加坡|马来西亚|日本|韩国|美国|英国|加拿大|澳大利亚|\boverseas\b|\babroad\b|\bforeign\b|\b(?:singapore|malaysia|japan|korea|thailand|usa|uk|australia|canada)\b).{0,40}(?:参加|参与|加入|报名|\btake part\b|\bparticipat\w*|\bjoin\b)|(?:参加|参与|\btake part\b|\bparticipat\w*|\bjoin\b).{0,30}(?:海外|境外|国外|\boverseas\b|\babroad\b|\bforeign\b)/,
    setBy: ['境外', '海外', 'overseas', 'abroad'],
  },
  {
    id: 'fax',
    zh: '传真号码',
    en: 'a fax number',
    asked: /传真|\bfax\b/,
    setBy: ['传真', 'fax'],
  },
  {
    // "Will foreign journalists be accredited to attend the opening", "我可以去长沙参加开幕式吗":
    // who may attend the ceremony, which no notice says.
    id: 'attendance',
    zh: '谁可以到场参加开幕式',
    en: 'who may attend the opening ceremony',
    asked:
      /\baccredit\w*|\b(?:can|may|could|will|are) (?:\w+ ){0,4}(?:be (?:allowed|able|invited) to )?(?:attend|go to|join) (?:the )?(?:\d{4} )?(?:national )?(?:opening|ceremony)\b|(?:可以|能|能不能|可不可以|可唔可以|得唔得)(?:去)?.{0,6}(?:参加|参与|出席|入场)(?:全国总?)?开幕式/,
    setBy: ['参加开幕式', '出席开幕式', 'attend the opening'],
  },
  {
    // "听说参与人次过亿，通知里是这么说的吗", "participation figures from earlier Weeks": how many
    // took part, which notices written before a Week cannot say.
    id: 'participation',
    zh: '参与人数或人次',
    en: 'participation figures',
    asked:
      /人次|(?:参与|参加|出席)(?:的)?人数(?!.{0,6}(?:上限|限制|最多|规定))|(?:几|多少)个?省(?:份|区|市)?(?:参加|参与)|统计数字|\bhow many provinces (?:took part|participated|joined|were involved|are (?:taking part|participating|involved|joining)|(?:will )?(?:take part|participate|join))\b|(?:过|超过|破)(?:亿|千万|百万)|participation (?:figures?|numbers?|counts?|targets?|rates?)|\b(?:proportion|share|percentage|ratio) of (?:the )?(?:participants|attendees|people who (?:took part|attended))\b|how many (?:people )?(?:took part|participated|have participated)\b|\b(?:millions?|billions?|\d+ million) (?:of )?(?:people|participants|learners) (?:took part|participated|joined|attended)\b/,
    setBy: ['人次', '参与人数', '参加人数', 'participation figures', 'million'],
  },
  {
    // "活动周那几天工人能放假不", "do companies have to give staff paid time off": the notices
    // ask for activities, never for leave from work.
    id: 'time-off',
    zh: '活动周期间放假或带薪假的安排',
    en: 'any time off work or paid leave for the Week',
    asked:
      /放假|休假|带薪|调休|请假|放几天假|\btime off\b|\bdays? off\b|\bpaid leave\b|\bleave (?:from|of absence)\b|\bpublic holiday\b|\bholidays?\b|\bvacation\b/,
    setBy: ['放假', '带薪', 'paid leave', 'time off', 'holiday'],
  },
  {
    id: 'criteria',
    zh: '评分办法',
    en: 'how nominations are scored',
    // "評選標準和評分方式是什麼", "what scoring rubric or weighting": how candidates are scored
    // (what a Star or a brand project is, asked as 评选标准, the defining sentences answer).
    asked:
      /评分|打分|\brubric\b|\bscoring\b|\bweighting\b|\b(?:selection|evaluation|judging|assessment|award) criteria\b|\bhow (?:are|is|will|were) (?:the )?(?:\w+ ){0,3}(?:judged|evaluated|assessed|scored)\b/,
    setBy: ['评分', '打分', 'rubric', 'scoring'],
  },
  {
    id: 'first-year',
    zh: '活动周最早从哪一年开始举办',
    en: 'when the Week was first held',
    asked:
      /第一届|首届|最早(?:是)?(?:哪|几|边)一?年|哪一?年开始(?:办|举办)|始于哪|创办于|first (?:held|edition|ever)|\blaunch year\b|\byear (?:it|the week) (?:was )?(?:launched|founded|started)\b|\b(?:was|were) (?:first )?launched (?:back )?in\b|\bwhen was (?:it|the week) (?:first )?(?:launched|founded)\b|(?:was|were) .{0,30}first (?:held|run|organi[sz]ed)|since when has|^(?!.*\b20\d\d\b).*\bfirst\b.{0,40}\bweek\b.{0,20}\b(?:held|run|organi[sz]ed|launched|took place|started|began)\b/,
    setBy: ['首届', '第一届', '创办', 'first held', 'first week'],
  },
] as const;

/** A limit or requirement question ("有年龄限制吗", "is there a word limit", "要交钱不？"). */
const ASKS_LIMIT =
  /\b(?:from|at) what age\b|\bcounts? as\b|\bhave to be\b|\bhas to be\b|限制|使唔使|要唔要|使不使|要求|规定|上限|下限|门槛|条件|多少|几|多久|多长|多大|吗|有没有|要不要|需不需要|用不用|唔|有冇|limit|requirement|restrict|need|must|should|maximum|minimum|\bmax\b|\bmin\b|how|is there|are there|do (?:we|i|they)|\bok\b|okay|allowed|acceptable|可以吗|行吗|得唔得|(?<=\p{Script=Han})不(?=[?？!！。，,]|$)|\bany (?:\w+ )?(?:fees?|charges?|costs?)\b|\b(?:are|is|were|was) (?:\w+ )?charged\b/u;

export type UnsetDetail = {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  /** limit: a requirement the notices do not set; detail: a fact they do not give. */
  readonly kind: 'limit' | 'detail';
};

/**
 * The detail a question asks a limit of, when no notice sets it; undefined when the question is
 * not of that kind or a notice does speak of it.
 */
export function createUnsetDetails(cleaned: Readonly<Record<string, string>>) {
  const notices = Object.values(cleaned)
    .map((t) => normalizeForSearch(t))
    .join('\n');
  const nowhere = <T extends { readonly setBy: readonly string[] }>(list: readonly T[]) =>
    list.filter((d) => !d.setBy.some((w) => notices.includes(normalizeForSearch(w))));
  const limits = nowhere(DETAILS);
  const details = nowhere(GIVEN_NOWHERE);
  // A detail is read on the sentences that ask ("I'm an international student… what were the
  // dates?" asks no nationality rule); a limit on the whole message, whose topic may sit in the
  // sentence before ("我们推荐一位80岁的老人。有限制吗？").
  return (question: string, asking: string = question): UnsetDetail | undefined => {
    const t = normalizeForSearch(question);
    const a = normalizeForSearch(asking);
    const detail = details.find((d) => d.asked.test(a));
    if (detail) return { id: detail.id, zh: detail.zh, en: detail.en, kind: 'detail' };
    if (!ASKS_LIMIT.test(t)) return undefined;
    const limit = limits.find((d) => d.asked.test(t));
    return limit && { id: limit.id, zh: limit.zh, en: limit.en, kind: 'limit' };
  };
}

/**
 * The reply to a limit the notices do not set or a detail they never give: said plainly first,
 * then what they do say. A detail: the facts of the question's topic ("the opening's programme":
 * its date and city). A limit asked of what is submitted: what they require, each cited.
 */
export function unsetDraft(detail: UnsetDetail, q: FactQuestion, facts: FactAnswerer): Draft {
  const m = messagesFor(q.language);
  const name = q.language === 'en' ? detail.en : detail.zh;
  if (detail.kind === 'detail') {
    // Another meeting's time is no Week's period: no fact is the closest to it.
    const closest =
      FACT_INTENTS.has(q.intent) && detail.id !== 'other-meeting' ? facts.answer(q) : null;
    const ask = facts.whereToAsk(q.language, q.years.covered);
    return {
      kind: 'not_in_notices',
      blocks: [
        paragraph(m.noSuchDetail(name)),
        ...(closest ? [paragraph(m.closestInstead), ...closest.blocks] : []),
        ...ask.blocks,
      ],
      citations: [...(closest?.citations ?? []), ...ask.citations],
    };
  }
  // A fee is asked by those taking part, not by those nominating: no submission rules.
  const aboutSubmitting =
    detail.id !== 'fee' &&
    /推荐|申报|报送|提交|(?<!外)交(?!流|通|互|叉|费|钱)|材料|视频|影片|百姓学习之星|学习之星|品牌项目|总结|nominat|submi|material|video|star|brand|summary/.test(
      normalizeForSearch(q.text),
    );
  const required = aboutSubmitting ? facts.answer({ ...q, intent: 'submission' }) : null;
  const blocks = [paragraph(m.noSuchLimit(name, Boolean(required))), ...(required?.blocks ?? [])];
  // What was asked (the limit) is not in the notices; what they do require is cited.
  if (required) return { kind: 'not_in_notices', blocks, citations: [...required.citations] };
  const ask = facts.whereToAsk(q.language, q.years.covered);
  return { kind: 'not_in_notices', blocks: [...blocks, ...ask.blocks], citations: ask.citations };
}
