import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeDirectory, renderText, type Reply } from '../../src/index.js';

/** Writes a reply's files (nomination drafts) into a folder; returns their paths. */
export async function saveFiles(reply: Reply, folder: string): Promise<string[]> {
  if (reply.files.length === 0) return [];
  // Drafts hold nominees' personal data: readable by this user only.
  makeDirectory(folder);
  const paths: string[] = [];
  for (const file of reply.files) {
    const target = path.join(folder, path.basename(file.name));
    // Written under a temporary name and renamed, so a half-written draft never appears.
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, file.data, { mode: 0o600 });
    await rename(temporary, target);
    paths.push(target);
  }
  return paths;
}

/** A reply as terminal text: the answer, its sources, numbered buttons to type, written files. */
export function replyToText(reply: Reply, paths: readonly string[] = []): string {
  const buttons = reply.buttons.map((b, i) => `  ${i + 1}) ${b.label}`).join('\n');
  const files = paths.map((p) => `  → ${p}`).join('\n');
  return [renderText(reply), buttons, files].filter(Boolean).join('\n\n');
}

/** A reply as one JSON object for `llw chat --json`: text, buttons, files (paths), form. */
export function replyToJsonLine(reply: Reply, paths: readonly string[] = []): string {
  return JSON.stringify({
    text: renderText(reply),
    buttons: reply.buttons.map((b) => ({ label: b.label, action: b.action })),
    files: paths,
    form: reply.form ?? null,
    kind: reply.kind,
    language: reply.language,
  });
}
