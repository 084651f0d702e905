import { randomUUID } from 'node:crypto';
import type { Answerer } from '../answer/answerer.js';
import type { ChatModel } from '../answer/chat-model.js';
import type { Citer } from '../answer/cite.js';
import type { Prompts } from '../answer/prompts.js';
import { finish, list, paragraph, type Draft as ReplyDraft } from '../answer/reply.js';
import { requestedLanguage } from '../answer/language.js';
import { createRegionMatcher } from '../answer/slots.js';
import { normalizeForSearch } from '../knowledge/script.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';
import type { Draft, Session, StateStore, UserKey } from '../storage/state-store.js';
import type { Block, Button, FormProgress, Language, Reply } from '../types.js';
import { parseCommand } from './commands.js';
import type { FormDefinition } from './definition.js';
import {
  startForm,
  step,
  type FormEvent,
  type FormInput,
  type FormState,
  type StepResult,
} from './engine.js';
import type { FieldContext } from './fields.js';
import { formMessagesFor } from './form-messages.js';
import { polishText } from './polish.js';
import { checks, renderEvents } from './render.js';
import { finalDraft } from './final-draft.js';

/** What the nomination flow needs. */
export interface FlowOptions {
  readonly forms: readonly FormDefinition[];
  readonly index: KnowledgeIndex;
  readonly store: StateStore;
  readonly answerer: Answerer;
  readonly citer: Citer;
  readonly chatModel?: ChatModel | undefined;
  readonly prompts?: Prompts | undefined;
  readonly llmTimeoutMs?: number | undefined;
  readonly now?: (() => Date) | undefined;
}

/** The replies of one turn and the session to keep. */
export interface Turn {
  readonly replies: Reply[];
  readonly session: Session;
}

/** The events that ask the current question again (or show the review again). */
function repeat(form: FormDefinition, state: FormState): FormEvent[] {
  if (state.phase === 'review') return [{ type: 'review' }];
  return [
    {
      type: 'ask',
      field: form.fields[state.field]!,
      step: state.field + 1,
      total: form.fields.length,
    },
  ];
}

/** Where a form stands, for channels that show progress. */
function progressOf(form: FormDefinition, state: FormState): FormProgress {
  const total = form.fields.length;
  const asking =
    state.phase === 'filling' || (state.phase === 'confirm-cancel' && state.resume === 'filling');
  if (!asking) return { id: form.id, field: 'review', step: total, total };
  return {
    id: form.id,
    field: form.fields[state.field]?.id ?? 'review',
    step: state.field + 1,
    total,
  };
}

/** Drafting a nomination in the chat: start, answer, review, confirm, with state in the store. */
export function createNominationFlow(options: FlowOptions) {
  const { forms, index, store } = options;
  const now = options.now ?? (() => new Date());
  const findRegions = createRegionMatcher(index.glossary.regions);
  const ctx = (): FieldContext => ({ today: now(), regions: index.glossary.regions, findRegions });
  const formOf = (id: string) => forms.find((f) => f.id === id);
  const titleOf = (form: FormDefinition, language: Language) =>
    language === 'en' ? form.title.en : form.title.zh;

  const reply = (blocks: Block[], language: Language, buttons: Button[] = []): Reply => {
    const draft: ReplyDraft = { kind: 'form', blocks, citations: [], buttons };
    return finish(draft, language, 'nomination');
  };

  /** The form a message names by its start words ("百姓学习之星", "brand project"), if exactly one. */
  const formNamed = (text: string): FormDefinition | undefined => {
    const t = normalizeForSearch(text);
    const hits = forms.filter((f) =>
      [...f.start_words.zh, ...f.start_words.en].some((w) => t.includes(normalizeForSearch(w))),
    );
    return hits.length === 1 ? hits[0] : undefined;
  };

  const chooseForm = (session: Session, language: Language): Turn => ({
    session: { ...session, pending: { kind: 'choose-form' } },
    replies: [
      reply(
        [paragraph(formMessagesFor(language).chooseForm)],
        language,
        forms.map((f) => ({ label: titleOf(f, language), action: `/nominate ${f.id}` })),
      ),
    ],
  });

  /** Persists the draft and session, then renders: an accepted answer is saved before the next question is sent. */
  const commit = async (
    key: UserKey,
    session: Session,
    draft: Draft,
    form: FormDefinition,
    result: StepResult,
    lead: Block[] = [],
  ): Promise<Turn> => {
    // A finished draft stays finished until one of its answers changes.
    const changed = JSON.stringify(result.state.answers) !== JSON.stringify(draft.state.answers);
    const updated: Draft = {
      ...draft,
      status: changed ? 'in_progress' : draft.status,
      state: result.state,
      updatedAt: now().toISOString(),
    };
    const rendered = renderEvents(form, result.state, result.events, index.glossary.regions);
    const language = result.state.language;
    if (result.state.phase === 'cancelled') {
      await store.deleteDraft(key, draft.id);
      const { activeDraftId: _gone, ...rest } = session;
      void _gone;
      await store.save(key, rest);
      return { session: rest, replies: [reply([...lead, ...rendered.blocks], language)] };
    }
    if (result.state.phase === 'done') {
      const final: Draft = { ...updated, status: 'final' };
      const { activeDraftId: _done, ...rest } = session;
      void _done;
      await store.save(key, rest, final);
      const files = await finalDraft({
        form,
        draft: final,
        index,
        citer: options.citer,
        now: now(),
      });
      return { session: rest, replies: files.replies };
    }
    const next: Session = { ...session, activeDraftId: draft.id };
    await store.save(key, next, updated);
    return {
      session: next,
      replies: [
        {
          ...reply([...lead, ...rendered.blocks], language, rendered.buttons),
          form: progressOf(form, result.state),
        },
      ],
    };
  };

  return {
    /** The form a nomination request names, or undefined when it must be asked. */
    formNamed,

    /** Starts a form (or asks which one), after saying what is stored and how to leave. */
    async start(
      key: UserKey,
      session: Session,
      formId: string | undefined,
      language: Language,
    ): Promise<Turn> {
      const form = formId ? formOf(formId) : undefined;
      if (!form) return chooseForm(session, language);
      const m = formMessagesFor(language);
      const lead: Block[] = [];
      if (session.activeDraftId) lead.push(paragraph(m.previousSaved));
      lead.push(
        paragraph(m.intro(titleOf(form, language), form.fields.length)),
        paragraph(m.draftingNote),
        paragraph(m.privacy),
        paragraph(m.commands),
      );
      const started = startForm(form, language);
      const stamp = now().toISOString();
      const draft: Draft = {
        id: randomUUID(),
        formId: form.id,
        status: 'in_progress',
        state: started.state,
        createdAt: stamp,
        updatedAt: stamp,
      };
      const { pending: _p, ...rest } = session;
      void _p;
      return commit(key, rest, draft, form, started, lead);
    },

    /** Reopens a draft at its review screen, or at the field it stopped at. */
    async resume(key: UserKey, session: Session, draft: Draft, lead: Block[] = []): Promise<Turn> {
      const form = formOf(draft.formId);
      if (!form) return { session, replies: [] };
      const state =
        draft.state.phase === 'done' || draft.state.phase === 'cancelled'
          ? { ...draft.state, phase: 'review' as const }
          : draft.state;
      const events =
        state.phase === 'review'
          ? [{ type: 'review' as const }]
          : step(form, state, { kind: 'text', text: '/show' }, ctx()).events.slice(1);
      const m = formMessagesFor(state.language);
      return commit(key, session, draft, form, { state, events }, [
        paragraph(m.resumed(titleOf(form, state.language))),
        ...lead,
      ]);
    },

    /** One message while a form is active. */
    async answer(key: UserKey, session: Session, draft: Draft, text: string): Promise<Turn> {
      const form = formOf(draft.formId);
      if (!form) {
        const { activeDraftId: _lost, ...rest } = session;
        void _lost;
        return { session: rest, replies: [] };
      }
      let state = draft.state;
      const command = parseCommand(form, text);
      const open = state.phase === 'filling' || state.phase === 'review';
      // "用英文回答", "請用繁體中文": the rest of the form in that language.
      const switchTo =
        !command && open && [...text].length <= 20 ? requestedLanguage(text) : undefined;
      if (switchTo && switchTo !== state.language) {
        state = { ...state, language: switchTo };
        const again = repeat(form, state);
        return commit(key, session, draft, form, { state, events: again });
      }
      const language = state.language;
      /** Answers a question asked in the middle of the form, then asks the same thing again. */
      const aside = async (): Promise<Turn> => {
        const m = formMessagesFor(language);
        const first = options.answerer.isWeekQuestion(text)
          ? { ...(await options.answerer.answer(text, language)), form: progressOf(form, state) }
          : { ...reply([paragraph(m.notAnAnswer)], language), form: progressOf(form, state) };
        const rendered = renderEvents(form, state, repeat(form, state), index.glossary.regions);
        const back = {
          ...reply([paragraph(m.midFormResume), ...rendered.blocks], language, rendered.buttons),
          form: progressOf(form, state),
        };
        return { session, replies: [first, back] };
      };
      // A short message ending in a question mark is a question, not an answer: about the Week,
      // it is answered; about the form ("这个是必填的吗？"), the user is told how to answer.
      if (!command && open && /[?？]\s*$/.test(text) && [...text].length <= 60) return aside();
      if (!command && state.phase === 'review' && options.answerer.isWeekQuestion(text))
        return aside();
      let result = step(form, state, { kind: 'text', text } as FormInput, ctx());
      // Refused as an answer, but a question about the Week ("2024年活动周主题是什么"): answer it.
      const refused = result.events.some((e) => e.type === 'ask' && e.error);
      if (refused && !command && options.answerer.isWeekQuestion(text)) return aside();
      const polish = result.events.find((e) => e.type === 'polish-requested');
      if (polish && polish.type === 'polish-requested') {
        const m = formMessagesFor(language);
        if (!options.chatModel || !options.prompts) {
          const back = step(form, state, { kind: 'text', text: '/show' }, ctx()).events.filter(
            (e) => e.type !== 'show',
          );
          return commit(key, session, draft, form, { state, events: back }, [
            paragraph(m.polishNeedsLlm),
            list(checks(form, state, language)),
          ]);
        }
        const polished = await polishText({
          model: options.chatModel,
          prompts: options.prompts,
          field: polish.field,
          text: String(state.answers[polish.field.id] ?? ''),
          language,
          timeoutMs: options.llmTimeoutMs ?? 15000,
        });
        if (!polished.ok) {
          const back = step(form, state, { kind: 'text', text: '/show' }, ctx()).events.filter(
            (e) => e.type !== 'show',
          );
          return commit(key, session, draft, form, { state, events: back }, [
            paragraph(m.polishFailed(language === 'en' ? polished.reason.en : polished.reason.zh)),
          ]);
        }
        result = step(
          form,
          state,
          { kind: 'polished', field: polish.field.id, text: polished.text },
          ctx(),
        );
      }
      return commit(key, session, draft, form, result);
    },
  };
}

/** The nomination flow's interface, for the bot. */
export type NominationFlow = ReturnType<typeof createNominationFlow>;
