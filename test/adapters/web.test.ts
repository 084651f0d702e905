import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../adapters/server/http.js';
import { createWebChannel } from '../../adapters/web/main.js';
import { CONTENT_SECURITY_POLICY } from '../../adapters/web/page.js';
import type { Bot } from '../../src/index.js';
import { quietLog, testBot } from '../channels/harness.js';
import { STAR_ANSWERS } from '../fixtures/nomination.js';

let server: HttpServer;
let url = '';
let handled = 0;

beforeAll(async () => {
  const inner = await testBot();
  // Counts what reaches the core, to show that refused requests reach nothing.
  const bot: Bot = {
    draftFile: (user, name) => inner.draftFile(user, name),
    handle: (message, options) => {
      handled++;
      return inner.handle(message, options);
    },
  };
  server = createHttpServer(createWebChannel({ bot, log: quietLog() }).routes, quietLog());
  url = await server.listen(0, '127.0.0.1');
});
afterAll(() => server.close(100));

interface Sent {
  status: number;
  body: {
    replies?: {
      kind: string;
      citations: unknown[];
      files: { url: string; name: string }[];
      buttons: { label: string; action: string }[];
    }[];
    error?: string;
  };
  cookie: string | undefined;
}

/** Posts to the API as the page does (same origin, JSON), with a cookie if given. */
async function post(
  body: unknown,
  options: { cookie?: string; headers?: Record<string, string>; raw?: string } = {},
): Promise<Sent> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: url,
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...options.headers,
    },
    body: options.raw ?? JSON.stringify(body),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  return { status: res.status, body: (await res.json()) as Sent['body'], cookie };
}

describe('the web API', () => {
  it('answers a question with the core’s reply, and names the user with an HttpOnly, SameSite cookie', async () => {
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ text: '2024年活动周的主题是什么？' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(
      /^llw_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/,
    );
    const { replies } = (await res.json()) as Sent['body'];
    expect(replies![0]).toMatchObject({ kind: 'fact', language: 'zh-Hans' });
    expect(replies![0]!.citations).toHaveLength(1);
  });

  it('refuses requests from other sites, and not as JSON, before they reach anything', async () => {
    const before = handled;
    const question = { text: '2024年活动周的主题是什么？' };
    expect((await post(question, { headers: { origin: 'https://evil.example' } })).status).toBe(
      403,
    );
    expect((await post(question, { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(
      403,
    );
    expect((await post(question, { headers: { 'content-type': 'text/plain' } })).status).toBe(403);
    const form = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'text=hi',
    });
    expect(form.status).toBe(403);
    expect(handled).toBe(before);
  });

  it('answers malformed, oversized and unexpected bodies with a clear 4xx', async () => {
    const before = handled;
    const cases: [Sent, number, RegExp][] = [
      [await post(null, { raw: '{"text": "未完' }), 400, /not valid JSON/],
      [await post({ text: 'x', admin: true }), 400, /Unrecognized key.*admin/],
      [await post({ text: 'x', button: 'nom' }), 400, /either "text" or "button"/],
      [await post({}), 400, /either "text" or "button"/],
      [await post({ text: 42 }), 400, /text: .*string/],
      [await post({ text: '学'.repeat(40_000) }), 413, /too large/],
    ];
    for (const [sent, status, message] of cases) {
      expect(sent.status).toBe(status);
      expect(sent.body.error).toMatch(message);
    }
    expect(handled).toBe(before);
  });

  it('answers a message sent again with the same id once (a page retrying after a timeout)', async () => {
    const first = await post({ text: '职成司联系人是谁？', id: 'retry-1' });
    expect(first.body.replies).toHaveLength(1);
    // The cookie set on the first answer names the same user: the retry is answered with nothing.
    const again = await post(
      { text: '职成司联系人是谁？', id: 'retry-1' },
      { cookie: first.cookie! },
    );
    expect(again.body.replies).toEqual([]);
    const next = await post(
      { text: '职成司联系人是谁？', id: 'retry-2' },
      { cookie: first.cookie! },
    );
    expect(next.body.replies).toHaveLength(1);
  });

  it('serves a finished draft to its user only', async () => {
    const start = await post({ text: '我想推荐一位百姓学习之星' });
    const cookie = start.cookie!;
    let last: Sent = start;
    for (const answer of STAR_ANSWERS) last = await post({ text: answer }, { cookie });
    const confirm = last.body.replies!.at(-1)!.buttons.find((b) => b.label === '确认生成')!;
    const done = await post({ button: confirm.action }, { cookie });
    const files = done.body.replies!.flatMap((r) => r.files);
    // Named for the nominee, so a folder of drafts can be told apart.
    expect(files.map((f) => f.name.replace(/-[0-9a-f]{8}\./, '-*.')).sort()).toEqual([
      'star-张秀英-*.docx',
      'star-张秀英-*.json',
    ]);
    const docx = files.find((f) => f.name.endsWith('.docx'))!;
    const mine = await fetch(`${url}${docx.url}`, { headers: { cookie } });
    expect(mine.status).toBe(200);
    const disposition = mine.headers.get('content-disposition')!;
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(docx.name)}`);
    expect(disposition).toMatch(/filename="star-[0-9a-f]{8}\.docx"/);
    const xml = strFromU8(
      unzipSync(new Uint8Array(await mine.arrayBuffer()))['word/document.xml']!,
    );
    expect(xml).toContain(STAR_ANSWERS[0]);
    const other = (await post({ text: '你好' })).cookie!;
    expect((await fetch(`${url}${docx.url}`, { headers: { cookie: other } })).status).toBe(404);
    expect((await fetch(`${url}${docx.url}`)).status).toBe(404);
    expect(
      (await fetch(`${url}/api/drafts/..%2F..%2Fetc%2Fpasswd`, { headers: { cookie } })).status,
    ).toBe(404);
    // The summary sheet of the finished nominations downloads the same way, to its user only.
    const summary = await post({ text: '汇总表' }, { cookie });
    const sheet = summary.body.replies!.flatMap((r) => r.files)[0]!;
    expect(sheet.name).toMatch(/^推荐汇总-\d{8}\.xlsx$/);
    const got = await fetch(`${url}${sheet.url}`, { headers: { cookie } });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toContain('spreadsheetml');
    expect(got.headers.get('content-disposition')).toMatch(/filename="nominations-\d{8}\.xlsx"/);
    // An .xlsx is a zip whose workbook names the sheet.
    const parts = unzipSync(new Uint8Array(await got.arrayBuffer()));
    expect(strFromU8(parts['xl/workbook.xml']!)).toContain('百姓学习之星推荐材料');
    expect((await fetch(`${url}${sheet.url}`, { headers: { cookie: other } })).status).toBe(404);
  });
});

describe('the page', () => {
  it('is served with a Content-Security-Policy that allows only its own files, in the browser’s language', async () => {
    const zh = await fetch(`${url}/`, { headers: { 'accept-language': 'zh-TW,zh;q=0.9' } });
    expect(zh.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
    const html = await zh.text();
    expect(html).toContain('<html lang="zh-Hant">');
    expect(html).toContain('<title>全民終身學習活動周助手</title>');
    expect(html).not.toMatch(/<script>|<style>|https?:\/\//);
    const en = await (
      await fetch(`${url}/`, { headers: { 'accept-language': 'en-GB,en' } })
    ).text();
    expect(en).toContain('<html lang="en">');
  });

  it('serves its script and style from the project itself, small', async () => {
    const js = await fetch(`${url}/app.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('text/javascript');
    const bytes = Buffer.from(await js.arrayBuffer());
    const { gzipSync } = await import('node:zlib');
    expect(gzipSync(bytes).length).toBeLessThan(60 * 1024);
    expect((await fetch(`${url}/app.css`)).status).toBe(200);
  });
});

describe('what a review of the web chat found', () => {
  it('answers a malformed file name with 404, not a server error', async () => {
    const res = await fetch(`${url}/api/drafts/%E0%A4%A`, {
      headers: { cookie: 'llw_session=' + 'a'.repeat(43) },
    });
    expect(res.status).toBe(404);
  });

  it('renews the cookie with every answer, and marks JSON and the page so browsers do not guess or mix languages', async () => {
    const first = await post({ text: '你好' });
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url, cookie: first.cookie! },
      body: JSON.stringify({ text: '你好' }),
    });
    expect(res.headers.get('set-cookie')!.split(';')[0]).toBe(first.cookie);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${url}/`)).headers.get('vary')).toBe('Accept-Language');
  });

  it('answers a request on a connection that sat idle for 6 s (a client or load balancer reusing it)', async () => {
    const { connect } = await import('node:net');
    const { port } = new URL(url);
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    let closed = false;
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('close', () => (closed = true));
    const body = JSON.stringify({ text: '你好' });
    const request = `POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const replies = () => received.match(/HTTP\/1\.1 200/g)?.length ?? 0;
    const until = async (done: () => boolean) => {
      for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 25));
    };
    socket.write(request);
    await until(() => replies() === 1);
    // Node's default closed idle connections after 5 s; a request sent then was reset unanswered.
    await new Promise((r) => setTimeout(r, 6000));
    expect(closed).toBe(false);
    socket.write(request);
    await until(() => replies() === 2);
    expect(replies()).toBe(2);
    socket.destroy();
  }, 15_000);

  it('closes idle connections at once when it stops', async () => {
    const { connect } = await import('node:net');
    const own = createHttpServer(
      createWebChannel({ bot: await testBot(), log: quietLog() }).routes,
      quietLog(),
    );
    const base = new URL(await own.listen(0, '127.0.0.1'));
    const socket = connect(Number(base.port), '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    socket.write(`GET /healthz HTTP/1.1\r\nHost: ${base.host}\r\n\r\n`);
    await new Promise((r) => socket.once('data', r));
    const started = performance.now();
    await own.close(10_000);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('slows down a sender of too many messages with 429, the others unaffected', async () => {
    const { apiRoutes } = await import('../../adapters/web/api.js');
    const { createLimiter } = await import('../../adapters/web/limit.js');
    const limited = createHttpServer(
      apiRoutes(await testBot(), quietLog(), createLimiter({ burst: 2, perMinute: 1 })),
      quietLog(),
    );
    const base = await limited.listen(0, '127.0.0.1');
    const send = (cookie?: string) =>
      fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: base,
          ...(cookie ? { cookie } : {}),
        },
        body: JSON.stringify({ text: '你好' }),
      });
    const first = await send();
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    expect((await send(cookie)).status).toBe(200);
    expect((await send(cookie)).status).toBe(200);
    const refused = await send(cookie);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: string }).error).toMatch(/too many messages/);
    await limited.close(100);
  });
});
