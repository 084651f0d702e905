import { BotError, isBotError } from '../errors.js';
import type { StateStore } from './state-store.js';

/**
 * The store with every failure reported as `STATE_FAILED` (an SQLite file gone bad, a PostgreSQL
 * server gone away), so that the bot can tell "the state is out of reach" from its own faults.
 */
export function guarded(store: StateStore): StateStore {
  const wrapped = {} as Record<string, unknown>;
  for (const name of Object.keys(store) as (keyof StateStore)[]) {
    const method = store[name] as (...args: unknown[]) => Promise<unknown>;
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await method.apply(store, args);
      } catch (cause) {
        if (isBotError(cause, 'STATE_FAILED')) throw cause;
        throw new BotError('STATE_FAILED', `the state store failed: ${(cause as Error).message}`, {
          cause,
        });
      }
    };
  }
  return wrapped as unknown as StateStore;
}

/** Whether an error means the state store could not be read or written. */
export const isStateFailure = (error: unknown): boolean => isBotError(error, 'STATE_FAILED');
