/** The bot's command menu (setMyCommands), in English (the default) and Chinese. */
export const COMMANDS = {
  en: [
    ['start', 'Start: what I can do'],
    ['help', 'Help and example questions'],
    ['nominate', 'Draft a nomination step by step'],
    ['drafts', 'My drafts'],
    ['cancel', 'Cancel the form being filled'],
    ['forget', 'Delete everything stored about me'],
    ['lang', 'Answer language: 简体 / 繁體 / English'],
  ],
  zh: [
    ['start', '开始：我能做什么'],
    ['help', '帮助和示例问题'],
    ['nominate', '一步步起草推荐材料'],
    ['drafts', '我的草稿'],
    ['cancel', '取消正在填写的推荐表'],
    ['forget', '删除关于我的全部记录'],
    ['lang', '回答语言：简体 / 繁體 / English'],
  ],
} as const;

/** The commands of the menu: in a group, other commands belong to other bots. */
export const COMMAND_NAMES: readonly string[] = COMMANDS.en.map(([name]) => name);
