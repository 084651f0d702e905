import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Prompt templates by name (prompts/<name>.md), with {{placeholders}}. */
export type Prompts = Readonly<Record<string, string>>;

/** Loads the templates the answering core uses from a prompts folder. */
export async function loadPrompts(
  dir: string,
  names: readonly string[] = ['system', 'answer'],
): Promise<Prompts> {
  const entries = await Promise.all(
    names.map(
      async (name) => [name, await readFile(path.join(dir, `${name}.md`), 'utf8')] as const,
    ),
  );
  return Object.fromEntries(entries);
}

/** Fills {{name}} placeholders; an unknown placeholder is an error, not silent text. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`prompt placeholder {{${name}}} has no value`);
    return value;
  });
}
