import { z } from 'zod';

/** Variables whose values are never printed, not even in an error about them. */
export const SECRETS: ReadonlySet<string> = new Set([
  'OPENAI_API_KEY',
  'TELEGRAM_BOT_TOKEN',
  'TELEGRAM_WEBHOOK_SECRET',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'WECOM_BOT_SECRET',
  // A PostgreSQL URL may hold a password.
  'DATABASE_URL',
]);

const https = z.url({ protocol: /^https$/ });
const http = z.url({ protocol: /^https?$/ });
const websocket = z.url({ protocol: /^wss?$/ });

/**
 * The settings of the server and the channels. They live at the edge, not in the core's schema:
 * the core knows no platform. Each channel runs when its token is set.
 */
export const channelSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    TELEGRAM_BOT_TOKEN: z
      .string()
      .regex(/^\d{3,}:[\w-]{30,}$/)
      .optional(),
    TELEGRAM_WEBHOOK_URL: https.optional(),
    TELEGRAM_WEBHOOK_SECRET: z
      .string()
      .regex(/^[\w-]{16,256}$/)
      .optional(),
    TELEGRAM_API_ROOT: http.optional(),
    SLACK_BOT_TOKEN: z
      .string()
      .regex(/^xoxb-[\w-]+$/)
      .optional(),
    SLACK_SIGNING_SECRET: z
      .string()
      .regex(/^[0-9a-f]{16,}$/i)
      .optional(),
    SLACK_APP_TOKEN: z
      .string()
      .regex(/^xapp-[\w-]+$/)
      .optional(),
    SLACK_API_URL: http.optional(),
    WECOM_BOT_ID: z
      .string()
      .regex(/^[\w-]{4,128}$/)
      .optional(),
    WECOM_BOT_SECRET: z
      .string()
      .regex(/^[\w-]{8,256}$/)
      .optional(),
    WECOM_WS_URL: websocket.optional(),
    LLW_ADMINS: z
      .string()
      .regex(/^\s*[a-z]+:[^,\s]+(\s*,\s*[a-z]+:[^,\s]+)*\s*$/)
      .optional(),
  })
  .superRefine((env, ctx) => {
    const problem = (name: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [name], message });
    for (const name of [
      'TELEGRAM_WEBHOOK_URL',
      'TELEGRAM_WEBHOOK_SECRET',
      'TELEGRAM_API_ROOT',
    ] as const)
      if (env[name] && !env.TELEGRAM_BOT_TOKEN)
        problem(
          name,
          'is set but TELEGRAM_BOT_TOKEN is not: create a bot with @BotFather and put its token in .env, or remove it',
        );
    for (const name of ['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_API_URL'] as const)
      if (env[name] && !env.SLACK_BOT_TOKEN)
        problem(
          name,
          'is set but SLACK_BOT_TOKEN is not: install the app to your workspace and put its Bot User OAuth Token (xoxb-…) in .env, or remove it',
        );
    if (env.WECOM_BOT_ID && !env.WECOM_BOT_SECRET)
      problem(
        'WECOM_BOT_SECRET',
        'is missing: copy the Secret shown beside the Bot ID on the 智能机器人 (AI bot) page of the WeCom admin console into .env',
      );
    for (const name of ['WECOM_BOT_SECRET', 'WECOM_WS_URL'] as const)
      if (env[name] && !env.WECOM_BOT_ID)
        problem(
          name,
          'is set but WECOM_BOT_ID is not: create the 智能机器人 in API mode with the long connection and put its Bot ID in .env, or remove it',
        );
    if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN)
      problem(
        'SLACK_SIGNING_SECRET',
        'is missing: HTTP mode needs the Signing Secret (Basic Information → App Credentials), or set SLACK_APP_TOKEN (xapp-…) for Socket Mode',
      );
  });

/** How to fix each variable, shown when its value is refused. */
export const channelHelp: Readonly<Record<string, string>> = {
  PORT: 'a port number from 0 to 65535, for example 3000',
  HOST: 'the address to listen on, for example 127.0.0.1 (this machine only) or 0.0.0.0 (all)',
  TELEGRAM_BOT_TOKEN: 'the token @BotFather gave, like 123456789:AAH…',
  TELEGRAM_WEBHOOK_URL:
    'the public https address Telegram should post to, for example https://bot.example.org (the path /telegram/webhook is added)',
  TELEGRAM_WEBHOOK_SECRET:
    '16 to 256 letters, digits, _ or -, or leave it unset to have one generated',
  TELEGRAM_API_ROOT: 'the http(s) URL of a self-hosted Bot API server, or leave it unset',
  SLACK_BOT_TOKEN: 'the Bot User OAuth Token from OAuth & Permissions, starting with xoxb-',
  SLACK_SIGNING_SECRET: 'the Signing Secret from Basic Information → App Credentials (hexadecimal)',
  SLACK_APP_TOKEN: 'an app-level token with connections:write, starting with xapp-',
  SLACK_API_URL: 'the http(s) URL of the Slack Web API, or leave it unset',
  WECOM_BOT_ID: 'the Bot ID of the WeCom 智能机器人 (AI bot), from its page in the admin console',
  WECOM_BOT_SECRET: 'the Secret shown beside the Bot ID (letters and digits)',
  WECOM_WS_URL:
    'the ws(s) address of the long connection, for a private deployment (政务微信 and other on-premises WeCom show it in their admin console); leave it unset for wss://openws.work.weixin.qq.com',
  LLW_ADMINS:
    'channel:user ids separated by commas, for example telegram:123456789,slack:U024BE7LH (who may send /reload)',
};

/** The validated settings of the server and channels. */
export interface ChannelSettings {
  readonly port: number;
  readonly host: string;
  /** Channel:user ids that may send /reload. */
  readonly admins: readonly string[];
  readonly telegram?: {
    readonly token: string;
    readonly webhookUrl?: string | undefined;
    readonly webhookSecret?: string | undefined;
    readonly apiRoot?: string | undefined;
  };
  readonly slack?: {
    readonly botToken: string;
    readonly signingSecret?: string | undefined;
    readonly appToken?: string | undefined;
    readonly apiUrl?: string | undefined;
  };
  readonly wecom?: {
    readonly botId: string;
    readonly secret: string;
    readonly wsUrl?: string | undefined;
  };
}

/** The webhook URL Telegram posts to: the public base with /telegram/webhook added once. */
function webhookUrl(base: string): string {
  const url = base.replace(/\/+$/, '');
  return url.endsWith('/telegram/webhook') ? url : `${url}/telegram/webhook`;
}

/** Turns parsed variables into the channels' settings. */
export function toChannelSettings(env: z.infer<typeof channelSchema>): ChannelSettings {
  return {
    port: env.PORT,
    host: env.HOST,
    admins: (env.LLW_ADMINS ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    ...(env.TELEGRAM_BOT_TOKEN
      ? {
          telegram: {
            token: env.TELEGRAM_BOT_TOKEN,
            webhookUrl: env.TELEGRAM_WEBHOOK_URL ? webhookUrl(env.TELEGRAM_WEBHOOK_URL) : undefined,
            webhookSecret: env.TELEGRAM_WEBHOOK_SECRET,
            apiRoot: env.TELEGRAM_API_ROOT,
          },
        }
      : {}),
    ...(env.SLACK_BOT_TOKEN
      ? {
          slack: {
            botToken: env.SLACK_BOT_TOKEN,
            signingSecret: env.SLACK_SIGNING_SECRET,
            appToken: env.SLACK_APP_TOKEN,
            apiUrl: env.SLACK_API_URL,
          },
        }
      : {}),
    ...(env.WECOM_BOT_ID && env.WECOM_BOT_SECRET
      ? {
          wecom: {
            botId: env.WECOM_BOT_ID,
            secret: env.WECOM_BOT_SECRET,
            wsUrl: env.WECOM_WS_URL,
          },
        }
      : {}),
  };
}
