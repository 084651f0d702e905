import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { Document } from '@langchain/core/documents';
import { describe, expect, it } from 'vitest';
import { LocalHashEmbeddings } from '../../src/retrieval/local-embeddings.js';
import { tempDir } from '../helpers.js';

const corpus = [
  '2022年全民终身学习活动周举办时间为2022年11月20日—26日',
  '中国成人教育协会联系人:胡卫华、黄晓晨 联系电话:010-58581449',
  'Make learning a lifestyle',
  'Carry out in-depth reading activities for the whole people',
];
const embeddings = LocalHashEmbeddings.fit(corpus, 512);
const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('local hashed n-gram embeddings', () => {
  it('need no network and give unit vectors of the configured size', async () => {
    const [v] = await embeddings.embedDocuments([corpus[0]!]);
    expect(v).toHaveLength(512);
    expect(Math.hypot(...v!)).toBeCloseTo(1, 6);
  });

  it('are deterministic, and rebuilt exactly from their saved state', async () => {
    const again = new LocalHashEmbeddings(JSON.parse(JSON.stringify(embeddings.state)));
    expect(await again.embedQuery('活动周什么时候')).toEqual(
      await embeddings.embedQuery('活动周什么时候'),
    );
  });

  it('place a question nearer the passage that answers it', async () => {
    const q = await embeddings.embedQuery('成人教育协会电话');
    const docs = await embeddings.embedDocuments(corpus);
    const sims = docs.map((d) => cosine(q, d));
    expect(sims.indexOf(Math.max(...sims))).toBe(1);
  });

  it('match Traditional questions against Simplified text', async () => {
    const q = await embeddings.embedQuery('活動周舉辦時間');
    const docs = await embeddings.embedDocuments(corpus);
    expect(cosine(q, docs[0]!)).toBeGreaterThan(0.3);
  });

  it('give a zero vector for text with no features (punctuation only)', async () => {
    expect((await embeddings.embedQuery('？！')).every((x) => x === 0)).toBe(true);
  });

  it('work with LangChain HNSWLib: build, save, load and search', async () => {
    const store = await HNSWLib.fromDocuments(
      corpus.map((pageContent, n) => new Document({ pageContent, metadata: { n } })),
      embeddings,
    );
    const dir = await tempDir();
    await store.save(dir);
    const loaded = await HNSWLib.load(dir, new LocalHashEmbeddings(embeddings.state));
    const [[doc]] = [await loaded.similaritySearch('reading activities', 1)];
    expect(doc!.metadata).toEqual({ n: 3 });
  });
});
