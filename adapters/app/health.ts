import { sendJson, type Route } from '../server/http.js';
import type { Channel } from './channel.js';
import type { Runtime } from './runtime.js';

/**
 * `/healthz`: the process answers. `/readyz`: it can answer questions (the index is loaded, the
 * database answers); a load balancer sends traffic only while it says ready.
 */
export function healthRoutes(runtime: Runtime, channels: readonly Channel[] = []): Route[] {
  return [
    {
      method: 'GET',
      path: '/healthz',
      handler: (_req, res) => sendJson(res, 200, { status: 'ok' }),
    },
    {
      method: 'GET',
      path: '/readyz',
      async handler(_req, res) {
        const checks = {
          index: runtime.index.passages.length > 0,
          database: await runtime.store.seen('readyz').then(
            () => true,
            () => false,
          ),
        };
        // A channel whose connection this process holds counts while it is down (WeCom reconnecting).
        const down = channels.filter((c) => c.ready?.() === false).map((c) => c.name);
        const ready = checks.index && checks.database && down.length === 0;
        sendJson(res, ready ? 200 : 503, {
          status: ready ? 'ready' : 'not ready',
          checks: { ...checks, ...(down.length > 0 ? { channelsDown: down } : {}) },
        });
      },
    },
  ];
}
