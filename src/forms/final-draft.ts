import type { Citer } from '../answer/cite.js';
import { finish, paragraph } from '../answer/reply.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';
import type { Draft } from './draft.js';
import type { Reply } from '../types.js';
import { buildChecklist } from './checklist.js';
import type { FormDefinition } from './definition.js';
import { renderDocx } from './docx.js';
import { displayValue } from './fields.js';
import { formMessagesFor } from './form-messages.js';
import { answerItems, isUserText } from './render.js';
import { toScript } from '../answer/language.js';

/**
 * The finished draft: the answers in chat, a .docx and a JSON file, and the checklist from the
 * notices with each line's source. Files are in the form's language and script.
 */
export async function finalDraft(options: {
  form: FormDefinition;
  draft: Draft;
  index: KnowledgeIndex;
  citer: Citer;
  now: Date;
}): Promise<{ replies: Reply[] }> {
  const { form, draft, index } = options;
  const state = draft.state;
  const language = state.language;
  const en = language === 'en';
  const m = formMessagesFor(language);
  const regions = index.glossary.regions;
  const title = en ? form.title.en : form.title.zh;
  const checklist = buildChecklist(index, options.citer, language);
  const year = options.now.getUTCFullYear();
  const local = (text: string) => toScript(text, language);

  const answered = form.fields.filter((f) => state.answers[f.id] !== undefined);
  const docx = await renderDocx({
    title: local(`${title}${en ? ' (draft)' : '（草稿）'}`),
    subtitle: local(
      en
        ? `Drafted ${options.now.toISOString().slice(0, 10)} with llw-assistant, for the ${year} nomination round`
        : `${year}年 · 由活动周助手于${options.now.toISOString().slice(0, 10)}起草`,
    ),
    rows: answered
      .filter((f) => f.kind !== 'longtext')
      .map((f) => ({
        label: local(en ? f.label.en : f.label.zh),
        // The user's own words stay as typed; generated labels (女, 湖南省) follow the script.
        value: isUserText(f)
          ? displayValue(f, state.answers[f.id], language, regions)
          : local(displayValue(f, state.answers[f.id], language, regions)),
      })),
    sections: answered
      .filter((f) => f.kind === 'longtext')
      .map((f) => ({
        label: local(en ? f.label.en : f.label.zh),
        text: String(state.answers[f.id]),
      })),
    checklistTitle: local(m.checklist),
    checklist: checklist.map((c) => ({
      text: local(c.text),
      source: local(`${c.citation.title} · ${c.citation.section}：“${c.citation.quote}”`),
    })),
    note: local(`${m.draftingNote} ${m.checklistNote}`),
  });
  const json = {
    form: form.id,
    title: local(title),
    language,
    draftId: draft.id,
    createdAt: draft.createdAt,
    confirmedAt: options.now.toISOString(),
    answers: Object.fromEntries(
      form.fields.map((f) => [
        f.id,
        {
          label: local(en ? f.label.en : f.label.zh),
          value: state.answers[f.id] ?? null,
          shown:
            state.answers[f.id] === undefined
              ? null
              : isUserText(f)
                ? displayValue(f, state.answers[f.id], language, regions)
                : local(displayValue(f, state.answers[f.id], language, regions)),
        },
      ]),
    ),
    checklist: checklist.map((c) => ({
      text: c.text,
      source: c.citation.source,
      section: c.citation.section,
      quote: c.citation.quote,
    })),
  };
  const base = draftFileBase(draft);
  const files = [
    {
      name: `${base}.docx`,
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      data: docx,
    },
    {
      name: `${base}.json`,
      mediaType: 'application/json',
      data: new TextEncoder().encode(JSON.stringify(json, null, 2)),
    },
  ];
  const summary = finish(
    {
      kind: 'form',
      blocks: [
        paragraph(m.finished(title)),
        { kind: 'list', ordered: false, items: answerItems(form, state, language, regions, true) },
        paragraph(m.filesNote),
      ],
      citations: [],
    },
    language,
    'nomination',
  );
  const check = finish(
    {
      kind: 'fact',
      blocks: [
        paragraph(m.checklist),
        {
          kind: 'list',
          ordered: false,
          items: checklist.map((c, i) => [{ kind: 'text', text: `${c.text} [${i + 1}]` }]),
        },
        paragraph(m.checklistNote),
      ],
      citations: checklist.map((c) => c.citation),
    },
    language,
    'nomination',
  );
  return { replies: [{ ...summary, files }, check] };
}

/**
 * The name a draft's files share, without extension: the form, the nominee or project as typed
 * (made safe for any file system), and the draft's token (`star-王秀兰-1a2b3c4d`).
 */
export function draftFileBase(draft: Draft): string {
  const who = String(draft.state.answers['name'] ?? draft.state.answers['project_name'] ?? '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .slice(0, 20);
  return [draft.formId, who, draft.id.replace(/-/g, '').slice(0, 8)].filter(Boolean).join('-');
}

/** The names of a draft's files. */
export function draftFileNames(draft: Draft): string[] {
  const base = draftFileBase(draft);
  return [`${base}.docx`, `${base}.json`];
}
