import { pino, type Logger, type LoggerOptions } from 'pino';

/**
 * Structured logs. Paths listed in `redact` never reach the output: passwords, tokens,
 * cookies, secrets and personal data carried in bodies.
 */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.csrfToken',
  '*.totp',
  '*.code',
  '*.secret',
  '*.email',
];

export function loggerOptions(level: string, pretty = false): LoggerOptions {
  return {
    level,
    redact: { paths: redactPaths, censor: '[redacted]' },
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } }
      : {}),
  };
}

export function createLogger(level = 'info', pretty = false): Logger {
  return pino(loggerOptions(level, pretty));
}
export type { Logger };
