import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Makes a folder and its missing parents, each readable by this user only (0700: it holds
 * nominees' data). One level at a time: Node 20's recursive mkdir spins forever under /proc.
 */
export function makeDirectory(dir: string, mode = 0o700): void {
  const missing: string[] = [];
  for (let d = path.resolve(dir); !existsSync(d); d = path.dirname(d)) {
    missing.push(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of missing.reverse()) mkdirSync(d, { mode });
}
