import { z } from 'zod';
import { checkPaymentConfig } from '@/lib/payments';

/**
 * The server's environment, checked once when a server process starts (instrumentation.ts), so a
 * mistyped setting stops the server with a message naming it, instead of a shopper's checkout or
 * a live page failing an hour later. Every variable is optional with a working default, except
 * AUTH_SECRET in production (`npm start` writes one to .env.local on first run).
 */
const positiveNumber = z.string().refine((v) => /^\d+(\.\d+)?$/.test(v) && Number(v) > 0, 'must be a positive number');
const positiveInteger = z.string().regex(/^[1-9]\d*$/, 'must be a whole number above 0');
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://shop.example.com' });

function parses(url: string): boolean {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

const schema = z
  .object({
    NODE_ENV: z.string().optional(),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (try `openssl rand -base64 33`)').optional(),
    AUTH_URL: httpUrl.optional(),
    PUBLIC_SITE_URL: httpUrl.optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a PostgreSQL URL such as postgres://user:password@host:5432/comptoir, or unset for the embedded database')
      .optional(),
    DATABASE_POOL_SIZE: positiveInteger.optional(),
    DATABASE_TIMEOUT_MS: positiveInteger.optional(),
    PGLITE_DIR: z.string().optional(),
    LIVE_EVENTS: z.enum(['postgres', 'redis'], { error: 'must be "postgres" (the default) or "redis"' }).optional(),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/\S+$/, 'must be a Redis URL such as redis://127.0.0.1:6379')
      .optional(),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
      .string()
      .refine((v) => [16, 24, 32].includes(Buffer.from(v, 'base64').length), 'must be an AES key in base64 (16, 24 or 32 bytes: `openssl rand -base64 32`)')
      .optional(),
    MESSAGE_TRANSPORT: z.enum(['file', 'smtp'], { error: 'must be "smtp" or "file" (the default when SMTP_URL is unset)' }).optional(),
    // The value is never echoed: it holds the SMTP password.
    SMTP_URL: z
      .string()
      .refine((v) => /^smtps?:\/\/[^\s/]+/.test(v) && parses(v), 'must be an SMTP URL such as smtp://user:password@mail.example:587 (its value is not shown)')
      .optional(),
    MESSAGES_FROM: z
      .string()
      .regex(/^[^\r\n]*@[^@\s>]+>?$/, 'must be an address such as "Comptoir <bonjour@shop.example>"')
      .optional(),
    COMPTOIR_JOBS: z.enum(['on', 'off'], { error: 'must be "on" (the default) or "off"' }).optional(),
    STOCK_RELAY_INTERVAL_MS: positiveNumber.optional(),
    STOCK_RELAY_IDLE_AFTER_MS: positiveNumber.optional(),
    STOCK_RELAY_SWEEP_MS: positiveNumber.optional(),
    RESERVATION_SWEEP_SECONDS: positiveNumber.optional(),
    DRIVE_SLOTS_SECONDS: positiveNumber.optional(),
    DRIVE_HOLD_SWEEP_SECONDS: positiveNumber.optional(),
    CART_SWEEP_SECONDS: positiveNumber.optional(),
    CART_REMINDER_SECONDS: positiveNumber.optional(),
    MESSAGE_DELIVERY_SECONDS: positiveNumber.optional(),
    LOYALTY_EXPIRY_SWEEP_SECONDS: positiveNumber.optional(),
    SCHEDULED_PRICE_SECONDS: positiveNumber.optional(),
    PICTURE_SWEEP_SECONDS: positiveNumber.optional(),
    MEDIA_FETCH_TIMEOUT_MS: positiveInteger.optional(),
    MEDIA_FETCH_ALLOW_PRIVATE: z.enum(['0', '1'], { error: 'must be "1" (fetch imported pictures from private networks too) or "0"' }).optional(),
    MEDIA_S3_ENDPOINT: z.url({ error: 'must be the S3-compatible service’s URL, such as https://s3.fr-par.scw.cloud' }).optional(),
    TRUSTED_PROXY_HOPS: z
      .string()
      .regex(
        /^\d{1,2}$/,
        'must be a whole number: how many proxies of yours append to X-Forwarded-For before the server (0, the default, when clients reach it directly)',
      )
      .optional(),
    CAPTURE_RETRY_SECONDS: positiveNumber.optional(),
    API_RATE_LIMIT_PER_MINUTE: positiveInteger.optional(),
    WEBHOOK_DELIVERY_SECONDS: positiveNumber.optional(),
    WEBHOOK_BACKOFF_BASE_MS: positiveInteger.optional(),
    WEBHOOK_MAX_ATTEMPTS: positiveInteger.optional(),
    WEBHOOK_TIMEOUT_MS: positiveInteger.optional(),
    WEBHOOK_ALLOW_PRIVATE: z.enum(['0', '1'], { error: 'must be "1" (webhook endpoints may be in private networks too) or "0"' }).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.AUTH_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_SECRET'],
        message: 'is required by `next start` (`npm start` writes one to .env.local; a fleet shares one)',
      });
    }
    if (env.MESSAGE_TRANSPORT === 'smtp' && !env.SMTP_URL) {
      ctx.addIssue({ code: 'custom', path: ['MESSAGE_TRANSPORT'], message: '"smtp" needs SMTP_URL (smtp://user:password@mail.example:587)' });
    }
    if (env.LIVE_EVENTS === 'redis' && !env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['LIVE_EVENTS'],
        message: '"redis" needs DATABASE_URL: the embedded database is one process, with nothing to fan out to',
      });
    }
  });

export class EnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`The server's environment is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvironmentError';
  }
}

/** Every problem at once, each naming its variable; empty when the environment is fine. */
export function environmentProblems(env: Record<string, string | undefined> = process.env): string[] {
  // An empty variable counts as unset (`DATABASE_URL=` turns PostgreSQL off, as before).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
  try {
    checkPaymentConfig(env);
  } catch (err) {
    problems.push(err instanceof Error ? err.message : String(err));
  }
  return problems;
}

export function assertValidEnvironment(env: Record<string, string | undefined> = process.env): void {
  const problems = environmentProblems(env);
  if (problems.length > 0) throw new EnvironmentError(problems);
}
