import type { ChatModel } from '../answer/chat-model.js';
import { fill, type Prompts } from '../answer/prompts.js';
import type { Language } from '../types.js';
import type { FieldDefinition } from './definition.js';
import { measure } from './fields.js';

/** A rewrite, or why there is none. */
export type PolishResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: { zh: string; en: string } };

const LANGUAGE_NAME: Record<Language, string> = {
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
  en: 'English',
};
const FIGURES = /\d[\d,.]*/g;

/**
 * Asks the model to polish a long answer and accepts the rewrite only if it stays within the
 * field's length limits and states no figure the original does not.
 */
export async function polishText(options: {
  readonly model: ChatModel;
  readonly prompts: Prompts;
  readonly field: FieldDefinition;
  readonly text: string;
  readonly language: Language;
  readonly timeoutMs: number;
}): Promise<PolishResult> {
  const { field, text, language } = options;
  if (field.kind !== 'longtext')
    return { ok: false, reason: { zh: '这一项不能润色', en: 'this field cannot be polished' } };
  const { unit } = measure(text);
  const [min, max] = unit === 'zh' ? field.zh_chars : field.en_words;
  const prompt = fill(options.prompts['polish'] ?? '', {
    field: field.label.en,
    language_name: LANGUAGE_NAME[language],
    min: String(min),
    max: String(max),
    unit: unit === 'zh' ? 'Chinese characters' : 'words',
    text,
  });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('timeout')), options.timeoutMs);
  let rewrite: string;
  try {
    rewrite = (
      await options.model.complete([{ role: 'user', content: prompt }], {
        signal: controller.signal,
      })
    ).trim();
  } catch (error) {
    const timedOut =
      /timeout|abort/i.test((error as Error).message) || (error as Error).name === 'AbortError';
    return {
      ok: false,
      reason: timedOut
        ? { zh: '大模型没有及时回复', en: 'the model did not answer in time' }
        : { zh: '大模型出错', en: 'the model failed' },
    };
  } finally {
    clearTimeout(timer);
  }
  const count = measure(rewrite).count;
  if (!rewrite || count < min || count > max) {
    return {
      ok: false,
      reason: {
        zh: `润色稿长度不符合要求（${count}）`,
        en: `the rewrite's length is out of bounds (${count})`,
      },
    };
  }
  const original = new Set(text.normalize('NFKC').match(FIGURES) ?? []);
  const added = (rewrite.normalize('NFKC').match(FIGURES) ?? []).find((f) => !original.has(f));
  if (added)
    return {
      ok: false,
      reason: {
        zh: `润色稿出现了原文没有的数字“${added}”`,
        en: `the rewrite added the figure "${added}"`,
      },
    };
  return { ok: true, text: rewrite };
}
