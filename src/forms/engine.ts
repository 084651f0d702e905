import { normalizeForSearch } from '../knowledge/script.js';
import type { Language } from '../types.js';
import { findField, parseCommand } from './commands.js';
import type { FieldDefinition, FormDefinition } from './definition.js';
import type { FormEvent, FormInput, FormState, StepResult } from './events.js';
import { matchOption, checkField, type Checked, type FieldContext, type Reason } from './fields.js';

/** Answers that say there is none: 没有, 暂无, 无邮箱, "no email", "nothing", "n/a". */
const NONE =
  /^(?:无|没有|暂无|暂时没有|没|没有的|无此项|不适用|(?:没有|无|暂无)(?:邮箱|电子邮箱|邮件|荣誉|获奖|奖项|称号)|none|no|nothing|nil|n\/a|na|not applicable|no (?:e-?mail|email address|honou?rs?|awards?)(?: yet)?|(?:i |we )?(?:don't|do not) have (?:one|any))$/;

export type { FormEvent, FormInput, FormState, Phase, StepResult } from './events.js';

/** A new form state, at the first field. */
export function startForm(form: FormDefinition, language: Language): StepResult {
  const state: FormState = {
    formId: form.id,
    language,
    phase: 'filling',
    field: form.fields[0]!.id,
    answers: {},
    skipped: [],
    history: [],
    editing: false,
  };
  return { state, events: [ask(form, state)] };
}

/** The position of a field in its form (0-based); the first field for an unknown id. */
export function fieldIndex(form: FormDefinition, id: string): number {
  return Math.max(
    0,
    form.fields.findIndex((f) => f.id === id),
  );
}

/** The field a state is asking (or last asked). */
export function currentField(form: FormDefinition, state: FormState): FieldDefinition {
  return form.fields[fieldIndex(form, state.field)]!;
}

function ask(form: FormDefinition, state: FormState, error?: Reason, rejected?: string): FormEvent {
  return {
    type: 'ask',
    field: currentField(form, state),
    step: fieldIndex(form, state.field) + 1,
    total: form.fields.length,
    ...(state.picked?.length ? { picked: state.picked } : {}),
    ...(error ? { error } : {}),
    ...(rejected !== undefined ? { rejected } : {}),
  };
}

/** The first field after `from` that has no answer yet (skipped ones count as answered). */
function nextOpen(form: FormDefinition, state: FormState, from: number): number {
  for (let i = from; i < form.fields.length; i++) {
    const id = form.fields[i]!.id;
    if (state.answers[id] === undefined && !state.skipped.includes(id)) return i;
  }
  return form.fields.length;
}

/**
 * Moves on after an accepted or skipped answer: the first field still open from the top (so an
 * answer changed mid-form, or after going back, never skips the questions between), or the review.
 */
function advance(form: FormDefinition, state: FormState, events: FormEvent[]): StepResult {
  const next = nextOpen(form, state, 0);
  if (next >= form.fields.length) {
    const reviewed: FormState = {
      ...state,
      phase: 'review',
      editing: false,
      history: [...state.history, state.field],
    };
    return { state: reviewed, events: [...events, { type: 'review' }] };
  }
  const moved: FormState = {
    ...state,
    field: form.fields[next]!.id,
    history: [...state.history, state.field],
  };
  return { state: moved, events: [...events, ask(form, moved)] };
}

function editField(form: FormDefinition, state: FormState, fieldId: string): StepResult {
  const editing: FormState = {
    ...state,
    phase: 'filling',
    field: fieldId,
    editing: state.phase === 'review' || state.editing,
  };
  return { state: editing, events: [ask(form, editing)] };
}

/**
 * One step of the nomination conversation: a pure function of the form, the state and one input.
 * Commands (back, skip, show, edit, cancel, help, polish) work anywhere; everything else is an
 * answer to the current field, accepted or refused with a reason.
 */
export function step(
  form: FormDefinition,
  state: FormState,
  input: FormInput,
  ctx: FieldContext,
): StepResult {
  if (input.kind === 'polished') {
    const field = form.fields.find((f) => f.id === input.field)!;
    const next: FormState = {
      ...state,
      phase: 'choose-polish',
      resume: state.phase,
      polished: { field: field.id, text: input.text },
    };
    return {
      state: next,
      events: [
        {
          type: 'polish-choice',
          field,
          original: String(state.answers[field.id] ?? ''),
          polished: input.text,
        },
      ],
    };
  }
  // "是", "No", "不知道" name an option of a choice such as 国籍 or 信用记录: there they are the
  // answer, not a command.
  const asked = state.phase === 'filling' ? currentField(form, state) : undefined;
  const option =
    input.kind === 'text' && asked?.kind === 'choice'
      ? matchOption(asked, input.text, true)
      : undefined;
  const command =
    input.kind === 'command'
      ? input.command
      : input.kind === 'text' && !option
        ? parseCommand(form, input.text)
        : null;
  const text = input.kind === 'text' ? input.text : '';

  switch (state.phase) {
    case 'done':
    case 'cancelled':
      return { state, events: [] };
    case 'confirm-cancel':
      if (command?.kind === 'yes' || command?.kind === 'cancel')
        return { state: { ...state, phase: 'cancelled' }, events: [{ type: 'cancelled' }] };
      {
        const back: FormState = { ...state, phase: state.resume ?? 'filling' };
        return {
          state: back,
          events: [
            { type: 'not-cancelled' },
            back.phase === 'review' ? { type: 'review' } : ask(form, back),
          ],
        };
      }
    case 'choose-polish': {
      const pending = state.polished!;
      const field = form.fields.find((f) => f.id === pending.field)!;
      const t = text.trim();
      const usePolished =
        command?.kind === 'yes' ||
        /^(1|用润色稿|用潤色稿|采用|use (the )?(polished|rewrite|new)( one| version)?)$/i.test(t);
      const keep =
        command?.kind === 'no' || /^(2|保留原文|原文|keep( the)? original|original)$/i.test(t);
      if (!usePolished && !keep)
        return {
          state,
          events: [
            {
              type: 'polish-choice',
              field,
              original: String(state.answers[field.id] ?? ''),
              polished: pending.text,
            },
          ],
        };
      const answers = usePolished ? { ...state.answers, [field.id]: pending.text } : state.answers;
      const { polished: _dropped, ...rest } = state;
      void _dropped;
      const back: FormState = { ...rest, answers, phase: state.resume ?? 'review' };
      const events: FormEvent[] = [{ type: 'polish-chosen', field, usePolished }];
      events.push(back.phase === 'review' ? { type: 'review' } : ask(form, back));
      return { state: back, events };
    }
    default:
      break;
  }

  // Commands that work both while filling and on the review screen.
  switch (command?.kind) {
    case 'cancel':
      return {
        state: { ...state, phase: 'confirm-cancel', resume: state.phase },
        events: [{ type: 'confirm-cancel' }],
      };
    case 'show':
      // On the review screen the answers are the screen itself: shown once.
      return {
        state,
        events:
          state.phase === 'review' ? [{ type: 'review' }] : [{ type: 'show' }, ask(form, state)],
      };
    case 'unsure':
      return state.phase === 'review'
        ? { state, events: [{ type: 'review-hint' }, { type: 'review' }] }
        : {
            state,
            events: [{ type: 'unsure', field: currentField(form, state) }, ask(form, state)],
          };
    case 'help':
      return {
        state,
        events: [
          { type: 'help' },
          state.phase === 'review' ? { type: 'review' } : ask(form, state),
        ],
      };
    case 'edit':
      if (!command.field)
        return {
          state,
          events: [
            { type: 'unknown-field', name: command.name },
            state.phase === 'review' ? { type: 'review' } : ask(form, state),
          ],
        };
      return editField(form, state, command.field);
    case 'polish': {
      const current = currentField(form, state);
      const target =
        command.field ??
        (state.phase === 'filling' && current?.polish
          ? current.id
          : form.fields.find((f) => f.polish && state.answers[f.id] !== undefined)?.id);
      const field = form.fields.find((f) => f.id === target) ?? null;
      if (!field || !field.polish || state.answers[field.id] === undefined) {
        return {
          state,
          events: [
            { type: 'cannot-polish', field },
            state.phase === 'review' ? { type: 'review' } : ask(form, state),
          ],
        };
      }
      return { state, events: [{ type: 'polish-requested', field }] };
    }
    default:
      break;
  }

  if (state.phase === 'review') {
    if (command?.kind === 'yes') {
      const missing = form.fields.filter((f) => !f.optional && state.answers[f.id] === undefined);
      if (missing.length === 0)
        return { state: { ...state, phase: 'done' }, events: [{ type: 'confirmed' }] };
      const asking: FormState = {
        ...state,
        phase: 'filling',
        field: missing[0]!.id,
        editing: false,
      };
      return { state: asking, events: [{ type: 'missing', fields: missing }, ask(form, asking)] };
    }
    // "返回" on the review screen would leave it silently: say how to change an answer instead.
    if (command?.kind === 'back' || command?.kind === 'no' || input.kind !== 'text')
      return { state, events: [{ type: 'review-hint' }, { type: 'review' }] };
    const correction = readCorrection(form, text);
    if (correction) {
      const checked = checkField(correction.field, correction.value, ctx);
      if (!checked.ok) {
        const asking: FormState = {
          ...state,
          phase: 'filling',
          field: correction.field.id,
          editing: true,
        };
        return { state: asking, events: [ask(form, asking, checked.reason, correction.value)] };
      }
      const corrected: FormState = {
        ...state,
        answers: { ...state.answers, [correction.field.id]: checked.value },
        skipped: state.skipped.filter((s) => s !== correction.field.id),
      };
      return {
        state: corrected,
        events: [
          { type: 'corrected', field: correction.field, value: checked.value },
          { type: 'review' },
        ],
      };
    }
    return { state, events: [{ type: 'review-hint' }, { type: 'review' }] };
  }

  // Filling.
  const field = currentField(form, state);
  if (command?.kind === 'back') {
    if (state.editing)
      return { state: { ...state, phase: 'review', editing: false }, events: [{ type: 'review' }] };
    const previous = state.history[state.history.length - 1];
    if (previous === undefined) return { state, events: [{ type: 'at-start' }, ask(form, state)] };
    const back: FormState = { ...state, field: previous, history: state.history.slice(0, -1) };
    return { state: back, events: [ask(form, back)] };
  }
  // "没有", "暂无", "no email", "nothing" for an optional question (not a choice, where 无 may be an
  // option) mean there is none: a skip, not an answer printed on the form.
  const none =
    input.kind === 'text' &&
    field.optional &&
    field.kind !== 'choice' &&
    field.kind !== 'multichoice' &&
    NONE.test(
      normalizeForSearch(input.text)
        .trim()
        .replace(/[。.!！]+$/, ''),
    );
  if (command?.kind === 'skip' || none) {
    if (!field.optional)
      return { state, events: [{ type: 'cannot-skip', field }, ask(form, state)] };
    const { [field.id]: _removed, ...answers } = state.answers;
    void _removed;
    const skipped: FormState = {
      ...state,
      answers,
      skipped: [...state.skipped.filter((s) => s !== field.id), field.id],
    };
    return advance(form, skipped, []);
  }
  // "确认" while filling is never an answer: with every question answered it is the review, else
  // the question is asked again.
  if (command?.kind === 'yes' && nextOpen(form, state, 0) >= form.fields.length)
    return advance(form, state, []);
  if (input.kind === 'command' || command?.kind === 'yes')
    return { state, events: [ask(form, state)] };
  if (input.kind === 'toggle') {
    if (input.field !== field.id || field.kind !== 'multichoice')
      return { state, events: [ask(form, state)] };
    const was = state.picked ?? [];
    const picked = was.includes(input.value)
      ? was.filter((v) => v !== input.value)
      : field.options.map((o) => o.value).filter((v) => v === input.value || was.includes(v));
    const next: FormState = { ...state, picked };
    return { state: next, events: [ask(form, next)] };
  }
  const checked =
    input.kind === 'choose'
      ? chosen(field, input.field, input.values)
      : checkField(field, text, ctx);
  if (!checked.ok) return { state, events: [ask(form, state, checked.reason, text)] };
  const { picked: _picked, ...rest } = state;
  void _picked;
  const accepted: FormState = {
    ...rest,
    answers: { ...state.answers, [field.id]: checked.value },
    skipped: state.skipped.filter((s) => s !== field.id),
  };
  return advance(form, accepted, [{ type: 'accepted', field, value: checked.value }]);
}

/** Options chosen with buttons: accepted as they are when they belong to the field being asked. */
function chosen(field: FieldDefinition, id: string, values: readonly string[]): Checked {
  const options = 'options' in field ? field.options.map((o) => o.value) : [];
  if (id !== field.id || values.length === 0 || values.some((v) => !options.includes(v)))
    return {
      ok: false,
      reason: {
        zh: '这个选项不属于当前问题。',
        en: 'That choice does not belong to this question.',
      },
    };
  return { ok: true, value: field.kind === 'multichoice' ? [...values] : values[0]! };
}

/**
 * A correction typed on the review screen: a field named, then its new value ("城市填错了，应该是
 * 长沙市岳麓区", "电话改成13812345678", "phone should be 13812345678").
 */
function readCorrection(
  form: FormDefinition,
  text: string,
): { field: FieldDefinition; value: string } | undefined {
  const m =
    /^(.{1,16}?)(?:的)?(?:填错了|写错了|寫錯了|填錯了|错了|錯了|不对|不對)?[，,。\s]*(?:应该是|應該是|应为|應為|改成|改为|改為|换成|換成|更正为|更正為|should be|is actually|change(?:d)? to)\s*[:：]?\s*(.+)$/i.exec(
      text.trim(),
    );
  if (!m) return undefined;
  const field = findField(form, m[1]!.replace(/^(?:把|将|將|the)\s*/i, '').trim());
  return field ? { field, value: m[2]!.trim() } : undefined;
}
