import { existsSync } from 'node:fs';
import path from 'node:path';
import { BotError, envHelp, envSchema, toConfig, type Config } from '../../src/index.js';

/**
 * Reads the configuration once: `.env` in the working folder (if present) fills variables the
 * environment does not set, then everything is validated. A mistake stops with a message naming
 * the variable and how to fix it.
 */
export function readConfig(
  env: NodeJS.ProcessEnv = process.env,
  envFile = path.resolve('.env'),
): Config {
  const merged: Record<string, string | undefined> = { ...env };
  if (env === process.env && existsSync(envFile)) {
    // loadEnvFile never overrides variables that are already set.
    process.loadEnvFile(envFile);
    Object.assign(merged, process.env);
  }
  // An empty variable (FOO= in .env) means "not set", as in most tools.
  for (const key of Object.keys(merged)) if (merged[key] === '') delete merged[key];
  const parsed = envSchema.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]) as keyof typeof envHelp;
      const value = merged[name];
      return `${name}${value === undefined ? '' : `="${value}"`} is not valid: set it to ${envHelp[name] ?? 'a valid value'} (in the environment or .env)`;
    });
    throw new BotError('CONFIG_INVALID', lines.join('\n'));
  }
  return toConfig(parsed.data);
}
