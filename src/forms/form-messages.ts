/**
 * The nomination flow's user-facing sentences, one place per language (Chinese in Simplified
 * script; Traditional readers get a conversion of the whole reply).
 */
export interface FormMessages {
  readonly intro: (title: string, total: number) => string;
  readonly draftingNote: string;
  /** The call's conditions, listed at the start: where they come from. */
  readonly conditions: (call: string) => string;
  /** The year the rules come from, and that the province's form and deadline prevail. */
  readonly rulesYear: (call: string, year: number) => string;
  /** An answer that conflicts with a rule of the call. */
  readonly ruleWarning: (rule: string, call: string) => string;
  readonly warningsTitle: string;
  /** The section of the .docx with what to check before handing it in. */
  readonly beforeSubmitting: string;
  /** The recommending unit's block at the end of the form, left blank. */
  readonly endorsement: string;
  readonly endorsementSeal: string;
  readonly endorsementDate: string;
  readonly privacy: string;
  readonly commands: string;
  readonly step: (n: number, total: number) => string;
  readonly hint: (hint: string, example: string) => string;
  readonly refused: (reason: string) => string;
  readonly optional: string;
  readonly skip: string;
  readonly all: string;
  readonly soFar: string;
  readonly review: string;
  readonly reviewHow: string;
  readonly confirmButton: string;
  readonly cancelButton: string;
  readonly confirmCancel: string;
  readonly yesCancel: string;
  readonly noContinue: string;
  readonly cancelled: string;
  readonly notCancelled: string;
  readonly cannotSkip: (label: string) => string;
  readonly atStart: string;
  readonly unknownField: (name: string, labels: string) => string;
  readonly help: string;
  readonly cannotPolish: string;
  readonly polishNeedsLlm: string;
  readonly polishFailed: (why: string) => string;
  readonly polishWorking: string;
  readonly original: string;
  readonly polished: string;
  readonly usePolished: string;
  readonly keepOriginal: string;
  readonly polishChosen: (used: boolean) => string;
  readonly checks: string;
  readonly missingMaterials: (missing: string) => string;
  readonly skippedOptional: (labels: string) => string;
  readonly allChecksPassed: string;
  readonly chooseForm: string;
  readonly finished: (title: string) => string;
  readonly filesNote: string;
  readonly checklist: string;
  readonly checklistNote: string;
  /** The heading of one notice's lines in the checklist; a past round says so. */
  readonly checklistYear: (year: number, past: boolean) => string;
  readonly count: (count: number, unit: 'zh' | 'en') => string;
  readonly resumed: (title: string) => string;
  readonly midFormResume: string;
  readonly notAnAnswer: string;
  readonly drafts: string;
  readonly noDrafts: string;
  readonly draftLine: (
    n: number,
    title: string,
    who: string,
    status: 'in_progress' | 'final',
    updated: string,
  ) => string;
  readonly draftsHow: string;
  readonly summaryAttached: (n: number) => string;
  readonly noFinished: string;
  readonly noSuchDraft: (n: string) => string;
  readonly duplicated: (n: number) => string;
  readonly confirmDelete: (title: string, who: string) => string;
  readonly deleted: (title: string) => string;
  readonly notDeleted: string;
  readonly confirmForget: string;
  readonly forgotten: (drafts: number) => string;
  readonly notForgotten: string;
  readonly previousSaved: string;
  readonly staleButton: string;
  readonly recorded: (label: string) => string;
  readonly corrected: (label: string) => string;
  readonly unsure: string;
  readonly unsureOptional: string;
  readonly missing: (labels: string) => string;
  readonly reviewHint: string;
  readonly requiredMissing: string;
  readonly filesAgain: string;
  readonly picked: (names: string) => string;
  readonly done: string;
  readonly polishStarted: string;
  readonly continuing: (title: string, step: number, total: number) => string;
}

const zh: FormMessages = {
  intro: (title, total) => `开始填写《${title}》，共${total}项，每次问一项。`,
  conditions: (call) => `推荐条件（据${call}概述，以原文为准）：`,
  rulesYear: (call, year) =>
    `本草稿的推荐条件来自${call}，即${year}年度的推荐；本省（区、市）的推荐表格和截止时间以本省通知为准。`,
  ruleWarning: (rule, call) => `⚠ 请核对：按${call}，${rule}。是否推荐由您决定。`,
  warningsTitle: '需要核对的推荐条件：',
  beforeSubmitting: '起草说明（提交前请删除本节）',
  endorsement: '推荐单位意见（盖章）',
  endorsementSeal: '负责人签字：　　　　　　（单位盖章）',
  endorsementDate: '年　　月　　日',
  draftingNote:
    '说明：这是依据活动周通知整理的起草模板，各省正式推荐表的格式可能不同，请以本省通知为准。',
  privacy:
    '隐私：您填写的内容保存在本助手服务器的数据库中，只用于生成这份草稿，只有您本人在这个对话里能看到。回复“我的草稿”可查看或删除草稿，回复“忘记我”可删除关于您的全部记录。',
  commands:
    '随时可以说：返回、跳过（选填项）、查看、修改 电话（改某一项）、取消、帮助；也可以插问活动周的问题。',
  step: (n, total) => `第${n}步，共${total}步`,
  hint: (hint, example) => `提示：${hint}。例如：${example}`,
  refused: (reason) => `这个回答没有被接受：${reason}`,
  optional: '（选填）',
  skip: '跳过',
  all: '全部',
  soFar: '目前已填写：',
  review: '请核对全部内容：',
  reviewHow:
    '回复“确认”生成草稿文件；回复“修改 项目名”（例如“修改 电话”）修改某一项；回复“取消”放弃。',
  confirmButton: '确认生成',
  cancelButton: '取消',
  confirmCancel: '确定要取消吗？这份草稿的内容会被删除。',
  yesCancel: '是，取消',
  noContinue: '否，继续',
  cancelled: '已取消，这份草稿已删除。需要时说“我想推荐一位百姓学习之星”即可重新开始。',
  notCancelled: '好的，继续填写。',
  cannotSkip: (label) => `“${label}”是必填项，不能跳过。`,
  atStart: '已经是第一项了。',
  unknownField: (name, labels) =>
    name.trim()
      ? `没有找到“${name}”这一项。可以修改的有：${labels}。`
      : `要修改哪一项？请说“修改 项目名”，例如“修改 电话”。可以修改的有：${labels}。`,
  help: '填写方法：每次回答一项。可以说“返回”回到上一项，“跳过”跳过选填项，“查看”看已填内容，“修改 电话”改某一项，“润色 事迹”让大模型润色长文（需配置），“取消”放弃这份草稿。',
  cannotPolish: '只有“学习事迹”“项目简介”这类长文可以润色，而且要先填写好。',
  polishNeedsLlm:
    '润色需要配置大模型（见 README 中的 OPENAI_API_KEY），现在没有配置。以下是自动检查的结果：',
  polishFailed: (why) => `润色没有成功（${why}），原文保持不变。`,
  polishWorking: '以下是润色稿，只用了您提供的事实：',
  original: '原文',
  polished: '润色稿',
  usePolished: '用润色稿',
  keepOriginal: '保留原文',
  polishChosen: (used) => (used ? '已采用润色稿。' : '已保留原文。'),
  checks: '自动检查：',
  missingMaterials: (missing) => `2022年通知要求的材料还缺：${missing}。`,
  skippedOptional: (labels) => `未填的选填项：${labels}。`,
  allChecksPassed: '长度、数字和材料都符合要求。',
  chooseForm: '您想起草哪一种推荐材料？',
  finished: (title) => `《${title}》草稿已生成。`,
  filesNote:
    '附上 Word（.docx）和 JSON 两个文件。Word 文件是推荐表的样式，表后的起草说明请在提交前删除。说“汇总表”可得到全部已完成推荐材料的 Excel 汇总表。',
  checklist: '报送前请对照通知检查：',
  checklistNote: '各省的正式推荐表和截止日期可能不同，请以本省通知为准。',
  checklistYear: (year, past) =>
    past
      ? `${year}年通知（往年的安排，日期已过，仅供参考；本年度以最新通知和本省通知为准）：`
      : `${year}年通知：`,
  count: (count, unit) => (unit === 'zh' ? `（${count}字）` : `(${count} words)`),
  resumed: (title) => `继续填写《${title}》。`,
  midFormResume: '回到推荐表：',
  notAnAnswer:
    '这看起来是一个问题。关于填写方法，可以说“帮助”；如果这就是您的回答，请去掉问号再发一次。',
  drafts: '您的草稿：',
  noDrafts: '您还没有草稿。说“我想推荐一位百姓学习之星”开始。',
  draftLine: (n, title, who, status, updated) =>
    `${n}. ${title}${who ? `：${who}` : ''}（${status === 'final' ? '已完成' : '填写中'}，${updated}）`,
  draftsHow:
    '可以说“打开草稿 1”“复制草稿 1”“删除草稿 1”；说“汇总表”可得到全部已完成推荐材料的 Excel 汇总表。',
  summaryAttached: (n) =>
    `附上汇总表（Excel .xlsx）：${n}份已完成的推荐材料，每份一行，按推荐类别分表。`,
  noFinished: '还没有已完成的推荐材料。草稿确认生成后，说“汇总表”即可得到 Excel 汇总表。',
  noSuchDraft: (n) => `没有第${n}份草稿。`,
  duplicated: (n) => `已复制为第${n}份草稿，并打开它供您修改。`,
  confirmDelete: (title, who) =>
    who
      ? `删除 ${who} 的《${title}》草稿？删除后无法恢复。`
      : `删除《${title}》草稿？删除后无法恢复。`,
  deleted: (title) => `草稿“${title}”已删除。`,
  notDeleted: '好的，没有删除。',
  confirmForget: '确定要删除关于您的全部记录吗？包括所有草稿和对话状态，删除后无法恢复。',
  forgotten: (drafts) => `已删除关于您的全部记录（${drafts}份草稿）。`,
  notForgotten: '好的，什么都没有删除。',
  previousSaved: '之前未完成的草稿已保存，可以在“我的草稿”里找到。',
  staleButton: '这个按钮来自较早的一步，没有执行。请用最新消息里的按钮，或直接输入回答。',
  recorded: (label) => `✓ 已记下 ${label}：`,
  corrected: (label) => `✓ 已改 ${label}：`,
  unsure:
    '没关系。这一项是必填的：可以先写一个暂定的，之后说“修改 项目名”再改；草稿已保存，也可以以后回来继续（说“我的草稿”）。',
  unsureOptional: '没关系，这一项是选填的：说“跳过”即可，以后也可以说“修改 项目名”补上。',
  missing: (labels) => `还不能生成：必填项没有填写：${labels}。请先填写：`,
  requiredMissing: '（必填，尚未填写）',
  filesAgain: '这份推荐材料已经生成，下面是重新生成的文件：',
  reviewHint:
    '这里是最后的核对页。要改某一项，说“修改 项目名”（例如“修改 城市”），或直接说“城市应该是长沙市岳麓区”；要生成文件，说“确认”；要放弃，说“取消”。',
  picked: (names) => `已选：${names}。可以再选，再点一次取消；选好后点“完成”。`,
  done: '完成',
  polishStarted: '正在润色，大约需要十几秒，请稍候……',
  continuing: (title, step, total) => `继续填写您的《${title}》草稿（第${step}步，共${total}步）。`,
};

const en: FormMessages = {
  intro: (title, total) => `Let's draft the ${title}: ${total} questions, one at a time.`,
  conditions: (call) =>
    `Who may be nominated (paraphrased from ${call}; the call's text prevails):`,
  rulesYear: (call, year) =>
    `The conditions in this draft come from ${call}, the ${year} round; your province's own form and deadline prevail.`,
  ruleWarning: (rule, call) =>
    `⚠ Please check: under ${call}, ${rule}. Whether to nominate is your decision.`,
  warningsTitle: 'Conditions to check:',
  beforeSubmitting: 'Drafting notes (delete this section before submitting)',
  endorsement: "Recommending organisation's opinion (stamp)",
  endorsementSeal: 'Signature: ____________  (stamp)',
  endorsementDate: 'Date: ______ / ____ / ____',
  draftingNote:
    "Note: this is a drafting template based on the Week's notices; your province's official nomination form may differ, and its notice prevails.",
  privacy:
    "Privacy: your answers are stored in this assistant's database on its server, used only to make this draft, and visible only to you in this chat. Say 'my drafts' to see or delete drafts, or 'forget me' to delete everything stored about you.",
  commands:
    'At any time you can say: back, skip (optional questions), show, edit phone (change one answer), cancel, help; or ask a question about the Week.',
  step: (n, total) => `Step ${n} of ${total}`,
  hint: (hint, example) => `Hint: ${hint}. Example: ${example}`,
  refused: (reason) => `That answer was not accepted: ${reason}`,
  optional: ' (optional)',
  skip: 'Skip',
  all: 'All',
  soFar: 'Your answers so far:',
  review: 'Please check everything:',
  reviewHow:
    "Say 'confirm' to make the draft files, 'edit' and a field name (e.g. 'edit phone') to change an answer, or 'cancel' to drop it.",
  confirmButton: 'Confirm',
  cancelButton: 'Cancel',
  confirmCancel: 'Cancel this draft? What you have entered will be deleted.',
  yesCancel: 'Yes, cancel',
  noContinue: 'No, continue',
  cancelled:
    "Cancelled; the draft is deleted. Say 'nominate a Star of People's Learning' to start again.",
  notCancelled: "Good, let's go on.",
  cannotSkip: (label) => `"${label}" is required and cannot be skipped.`,
  atStart: 'This is already the first question.',
  unknownField: (name, labels) =>
    name.trim()
      ? `There is no field "${name}". Fields you can edit: ${labels}.`
      : `Which answer would you like to change? Say 'edit' and its name, for example 'edit phone'. Fields you can edit: ${labels}.`,
  help: "How it works: answer one question at a time. Say 'back' for the previous question, 'skip' for an optional one, 'show' to see your answers, 'edit phone' to change one, 'polish story' to have an LLM polish a long text (if configured), 'cancel' to drop the draft.",
  cannotPolish:
    'Only the long texts (learning story, project summary) can be polished, and only once they are filled in.',
  polishNeedsLlm:
    'Polishing needs an LLM (OPENAI_API_KEY, see the README), and none is configured. Here are the automatic checks instead:',
  polishFailed: (why) => `Polishing did not work (${why}); your text is unchanged.`,
  polishWorking: 'Here is a polished version, using only the facts you gave:',
  original: 'Original',
  polished: 'Polished',
  usePolished: 'Use polished',
  keepOriginal: 'Keep original',
  polishChosen: (used) =>
    used ? 'The polished version is in the draft.' : 'Your original text is kept.',
  checks: 'Automatic checks:',
  missingMaterials: (missing) => `The 2022 notice also asks for: ${missing}.`,
  skippedOptional: (labels) => `Optional fields left empty: ${labels}.`,
  allChecksPassed: 'Lengths, figures and materials all meet the requirements.',
  chooseForm: 'Which nomination would you like to draft?',
  finished: (title) => `Your ${title} draft is ready.`,
  filesNote:
    "Attached: a Word file (.docx) laid out as a recommendation form, and a JSON file. Delete the drafting notes after the form before submitting. Say 'summary sheet' for an Excel sheet of all your finished nominations.",
  checklist: 'Before submitting, check against the notices:',
  checklistNote: "Your province's official form and deadline may differ; its notice prevails.",
  checklistYear: (year, past) =>
    past
      ? `The ${year} notice (an earlier round: its dates have passed; for this year, the latest notice and your province's prevail):`
      : `The ${year} notice:`,
  count: (count, unit) => (unit === 'zh' ? `(${count} characters)` : `(${count} words)`),
  resumed: (title) => `Back to your ${title}.`,
  midFormResume: 'Back to the nomination:',
  notAnAnswer:
    "That looks like a question. Say 'help' for how to fill in the form; if it is your answer, send it again without the question mark.",
  drafts: 'Your drafts:',
  noDrafts: "You have no drafts yet. Say 'nominate a Star of People's Learning' to start one.",
  draftLine: (n, title, who, status, updated) =>
    `${n}. ${title}${who ? `: ${who}` : ''} (${status === 'final' ? 'finished' : 'in progress'}, ${updated})`,
  draftsHow:
    "Say 'open draft 1', 'duplicate draft 1' or 'delete draft 1'; say 'summary sheet' for an Excel sheet of all your finished nominations.",
  summaryAttached: (n) =>
    `Attached: a summary sheet (Excel .xlsx) of ${n} finished nomination${n === 1 ? '' : 's'}, one row each, a sheet per kind.`,
  noFinished:
    "No nomination is finished yet. Once a draft is confirmed, say 'summary sheet' for an Excel sheet of them.",
  noSuchDraft: (n) => `There is no draft ${n}.`,
  duplicated: (n) => `Copied as draft ${n}, and opened for editing.`,
  confirmDelete: (title, who) =>
    who
      ? `Delete the ${title} draft for ${who}? It cannot be undone.`
      : `Delete the ${title} draft? It cannot be undone.`,
  deleted: (title) => `The draft "${title}" is deleted.`,
  notDeleted: 'Fine, nothing was deleted.',
  confirmForget:
    'Delete everything stored about you, including all drafts and the conversation state? This cannot be undone.',
  forgotten: (drafts) =>
    `Everything stored about you is deleted (${drafts} draft${drafts === 1 ? '' : 's'}).`,
  notForgotten: 'Fine, nothing was deleted.',
  previousSaved: "Your unfinished draft is saved; find it under 'my drafts'.",
  staleButton:
    'That button is from an earlier step, so nothing was done. Please use the buttons of the latest message, or type your answer.',
  recorded: (label) => `✓ Noted ${label}: `,
  corrected: (label) => `✓ Changed ${label}: `,
  unsure:
    "That's all right. This one is required: write a provisional answer and change it later with 'edit' and the field's name; the draft is saved, so you can also come back later ('my drafts').",
  unsureOptional:
    "That's all right: this one is optional. Say 'skip'; you can add it later with 'edit'.",
  missing: (labels) =>
    `Not yet: these required answers are missing: ${labels}. Please give them first:`,
  requiredMissing: '(required, not given yet)',
  filesAgain: 'This nomination is finished; here are its files again:',
  reviewHint:
    "This is the final check. To change an answer, say 'edit' and the field (e.g. 'edit city'), or 'city should be Changsha'; to make the files, say 'confirm'; to give up, say 'cancel'.",
  picked: (names) =>
    `Chosen so far: ${names}. Choose more, or press one again to drop it; then press 'Done'.`,
  done: 'Done',
  polishStarted: 'Polishing; this takes about fifteen seconds…',
  continuing: (title, step, total) => `Continuing your ${title} draft (step ${step} of ${total}).`,
};

/** The flow's messages for a reader. */
export function formMessagesFor(language: 'zh-Hans' | 'zh-Hant' | 'en'): FormMessages {
  return language === 'en' ? en : zh;
}
