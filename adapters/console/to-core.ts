import { type Button, type IncomingMessage } from '../../src/index.js';

/**
 * A typed line as the core's message. The terminal has no buttons, so the last reply's buttons
 * are numbered and typing a number presses one.
 */
export function lineToMessage(
  line: string,
  userId: string,
  buttons: readonly Button[],
): IncomingMessage {
  const n = /^\s*(\d{1,2})\s*$/.exec(line);
  const pressed = n ? buttons[Number(n[1]) - 1] : undefined;
  return pressed
    ? { channel: 'console', userId, action: pressed.action }
    : { channel: 'console', userId, text: line };
}
