import { existsSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { BotError, envHelp, envSchema, toConfig, type Config } from '../../src/index.js';
import {
  channelHelp,
  channelSchema,
  SECRETS,
  toChannelSettings,
  type ChannelSettings,
} from './channels.js';

/**
 * The environment as the assistant sees it: `.env` in the working folder (if present) fills
 * variables the environment does not set; an empty variable (FOO= in .env) counts as unset.
 */
export function readEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  envFile = path.resolve('.env'),
): Record<string, string> {
  const merged: Record<string, string | undefined> = { ...env };
  if (env === process.env && existsSync(envFile)) {
    // loadEnvFile never overrides variables that are already set.
    process.loadEnvFile(envFile);
    Object.assign(merged, process.env);
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(merged)) if (value) out[key] = value;
  return out;
}

/**
 * Validates the environment against a schema; a mistake stops with one line per variable saying
 * how to fix it. Values are quoted back to help, except secrets, which are never echoed.
 */
function parse<S extends z.ZodType>(
  schema: S,
  help: Readonly<Record<string, string>>,
  env: Readonly<Record<string, string>>,
): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '');
    const value = env[name];
    if (issue.code === 'custom') return `${name}: ${issue.message}`;
    const shown = value === undefined ? '' : SECRETS.has(name) ? ' (value hidden)' : `="${value}"`;
    return `${name}${shown} is not valid: set it to ${help[name] ?? 'a valid value'} (in the environment or .env)`;
  });
  throw new BotError('CONFIG_INVALID', [...new Set(lines)].join('\n'));
}

/** The core's configuration, read once from the environment and `.env`. */
export function readConfig(
  env: NodeJS.ProcessEnv = process.env,
  envFile = path.resolve('.env'),
): Config {
  return toConfig(parse(envSchema, envHelp, readEnvironment(env, envFile)));
}

/** Everything a serving process needs: the core's configuration and the channels' settings. */
export interface Settings {
  readonly config: Config;
  readonly channels: ChannelSettings;
}

/** The core's configuration and the channels' settings, validated together once at start. */
export function readSettings(
  env: NodeJS.ProcessEnv = process.env,
  envFile = path.resolve('.env'),
): Settings {
  const vars = readEnvironment(env, envFile);
  const problems: string[] = [];
  let config: Config | undefined;
  let channels: ChannelSettings | undefined;
  try {
    config = toConfig(parse(envSchema, envHelp, vars));
  } catch (error) {
    problems.push((error as Error).message);
  }
  try {
    channels = toChannelSettings(parse(channelSchema, channelHelp, vars));
  } catch (error) {
    problems.push((error as Error).message);
  }
  // Several instances on one database each register the Telegram webhook at start: with a secret
  // generated per data folder, the last one would lock the others out.
  if (config?.database && channels?.telegram?.webhookUrl && !channels.telegram.webhookSecret)
    problems.push(
      'TELEGRAM_WEBHOOK_SECRET: is missing: with DATABASE_URL (several instances) and a webhook, set the same secret on every instance (16 to 256 letters, digits, _ or -)',
    );
  if (!config || !channels || problems.length > 0)
    throw new BotError('CONFIG_INVALID', problems.join('\n'));
  return { config, channels };
}
