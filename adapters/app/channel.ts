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
  /** False while a connection this process holds is down (reconnecting); absent: always ready. */
  ready?(): boolean;
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

/**
 * At most `max` tasks running per key (a user), the rest waiting in the order they came: a
 * platform that lets a user have only so many answers open at once (WeCom: three).
 */
export function createKeyedSlots(max: number) {
  const running = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();
  const release = (key: string) => {
    const next = waiting.get(key)?.shift();
    if (next) return next();
    if (waiting.get(key)?.length === 0) waiting.delete(key);
    const n = (running.get(key) ?? 1) - 1;
    if (n > 0) running.set(key, n);
    else running.delete(key);
  };
  return {
    /** Waits for a free slot of `key`; resolves with the function that frees it. */
    async acquire(key: string): Promise<() => void> {
      const n = running.get(key) ?? 0;
      if (n < max) running.set(key, n + 1);
      else
        await new Promise<void>((resolve) =>
          waiting.set(key, [...(waiting.get(key) ?? []), resolve]),
        );
      let freed = false;
      return () => {
        if (!freed) release(key);
        freed = true;
      };
    },
    /** How many tasks of `key` run now. */
    running: (key: string) => running.get(key) ?? 0,
  };
}
