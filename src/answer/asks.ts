/**
 * What a fact question asks beyond its intent, read on the question's text: a venue rather than
 * a city, the day rather than a period, a province's own version, a person in charge, a count,
 * a deadline. The fact answerer says what a notice does not give before what it does.
 */

export const VENUE = /场馆|場館|会场|會場|地址|具体地点|具體地點|venue|hall|stadium|address/i;
// A province's own (local) version of something national.
export const LOCAL = /地方|本地|当地|當地|本省|省里|省裡|自己|own\b|local|provincial/i;
// Asked for the day itself ("具体哪一天", "which exact day"), which a planned period does not give.
export const EXACT_DAY =
  /具体(?:哪|几|是哪)|确切|確切|确定的?日期|確定的?日期|confirmed (?:date|day)|specific date|具體(?:哪|幾|是哪)|哪一天|哪一日|边一日|邊一日|几月几[号日]|幾月幾[號日]|exact (?:day|date)|which (?:exact |specific )?day|what (?:exact |specific )?(?:day|date)|precise date|最[后後终終]定|最[后後终終](?:确定|確定|敲定)|定在(?:哪|几|幾)|final (?:date|day)|finally (?:held|set|fixed)|ended up (?:being )?(?:held|on)|(?:实际|實際)(?:上)?(?:是|系|係)?(?:哪|几|幾|多少)|(?:几|幾|多少)多?(?:号|號)(?:开|開|举办|舉辦|举行|舉行)|actually (?:held|took place|opened|happened|started|began)|\bin the end\b/i;
// Asks who presided or spoke at the ceremony ("边位大官主持", "which official opened it"): a person,
// where the notice names only the host bodies (read on Simplified, lower-case text).
export const PRESIDES =
  /主持|主礼|致辞|讲话|大官|官员|哪位领导|哪个领导|\bpreside\w*|\bofficiat\w*|\bspeech(?:es)?\b|\bkeynote\b|\bwhich (?:officials?|leaders?|ministers?)\b/;
// Asked for the hour ("几点开始", "what time of day does it start"), which no notice gives.
export const TIME_OF_DAY =
  /几点|幾點|上午还是下午|上午還是下午|time of day|\bwhat hour\b|\bo['’]?clock\b|\bat what time\b|\bwhat time (?:does|will|did|is) (?:the )?(?:\w+ ){0,4}(?:start|begin|open|kick)/i;
// Asks for the tentative or earliest day ("原本定在几号以后", "not before which date"), which a
// period "暂定11月23日之后" gives: the answer itself, not a day the notice withholds.
export const ASKS_TENTATIVE =
  /(?:几|幾|\d{1,2})(?:号|號|日)(?:以后|以後|之后|之後|以前|之前)|暂定|暫定|tentativ|\bearliest\b|\bnot before\b|\bno earlier than\b|\bafter (?:what|which) (?:date|day)\b|最早/i;
// Asks the day the ceremony was finally held ("最后定在哪天开的?通知上只说23号之后"), which the
// tentative day the asker quotes does not answer.
export const FINAL_DAY =
  /最[后後终終]|到底|后来|後來|实际|實際|\bactually\b|\bfinal(?:ly)?\b|\bended up\b/i;
// Asks where (the city), read on Simplified, lower-case text: asked with the day, the city the
// notice gives answers part of the question.
export const ASKS_PLACE =
  /在哪(?!一?[天日]|几|个?日子)|哪里(?!一?[天日])|哪儿|哪个城市|什么城市|边度|喺边|边个城市|是不是在|是否在|系唔系喺|\bwhere\b|which city|what city|\b(?:was|is) it (?:held )?in [a-z]/;
// A planned time that is not one day: "11月下旬(暂定11月23日之后)", "late November (provisionally…)".
export const NOT_ONE_DAY =
  /上旬|中旬|下旬|暂定|暫定|之后|之後|以后|以後|early|mid|late|provisional|after/i;
// The asker's own province's week, unnamed ("我们省2024年排在哪一周"): in no notice's text. Not
// "我们省还没发通知，是全国统一一周吗", which asks how the Week runs.
export const OWN_PROVINCE =
  /(?:我们省|我們省|我省|本省|咱们省|咱省|我哋省|\b(?:our|my) province\b)[^，,。？?!！]{0,12}(?:排在|哪一?周|哪个星期|边个星期|什么时候|几时|几号|\bwhen\b|\bwhich week\b)/i;
// Names an annex ("附件1", "Annex 1", "安排表"): the notice that has annexes is the one asked about.
export const NAMES_ANNEX = /附件|安排表|\bannex|\battachment/i;
export const ROLE =
  /组长|組長|负责人|負責人|主任|局长|厅长|部长|司长|领导是谁|head of|\bwho heads\b|\bheaded by\b|director|leader|chair/i;
// 哪几个 / 邊幾個 ask which ones (which forms to hand in), not how many.
export const HOW_MANY =
  /(?<![哪边邊])(?:几名|幾名|几个|幾個)|多少名|多少个|多少個|how many|number of/i;
/** A question that asks by when (read on Simplified, lower-case text). */
export const ASKS_WHEN =
  /截止|期限|几时|什么时候|啥时候|何时|哪天|之前|以前|最晚|最迟|几月几[号日]|几号|deadline|\bdue\b|by when|\bwhen\b|what date|which date|\bdate by which\b/;
// Asks which things to hand in as well as when ("要报送哪几个附件?截止日期是哪天?", "which forms and
// by when"): the things are an answer even where the deadline is not given.
export const ASKS_ITEMS =
  /哪(?:几|些)(?:个|份|样|种)?(?:附件|材料|表|文件)|(?:报送|报|交|提交|上报)(?:些)?(?:什么|啥|哪些)|什么(?:材料|附件|表格)|\b(?:which|what) (?:annex|annexes|attachments?|forms?|materials?|documents?|items?|tables?)\b|\bwhat (?:do|does|should|must|will) (?:we|they|provinces|each province|localities)(?: (?:have|need) to)? (?:submit|send|hand in)\b/;
// Asks for the websites a notice lists ("链接哪些网站", "which websites"), not one site's address.
export const LISTS_SITES =
  /哪些(?:网站|网址|平台)|(?:网站|网址|平台)(?:有)?哪些|哪几个(?:网站|平台)|\b(?:which|what) (?:web)?sites\b|\blist (?:of )?(?:the )?(?:web)?sites\b|\blink (?:their |its |local )?(?:portals?|websites?|sites?)\b|链接哪些|和哪些网站|\blisted (?:some |the |a few |several )?(?:urls|websites|sites|web addresses|links)\b|\b(?:which|what) (?:urls|web addresses|links)\b|\burls\b.{0,40}\bwhich\b/;
// Asks for a date ("哪天发布", "on what date was it issued").
export const ASKS_DATE =
  /日期|哪天|哪一天|几号|幾號|何时|何時|几时|幾時|什么时候|什麼時候|\bdate\b|\bwhen\b|\bday\b/i;

/** Asks whether there is one at all ("is there an opening ceremony", 有没有开幕式, 会唔会搞). */
export const ASKS_WHETHER =
  /^\s*(?:is there|are there|will there be|does it have|do they hold|is an?\b)|\b(?:is there|will there be|whether)\b|\bgot\b.{0,40}\bor not\b|有没有|有沒有|有冇|会不会|會不會|会唔会|會唔會|是否(?:举办|舉辦|有)/i;
