import pg from 'pg';
import { BotError } from '../errors.js';
import { migratePostgres } from './postgres-schema.js';
import { toAnswer, toDraft, type AnswerRow, type DraftRow } from './rows.js';
import { parseSession, serializeSession } from './session.js';
import type { Change, StateStore } from './state-store.js';

/** Thrown inside a transaction to roll it back when a version check fails. */
class Conflict extends Error {}

const CLAIM =
  'INSERT INTO dedupe (key, expires_at) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE dedupe.expires_at <= $3';

/** A schema name as a quoted identifier (letters, digits and _ only are accepted). */
function schemaIdentifier(schema: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema))
    throw new BotError('CONFIG_INVALID', `the PostgreSQL schema name "${schema}" is not valid`);
  return `"${schema}"`;
}

/** The URL with any password hidden, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the DATABASE_URL';
  }
}

/**
 * The StateStore for several instances: PostgreSQL (the `pg` pool), same contract as SQLite.
 * Every write of a turn runs in one transaction with version checks (compare-and-set under
 * READ COMMITTED: a concurrent update re-checks the version after the other commits, so one of two
 * turns on the same state is refused, never both applied). Migrations run at open, once.
 */
export async function createPostgresStore(
  url: string,
  options: { readonly schema?: string; readonly now?: () => number; readonly max?: number } = {},
): Promise<StateStore> {
  const now = options.now ?? Date.now;
  const schema = options.schema ? schemaIdentifier(options.schema) : undefined;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5000,
    // A dropped server must not leave callers waiting for ever.
    query_timeout: 15_000,
    // The schema is set when the connection starts, not by a query queued behind the first one
    // (which pg 8 warns is deprecated and pg 9 refuses).
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // A broken idle connection is dropped by the pool; without a listener it would crash the process.
  pool.on('error', () => undefined);
  // So does one that breaks while checked out (the server cut in the middle of a transaction):
  // pg emits 'error' on its client, and with no listener Node ends the process (the db-outage
  // test's "other side closed": the whole server had gone). The query in flight rejects anyway,
  // and the broken client is destroyed when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const where = redactUrl(url);
  const failed = (what: string, cause: unknown) =>
    new BotError('STATE_FAILED', `${what} (${where}): ${(cause as Error).message}`, { cause });

  try {
    const client = await pool.connect();
    try {
      await migratePostgres(client, schema);
    } finally {
      client.release();
    }
  } catch (cause) {
    await pool.end().catch(() => undefined);
    throw failed('cannot open the PostgreSQL state database', cause);
  }

  /** Runs `work` in one transaction; a Conflict rolls back and answers false. */
  const transaction = async (work: (c: pg.PoolClient) => Promise<void>): Promise<boolean> => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      try {
        await work(client);
        await client.query('COMMIT');
        return true;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        if (error instanceof Conflict) return false;
        broken = error as Error;
        throw error;
      }
    } catch (error) {
      broken ??= error as Error;
      throw error;
    } finally {
      // A client whose transaction failed for any reason but a conflict may hold a dead socket:
      // destroyed, not returned to the pool.
      client.release(broken);
    }
  };
  const one = async (client: pg.PoolClient, text: string, values: unknown[]) => {
    if ((await client.query(prepared(text, values))).rowCount !== 1) throw new Conflict();
  };
  const query = async <R extends pg.QueryResultRow>(text: string, values: unknown[] = []) => {
    try {
      return await pool.query<R>(prepared(text, values));
    } catch (cause) {
      throw failed('cannot read or write the PostgreSQL state database', cause);
    }
  };

  return {
    async claim(key, ttlMs) {
      const t = now();
      return (await query(CLAIM, [key, t + ttlMs, t])).rowCount === 1;
    },
    async seen(key) {
      return (
        (await query('SELECT 1 FROM dedupe WHERE key = $1 AND expires_at > $2', [key, now()]))
          .rowCount === 1
      );
    },
    async lease(key, holder, ttlMs) {
      const t = now();
      const result = await query(
        'INSERT INTO leases (key, holder, expires_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at WHERE leases.holder = excluded.holder OR leases.expires_at <= $4',
        [key, holder, t + ttlMs, t],
      );
      return result.rowCount === 1;
    },
    async release(key, holder) {
      await query('DELETE FROM leases WHERE key = $1 AND holder = $2', [key, holder]);
    },
    async count(key, windowMs) {
      const { rows } = await query<{ count: number }>(
        'INSERT INTO rates (key, win, count) VALUES ($1, $2, 1) ON CONFLICT (key) DO UPDATE SET count = CASE WHEN rates.win = excluded.win THEN rates.count + 1 ELSE 1 END, win = excluded.win RETURNING count',
        [key, Math.floor(now() / windowMs) * windowMs],
      );
      return rows[0]?.count ?? 1;
    },
    async getSession(key) {
      const { rows } = await query<{ data: unknown; version: number }>(
        'SELECT data, version FROM sessions WHERE channel = $1 AND user_id = $2 AND conversation_id = $3',
        [key.channel, key.userId, key.conversationId],
      );
      const row = rows[0];
      return row
        ? { value: parseSession(JSON.stringify(row.data)), version: row.version }
        : { value: {}, version: 0 };
    },
    async getDraft(key, id) {
      const { rows } = await query<DraftRow>(
        'SELECT * FROM drafts WHERE channel = $1 AND user_id = $2 AND id = $3',
        [key.channel, key.userId, id],
      );
      return rows[0] ? toDraft(rows[0]) : undefined;
    },
    async listDrafts(key) {
      const { rows } = await query<DraftRow>(
        'SELECT * FROM drafts WHERE channel = $1 AND user_id = $2 ORDER BY created_at, id',
        [key.channel, key.userId],
      );
      return rows.map(toDraft);
    },
    async commit(key, change: Change) {
      const { channel, userId, conversationId } = key;
      const stamp = new Date(now()).toISOString();
      try {
        return await transaction(async (c) => {
          if (change.session) {
            const data = serializeSession(change.session.value);
            if (change.session.version === 0)
              await one(
                c,
                'INSERT INTO sessions (channel, user_id, conversation_id, data, version, updated_at) VALUES ($1, $2, $3, $4::jsonb, 1, $5) ON CONFLICT DO NOTHING',
                [channel, userId, conversationId, data, stamp],
              );
            else
              await one(
                c,
                'UPDATE sessions SET data = $1::jsonb, version = version + 1, updated_at = $2 WHERE channel = $3 AND user_id = $4 AND conversation_id = $5 AND version = $6',
                [data, stamp, channel, userId, conversationId, change.session.version],
              );
          }
          for (const d of change.drafts ?? []) {
            const data = JSON.stringify(d.data);
            if (d.version === 0)
              await one(
                c,
                'INSERT INTO drafts (channel, user_id, id, form_id, status, data, version, created_at, updated_at, copy_of) VALUES ($1, $2, $3, $4, $5, $6::jsonb, 1, $7, $8, $9) ON CONFLICT DO NOTHING',
                [
                  channel,
                  userId,
                  d.id,
                  d.formId,
                  d.status,
                  data,
                  d.createdAt,
                  d.updatedAt,
                  d.copyOf ?? null,
                ],
              );
            else
              await one(
                c,
                'UPDATE drafts SET form_id = $1, status = $2, data = $3::jsonb, version = version + 1, updated_at = $4 WHERE channel = $5 AND user_id = $6 AND id = $7 AND version = $8',
                [d.formId, d.status, data, d.updatedAt, channel, userId, d.id, d.version],
              );
          }
          for (const id of change.deleteDrafts ?? [])
            await c.query(
              prepared('DELETE FROM drafts WHERE channel = $1 AND user_id = $2 AND id = $3', [
                channel,
                userId,
                id,
              ]),
            );
          for (const a of change.answers ?? [])
            await c.query(
              prepared(
                'INSERT INTO answers (id, channel, user_id, question, intent, kind, language, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING',
                [a.id, channel, userId, a.question, a.intent, a.kind, a.language, a.at],
              ),
            );
          if (change.rating)
            await c.query(
              prepared(
                'UPDATE answers SET helpful = $1 WHERE id = $2 AND channel = $3 AND user_id = $4',
                [change.rating.helpful, change.rating.answer, channel, userId],
              ),
            );
          if (change.delivery) {
            const t = now();
            await one(c, CLAIM, [change.delivery.key, t + change.delivery.ttlMs, t]);
          }
        });
      } catch (cause) {
        throw failed('cannot save to the PostgreSQL state database', cause);
      }
    },
    async forget(key) {
      let n = 0;
      try {
        await transaction(async (c) => {
          n =
            (
              await c.query(
                prepared('DELETE FROM drafts WHERE channel = $1 AND user_id = $2', [
                  key.channel,
                  key.userId,
                ]),
              )
            ).rowCount ?? 0;
          await c.query(
            prepared('DELETE FROM sessions WHERE channel = $1 AND user_id = $2', [
              key.channel,
              key.userId,
            ]),
          );
          await c.query(
            prepared('DELETE FROM answers WHERE channel = $1 AND user_id = $2', [
              key.channel,
              key.userId,
            ]),
          );
        });
      } catch (cause) {
        throw failed('cannot delete from the PostgreSQL state database', cause);
      }
      return n;
    },
    async stats() {
      const { rows } = await query<{ n: string }>(
        "SELECT count(*) AS n FROM sessions WHERE data->>'activeDraftId' IS NOT NULL",
      );
      return { activeForms: Number(rows[0]?.n ?? 0) };
    },
    async sweep({ answersBefore, inactiveBefore }) {
      const t = now();
      await query('DELETE FROM answers WHERE at < $1', [answersBefore.toISOString()]);
      await query('DELETE FROM sessions WHERE updated_at < $1', [inactiveBefore.toISOString()]);
      await query('DELETE FROM drafts WHERE updated_at < $1', [inactiveBefore.toISOString()]);
      await query('DELETE FROM dedupe WHERE expires_at <= $1', [t]);
      await query('DELETE FROM leases WHERE expires_at <= $1', [t]);
      await query('DELETE FROM rates WHERE win < $1', [t - 86_400_000]);
    },
    async answers({ since, until }) {
      const { rows } = await query<AnswerRow>(
        'SELECT * FROM answers WHERE at >= $1 AND at < $2 ORDER BY at, id',
        [since.toISOString(), until.toISOString()],
      );
      return rows.map(toAnswer);
    },
    async close() {
      await pool.end();
    },
  };
}

const statementNames = new Map<string, string>();
/**
 * A query as a named prepared statement: PostgreSQL parses and plans it once per connection
 * instead of on every turn (each pooled connection prepares it on first use).
 */
function prepared(text: string, values: unknown[]): pg.QueryConfig {
  let name = statementNames.get(text);
  if (name === undefined) statementNames.set(text, (name = `llw_${statementNames.size + 1}`));
  return { name, text, values };
}
