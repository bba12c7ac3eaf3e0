import { type z } from 'zod';
import { ConfigError } from './config-error';

/**
 * Validates the environment against a service's schema. Each key of the
 * schema is the name of an environment variable, so the error names the
 * variable an operator has to fix. Call once at boot: a service reads its
 * configuration in one place, and a bad variable stops it before it serves.
 */
export function loadConfig<S extends z.ZodObject>(
  service: string,
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    variable: issue.path.map(String).join('.') || '(environment)',
    reason: issue.message,
  }));
  throw new ConfigError(service, problems);
}
