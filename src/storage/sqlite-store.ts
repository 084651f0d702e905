import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { BotError } from '../errors.js';
import type { Draft, Session, StateStore } from './state-store.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  channel TEXT NOT NULL,
  user_id TEXT NOT NULL,
  data TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (channel, user_id)
);
CREATE TABLE IF NOT EXISTS drafts (
  channel TEXT NOT NULL,
  user_id TEXT NOT NULL,
  id TEXT NOT NULL,
  form_id TEXT NOT NULL,
  status TEXT NOT NULL,
  data TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (channel, user_id, id)
);
CREATE INDEX IF NOT EXISTS drafts_by_user ON drafts (channel, user_id, created_at);
`;

/**
 * The default StateStore: one SQLite file (LLW_DATA_DIR/state.db) in WAL mode, so several
 * processes on one machine can read while one writes, and a killed process loses nothing that
 * was committed. Every query is scoped by channel and user.
 */
export function createSqliteStore(file: string): StateStore {
  let db: Database.Database;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.exec(SCHEMA);
  } catch (cause) {
    throw new BotError(
      'STATE_FAILED',
      `cannot open the state database ${file}: ${(cause as Error).message}`,
      { cause },
    );
  }
  const getSession = db.prepare<[string, string], { data: string }>(
    'SELECT data FROM sessions WHERE channel = ? AND user_id = ?',
  );
  const putSession = db.prepare(
    'INSERT INTO sessions (channel, user_id, data, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (channel, user_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
  );
  const putDraft = db.prepare(
    'INSERT INTO drafts (channel, user_id, id, form_id, status, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ' +
      'ON CONFLICT (channel, user_id, id) DO UPDATE SET form_id = excluded.form_id, status = excluded.status, data = excluded.data, updated_at = excluded.updated_at',
  );
  const getDraft = db.prepare<[string, string, string], { data: string }>(
    'SELECT data FROM drafts WHERE channel = ? AND user_id = ? AND id = ?',
  );
  const listDrafts = db.prepare<[string, string], { data: string }>(
    'SELECT data FROM drafts WHERE channel = ? AND user_id = ? ORDER BY created_at DESC, id DESC',
  );
  const deleteDraft = db.prepare('DELETE FROM drafts WHERE channel = ? AND user_id = ? AND id = ?');
  const deleteDrafts = db.prepare('DELETE FROM drafts WHERE channel = ? AND user_id = ?');
  const deleteSession = db.prepare('DELETE FROM sessions WHERE channel = ? AND user_id = ?');

  const save = db.transaction(
    (channel: string, userId: string, session: Session, draft?: Draft) => {
      putSession.run(channel, userId, JSON.stringify(session), new Date().toISOString());
      if (draft)
        putDraft.run(
          channel,
          userId,
          draft.id,
          draft.formId,
          draft.status,
          JSON.stringify(draft),
          draft.createdAt,
          draft.updatedAt,
        );
    },
  );
  const forget = db.transaction((channel: string, userId: string) => {
    const n = deleteDrafts.run(channel, userId).changes;
    deleteSession.run(channel, userId);
    return n;
  });

  return {
    async getSession(key) {
      const row = getSession.get(key.channel, key.userId);
      return row ? (JSON.parse(row.data) as Session) : {};
    },
    async save(key, session, draft) {
      save(key.channel, key.userId, session, draft);
    },
    async getDraft(key, id) {
      const row = getDraft.get(key.channel, key.userId, id);
      return row ? (JSON.parse(row.data) as Draft) : undefined;
    },
    async listDrafts(key) {
      return listDrafts.all(key.channel, key.userId).map((r) => JSON.parse(r.data) as Draft);
    },
    async deleteDraft(key, id) {
      return deleteDraft.run(key.channel, key.userId, id).changes > 0;
    },
    async forget(key) {
      return forget(key.channel, key.userId);
    },
    async close() {
      db.close();
    },
  };
}
