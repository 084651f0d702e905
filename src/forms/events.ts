/**
 * The vocabulary of the form engine: the state of one form being filled, what goes in (messages,
 * buttons, rewrites) and what comes out (events a renderer turns into replies). Plain data only.
 */
import type { Language } from '../types.js';
import type { FormCommand } from './commands.js';
import type { FieldDefinition } from './definition.js';
import type { FieldValue, Reason } from './fields.js';

/** Where a form conversation stands. */
export type Phase =
  'filling' | 'review' | 'confirm-cancel' | 'choose-polish' | 'done' | 'cancelled';

/** The whole state of one form being filled: plain JSON, stored after every accepted answer. */
export interface FormState {
  readonly formId: string;
  readonly language: Language;
  readonly phase: Phase;
  /** Id of the field being asked (while filling), or last asked (on the review screen). */
  readonly field: string;
  readonly answers: Readonly<Record<string, FieldValue>>;
  /** Optional fields the user skipped. */
  readonly skipped: readonly string[];
  /** Ids of the fields asked before, most recent last, for "back". */
  readonly history: readonly string[];
  /** True while changing one field from the review screen: answering returns to review. */
  readonly editing: boolean;
  /** The phase to return to when cancelling is not confirmed or a polish choice is made. */
  readonly resume?: Phase;
  /** A rewrite waiting for the user's choice. */
  readonly polished?: { readonly field: string; readonly text: string };
  /** Options of the multiple-choice question being asked, picked one button at a time so far. */
  readonly picked?: readonly string[];
}

/** What the engine says happened; a renderer turns these into replies in the user's language. */
export type FormEvent =
  | {
      readonly type: 'ask';
      readonly field: FieldDefinition;
      readonly step: number;
      readonly total: number;
      readonly error?: Reason;
      readonly rejected?: string;
      /** The options picked so far, for a multiple choice answered with buttons. */
      readonly picked?: readonly string[];
    }
  | { readonly type: 'accepted'; readonly field: FieldDefinition; readonly value: FieldValue }
  | { readonly type: 'unsure'; readonly field: FieldDefinition }
  /** "确认" while required answers are missing: the first is asked. */
  | { readonly type: 'missing'; readonly fields: readonly FieldDefinition[] }
  /** On the review screen, something that is neither a command nor a correction. */
  | { readonly type: 'review-hint' }
  /** A correction typed on the review screen ("城市填错了，应该是长沙市岳麓区"), taken. */
  | { readonly type: 'corrected'; readonly field: FieldDefinition; readonly value: FieldValue }
  | { readonly type: 'show' }
  | { readonly type: 'review' }
  | { readonly type: 'confirm-cancel' }
  | { readonly type: 'cancelled' }
  | { readonly type: 'not-cancelled' }
  | { readonly type: 'confirmed' }
  | { readonly type: 'cannot-skip'; readonly field: FieldDefinition }
  | { readonly type: 'at-start' }
  | { readonly type: 'unknown-field'; readonly name: string }
  | { readonly type: 'help' }
  | { readonly type: 'polish-requested'; readonly field: FieldDefinition }
  | { readonly type: 'cannot-polish'; readonly field: FieldDefinition | null }
  | {
      readonly type: 'polish-choice';
      readonly field: FieldDefinition;
      readonly original: string;
      readonly polished: string;
    }
  | {
      readonly type: 'polish-chosen';
      readonly field: FieldDefinition;
      readonly usePolished: boolean;
    };

/**
 * An input to the engine: a message, a button (a command, or options chosen for a field: never
 * a label read as if typed), or the result of a rewrite the bot asked a model for.
 */
export type FormInput =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'command'; readonly command: FormCommand }
  | { readonly kind: 'choose'; readonly field: string; readonly values: readonly string[] }
  /** One option of a multiple choice pressed: picked, or unpicked when it was. */
  | { readonly kind: 'toggle'; readonly field: string; readonly value: string }
  | { readonly kind: 'polished'; readonly field: string; readonly text: string };

/** The engine's answer: the next state and what to tell the user. */
export interface StepResult {
  readonly state: FormState;
  readonly events: readonly FormEvent[];
}
