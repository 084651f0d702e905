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
];

/** Finds the field a user names ("电话", "phone", "story"), leniently, in either language. */
export function findField(form: FormDefinition, name: string): FieldDefinition | undefined {
  const n = normalizeForSearch(name).replace(/[\s:：]/g, '');
  if (!n) return undefined;
  const names = (f: FieldDefinition) =>
    [f.id, f.id.replace(/_/g, ''), f.label.zh, f.label.en, ...f.aliases.zh, ...f.aliases.en].map(
      (x) => normalizeForSearch(x).replace(/\s/g, ''),
    );
  return (
    form.fields.find((f) => names(f).includes(n)) ??
    form.fields.find((f) => names(f).some((x) => x.length >= 2 && (n.includes(x) || x.includes(n))))
  );
}

/** Reads a command from a message, or null when the message is an answer. */
export function parseCommand(form: FormDefinition, text: string): FormCommand | null {
  const t = normalizeForSearch(text)
    .trim()
    .replace(/[。.!！]+$/, '');
  for (const [kind, pattern] of EXACT) if (pattern.test(t)) return { kind } as FormCommand;
  const edit = /^(?:\/edit|修改|更改|改一下|改|编辑|edit|change|update)\s*[:：]?\s*(.*)$/.exec(t);
  if (edit) {
    const name = edit[1]!.trim();
    return { kind: 'edit', field: findField(form, name)?.id ?? null, name };
  }
  const polish = /^(?:\/polish|润色|优化|polish|improve)\s*(.*)$/.exec(t);
  if (polish)
    return { kind: 'polish', field: polish[1] ? (findField(form, polish[1])?.id ?? null) : null };
  return null;
}
