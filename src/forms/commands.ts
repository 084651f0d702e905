import { normalizeForSearch } from '../knowledge/script.js';
import type { FieldDefinition, FormDefinition } from './definition.js';

/** What a user can say anywhere in a form. */
export type FormCommand =
  | { readonly kind: 'back' }
  | { readonly kind: 'skip' }
  | { readonly kind: 'show' }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'help' }
  | { readonly kind: 'yes' }
  | { readonly kind: 'no' }
  /** "不知道", "not sure": help, never an answer. */
  | { readonly kind: 'unsure' }
  | { readonly kind: 'edit'; readonly field: string | null; readonly name: string }
  | { readonly kind: 'polish'; readonly field: string | null };

const EXACT: readonly (readonly [FormCommand['kind'], RegExp])[] = [
  ['back', /^(\/back|返回|上一步|上一题|后退|back|go back|previous)$/],
  ['skip', /^(\/skip|跳过|略过|没有|无|skip|none|n\/a)$/],
  ['show', /^(\/show|查看|预览|看看|草稿|show|view|preview|show draft)$/],
  ['cancel', /^(\/cancel|取消|放弃|退出|不填了|cancel|quit|stop|abort)$/],
  ['help', /^(\/help|帮助|怎么填|help|\?|？)$/],
  [
    'yes',
    /^(\/confirm|是|是的|确认|确定|好|好的|对|提交|生成|确认生成|yes|y|ok|okay|confirm|submit|sure)$/,
  ],
  ['no', /^(否|不|不是|不要|继续|继续填写|no|n|keep going|continue)$/],
  [
    'unsure',
    /^(不知道|不清楚|还不知道|還不知道|不确定|不確定|没想好|沒想好|待定|不晓得|不曉得|忘了|忘记了|i don'?t know|not sure|unknown|dunno|no idea)$/,
  ],
];

const names = (f: FieldDefinition) =>
  [f.id, f.id.replace(/_/g, ''), f.label.zh, f.label.en, ...f.aliases.zh, ...f.aliases.en].map(
    (x) => normalizeForSearch(x).replace(/[\s_]/g, ''),
  );

/**
 * Finds the field a user names ("电话", "phone", "手机号码", "出生日期"), in either language: an exact
 * name or alias first, else the field whose name the text starts or ends with, the longest such
 * name winning ("联系人电话" is the phone, not the contact person).
 */
export function findField(form: FormDefinition, name: string): FieldDefinition | undefined {
  const n = normalizeForSearch(name).replace(/[\s:：_]/g, '');
  if (!n) return undefined;
  const exact = form.fields.find((f) => names(f).includes(n));
  if (exact) return exact;
  // The head noun comes last ("联系人电话" is a phone, "contact phone" too): a name the text ends
  // with beats one it starts with, and a longer name beats a shorter one.
  let best: { field: FieldDefinition; score: number } | undefined;
  for (const field of form.fields) {
    for (const x of names(field)) {
      if (x.length < 2 || n.length - x.length > 3) continue;
      const score = n.endsWith(x) ? 100 + x.length : n.startsWith(x) ? x.length : 0;
      if (score > 0 && (!best || score > best.score)) best = { field, score };
    }
  }
  return best?.field;
}

// A command is the command word alone, or the command word and a field name: anything longer is
// an answer that happens to start with 改 / 编辑 / edit ("编辑，长沙晚报社", "Change came late…").
const COMMAND_TAIL_MAX = 12;

/** Reads a command from a message, or null when the message is an answer. */
export function parseCommand(form: FormDefinition, text: string): FormCommand | null {
  const t = normalizeForSearch(text)
    .trim()
    .replace(/[。.!！]+$/, '');
  for (const [kind, pattern] of EXACT) if (pattern.test(t)) return { kind } as FormCommand;
  const edit = /^(\/edit|修改|更改|改一下|编辑|edit|change|update|改)(\s*[:：]?\s*)(.*)$/.exec(t);
  if (edit) {
    const name = edit[3]!.trim();
    const field = findField(form, name);
    if (field) return { kind: 'edit', field: field.id, name };
    // "修改 地址" (with a space) names a field that does not exist; "编辑部读书会" is an answer.
    const separated = edit[2]!.length > 0 && edit[1] !== '改';
    if (!name || (separated && name.length <= COMMAND_TAIL_MAX && !/[,，。.;；]/.test(name)))
      return { kind: 'edit', field: null, name };
    return null;
  }
  const polish = /^(?:\/polish|润色|polish)\s*(.*)$/.exec(t);
  if (polish) {
    const name = polish[1]!.trim();
    const field = name ? findField(form, name) : undefined;
    if (!name || field) return { kind: 'polish', field: field?.id ?? null };
  }
  return null;
}
