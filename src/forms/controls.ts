/**
 * The form as a channel shows it: the engine input a button stands for, where a form stands (for
 * a progress bar), and the events that ask the current question again.
 */
import type { FormOp } from '../actions.js';
import type { FormProgress } from '../types.js';
import type { FormCommand } from './commands.js';
import type { FormDefinition } from './definition.js';
import { currentField, fieldIndex } from './engine.js';
import type { FormEvent, FormInput, FormState } from './events.js';

/** The events that ask the current question again (or show the review again). */
export function repeat(form: FormDefinition, state: FormState): FormEvent[] {
  if (state.phase === 'review') return [{ type: 'review' }];
  return [
    {
      type: 'ask',
      field: currentField(form, state),
      step: fieldIndex(form, state.field) + 1,
      total: form.fields.length,
    },
  ];
}

/** Where a form stands, for channels that show progress. */
export function progressOf(form: FormDefinition, state: FormState): FormProgress {
  const total = form.fields.length;
  const asking =
    state.phase === 'filling' || (state.phase === 'confirm-cancel' && state.resume === 'filling');
  if (!asking) return { id: form.id, field: 'review', step: total, total };
  return { id: form.id, field: state.field, step: fieldIndex(form, state.field) + 1, total };
}

/** The engine input a form button stands for. */
export function inputOf(form: FormDefinition, state: FormState, op: FormOp): FormInput {
  const field = currentField(form, state);
  const options = 'options' in field ? field.options.map((o) => o.value) : [];
  const command = (kind: FormCommand['kind']) =>
    ({ kind: 'command', command: { kind } }) as FormInput;
  switch (op.op) {
    case 'option':
      // A multiple choice is picked one option at a time, then finished with "done".
      return field.kind === 'multichoice'
        ? { kind: 'toggle', field: field.id, value: options[op.index] ?? '' }
        : { kind: 'choose', field: field.id, values: options.slice(op.index, op.index + 1) };
    case 'all':
      return { kind: 'choose', field: field.id, values: options };
    case 'done':
      return { kind: 'choose', field: field.id, values: state.picked ?? [] };
    case 'skip':
      return command('skip');
    case 'confirm':
    case 'yes':
    case 'use':
      return command('yes');
    case 'cancel':
      return command('cancel');
    case 'no':
    case 'keep':
      return command('no');
  }
}
