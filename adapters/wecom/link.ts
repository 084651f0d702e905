import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { WSClient } from '@wecom/aibot-node-sdk';
import type { Logger } from 'pino';
import type { Lease } from '../../src/index.js';
import type { WecomSettings } from './main.js';

/** WeCom's "API call frequency out of limit": wait a second and try again. */
const RATE_LIMITED = new Set([45009, 45033]);
/** WeCom's "system busy": try once more, soon. */
const BUSY = -1;

/** The bot's one connection as this process sees it. */
export interface WecomLink {
  /** Takes the lease and connects (or stands by); throws when WeCom refuses the credentials. */
  start(): Promise<void>;
  /** Closes the socket and gives the lease up. */
  stop(): Promise<void>;
  ready(): boolean;
  state(): LinkState;
  /**
   * Runs a send: waits while the socket is reconnecting, waits out a rate limit, retries a busy
   * platform once. `streamed`: a reply into a callback's stream, which a reconnect ends (no wait).
   */
  send<T>(op: () => Promise<T>, options?: { streamed?: boolean }): Promise<T>;
}

/** Where the connection stands. */
export type LinkState =
  'connecting' | 'connected' | 'reconnecting' | 'standby' | 'taken-over' | 'stopped';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The SDK's logger over pino: chatter at debug, the secret never printed whatever it logs. */
function sdkLogger(log: Logger, secret: string) {
  const clean = (message: string, args: unknown[]) =>
    [message, ...args.map((a) => (a instanceof Error ? a.message : String(a)))]
      .join(' ')
      .split(secret)
      .join('[secret]');
  return {
    debug: (m: string, ...a: unknown[]) => log.debug(clean(m, a)),
    info: (m: string, ...a: unknown[]) => log.debug(clean(m, a)),
    warn: (m: string, ...a: unknown[]) => log.debug(clean(m, a)),
    error: (m: string, ...a: unknown[]) => log.debug(clean(m, a)),
  };
}

const errcodeOf = (err: unknown) => (err as { errcode?: number } | undefined)?.errcode;
const disconnected = (err: unknown) =>
  err instanceof Error && /not connected|connection closed|manually closed/i.test(err.message);

/**
 * The WeCom long connection of one process: a lease in the store says which process of several
 * may hold it (WeCom keeps one connection per bot and drops the older); the SDK reconnects
 * without limit; when another connection takes over, this one says so once and stays down.
 */
export function createWecomLink(options: {
  readonly settings: WecomSettings;
  readonly store: Lease;
  readonly log: Logger;
  readonly leaseMs?: number;
  readonly reconnectMs?: number;
  readonly startTimeoutMs?: number;
  /** Attaches the channel's handlers to a new client. */
  readonly wire: (client: WSClient) => void;
}): WecomLink {
  const { settings, store, log } = options;
  const leaseMs = options.leaseMs ?? 30_000;
  const key = `wecom:${settings.botId}`;
  const holder = `${hostname()}:${process.pid}:${randomUUID()}`;
  let state: LinkState = 'stopped';
  let client: WSClient | undefined;
  let timer: NodeJS.Timeout | undefined;
  let waiters: (() => void)[] = [];

  const setState = (next: LinkState) => {
    state = next;
    if (next === 'connected') {
      for (const resolve of waiters) resolve();
      waiters = [];
    }
  };

  /** Resolves once connected; rejects after `ms` or when the connection will not come back. */
  const whenConnected = (ms: number) =>
    state === 'connected'
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          if (state !== 'connecting' && state !== 'reconnecting')
            return reject(new Error(`WeCom connection is ${state}`));
          const t = setTimeout(() => reject(new Error('WeCom did not reconnect in time')), ms);
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });

  const connect = (first: boolean): Promise<void> => {
    setState('connecting');
    const c = new WSClient({
      botId: settings.botId,
      secret: settings.secret,
      ...(settings.wsUrl ? { wsUrl: settings.wsUrl } : {}),
      reconnectInterval: options.reconnectMs ?? 1000,
      maxReconnectAttempts: -1,
      maxAuthFailureAttempts: -1,
      logger: sdkLogger(log, settings.secret),
    });
    client = c;
    options.wire(c);
    return new Promise<void>((resolve, reject) => {
      let settled = !first;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        c.removeAllListeners();
        c.disconnect();
        client = undefined;
        setState('stopped');
        void store.release(key, holder).catch(() => undefined);
        reject(error);
      };
      const timeout = first
        ? setTimeout(
            () =>
              fail(
                new Error(
                  `cannot reach WeCom at ${settings.wsUrl ?? 'wss://openws.work.weixin.qq.com'} within ${Math.round((options.startTimeoutMs ?? 15_000) / 1000)} s: check that this machine may open outbound connections to it, or set WECOM_WS_URL to your private deployment's address`,
                ),
              ),
            options.startTimeoutMs ?? 15_000,
          )
        : undefined;
      c.on('authenticated', () => {
        if (state !== 'connected') log.info('WeCom connection accepted');
        setState('connected');
        clearTimeout(timeout);
        if (!settled) {
          settled = true;
          resolve();
        }
      });
      c.on('disconnected', (reason) => {
        if (state === 'connected') {
          log.warn({ reason }, 'WeCom connection lost; reconnecting');
          setState('reconnecting');
        }
      });
      c.on('event.disconnected_event', () => {
        // WeCom keeps the newest connection of a bot and drops this one; reconnecting would
        // drop the other in turn, for ever. Said once, then left down.
        log.warn(
          'another connection took over this WeCom bot (the same Bot ID connected elsewhere); this process stays disconnected',
        );
        setState('taken-over');
        stopTimer();
        for (const resolve of waiters) resolve();
        waiters = [];
        void store.release(key, holder).catch(() => undefined);
      });
      c.on('error', (error) => {
        if (/^Authentication failed/.test(error.message)) {
          const why = error.message.replace(/^Authentication failed:\s*/, '');
          fail(
            new Error(
              `WeCom refused WECOM_BOT_ID and WECOM_BOT_SECRET (${why}): copy both again from the 智能机器人 page of the WeCom admin console (API mode, long connection)`,
            ),
          );
          if (!first) log.error({ why }, 'WeCom refused the bot credentials');
        } else log.debug({ err: error.message }, 'WeCom socket error');
      });
      c.connect();
      if (!first) resolve();
    });
  };

  const stopTimer = () => {
    clearInterval(timer);
    timer = undefined;
  };

  /** Renews the lease while connected; on standby, takes it when it lapses and connects. */
  const tick = async () => {
    try {
      const mine = await store.lease(key, holder, leaseMs);
      if (state === 'standby' && mine) {
        log.info('the WeCom lease is free; connecting');
        await connect(false);
      } else if (!mine && (state === 'connected' || state === 'reconnecting')) {
        log.warn('another process holds the WeCom lease now; disconnecting');
        client?.removeAllListeners();
        client?.disconnect();
        client = undefined;
        setState('standby');
      }
    } catch (err) {
      // The store is down for a moment: the connection stays as it is.
      log.warn({ err }, 'could not renew the WeCom lease');
    }
  };

  return {
    async start() {
      if (await store.lease(key, holder, leaseMs)) await connect(true);
      else {
        log.info('another process holds the WeCom connection; standing by');
        setState('standby');
      }
      timer = setInterval(() => void tick(), Math.max(50, Math.floor(leaseMs / 3)));
      timer.unref();
    },
    async stop() {
      stopTimer();
      const c = client;
      client = undefined;
      setState('stopped');
      c?.removeAllListeners();
      if (c?.isConnected) c.disconnect();
      await store.release(key, holder).catch(() => undefined);
    },
    ready: () => state !== 'connecting' && state !== 'reconnecting',
    state: () => state,
    async send(op, sendOptions = {}) {
      for (let attempt = 0; ; attempt++) {
        if (!sendOptions.streamed) await whenConnected(60_000);
        try {
          return await op();
        } catch (err) {
          const code = errcodeOf(err);
          if (code !== undefined && RATE_LIMITED.has(code) && attempt < 3) await sleep(1000);
          else if (code === BUSY && attempt < 1) await sleep(300);
          else if (disconnected(err) && !sendOptions.streamed && attempt < 3) continue;
          else throw err;
        }
      }
    },
  };
}
