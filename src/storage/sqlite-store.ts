import Database from 'better-sqlite3';
import { chmodSync } from 'node:fs';
import { makeDirectory } from './dirs.js';
import path from 'node:path';
import { BotError } from '../errors.js';
import { parseSession, serializeSession } from './session.js';
import { migrate } from './sqlite-schema.js';
import { toAnswer, toDraft, type AnswerRow, type DraftRow } from './rows.js';
import type { Change, ConversationKey, StateStore } from './state-store.js';

/**
 * Opens the database, sets it up and migrates it. Switching a new file to WAL takes a lock that
 * SQLite does not wait for (its busy handler is not called), so two processes starting on one new
 * state.db at the same moment can see "database is locked": the later one tries again.
 */
function openWhenFree(file: string): Database.Database {
  for (let attempt = 1; ; attempt++) {
    const db = new Database(file, { timeout: 5000 });
    try {
      // Nominees' names, phones and stories are in here: this user only. SQLite gives the WAL
      // and shared-memory files the database file's permissions.
      chmodSync(file, 0o600);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // Deleted rows are overwritten, not just unlinked: "forget me" leaves no readable trace.
      db.pragma('secure_delete = ON');
      migrate(db);
      return db;
    } catch (error) {
      db.close();
      if (attempt >= 50 || !/locked|busy/i.test((error as Error).message)) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20 + Math.random() * 80);
    }
  }
}

/** Thrown inside a transaction to roll it back when a version check fails. */
class Conflict extends Error {}

/** What an operator can do about a state database that cannot be opened, when it is known. */
function fixFor(file: string, cause: unknown): string {
  const text = `${(cause as NodeJS.ErrnoException).code ?? ''} ${(cause as Error).message}`;
  if (/readonly|EACCES|EPERM|EROFS|permission|CANTOPEN|unable to open/i.test(text))
    return `. Make ${file} and its folder writable by the user running llw${
      process.getuid ? ` (uid ${process.getuid()})` : ''
    }, or set LLW_DATA_DIR to a folder it can write`;
  if (/not a database|malformed|corrupt/i.test(text))
    return `. The file is damaged: stop llw, move it aside (mv ${file} ${file}.damaged) and start again; a new one is created, and what the old one held stays in the moved file`;
  if (/ENOSPC|disk is full|SQLITE_FULL/i.test(text))
    return `. The disk is full: free space in ${path.dirname(file)}`;
  return '';
}

/**
 * The default StateStore: one SQLite file (LLW_DATA_DIR/state.db) in WAL mode, so several
 * processes on one machine can share it, and a killed process loses nothing that was committed.
 * Every query is scoped by channel and user; every write checks the version it read.
 */
export function createSqliteStore(file: string, options: { now?: () => number } = {}): StateStore {
  const now = options.now ?? Date.now;
  let db: Database.Database;
  try {
    makeDirectory(path.dirname(file));
    db = openWhenFree(file);
  } catch (cause) {
    throw new BotError(
      'STATE_FAILED',
      `cannot open the state database ${file}: ${(cause as Error).message}${fixFor(file, cause)}`,
      { cause },
    );
  }
  const sql = {
    getSession: db.prepare<[string, string, string], { data: string; version: number }>(
      'SELECT data, version FROM sessions WHERE channel = ? AND user_id = ? AND conversation_id = ?',
    ),
    insertSession: db.prepare(
      'INSERT INTO sessions (channel, user_id, conversation_id, data, version, updated_at) VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT DO NOTHING',
    ),
    updateSession: db.prepare(
      'UPDATE sessions SET data = ?, version = version + 1, updated_at = ? WHERE channel = ? AND user_id = ? AND conversation_id = ? AND version = ?',
    ),
    insertDraft: db.prepare(
      'INSERT INTO drafts (channel, user_id, id, form_id, status, data, version, created_at, updated_at, copy_of) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    updateDraft: db.prepare(
      'UPDATE drafts SET form_id = ?, status = ?, data = ?, version = version + 1, updated_at = ? WHERE channel = ? AND user_id = ? AND id = ? AND version = ?',
    ),
    getDraft: db.prepare<[string, string, string], DraftRow>(
      'SELECT * FROM drafts WHERE channel = ? AND user_id = ? AND id = ?',
    ),
    listDrafts: db.prepare<[string, string], DraftRow>(
      'SELECT * FROM drafts WHERE channel = ? AND user_id = ? ORDER BY created_at, id',
    ),
    deleteDraft: db.prepare('DELETE FROM drafts WHERE channel = ? AND user_id = ? AND id = ?'),
    deleteDrafts: db.prepare('DELETE FROM drafts WHERE channel = ? AND user_id = ?'),
    deleteSessions: db.prepare('DELETE FROM sessions WHERE channel = ? AND user_id = ?'),
    claim: db.prepare(
      'INSERT INTO dedupe (key, expires_at) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE dedupe.expires_at <= ?',
    ),
    purge: db.prepare('DELETE FROM dedupe WHERE expires_at <= ?'),
    lease: db.prepare(
      'INSERT INTO leases (key, holder, expires_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at WHERE leases.holder = excluded.holder OR leases.expires_at <= ?',
    ),
    release: db.prepare('DELETE FROM leases WHERE key = ? AND holder = ?'),
    count: db.prepare<[string, number], { count: number }>(
      'INSERT INTO rates (key, win, count) VALUES (?, ?, 1) ON CONFLICT (key) DO UPDATE SET count = CASE WHEN rates.win = excluded.win THEN rates.count + 1 ELSE 1 END, win = excluded.win RETURNING count',
    ),
    dropRates: db.prepare('DELETE FROM rates WHERE win < ?'),
    insertAnswer: db.prepare(
      'INSERT OR IGNORE INTO answers (id, channel, user_id, question, intent, kind, language, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    rate: db.prepare('UPDATE answers SET helpful = ? WHERE id = ? AND channel = ? AND user_id = ?'),
    deleteAnswers: db.prepare('DELETE FROM answers WHERE channel = ? AND user_id = ?'),
    answersBetween: db.prepare<[string, string], AnswerRow>(
      'SELECT * FROM answers WHERE at >= ? AND at < ? ORDER BY at, id',
    ),
    dropAnswers: db.prepare('DELETE FROM answers WHERE at < ?'),
    dropSessions: db.prepare('DELETE FROM sessions WHERE updated_at < ?'),
    dropDrafts: db.prepare('DELETE FROM drafts WHERE updated_at < ?'),
    activeForms: db.prepare<[], { n: number }>(
      "SELECT COUNT(*) AS n FROM sessions WHERE json_extract(data, '$.activeDraftId') IS NOT NULL",
    ),
    seen: db.prepare<[string, number], { n: number }>(
      'SELECT 1 AS n FROM dedupe WHERE key = ? AND expires_at > ?',
    ),
  };

  const commit = db.transaction((key: ConversationKey, change: Change) => {
    const { channel, userId, conversationId } = key;
    const stamp = new Date(now()).toISOString();
    if (change.session) {
      const data = serializeSession(change.session.value);
      const written =
        change.session.version === 0
          ? sql.insertSession.run(channel, userId, conversationId, data, stamp)
          : sql.updateSession.run(
              data,
              stamp,
              channel,
              userId,
              conversationId,
              change.session.version,
            );
      if (written.changes !== 1) throw new Conflict();
    }
    for (const d of change.drafts ?? []) {
      const data = JSON.stringify(d.data);
      const written =
        d.version === 0
          ? sql.insertDraft.run(
              channel,
              userId,
              d.id,
              d.formId,
              d.status,
              data,
              d.createdAt,
              d.updatedAt,
              d.copyOf ?? null,
            )
          : sql.updateDraft.run(
              d.formId,
              d.status,
              data,
              d.updatedAt,
              channel,
              userId,
              d.id,
              d.version,
            );
      if (written.changes !== 1) throw new Conflict();
    }
    for (const id of change.deleteDrafts ?? []) sql.deleteDraft.run(channel, userId, id);
    for (const a of change.answers ?? [])
      sql.insertAnswer.run(a.id, channel, userId, a.question, a.intent, a.kind, a.language, a.at);
    if (change.rating)
      sql.rate.run(change.rating.helpful ? 1 : 0, change.rating.answer, channel, userId);
    if (change.delivery) {
      const t = now();
      const { key: id, ttlMs } = change.delivery;
      if (sql.claim.run(id, t + ttlMs, t).changes !== 1) throw new Conflict();
    }
  });
  const forget = db.transaction((channel: string, userId: string) => {
    const n = sql.deleteDrafts.run(channel, userId).changes;
    sql.deleteSessions.run(channel, userId);
    sql.deleteAnswers.run(channel, userId);
    return n;
  });
  /** Deletes what is kept no longer; how many rows of what users wrote (answers, sessions, drafts) went. */
  const sweep = db.transaction((answersBefore: string, inactiveBefore: string, t: number) => {
    const personal =
      sql.dropAnswers.run(answersBefore).changes +
      sql.dropSessions.run(inactiveBefore).changes +
      sql.dropDrafts.run(inactiveBefore).changes;
    sql.purge.run(t);
    // A window that began a day ago is no longer anyone's allowance.
    sql.dropRates.run(t - 86_400_000);
    return personal;
  });
  /**
   * After a deletion: the write-ahead log still holds the old pages, so it is checkpointed into
   * the (securely overwritten) database and emptied.
   */
  const erase = () => {
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // Another process is reading: its next checkpoint empties the log.
    }
  };
  let claims = 0;
  /**
   * Group commit: the changes of every turn that finished in one pass of the event loop are
   * written in one transaction (each in a savepoint of its own, so one change's conflict or error
   * leaves the others), and each caller hears only after that transaction is committed. Under a
   * burst this writes each shared page (the answers' indexes, the log) once a batch instead of
   * once a turn: a commit was 16% of a web request's time when written alone.
   */
  type Queued = {
    key: ConversationKey;
    change: Change;
    resolve: (saved: boolean) => void;
    reject: (error: unknown) => void;
  };
  let queue: Queued[] = [];
  const failure = (error: unknown) =>
    new BotError('STATE_FAILED', `cannot save to ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  const flush = () => {
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    const outcomes: (boolean | Error)[] = [];
    try {
      // IMMEDIATE: take the write lock first, so two processes never both read, then both write.
      db.transaction(() => {
        for (const { key, change } of batch) {
          try {
            commit(key, change);
            outcomes.push(true);
          } catch (error) {
            outcomes.push(error instanceof Conflict ? false : failure(error));
          }
        }
      }).immediate();
    } catch (error) {
      for (const q of batch) q.reject(failure(error));
      return;
    }
    if (batch.some((q, i) => outcomes[i] === true && q.change.deleteDrafts?.length)) erase();
    batch.forEach((q, i) => {
      const outcome = outcomes[i]!;
      if (outcome instanceof Error) q.reject(outcome);
      else q.resolve(outcome);
    });
  };

  return {
    async claim(key, ttlMs) {
      const t = now();
      // Expired claims are swept now and then rather than on every message.
      if (++claims % 1000 === 0) sql.purge.run(t);
      return sql.claim.run(key, t + ttlMs, t).changes === 1;
    },
    async seen(key) {
      return sql.seen.get(key, now()) !== undefined;
    },
    async lease(key, holder, ttlMs) {
      const t = now();
      return sql.lease.run(key, holder, t + ttlMs, t).changes === 1;
    },
    async release(key, holder) {
      sql.release.run(key, holder);
    },
    async count(key, windowMs) {
      return sql.count.get(key, Math.floor(now() / windowMs) * windowMs)?.count ?? 1;
    },
    async getSession(key) {
      const row = sql.getSession.get(key.channel, key.userId, key.conversationId);
      return row
        ? { value: parseSession(row.data), version: row.version }
        : { value: {}, version: 0 };
    },
    async getDraft(key, id) {
      const row = sql.getDraft.get(key.channel, key.userId, id);
      return row ? toDraft(row) : undefined;
    },
    async listDrafts(key) {
      return sql.listDrafts.all(key.channel, key.userId).map(toDraft);
    },
    commit(key, change) {
      return new Promise<boolean>((resolve, reject) => {
        queue.push({ key, change, resolve, reject });
        if (queue.length === 1) setImmediate(flush);
      });
    },
    async forget(key) {
      // What was asked before "forget me" is written first, then deleted with the rest.
      if (queue.length) flush();
      const n = forget.immediate(key.channel, key.userId);
      erase();
      return n;
    },
    async stats() {
      return { activeForms: sql.activeForms.get()?.n ?? 0 };
    },
    async sweep({ answersBefore, inactiveBefore }) {
      // The log is emptied only when something a user wrote went: a checkpoint every 500 turns
      // under load was a pause of about 10 ms for the requests waiting behind it.
      if (sweep(answersBefore.toISOString(), inactiveBefore.toISOString(), now()) > 0) erase();
    },
    async answers({ since, until }) {
      return sql.answersBetween.all(since.toISOString(), until.toISOString()).map(toAnswer);
    },
    async close() {
      if (queue.length) flush();
      db.close();
    },
  };
}
