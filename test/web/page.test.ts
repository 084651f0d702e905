/// <reference lib="dom" />
import { strFromU8, unzipSync } from 'fflate';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../adapters/server/http.js';
import { createWebChannel } from '../../adapters/web/main.js';
import { quietLog, testBot } from '../channels/harness.js';
import { STAR_INFLUENCE, STAR_STORY } from '../fixtures/nomination.js';
import { ROOT } from '../helpers.js';

/** Debian's Chromium, installed by .ci/run where missing (playwright never downloads a browser). */
const CHROMIUM = process.env['LLW_CHROMIUM'] ?? '/usr/bin/chromium';
/** Screenshots are kept as test artifacts; with LLW_UPDATE_SCREENSHOTS=1 they replace the README's. */
const ARTIFACTS = path.join(ROOT, '.artifacts', 'screenshots');
const README_SHOTS = path.join(ROOT, 'adapters', 'web', 'screenshots');

let server: HttpServer;
let url = '';
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}: run .ci/run, or apt-get install chromium (or set LLW_CHROMIUM)`,
    );
  server = createHttpServer(
    createWebChannel({ bot: await testBot(), log: quietLog() }).routes,
    quietLog(),
  );
  url = await server.listen(0, '127.0.0.1');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // No sandbox as root in CI; no calls home: this machine reaches no other host.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // An intranet name for 127.0.0.1: a page over plain http that is not localhost.
      '--host-resolver-rules=MAP llw.intranet.test 127.0.0.1',
    ],
  });
  await mkdir(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close(100);
});

async function open(options: {
  width: number;
  locale: string;
  dark?: boolean;
  bypassCSP?: boolean;
  touch?: boolean;
  host?: string;
}) {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: options.width, height: 820 },
    locale: options.locale,
    colorScheme: options.dark ? 'dark' : 'light',
    acceptDownloads: true,
    ...(options.bypassCSP ? { bypassCSP: true } : {}),
    ...(options.touch ? { isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(options.host ? `${url.replace('127.0.0.1', options.host)}/` : `${url}/`);
  await page.waitForSelector('article.bot');
  return { page, context, errors };
}

/** Types into the box and sends with Enter, as a person does; waits for the answer. */
async function ask(page: Page, text: string) {
  const before = await page.locator('article.bot').count();
  await page.fill('#message', text);
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('article.bot').length > n, before);
  return page.locator('article.bot').last();
}

/** Presses a button of the latest reply that has it; waits for the answer. */
async function press(page: Page, label: string) {
  const before = await page.locator('article.bot').count();
  await page.locator('article.bot button', { hasText: label }).last().click();
  await page.waitForFunction((n) => document.querySelectorAll('article.bot').length > n, before);
  return page.locator('article.bot').last();
}

describe('the web chat in Chromium', () => {
  it('answers a Simplified Chinese question with its source, expandable to the words quoted', async () => {
    const { page, context, errors } = await open({ width: 1280, locale: 'zh-CN' });
    expect(await page.title()).toBe('全民终身学习活动周助手');
    expect(await page.locator('article.bot').first().innerText()).toContain('您好');
    const answer = await ask(page, '2024年活动周的主题是什么？');
    expect(await answer.innerText()).toContain('让学习成为一种生活方式');
    const source = answer.locator('details').first();
    await source.locator('summary').click();
    expect(await source.locator('blockquote').innerText()).toBe('Make learning a lifestyle');
    await page.screenshot({ path: path.join(ARTIFACTS, 'desktop-1280.png') });
    if (process.env['LLW_UPDATE_SCREENSHOTS'])
      await page.screenshot({ path: path.join(README_SHOTS, 'desktop.png') });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('answers an English question on a phone, in dark mode, with the page in English', async () => {
    const { page, context, errors } = await open({ width: 375, locale: 'en-US', dark: true });
    expect(await page.locator('h1').innerText()).toBe('National Lifelong Learning Week assistant');
    const answer = await ask(page, 'Who are the contacts for 2024?');
    expect(await answer.innerText()).toContain('Sources');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'phone-375.png') });
    if (process.env['LLW_UPDATE_SCREENSHOTS'])
      await page.screenshot({ path: path.join(README_SHOTS, 'phone.png') });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('runs a whole 百姓学习之星 nomination through its buttons and text box, and downloads the .docx', async () => {
    const { page, context, errors } = await open({ width: 1280, locale: 'zh-CN' });
    await press(page, '起草推荐材料');
    await press(page, '百姓学习之星推荐材料');
    expect(await page.locator('.progress').innerText()).toBe('推荐表：第1步，共17步');
    await ask(page, '王秀兰');
    await press(page, '女');
    await ask(page, '1962年5月');
    await ask(page, '汉族');
    await press(page, '中国国籍');
    await press(page, '群众');
    await press(page, '高中/中专');
    await ask(page, '长沙市岳麓区某社区 退休教师');
    await ask(page, '湖南');
    await ask(page, '长沙市');
    await ask(page, '13812345678');
    await press(page, '跳过');
    await ask(page, STAR_STORY);
    await ask(page, STAR_INFLUENCE);
    await press(page, '跳过');
    await ask(page, '长沙市岳麓区教育局');
    const review = await press(page, '全部');
    expect(await review.innerText()).toContain('请核对全部内容');
    await press(page, '确认生成');
    // The summary with its files comes first, then the checklist from the notices.
    const link = page.locator('a.file', { hasText: '.docx' });
    expect(await page.locator('a.file', { hasText: '.json' }).count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const file = path.join(ARTIFACTS, download.suggestedFilename());
    await download.saveAs(file);
    const xml = strFromU8(unzipSync(new Uint8Array(await readFile(file)))['word/document.xml']!);
    for (const answer of ['王秀兰', '长沙市岳麓区教育局', '13812345678'])
      expect(xml).toContain(answer);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('can be used by keyboard alone', async () => {
    const { page, context } = await open({ width: 1280, locale: 'zh-CN' });
    // Focus starts in the text box; Tab from the page's top reaches the language picker first.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('message');
    await page.keyboard.type('职成司联系人是谁？');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('article.bot').length >= 2);
    expect(await page.locator('article.bot').last().innerText()).toContain('王立');
    // The example question buttons of the greeting are reachable with Tab and pressed with Enter.
    await page.locator('article.bot button').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('article.bot').length >= 3);
    expect(await page.locator('article.bot').last().innerText()).toContain(
      '让学习成为一种生活方式',
    );
    await context.close();
  });

  it('works over plain http at an intranet address (not a secure context)', async () => {
    const { page, context, errors } = await open({
      width: 1280,
      locale: 'zh-CN',
      host: 'llw.intranet.test',
    });
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    const answer = await ask(page, '2024年活动周的主题是什么？');
    expect(await answer.innerText()).toContain('让学习成为一种生活方式');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('on a touch screen, Enter starts a new line (a story has paragraphs) and the button sends', async () => {
    const { page, context } = await open({ width: 390, locale: 'zh-CN', touch: true });
    await page.fill('#message', '第一段');
    await page.press('#message', 'Enter');
    await page.keyboard.type('第二段');
    expect(await page.inputValue('#message')).toBe('第一段\n第二段');
    await page.tap('button.send');
    await page.waitForFunction(() => document.querySelectorAll('article.user').length >= 1);
    expect(await page.locator('article.user').last().innerText()).toBe('第一段\n第二段');
    await context.close();
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    // axe is injected into the page for the scan only: the page's own policy would refuse it.
    const { page, context } = await open({ width: 375, locale: 'zh-CN', bypassCSP: true });
    await ask(page, '2024年活动周的主题是什么？');
    await page.addScriptTag({ path: path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
    const violations = await page.evaluate(async () => {
      const result = await (
        window as unknown as {
          axe: { run(): Promise<{ violations: { id: string; impact: string; help: string }[] }> };
        }
      ).axe.run();
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await context.close();
  });
});
