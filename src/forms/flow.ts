import { randomUUID } from 'node:crypto';
import { encodeAction, type Action } from '../actions.js';
import type { Answerer } from '../answer/answerer.js';
import type { ChatModel } from '../answer/chat-model.js';
import type { Citer } from '../answer/cite.js';
import type { Prompts } from '../answer/prompts.js';
import { finish, list, paragraph, type Draft as ReplyDraft } from '../answer/reply.js';
import { requestedLanguage } from '../answer/language.js';
import { createRegionMatcher } from '../answer/slots.js';
import { normalizeForSearch } from '../knowledge/script.js';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.js';
import type { Session } from '../storage/state-store.js';
import type { Block, Button, Language, Reply } from '../types.js';
import { parseCommand } from './commands.js';
import type { FormDefinition } from './definition.js';
import { without, type Draft, type Turn } from './draft.js';
import {
  currentField,
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
import { inputOf, progressOf, repeat } from './controls.js';
import { finalDraft } from './final-draft.js';
import { callName } from './rules.js';

/** What the nomination flow needs. */
export interface FlowOptions {
  readonly forms: readonly FormDefinition[];
  readonly index: KnowledgeIndex;
  readonly answerer: Answerer;
  readonly citer: Citer;
  readonly chatModel?: ChatModel | undefined;
  readonly prompts?: Prompts | undefined;
  readonly llmTimeoutMs?: number | undefined;
  readonly now?: (() => Date) | undefined;
}

/** Sends a reply before the turn is over ("working on it" before a slow step). */
export type Interim = (reply: Reply) => Promise<void>;

/** Drafting a nomination in the chat: start, answer, review, confirm. Returns turns; the bot saves them. */
export function createNominationFlow(options: FlowOptions) {
  const { forms, index } = options;
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
  /** The form's reply at a state: the blocks, its buttons (for the draft version they will match) and progress. */
  const formReply = (
    form: FormDefinition,
    draft: Draft,
    state: FormState,
    events: readonly FormEvent[],
    version: number,
    lead: Block[] = [],
  ): Reply => {
    const rendered = renderEvents(form, state, events, index.glossary.regions, (op) =>
      encodeAction({ kind: 'form', draft: draft.id, version, op }),
    );
    return {
      ...reply([...lead, ...rendered.blocks], state.language, rendered.buttons),
      form: progressOf(form, state),
    };
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
        forms.map((f) => ({
          label: titleOf(f, language),
          action: encodeAction({ kind: 'pick', form: f.id }),
        })),
      ),
    ],
  });

  /** The turn after an engine step: the draft to save, the session, and the replies. */
  const settle = async (
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
    const language = result.state.language;
    if (result.state.phase === 'cancelled') {
      const rendered = renderEvents(form, result.state, result.events, index.glossary.regions);
      return {
        session: without(session, 'activeDraftId'),
        deleteDrafts: [draft.id],
        replies: [reply([...lead, ...rendered.blocks], language)],
      };
    }
    if (result.state.phase === 'done') {
      const final: Draft = { ...updated, status: 'final' };
      const files = await finalDraft({
        form,
        draft: final,
        index,
        citer: options.citer,
        now: now(),
      });
      // The finished draft stays the conversation's: "确认" or "查看" again sends its files again
      // (a channel that failed to deliver them, a full disk) instead of falling out of scope.
      return {
        session: { ...session, activeDraftId: draft.id },
        drafts: [final],
        replies: files.replies,
      };
    }
    // Showing the answers or help changes nothing: nothing to save, and the buttons already
    // sent for this question stay valid.
    const same = draft.version > 0 && JSON.stringify(result.state) === JSON.stringify(draft.state);
    return {
      session: { ...session, activeDraftId: draft.id },
      drafts: same ? [] : [updated],
      replies: [
        formReply(form, draft, result.state, result.events, draft.version + (same ? 0 : 1), lead),
      ],
    };
  };

  /** Answers a question asked in the middle of the form, then asks the same thing again; nothing is saved. */
  const aside = async (
    session: Session,
    draft: Draft,
    form: FormDefinition,
    first: Reply,
  ): Promise<Turn> => {
    const state = draft.state;
    const m = formMessagesFor(state.language);
    const back = formReply(form, draft, state, repeat(form, state), draft.version, [
      paragraph(m.midFormResume),
    ]);
    return { session, replies: [{ ...first, form: progressOf(form, state) }, back] };
  };

  /** Polishes a long text with the model (a slow step: an interim reply goes first). */
  const polish = async (
    session: Session,
    draft: Draft,
    form: FormDefinition,
    field: Extract<FormEvent, { type: 'polish-requested' }>['field'],
    interim: Interim | undefined,
  ): Promise<Turn> => {
    const state = draft.state;
    const m = formMessagesFor(state.language);
    const back = step(form, state, { kind: 'text', text: '/show' }, ctx()).events.filter(
      (e) => e.type !== 'show',
    );
    if (!options.chatModel || !options.prompts)
      return settle(session, draft, form, { state, events: back }, [
        paragraph(m.polishNeedsLlm),
        list(checks(form, state, state.language)),
      ]);
    await interim?.(reply([paragraph(m.polishStarted)], state.language));
    const polished = await polishText({
      model: options.chatModel,
      prompts: options.prompts,
      field,
      text: String(state.answers[field.id] ?? ''),
      language: state.language,
      timeoutMs: options.llmTimeoutMs ?? 15000,
    });
    if (!polished.ok) {
      const why = state.language === 'en' ? polished.reason.en : polished.reason.zh;
      return settle(session, draft, form, { state, events: back }, [
        paragraph(m.polishFailed(why)),
      ]);
    }
    const input: FormInput = { kind: 'polished', field: field.id, text: polished.text };
    return settle(session, draft, form, step(form, state, input, ctx()));
  };

  /** The rest of the form in another language: the current question asked again in it. */
  const switchLanguage = async (session: Session, draft: Draft, language: Language) => {
    const form = formOf(draft.formId);
    if (!form) return { session, replies: [] };
    const state = { ...draft.state, language };
    return settle(session, draft, form, { state, events: repeat(form, state) });
  };

  /** A finished draft's files made again, with its summary: "确认" or "下载" after the end. */
  const resend = async (session: Session, draft: Draft): Promise<Turn> => {
    const form = formOf(draft.formId);
    if (!form) return { session: without(session, 'activeDraftId'), replies: [] };
    const made = await finalDraft({
      form,
      draft,
      index,
      citer: options.citer,
      now: new Date(draft.updatedAt),
    });
    const m = formMessagesFor(draft.state.language);
    const lead = reply([paragraph(m.filesAgain)], draft.state.language);
    return { session, replies: [lead, ...made.replies] };
  };

  return {
    /** The form a nomination request names, or undefined when it must be asked. */
    formNamed,
    resend,
    switchLanguage,

    /** Starts a form (or asks which one), after saying what is stored and how to leave. */
    async start(session: Session, formId: string | undefined, language: Language): Promise<Turn> {
      const form = formId ? formOf(formId) : undefined;
      if (!form) return chooseForm(session, language);
      const m = formMessagesFor(language);
      const lead: Block[] = [];
      if (session.activeDraftId) lead.push(paragraph(m.previousSaved));
      lead.push(
        paragraph(m.intro(titleOf(form, language), form.fields.length)),
        paragraph(m.draftingNote),
        ...conditionBlocks(form, language),
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
        version: 0,
        createdAt: stamp,
        updatedAt: stamp,
      };
      return settle(without(session, 'pending'), draft, form, started, lead);
    },

    /** Reopens a draft at its review screen, or at the field it stopped at. */
    async resume(session: Session, draft: Draft, lead: Block[] = []): Promise<Turn> {
      const form = formOf(draft.formId);
      if (!form) return { session, replies: [] };
      const state =
        draft.state.phase === 'done' || draft.state.phase === 'cancelled'
          ? { ...draft.state, phase: 'review' as const }
          : draft.state;
      const m = formMessagesFor(state.language);
      return settle(session, draft, form, { state, events: repeat(form, state) }, [
        paragraph(m.resumed(titleOf(form, state.language))),
        ...lead,
      ]);
    },

    /** One typed message while a form is active. */
    async answer(session: Session, draft: Draft, text: string, interim?: Interim): Promise<Turn> {
      const form = formOf(draft.formId);
      if (!form) return { session: without(session, 'activeDraftId'), replies: [] };
      const state = draft.state;
      const command = parseCommand(form, text);
      const open = state.phase === 'filling' || state.phase === 'review';
      // "用英文回答", "請用繁體中文": the rest of the form in that language.
      const switchTo =
        !command && open && [...text].length <= 20 ? requestedLanguage(text) : undefined;
      if (switchTo && switchTo !== state.language) return switchLanguage(session, draft, switchTo);
      const language = state.language;
      const weekQuestion = () => options.answerer.isWeekQuestion(text);
      const answerAside = async () =>
        aside(
          session,
          draft,
          form,
          weekQuestion()
            ? await options.answerer.answer(text, language)
            : reply([paragraph(formMessagesFor(language).notAnAnswer)], language),
        );
      // A short message ending in a question mark is a question, not an answer: about the Week,
      // it is answered; about the form ("这个是必填的吗？"), the user is told how to answer.
      if (!command && open && /[?？]\s*$/.test(text) && [...text].length <= 60)
        return answerAside();
      // Without a question mark too ("材料什么时候交", "截止日期是哪天") at a short text answer:
      // never stored as a name or a workplace.
      const asked = state.phase === 'filling' ? currentField(form, state) : undefined;
      if (
        !command &&
        asked &&
        (asked.kind === 'text' || asked.kind === 'person') &&
        looksLikeQuestion(text)
      )
        return aside(session, draft, form, await options.answerer.answer(text, language));
      if (!command && state.phase === 'review' && weekQuestion()) return answerAside();
      const result = step(form, state, { kind: 'text', text }, ctx());
      // Refused as an answer, but a question about the Week ("2024年活动周主题是什么"): answer it.
      const refused = result.events.some((e) => e.type === 'ask' && e.error);
      if (refused && !command && weekQuestion()) return answerAside();
      const wanted = result.events.find((e) => e.type === 'polish-requested');
      if (wanted?.type === 'polish-requested')
        return polish(session, draft, form, wanted.field, interim);
      return settle(session, draft, form, result);
    },

    /**
     * A button of the form. It acts only if it was sent with the draft's current version: an
     * older button ("确认" from an earlier review, an option of a question already answered)
     * gets a polite note and the current question again.
     */
    async press(
      session: Session,
      draft: Draft,
      action: Extract<Action, { kind: 'form' }>,
    ): Promise<Turn> {
      const form = formOf(draft.formId);
      if (!form) return { session: without(session, 'activeDraftId'), replies: [] };
      const state = draft.state;
      if (action.version !== draft.version) {
        const m = formMessagesFor(state.language);
        return aside(session, draft, form, reply([paragraph(m.staleButton)], state.language));
      }
      return settle(
        session,
        draft,
        form,
        step(form, state, inputOf(form, state, action.op), ctx()),
      );
    },
  };
}

/** The nomination flow's interface, for the bot. */
export type NominationFlow = ReturnType<typeof createNominationFlow>;

/** Question words that no name, workplace or short answer holds ("什么时候", "哪天", "多少"). */
const QUESTION_WORDS =
  /什么时候|什麼時候|什么时间|什麼時間|哪天|哪一天|几号|幾號|几月|幾月|何时|何時|多少|几个|幾個|几名|幾名|是否|能不能|可不可以|怎么办|怎麼辦|[吗嗎呢]$|^(?:请问|請問|when|what|where|who|how|is|are|do|does|can)\b/i;

/** A short message that asks rather than answers. */
export function looksLikeQuestion(text: string): boolean {
  return [...text.trim()].length <= 30 && QUESTION_WORDS.test(text.trim());
}

/** The call's conditions for who may be nominated, listed before the first question. */
function conditionBlocks(form: FormDefinition, language: Language): Block[] {
  const call = callName(form, language);
  if (!call || !form.call) return [];
  const m = formMessagesFor(language);
  return [
    paragraph(m.conditions(call)),
    list(form.call.conditions.map((c) => (language === 'en' ? c.en : c.zh))),
  ];
}
