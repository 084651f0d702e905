import { renderText } from '../../src/answer/render-text.js';
import type { Reply } from '../../src/types.js';

/** A reply as terminal text: the answer, its sources, and numbered buttons to type. */
export function replyToText(reply: Reply): string {
  const buttons = reply.buttons.map((b, i) => `  ${i + 1}) ${b.label}`).join('\n');
  return buttons ? `${renderText(reply)}\n\n${buttons}` : renderText(reply);
}

/** A reply as one JSON object for `llw chat --json`: text, buttons, files, form. */
export function replyToJsonLine(reply: Reply): string {
  return JSON.stringify({
    text: renderText(reply),
    buttons: reply.buttons.map((b) => ({ label: b.label, action: b.action })),
    files: reply.files.map((f) => f.name),
    form: null,
    kind: reply.kind,
    language: reply.language,
  });
}
