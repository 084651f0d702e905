import { eng } from 'stopword';

/** Function words of questions and notices that carry no topic; dropped before matching. */
export const CHINESE_STOPWORDS: ReadonlySet<string> = new Set(
  (
    '的 了 是 在 和 与 及 等 要 将 对 为 之 其 或 并 也 都 就 还 被 把 从 向 于 以 由 而 又 所 该 此 ' +
    '什么 怎么 怎样 如何 哪 哪里 哪儿 哪些 哪个 谁 吗 呢 吧 啊 呀 么 请问 请 一下 告诉 知道 想 ' +
    '我 我们 你 你们 您 他 她 它 他们 这 那 这个 那个 这些 那些 有 有关 关于 几 几个 多少 个 ' +
    '年 可以 能 会 应 应该 需要 时候 是否 一个 各 每 呢 啥 咋 吗 哦 嗯 好 不 没有 没 通知'
  ).split(' '),
);

/**
 * English function words, after lower-casing and before stemming: the `stopword` package's
 * English list (pronouns such as "her", "him"; "because", "between") and the ones questions to
 * this assistant add.
 */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set([
  ...eng,
  ...(
    'a an the is are was were be been being am do does did doing have has had having what when ' +
    'where who whom whose which why how of in on for to and or but nor not by with at from into ' +
    'onto about as than that this these those it its i me my we our you your he she they them ' +
    'their there here can could will would shall should may might must please tell know want ' +
    'any some all each every so such very just also only if then s t notice notices say says said during ' +
    'itself himself herself themselves myself ourselves yourself yourselves ' +
    // "the 2024 English copy": which text, never a topic (the copy's own "[e-mail address not
    // preserved in this copy]" is found by e-mail and address).
    'copy copies'
  ).split(' '),
]);
