import type { Citer } from '../answer/cite.js';
import { finish, list, paragraph } from '../answer/reply.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';
import type { Draft } from './draft.js';
import type { Block, Citation, Language, Reply } from '../types.js';
import { beijingDate } from './beijing-time.js';
import { buildChecklist, type ChecklistLine } from './checklist.js';
import type { FormDefinition } from './definition.js';
import { renderDocx } from './docx.js';
import { displayValue } from './fields.js';
import { formMessagesFor } from './form-messages.js';
import { answerItems, checks, isUserText, warningLines } from './render.js';
import { callName } from './rules.js';
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
  const shown = (f: FormDefinition['fields'][number]) =>
    // The user's own words stay as typed; generated labels (女, 湖南省) follow the script.
    isUserText(f)
      ? displayValue(f, state.answers[f.id], language, regions)
      : local(displayValue(f, state.answers[f.id], language, regions));
  const call = callName(form, language);
  const warnings = warningLines(form, state.answers, language, regions);
  // What to check before handing the form in: where its rules come from, what is missing, what
  // conflicts with the call's rules.
  const notes = [
    ...(call && form.call ? [m.rulesYear(call, form.call.year)] : [m.checklistNote]),
    m.draftingNote,
    ...checks(form, state, language).filter((c) => c !== m.allChecksPassed),
    ...warnings,
    ...(call && form.call
      ? [
          `${m.conditions(call)}${form.call.conditions.map((c) => (en ? c.en : c.zh)).join(en ? '; ' : '；')}${en ? '.' : '。'}`,
        ]
      : []),
  ].map(local);
  const groups = checklistGroups(checklist, year, language);
  const docx = await renderDocx({
    title: local(`${title}${en ? ' (draft)' : '（草稿）'}`),
    subtitle: local(
      en
        ? `Drafted ${beijingDate(options.now)} with llw-assistant${form.call ? `; conditions from the ${form.call.year} call` : ''}`
        : `由活动周助手于${beijingDate(options.now)}起草${form.call ? ` · 推荐条件依据${form.call.year}年推荐通知` : ''}`,
    ),
    // Every short field has its row, blank when it was left out: the form is complete on paper.
    rows: form.fields
      .filter((f) => f.kind !== 'longtext')
      .map((f) => ({
        label: local(en ? f.label.en : f.label.zh),
        value: state.answers[f.id] === undefined ? '' : shown(f),
      })),
    sections: answered
      .filter((f) => f.kind === 'longtext')
      .map((f) => ({
        label: local(en ? f.label.en : f.label.zh),
        text: String(state.answers[f.id]),
      })),
    endorsement: {
      label: local(m.endorsement),
      seal: local(m.endorsementSeal),
      date: local(m.endorsementDate),
    },
    notesTitle: local(m.beforeSubmitting),
    notes,
    checklistTitle: local(m.checklist),
    checklist: groups.flatMap((g) => [
      { text: local(g.heading), source: '' },
      ...g.items.map((item) => ({
        text: local(item.texts.join(en ? ' ' : '')),
        source: local(
          `${item.citation.title} · ${item.citation.section}：“${item.citation.quote}”`,
        ),
      })),
    ]),
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
        ...(warnings.length > 0 ? [paragraph(m.warningsTitle), list(warnings)] : []),
        paragraph(m.filesNote),
      ],
      citations: [],
    },
    language,
    'nomination',
  );
  const citations = groups.flatMap((g) => g.items.map((item) => item.citation));
  const check = finish(
    {
      kind: 'fact',
      blocks: [
        paragraph(m.checklist),
        ...groups.flatMap((g): Block[] => [
          paragraph(g.heading),
          {
            kind: 'list',
            ordered: false,
            items: g.items.map((item) => [
              {
                kind: 'text',
                text: `${item.texts.join(en ? ' ' : '')} [${citations.indexOf(item.citation) + 1}]`,
              },
            ]),
          },
        ]),
        paragraph(m.checklistNote),
      ],
      citations,
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

/** The checklist's lines of one notice, under a heading that says whether its round has passed. */
interface ChecklistGroup {
  readonly year: number;
  readonly heading: string;
  /** Lines resting on the same words of the notice share one item and one citation. */
  readonly items: { readonly texts: string[]; readonly citation: Citation }[];
}

function checklistGroups(
  lines: readonly ChecklistLine[],
  year: number,
  language: Language,
): ChecklistGroup[] {
  const m = formMessagesFor(language);
  const groups: ChecklistGroup[] = [];
  for (const line of lines) {
    let group = groups.at(-1);
    if (group?.year !== line.year) {
      group = { year: line.year, heading: m.checklistYear(line.year, line.year < year), items: [] };
      groups.push(group);
    }
    const key = (c: Citation) => `${c.source}\u0000${c.quote}`;
    const same = group.items.find((item) => key(item.citation) === key(line.citation));
    if (same) same.texts.push(line.text);
    else group.items.push({ texts: [line.text], citation: line.citation });
  }
  return groups;
}
