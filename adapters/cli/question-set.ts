import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../app/paths.js';
import { BotError } from '../../src/index.js';

const questionSchema = z
  .object({
    id: z.string().min(1),
    q: z.string().min(1),
    must: z.array(z.string()).optional(),
    must_not: z.array(z.string()).optional(),
    source: z.string().optional(),
    // shared/eval/README.md: `lang` or `script` is `en` or `zh-Hant`, absent for Simplified.
    lang: z.enum(['en', 'zh', 'zh-Hant', 'zh-Hans']).optional(),
    script: z.enum(['en', 'zh-Hant', 'zh-Hans']).optional(),
    out_of_scope: z.boolean().optional(),
    unanswerable: z.boolean().optional(),
    smalltalk: z.boolean().optional(),
    kind: z.string().optional(),
    why: z.string().optional(),
    /** Paraphrase group: the same question asked in several phrasings, scripts and languages. */
    group: z.string().optional(),
    /** Asked in the other language than the notice that answers it. */
    xlang: z.boolean().optional(),
    cross_language: z.boolean().optional(),
  })
  .strict();

/** One question of an evaluation set (format: shared/eval/README.md). */
export type EvalQuestion = z.infer<typeof questionSchema>;

/** The question set shipped with the project. */
export function defaultQuestionFile(): string {
  return path.join(packageRoot(), 'test', 'eval', 'questions.jsonl');
}

/** Reads a JSONL question set; a bad line stops with its line number. */
export function readQuestions(file: string = defaultQuestionFile()): EvalQuestion[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new BotError(
      'QUESTIONS_INVALID',
      `cannot read the question set ${file}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`,
      { cause },
    );
  }
  const lines = text.split('\n');
  const out: EvalQuestion[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      throw new BotError('QUESTIONS_INVALID', `${file}:${i + 1}: not valid JSON`);
    }
    const parsed = questionSchema.safeParse(data);
    if (!parsed.success)
      throw new BotError(
        'QUESTIONS_INVALID',
        `${file}:${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid'} (format: shared/eval/README.md)`,
      );
    // A pattern the eval cannot compile ("\\'" is no escape under the u flag) is named with
    // its line and question, before any question is asked.
    for (const pattern of [...(parsed.data.must ?? []), ...(parsed.data.must_not ?? [])]) {
      try {
        new RegExp(pattern, 'u');
      } catch (cause) {
        throw new BotError(
          'QUESTIONS_INVALID',
          `${file}:${i + 1} (${parsed.data.id}): the pattern /${pattern}/ is not a valid regular expression: ${(cause as Error).message}`,
          { cause },
        );
      }
    }
    out.push(parsed.data);
  });
  return out;
}

/** Every held-out set shipped with the project (test/eval/heldout*.jsonl), in file order. */
export function heldOutQuestions(): EvalQuestion[] {
  const folder = path.dirname(defaultQuestionFile());
  return readdirSync(folder)
    .filter((f) => /^heldout.*\.jsonl$/.test(f))
    .sort()
    .flatMap((f) => readQuestions(path.join(folder, f)));
}
