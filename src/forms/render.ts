import type { FormOp } from '../actions.js';
import type { Region } from '../knowledge/glossary.js';
import type { Block, Button, Inline, Language } from '../types.js';
import { list, paragraph, rich } from '../answer/reply.js';
import type { FieldDefinition, FormDefinition } from './definition.js';
import type { FormEvent, FormState } from './engine.js';
import { displayValue, measure } from './fields.js';
import { formMessagesFor } from './form-messages.js';
import { callName, ruleWarnings } from './rules.js';

/** Blocks and buttons for a list of engine events, in the form's language. */
export interface Rendered {
  readonly blocks: Block[];
  readonly buttons: Button[];
}

const label = (f: FieldDefinition, language: Language) =>
  language === 'en' ? f.label.en : f.label.zh;

/** Kinds whose stored value is the user's own words (shown exactly as typed, never converted). */
export function isUserText(field: FieldDefinition): boolean {
  return (
    field.kind === 'text' ||
    field.kind === 'person' ||
    field.kind === 'longtext' ||
    field.kind === 'phone' ||
    field.kind === 'email'
  );
}

/**
 * One list item per answered field: "label: value". The label follows the reader's script; the
 * value, when it is the user's own text, stays exactly as typed. Long texts are shortened with
 * their length unless `full`.
 */
export function answerItems(
  form: FormDefinition,
  state: FormState,
  language: Language,
  regions: readonly Region[],
  full = false,
  every = false,
): Inline[][] {
  const m = formMessagesFor(language);
  return form.fields
    .filter((f) => every || state.answers[f.id] !== undefined || state.skipped.includes(f.id))
    .map((f) => {
      const value = state.answers[f.id];
      const missing = value === undefined && !f.optional;
      let shown = missing ? m.requiredMissing : displayValue(f, value, language, regions);
      let suffix = '';
      if (f.kind === 'longtext' && value !== undefined && !full) {
        const { unit, count } = measure(String(value));
        suffix = `${[...shown].length > 40 ? '…' : ''} ${m.count(count, unit)}`;
        shown = [...shown].slice(0, 40).join('');
      }
      const items: Inline[] = [
        { kind: 'text', text: `${label(f, language)}${language === 'en' ? ': ' : '：'}` },
        { kind: 'text', text: shown, verbatim: value !== undefined && isUserText(f) },
      ];
      if (suffix) items.push({ kind: 'text', text: suffix });
      return items;
    });
}

const itemList = (items: Inline[][]): Block => ({ kind: 'list', ordered: false, items });

/** The warnings of the call's rules for `answers` (of one field, or all), as sentences. */
export function warningLines(
  form: FormDefinition,
  answers: FormState['answers'],
  language: Language,
  regions: readonly Region[],
  field?: string,
): string[] {
  const call = callName(form, language);
  if (!call) return [];
  const m = formMessagesFor(language);
  return ruleWarnings(form, answers, regions, field).map((w) =>
    m.ruleWarning(language === 'en' ? w.rule.rule.en : w.rule.rule.zh, call),
  );
}

/** Deterministic checks shown on the review screen and when polishing needs an LLM. */
export function checks(form: FormDefinition, state: FormState, language: Language): string[] {
  const m = formMessagesFor(language);
  const out: string[] = [];
  const materials = form.fields.find((f) => f.kind === 'multichoice' && f.id === 'materials');
  if (materials && materials.kind === 'multichoice') {
    const chosen = (state.answers['materials'] as readonly string[] | undefined) ?? [];
    const missing = materials.options
      .filter((o) => !chosen.includes(o.value))
      .map((o) => (language === 'en' ? o.en : o.zh));
    if (missing.length > 0)
      out.push(m.missingMaterials(missing.join(language === 'en' ? ', ' : '、')));
  }
  const skipped = form.fields
    .filter((f) => state.skipped.includes(f.id))
    .map((f) => label(f, language));
  if (skipped.length > 0)
    out.push(m.skippedOptional(skipped.join(language === 'en' ? ', ' : '、')));
  return out.length > 0 ? out : [m.allChecksPassed];
}

/** Renders engine events into reply blocks and buttons. */
export function renderEvents(
  form: FormDefinition,
  state: FormState,
  events: readonly FormEvent[],
  regions: readonly Region[],
  act: (op: FormOp) => string = () => '',
): Rendered {
  const language = state.language;
  const m = formMessagesFor(language);
  const blocks: Block[] = [];
  let buttons: Button[] = [];
  for (const event of events) {
    switch (event.type) {
      case 'ask': {
        const f = event.field;
        if (event.error)
          blocks.push(paragraph(m.refused(language === 'en' ? event.error.en : event.error.zh)));
        blocks.push(paragraph(m.step(event.step, event.total)));
        blocks.push(
          rich({
            kind: 'bold',
            text: `${language === 'en' ? f.prompt.en : f.prompt.zh}${f.optional ? m.optional : ''}`,
          }),
        );
        blocks.push(
          paragraph(
            m.hint(
              language === 'en' ? f.hint.en : f.hint.zh,
              language === 'en' ? f.example.en : f.example.zh,
            ),
          ),
        );
        buttons = [];
        const picked = event.picked ?? [];
        if (f.kind === 'multichoice' && picked.length > 0) {
          const names = f.options
            .filter((o) => picked.includes(o.value))
            .map((o) => (language === 'en' ? o.en : o.zh));
          blocks.push(paragraph(m.picked(names.join(language === 'en' ? ', ' : '、'))));
        }
        if (f.kind === 'choice' || f.kind === 'multichoice') {
          buttons = f.options.map((o, index) => ({
            label: `${picked.includes(o.value) ? '✓ ' : ''}${language === 'en' ? o.en : o.zh}`,
            action: act({ op: 'option', index }),
          }));
          if (f.kind === 'multichoice') {
            buttons.push({ label: m.all, action: act({ op: 'all' }) });
            if (picked.length > 0) buttons.push({ label: m.done, action: act({ op: 'done' }) });
          }
        }
        if (f.optional) buttons.push({ label: m.skip, action: act({ op: 'skip' }) });
        break;
      }
      case 'accepted':
      case 'corrected': {
        // Says what was stored, which may be less than what was typed ("她叫王秀兰…" → 王秀兰).
        const shown = displayValue(event.field, event.value, language, regions);
        const long = event.field.kind === 'longtext';
        blocks.push(
          rich(
            {
              kind: 'text',
              text:
                event.type === 'corrected'
                  ? m.corrected(label(event.field, language))
                  : m.recorded(label(event.field, language)),
            },
            long
              ? {
                  kind: 'text',
                  text: m.count(
                    measure(String(event.value)).count,
                    measure(String(event.value)).unit,
                  ),
                }
              : { kind: 'text', text: shown, verbatim: isUserText(event.field) },
          ),
        );
        const one = { [event.field.id]: event.value };
        for (const line of warningLines(form, one, language, regions, event.field.id))
          blocks.push(paragraph(line));
        break;
      }
      case 'unsure':
        blocks.push(paragraph(event.field.optional ? m.unsureOptional : m.unsure));
        break;
      case 'missing':
        blocks.push(
          paragraph(
            m.missing(
              event.fields.map((f) => label(f, language)).join(language === 'en' ? ', ' : '、'),
            ),
          ),
        );
        break;
      case 'review-hint':
        blocks.push(paragraph(m.reviewHint));
        break;
      case 'show':
        blocks.push(paragraph(m.soFar), itemList(answerItems(form, state, language, regions)));
        break;
      case 'review':
        // Every field, with its state: answered, left empty (optional), or still missing.
        blocks.push(
          paragraph(m.review),
          itemList(answerItems(form, state, language, regions, false, true)),
        );
        blocks.push(paragraph(m.checks), list(checks(form, state, language)));
        {
          const warnings = warningLines(form, state.answers, language, regions);
          if (warnings.length > 0) blocks.push(paragraph(m.warningsTitle), list(warnings));
        }
        blocks.push(paragraph(m.reviewHow));
        buttons = [
          { label: m.confirmButton, action: act({ op: 'confirm' }) },
          { label: m.cancelButton, action: act({ op: 'cancel' }) },
        ];
        break;
      case 'confirm-cancel':
        blocks.push(paragraph(m.confirmCancel));
        buttons = [
          { label: m.yesCancel, action: act({ op: 'yes' }) },
          { label: m.noContinue, action: act({ op: 'no' }) },
        ];
        break;
      case 'cancelled':
        blocks.push(paragraph(m.cancelled));
        buttons = [];
        break;
      case 'not-cancelled':
        blocks.push(paragraph(m.notCancelled));
        break;
      case 'cannot-skip':
        blocks.push(paragraph(m.cannotSkip(label(event.field, language))));
        break;
      case 'at-start':
        blocks.push(paragraph(m.atStart));
        break;
      case 'unknown-field':
        blocks.push(
          paragraph(
            m.unknownField(
              event.name,
              form.fields.map((f) => label(f, language)).join(language === 'en' ? ', ' : '、'),
            ),
          ),
        );
        break;
      case 'help':
        blocks.push(paragraph(m.help));
        break;
      case 'cannot-polish':
        blocks.push(paragraph(m.cannotPolish));
        break;
      case 'polish-choice':
        blocks.push(paragraph(m.polishWorking));
        blocks.push(paragraph(`${m.original}${language === 'en' ? ':' : '：'}`), {
          kind: 'quote',
          verbatim: true,
          text: event.original,
        });
        blocks.push(paragraph(`${m.polished}${language === 'en' ? ':' : '：'}`), {
          kind: 'quote',
          verbatim: true,
          text: event.polished,
        });
        buttons = [
          { label: m.usePolished, action: act({ op: 'use' }) },
          { label: m.keepOriginal, action: act({ op: 'keep' }) },
        ];
        break;
      case 'polish-chosen':
        blocks.push(paragraph(m.polishChosen(event.usePolished)));
        break;
      case 'confirmed':
      case 'polish-requested':
        break;
    }
  }
  return { blocks, buttons };
}
