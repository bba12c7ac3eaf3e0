import { z } from 'zod';

/** A TCP port number given as an environment string. */
export const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

/** Comma-separated host:port list, e.g. "127.0.0.1:19092,127.0.0.1:19094". */
export const hostPortList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().regex(/^[^\s:]+:\d{1,5}$/, 'each entry must be host:port'))
        .min(1, 'at least one host:port is required'),
    );

export const logLevel = z
  .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  .default('info');

/** A PostgreSQL connection URL. */
export const postgresUrl = z
  .string({ error: 'is required (postgres://user:password@host:port/database)' })
  .regex(/^postgres(ql)?:\/\/.+\/[^/]+$/, 'must be postgres://user:password@host:port/database');

/** "true"/"false" (and 1/0) as a boolean, unlike z.coerce.boolean which takes any non-empty string as true. */
export const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1');
