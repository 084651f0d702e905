import type { Route } from '../server/http.js';

/**
 * A running channel (Telegram, Slack, …) as the process sees it: the routes it mounts on the one
 * HTTP server, and how to start and stop taking updates.
 */
export interface Channel {
  readonly name: string;
  /** Where it takes updates from, for the start-up summary ("long polling", "webhook at …"). */
  readonly mode: string;
  readonly routes: readonly Route[];
  /** Checks its credentials with the platform and starts taking updates. */
  start(): Promise<void>;
  /** Stops taking updates; replies already being made are finished (see InFlight). */
  stop(): Promise<void>;
}

/** Counts the updates being handled, so that shutdown can wait for their replies. */
export function createInFlight() {
  let count = 0;
  let idle: (() => void)[] = [];
  return {
    /** Runs a task, counted until it settles. */
    async run<T>(task: () => Promise<T>): Promise<T> {
      count++;
      try {
        return await task();
      } finally {
        if (--count === 0) {
          for (const resolve of idle) resolve();
          idle = [];
        }
      }
    },
    /** Resolves when nothing is in flight, or after `ms`; true when everything finished. */
    drain(ms: number): Promise<boolean> {
      if (count === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), ms);
        idle.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
    get size() {
      return count;
    },
  };
}

/** The in-flight counter's interface. */
export type InFlight = ReturnType<typeof createInFlight>;

/** Runs tasks one after another per key (a chat), in the order they were queued. */
export function createKeyedQueue() {
  const tails = new Map<string, Promise<void>>();
  return (key: string, task: () => Promise<void>): Promise<void> => {
    const run = (tails.get(key) ?? Promise.resolve()).then(task, task);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}
