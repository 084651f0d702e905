import type { Logger } from 'pino';
import type { Bot } from '../../src/index.js';
import type { Channel } from '../app/channel.js';
import { apiRoutes } from './api.js';
import { pageRoutes } from './page.js';

/**
 * The web chat: the page at `/`, its script and style, and the JSON API it talks to. It needs no
 * token, so it always runs: it is what a fresh install shows.
 */
export function createWebChannel(options: {
  readonly bot: Bot;
  readonly log: Logger;
  /** LLW_RATE_LIMIT: 0 lifts the per-user allowance (cookie-less requests stay limited by address). */
  readonly rateLimit?: number;
}): Channel {
  return {
    name: 'Web chat',
    mode: 'the page at /',
    routes: [
      ...pageRoutes(),
      ...apiRoutes(options.bot, options.log, undefined, { users: options.rateLimit !== 0 }),
    ],
    async start() {},
    async stop() {},
  };
}
