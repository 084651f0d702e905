import { randomUUID } from 'node:crypto';
import { finish, list, paragraph } from '../answer/reply.js';
import { chineseNumber } from '../knowledge/headings.js';
import { normalizeForSearch } from '../knowledge/script.js';
import { encodeAction } from '../actions.js';
import type { Session } from '../storage/state-store.js';
import type { Block, Button, Language, Reply } from '../types.js';
import type { FormDefinition } from './definition.js';
import { without, type Draft, type Turn } from './draft.js';
import { draftFileNames } from './final-draft.js';
import { beijingMinute } from './beijing-time.js';
import { formMessagesFor } from './form-messages.js';
import { renderSummarySheet } from './summary-sheet.js';
import type { Region } from '../knowledge/glossary.js';

/** A request about drafts or stored data, read from a message. */
export type DraftCommand =
  | { readonly kind: 'list' }
  /** An .xlsx of the finished nominations, one row each. */
  | { readonly kind: 'summary' }
  | { readonly kind: 'open' | 'duplicate' | 'delete'; readonly n: string }
  | { readonly kind: 'forget' };

/** Reads "我的草稿", "open draft 2", "打开第2份草稿", "复制草稿 一", "删除草稿 3", "/forget", "忘记我". */
export function parseDraftCommand(text: string): DraftCommand | null {
  const t = normalizeForSearch(text)
    .trim()
    .replace(/[。.!！?？]+$/, '');
  if (
    /^(\/forget|忘记我|删除我的(全部|所有)?(数据|记录|信息)|forget me|delete (all )?my data)$/.test(
      t,
    )
  )
    return { kind: 'forget' };
  if (/^(\/drafts|我的草稿|草稿列表|查看草稿|my drafts|drafts|list drafts)$/.test(t))
    return { kind: 'list' };
  // "汇总表", "给我一份推荐汇总表", "send me the summary sheet please": the sheet of finished
  // nominations. A question about the notice's own 汇总表 (附件3) has a question word or mark.
  if (
    /^\/summary$/.test(t) ||
    /^(?:请|麻烦)?(?:给我|发给我|发我|帮我|我要|我想要|导出|生成|下载|做)?(?:一份|一个|一下)?(?:我的)?(?:推荐)?(?:汇总|汇总表|汇总表格|excel汇总表?|汇总excel|excel表格?)(?:吧|谢谢)?$/.test(
      t.replace(/\s+/g, ''),
    ) ||
    /^(?:please\s+)?(?:(?:send|give|export|make|download|get)\s+(?:me\s+)?)?(?:the\s+|a\s+|my\s+)?(?:excel\s+)?(?:summary(?:\s+sheet)?|spreadsheet|excel(?:\s+sheet)?)(?:\s+please)?$/.test(
      t,
    )
  )
    return { kind: 'summary' };
  const m = /^(打开|继续|open|reopen|resume|复制|duplicate|copy|删除|delete|remove)\s*(.*)$/.exec(
    t,
  );
  if (!m || !/草稿|draft/.test(m[2]!) || [...m[2]!].length > 16) return null;
  const kind = /打开|继续|open|reopen|resume/.test(m[1]!)
    ? 'open'
    : /复制|duplicate|copy/.test(m[1]!)
      ? 'duplicate'
      : 'delete';
  const rest = m[2]!.replace(/草稿|drafts?|第|份|个|no\.?|#/g, '').trim();
  const n = /^\d+$/.test(rest)
    ? rest
    : !Number.isNaN(chineseNumber(rest))
      ? String(chineseNumber(rest))
      : rest || '?';
  return { kind, n };
}

/** True when a message says yes ("是", "确认", "ok"). */
export function saysYes(text: string): boolean {
  return /^(是|是的|确认|确定|好|好的|对|yes|y|ok|okay|confirm|sure)$/i.test(
    normalizeForSearch(text)
      .trim()
      .replace(/[。.!！]+$/, ''),
  );
}

/** Lists, reopens, duplicates and deletes drafts, and forgets a user, with confirmations. */
export function createDraftCommands(options: {
  readonly forms: readonly FormDefinition[];
  readonly regions: readonly Region[];
  readonly now: () => Date;
  readonly resume: (session: Session, draft: Draft, lead?: Block[]) => Promise<Turn>;
}) {
  const { forms } = options;
  const say = (language: Language, blocks: Block[], buttons: Button[] = []): Reply =>
    finish({ kind: 'form', blocks, citations: [], buttons }, language, 'drafts');
  const titleOf = (draft: Draft, language: Language) => {
    const form = forms.find((f) => f.id === draft.formId);
    return form ? (language === 'en' ? form.title.en : form.title.zh) : draft.formId;
  };
  const whoOf = (draft: Draft, language: Language) =>
    `${String(draft.state.answers['name'] ?? draft.state.answers['project_name'] ?? '')}${draft.copyOf ? (language === 'en' ? ' (copy)' : '（副本）') : ''}`;
  const yesNo = (language: Language, about: 'forget' | 'delete', draft?: string): Button[] => [
    {
      label: language === 'en' ? 'Yes' : '是',
      action: encodeAction({ kind: 'answer', yes: true, about, ...(draft ? { draft } : {}) }),
    },
    {
      label: language === 'en' ? 'No' : '否',
      action: encodeAction({ kind: 'answer', yes: false, about, ...(draft ? { draft } : {}) }),
    },
  ];

  return {
    /** Handles a draft command over the user's drafts (oldest first, as numbered). */
    async handle(
      session: Session,
      command: DraftCommand,
      language: Language,
      drafts: readonly Draft[],
    ): Promise<Turn> {
      const m = formMessagesFor(language);
      if (command.kind === 'forget') {
        return {
          session: { ...session, pending: { kind: 'forget' } },
          replies: [say(language, [paragraph(m.confirmForget)], yesNo(language, 'forget'))],
        };
      }
      if (command.kind === 'summary') {
        const finished = drafts.filter((d) => d.status === 'final');
        if (finished.length === 0)
          return { session, replies: [say(language, [paragraph(m.noFinished)])] };
        const file = await renderSummarySheet({
          forms,
          drafts: finished,
          language,
          regions: options.regions,
          now: options.now(),
        });
        return {
          session,
          replies: [
            { ...say(language, [paragraph(m.summaryAttached(finished.length))]), files: [file] },
          ],
        };
      }
      if (command.kind === 'list') {
        if (drafts.length === 0)
          return { session, replies: [say(language, [paragraph(m.noDrafts)])] };
        const lines = drafts.map((d, i) =>
          m.draftLine(
            i + 1,
            titleOf(d, language),
            whoOf(d, language),
            d.status,
            beijingMinute(d.updatedAt),
          ),
        );
        const buttons = drafts.slice(0, 5).map((d, i) => ({
          label: `${language === 'en' ? 'Open' : '打开'} ${i + 1}`,
          action: encodeAction({ kind: 'open', draft: d.id }),
        }));
        return {
          session,
          replies: [
            say(language, [paragraph(m.drafts), list(lines), paragraph(m.draftsHow)], buttons),
          ],
        };
      }
      const draft = drafts[Number(command.n) - 1];
      if (!draft)
        return { session, replies: [say(language, [paragraph(m.noSuchDraft(command.n))])] };
      if (command.kind === 'open') return options.resume(session, draft);
      if (command.kind === 'duplicate') {
        const stamp = options.now().toISOString();
        const copy: Draft = {
          ...draft,
          id: randomUUID(),
          status: 'in_progress',
          state: { ...draft.state, phase: 'review', editing: false },
          version: 0,
          createdAt: stamp,
          updatedAt: stamp,
          copyOf: draft.id,
        };
        // Numbers follow creation order, so the copy is the last one.
        return options.resume(session, copy, [paragraph(m.duplicated(drafts.length + 1))]);
      }
      return {
        session: { ...session, pending: { kind: 'delete', draftId: draft.id } },
        replies: [
          say(
            language,
            [paragraph(m.confirmDelete(titleOf(draft, language), whoOf(draft, language)))],
            yesNo(language, 'delete', draft.id),
          ),
        ],
      };
    },

    /** Answers a pending yes/no question (forget, delete); null when none is pending. */
    confirm(
      session: Session,
      yes: boolean,
      language: Language,
      drafts: readonly Draft[],
    ): Turn | null {
      const pending = session.pending;
      if (!pending || pending.kind === 'choose-form') return null;
      const m = formMessagesFor(language);
      const rest = without(session, 'pending');
      if (pending.kind === 'forget') {
        if (!yes) return { session: rest, replies: [say(language, [paragraph(m.notForgotten)])] };
        return {
          session: {},
          forget: true,
          // The channel deletes what it keeps of this user outside the store (draft files).
          replies: [
            {
              ...say(language, [paragraph(m.forgotten(drafts.length))]),
              effects: [{ kind: 'forget-user' }],
            },
          ],
        };
      }
      const draft = drafts.find((d) => d.id === pending.draftId);
      if (!yes || !draft)
        return { session: rest, replies: [say(language, [paragraph(m.notDeleted)])] };
      const title = `${titleOf(draft, language)} ${whoOf(draft, language)}`.trim();
      return {
        session: rest.activeDraftId === draft.id ? without(rest, 'activeDraftId') : rest,
        deleteDrafts: [draft.id],
        // A channel that kept the draft's files (the terminal's folder) deletes them too.
        replies: [
          {
            ...say(language, [paragraph(m.deleted(title))]),
            effects: [{ kind: 'delete-files', names: draftFileNames(draft) }],
          },
        ],
      };
    },
  };
}
