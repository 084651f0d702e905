import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Observer, StateStore } from '../../src/index.js';
import type { Route } from '../server/http.js';

/**
 * The assistant's metrics in Prometheus' format (prom-client): messages by channel, intent and
 * kind of reply, answer latency, "not in the notices" answers, LLM fallbacks by reason (timeouts
 * and errors among them), drafts finished, forms being filled, and the process's own figures.
 */
export function createMetrics(store: () => StateStore) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'llw_' });
  const messages = new Counter({
    name: 'llw_messages_total',
    help: 'Messages answered, by channel, intent and kind of reply.',
    labelNames: ['channel', 'intent', 'kind'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'llw_answer_seconds',
    help: 'Time from a message reaching the core to its replies, in seconds.',
    labelNames: ['channel'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20],
    registers: [registry],
  });
  const notInNotices = new Counter({
    name: 'llw_not_in_notices_total',
    help: 'Questions answered "the notices do not say", by channel.',
    labelNames: ['channel'] as const,
    registers: [registry],
  });
  const fallbacks = new Counter({
    name: 'llw_llm_fallbacks_total',
    help: 'LLM answers not used (the extractive answer was given), by reason: timeout, error, empty, too-long, markup, uncited, invalid-citation, unsupported-number, unsupported-name.',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const finished = new Counter({
    name: 'llw_drafts_finished_total',
    help: 'Nomination drafts finished (files made), by form.',
    labelNames: ['form'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'llw_active_forms',
    help: 'Conversations with a nomination form being filled.',
    registers: [registry],
    async collect() {
      this.set((await store().stats()).activeForms);
    },
  });

  const observer: Observer = {
    message({ channel, intent, kind, seconds }) {
      messages.inc({ channel, intent, kind });
      latency.observe({ channel }, seconds);
      if (kind === 'not_in_notices') notInNotices.inc({ channel });
    },
    llmFallback: (reason) => fallbacks.inc({ reason }),
    draftFinished: (form) => finished.inc({ form }),
  };

  const route: Route = {
    method: 'GET',
    path: '/metrics',
    async handler(_req, res) {
      const body = await registry.metrics();
      res.writeHead(200, {
        'content-type': registry.contentType,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(body);
    },
  };
  return { observer, route, registry };
}
