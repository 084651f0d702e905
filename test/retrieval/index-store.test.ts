import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { createRetriever, DEFAULT_WEIGHTS } from '../../src/retrieval/hybrid.js';
import { loadIndex, readIndexMeta, saveIndex, indexRoot } from '../../src/retrieval/index-store.js';
import { buildIndex } from '../../src/retrieval/knowledge-index.js';
import { FakeOpenAi } from '../fakes/openai-server.js';
import { sharedIndex, tempDir, KNOWLEDGE } from '../helpers.js';

describe('saving and loading the index', () => {
  it('loads what it saved and answers the same', async () => {
    const { index } = await sharedIndex();
    const dataDir = await tempDir();
    await saveIndex(index, dataDir);
    const loaded = await loadIndex(dataDir, { kind: 'local' });
    expect(loaded.meta).toEqual(index.meta);
    const q = '中国成人教育协会的邮箱';
    const [a] = await createRetriever(index).search(q, { k: 1 });
    const [b] = await createRetriever(loaded).search(q, { k: 1 });
    expect(b!.passage).toEqual(a!.passage);
    expect(b!.score).toBeCloseTo(a!.score, 6);
  });

  it('records what built it: embeddings, fingerprint and passages per source', async () => {
    const { index, kb } = await sharedIndex();
    expect(index.meta.embeddings).toBe('local-hash-ngram-v1/2048');
    expect(index.meta.fingerprint).toBe(kb.fingerprint);
    expect(index.meta.sources.map((s) => s.id)).toEqual(['notice-2022', 'notice-2024']);
  });

  it('says how to fix a missing index', async () => {
    await expect(loadIndex(await tempDir(), { kind: 'local' })).rejects.toMatchObject({
      code: 'INDEX_MISSING',
      message: expect.stringContaining('run `llw index`'),
    });
  });

  it('refuses an index built with other embeddings and says to run llw index', async () => {
    const { index } = await sharedIndex();
    const dataDir = await tempDir();
    await saveIndex(index, dataDir);
    await expect(
      loadIndex(dataDir, { kind: 'openai', model: 'text-embedding-3-small' }),
    ).rejects.toMatchObject({
      code: 'INDEX_EMBEDDINGS_MISMATCH',
      message: expect.stringMatching(
        /built with local-hash-ngram-v1\/2048 .*selects openai\/text-embedding-3-small; run `llw index`/,
      ),
    });
  });

  it('replaces the live index in one step and keeps only it and the one before', async () => {
    const { index } = await sharedIndex();
    const dataDir = await tempDir();
    const first = await saveIndex(index, dataDir);
    const second = await saveIndex(index, dataDir);
    const third = await saveIndex(index, dataDir);
    const entries = await readdir(indexRoot(dataDir));
    // The one before stays: a process that read CURRENT a moment ago may still be loading it.
    expect(entries.sort()).toEqual(['CURRENT', path.basename(second), path.basename(third)].sort());
    expect(first).not.toBe(second);
    expect((await readFile(path.join(indexRoot(dataDir), 'CURRENT'), 'utf8')).trim()).toBe(
      path.basename(third),
    );
  });

  it('leaves the previous index usable when a build fails half-way', async () => {
    const { index } = await sharedIndex();
    const dataDir = await tempDir();
    await saveIndex(index, dataDir);
    const broken = {
      ...index,
      vectors: { save: async () => Promise.reject(new Error('disk full')) },
    } as unknown as typeof index;
    await expect(saveIndex(broken, dataDir)).rejects.toThrow('disk full');
    expect(await readdir(indexRoot(dataDir))).toHaveLength(2); // CURRENT and the good build
    const loaded = await loadIndex(dataDir, { kind: 'local' });
    expect(loaded.passages).toHaveLength(index.passages.length);
  });

  it('reports a damaged index with the fix', async () => {
    const { index } = await sharedIndex();
    const dataDir = await tempDir();
    const dir = await saveIndex(index, dataDir);
    await writeFile(path.join(dir, 'passages.json'), '{not json');
    await expect(loadIndex(dataDir, { kind: 'local' })).rejects.toMatchObject({
      code: 'INDEX_CORRUPT',
    });
    expect(await readIndexMeta(dataDir)).not.toBeNull();
  });

  it('refuses an index saved by an earlier version and names the command that rebuilds it', async () => {
    const { index } = await sharedIndex();
    const dataDir = await tempDir();
    const dir = await saveIndex(index, dataDir);
    await writeFile(path.join(dir, 'meta.json'), JSON.stringify({ ...index.meta, format: 1 }));
    await expect(loadIndex(dataDir, { kind: 'local' })).rejects.toThrow(
      /earlier version.*llw index/,
    );
  });
});

describe('OpenAI-compatible embeddings', () => {
  const api = new FakeOpenAi();
  beforeAll(async () => {
    await api.start();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('build and query an index through the real LangChain client against a local endpoint', async () => {
    const spec = {
      kind: 'openai',
      model: 'toy-embed',
      apiKey: 'sk-test',
      baseURL: api.url,
    } as const;
    const kb = await loadKnowledge(KNOWLEDGE);
    const index = await buildIndex(kb, spec);
    expect(index.meta.embeddings).toBe('openai/toy-embed');
    const dataDir = await tempDir();
    await saveIndex(index, dataDir);
    const loaded = await loadIndex(dataDir, spec);
    const hits = await createRetriever(loaded).search('2022年活动周主题', { k: 3 });
    expect(hits[0]!.passage.sourceId).toBe('notice-2022');

    const calls = api.requests.filter((r) => r.path === '/v1/embeddings');
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls[0]!.authorization).toBe('Bearer sk-test');
    expect(calls[0]!.body).toMatchObject({ model: 'toy-embed', encoding_format: 'float' });
    // Loading it with the local default is refused.
    await expect(loadIndex(dataDir, { kind: 'local' })).rejects.toMatchObject({
      code: 'INDEX_EMBEDDINGS_MISMATCH',
    });
  });

  it('ranks by BM25 alone, within the deadline, when the endpoint hangs or answers 500 (issue 9)', async () => {
    const spec = {
      kind: 'openai',
      model: 'toy-embed',
      apiKey: 'sk-test',
      baseURL: api.url,
    } as const;
    const index = await buildIndex(await loadKnowledge(KNOWLEDGE), spec);
    const failures: string[] = [];
    for (const fault of ['hang', 500] as const) {
      const retriever = createRetriever(index, DEFAULT_WEIGHTS, {
        denseTimeoutMs: 300,
        retryAfterMs: 60_000,
        onDenseFailure: (e) => failures.push(e.message),
      });
      api.embeddingsFault = fault;
      const started = performance.now();
      const hits = await retriever.search('2022年活动周主题', { k: 3 });
      // The SDK would retry for 30 s; the question is answered from BM25 in the deadline.
      expect(performance.now() - started).toBeLessThan(3000);
      expect(hits[0]!.passage.sourceId).toBe('notice-2022');
      expect(hits.every((h) => h.dense === 0)).toBe(true);
      if (fault === 'hang') {
        // While the endpoint is down, questions do not wait for it again.
        const next = performance.now();
        await retriever.search('2024年活动周主题', { k: 3 });
        expect(performance.now() - next).toBeLessThan(200);
      }
    }
    expect(failures[0]).toBe('no vector within 300 ms');
    expect(failures).toHaveLength(2);
    api.embeddingsFault = undefined;
    const healed = createRetriever(index, DEFAULT_WEIGHTS, { denseTimeoutMs: 2000 });
    expect((await healed.search('2022年活动周主题', { k: 3 }))[0]!.dense).toBeGreaterThan(0);
  });

  it('fails the build with a clear message when the endpoint is down', async () => {
    const kb = await loadKnowledge(KNOWLEDGE);
    const spec = {
      kind: 'openai',
      model: 'toy-embed',
      baseURL: 'http://127.0.0.1:9/v1',
      timeoutMs: 2000,
    } as const;
    await expect(buildIndex(kb, spec)).rejects.toMatchObject({
      code: 'EMBEDDINGS_FAILED',
      message: expect.stringContaining('could not embed the passages with openai/toy-embed'),
    });
  });
});
