import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration comes from environment variables only (12-factor). Every variable is listed
 * in the README table; this schema is the single source of truth for defaults and validation.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(500).optional(),
  DATA_DIR: z.string().default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RAQMANA_DEMO: z.enum(['true', 'false', '1', '0']).optional(),
  RAQMANA_ADMIN_EMAIL: z.string().email().optional(),
  RAQMANA_ADMIN_PASSWORD: z.string().min(12).optional(),
  RAQMANA_SECRET_KEY: z.string().min(32).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Raqmana <no-reply@raqmana.ma>'),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(25 * 1024 * 1024),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
  S3_ENDPOINT: z.string().optional(),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  ARGON2_MEMORY_KIB: z.coerce.number().int().min(8192).default(19456),
  ARGON2_ITERATIONS: z.coerce.number().int().min(1).default(2),
  RAQMANA_WORKERS: z.enum(['true', 'false']).default('true'),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  production: boolean;
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  /** Connections to PostgreSQL (default: `defaultPoolSize()`, from the cores). */
  databasePoolSize: number | undefined;
  dataDir: string;
  logLevel: Env['LOG_LEVEL'];
  demo: boolean;
  admin: { email: string; password: string } | undefined;
  /** 32-byte key used to encrypt secrets at rest (TOTP seeds) and sign verification codes. */
  secretKey: Buffer;
  smtpUrl: string | undefined;
  mailFrom: string;
  uploadMaxBytes: number;
  bodyLimitBytes: number;
  /** Sign-ins, second-factor codes, sign-ups, password resets and changes: attempts per minute per address, per route. */
  authRateLimitPerMinute: number;
  s3: { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string } | undefined;
  argon2: { memoryCost: number; timeCost: number };
  workers: boolean;
}

export class ConfigError extends Error {}

/** Reads the secret key from the environment, or from `DATA_DIR/secret.key` (created once in development). */
function loadSecretKey(env: Env, dataDir: string): Buffer {
  // Any string of 32+ characters: its SHA-256 is the 32-byte key, so all of it counts.
  if (env.RAQMANA_SECRET_KEY) return createHash('sha256').update(env.RAQMANA_SECRET_KEY, 'utf8').digest();
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  if (env.NODE_ENV === 'production') throw new ConfigError('RAQMANA_SECRET_KEY is required in production');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  return key;
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  const demoFlag = env.RAQMANA_DEMO === undefined ? !production : env.RAQMANA_DEMO === 'true' || env.RAQMANA_DEMO === '1';
  if (production && demoFlag) throw new ConfigError('Demo data is refused when NODE_ENV=production (unset RAQMANA_DEMO).');
  const dataDir = path.resolve(env.DATA_DIR);
  const port = env.PORT;
  const s3 =
    env.S3_ENDPOINT && env.S3_BUCKET && env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
      ? {
          endpoint: env.S3_ENDPOINT,
          bucket: env.S3_BUCKET,
          region: env.S3_REGION,
          accessKeyId: env.S3_ACCESS_KEY_ID,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY,
        }
      : undefined;
  return {
    env: env.NODE_ENV,
    production,
    port,
    host: env.HOST,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${port}`,
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    dataDir,
    logLevel: env.LOG_LEVEL,
    demo: demoFlag,
    admin:
      env.RAQMANA_ADMIN_EMAIL && env.RAQMANA_ADMIN_PASSWORD
        ? { email: env.RAQMANA_ADMIN_EMAIL, password: env.RAQMANA_ADMIN_PASSWORD }
        : undefined,
    secretKey: overrides.secretKey ?? loadSecretKey(env, dataDir),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM,
    uploadMaxBytes: env.UPLOAD_MAX_BYTES,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    authRateLimitPerMinute: env.AUTH_RATE_LIMIT_PER_MINUTE,
    s3,
    argon2: { memoryCost: env.ARGON2_MEMORY_KIB, timeCost: env.ARGON2_ITERATIONS },
    workers: env.RAQMANA_WORKERS === 'true',
    ...overrides,
  };
}
