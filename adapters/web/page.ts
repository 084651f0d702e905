import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { languageOfLocale, type Language } from '../../src/index.js';
import { packageRoot } from '../app/paths.js';
import type { Route } from '../server/http.js';

/**
 * Only the page's own files: no inline script or style, nothing from another origin, no framing.
 * The page talks to its own /api only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const TITLES: Record<Language, { title: string; noscript: string }> = {
  'zh-Hans': {
    title: '全民终身学习活动周助手',
    noscript: '请启用 JavaScript 以使用聊天。也可以在终端运行 llw chat。',
  },
  'zh-Hant': {
    title: '全民終身學習活動周助手',
    noscript: '請啟用 JavaScript 以使用聊天。也可以在終端執行 llw chat。',
  },
  en: {
    title: 'National Lifelong Learning Week assistant',
    noscript: 'Please turn on JavaScript to chat. The terminal chat (llw chat) works too.',
  },
};

/** The page's language: the browser's first language we speak, else Simplified Chinese. */
export function pageLanguage(req: IncomingMessage): Language {
  for (const part of String(req.headers['accept-language'] ?? '').split(',')) {
    const language = languageOfLocale(part.split(';')[0]!.trim());
    if (language) return language;
  }
  return 'zh-Hans';
}

/** The one HTML page: a shell the bundled script fills in, every value escaped. */
export function renderPage(language: Language): string {
  const t = TITLES[language];
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(t.title)}</title>
<link rel="icon" href="/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/app.css">
<script type="module" src="/app.js"></script>
</head>
<body>
<noscript><p>${escapeHtml(t.noscript)}</p></noscript>
<div id="app"></div>
</body>
</html>
`;
}

const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#1d4e89"/><path d="M16 44V20h6v19h12v5zm22 0V20h6v24z" fill="#fff"/></svg>`;

/** Where the bundled page lives: dist/web, made by `npm run build`. */
export function webAssetsDir(): string {
  return path.join(packageRoot(), 'dist', 'web');
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  cache: string,
) {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': cache,
  });
  res.end(body);
}

/** The page and its two files, served by the assistant itself: nothing comes from elsewhere. */
export function pageRoutes(assets = webAssetsDir()): Route[] {
  const file = (name: string, type: string): Route => ({
    method: 'GET',
    path: `/${name}`,
    async handler(_req, res) {
      let body: Buffer;
      try {
        body = await readFile(path.join(assets, name));
      } catch {
        return send(
          res,
          503,
          'text/plain; charset=utf-8',
          'The web page is not built: run npm run build.',
          'no-store',
        );
      }
      send(res, 200, type, body, 'no-cache');
    },
  });
  return [
    {
      method: 'GET',
      path: '/',
      handler: (req, res) => {
        // The page's language follows the browser's: caches must keep one copy per language.
        res.setHeader('vary', 'Accept-Language');
        send(res, 200, 'text/html; charset=utf-8', renderPage(pageLanguage(req)), 'no-cache');
      },
    },
    file('app.js', 'text/javascript; charset=utf-8'),
    file('app.css', 'text/css; charset=utf-8'),
    {
      method: 'GET',
      path: '/icon.svg',
      handler: (_req, res) => send(res, 200, 'image/svg+xml', ICON, 'public, max-age=86400'),
    },
  ];
}
