import { join } from 'node:path';
import { platformEnv } from '@medgrid/config';
// deploy/helm/tools is not an Nx project but the plain CommonJS scripts/helm-check.sh runs: the spec
// reads services.json and the samples with the very code that writes and checks the charts.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { type OwnValue, readServices, settingSamples } from '../../../deploy/helm/tools/service-charts.js';

/**
 * Each service's own settings reach its pods through its Helm chart: deploy/helm/services.json names,
 * for every value of a service's own, the environment variable it becomes (medgrid-common.env.settings
 * renders it; scripts/helm-check.sh proves the render). This spec holds that list to the service's config
 * class (services/<name>/src/config/<name>.config.ts): the variables are exactly those the config
 * validates beyond the platform's, so a renamed or added variable cannot silently stop reaching the pod;
 * the values the chart renders pass the config; the chart's bounds are the config's; and a documented
 * service default is the config's.
 */
const ROOT = join(__dirname, '..', '..', '..');
const PLATFORM = new Set(Object.keys(platformEnv({ grpcPort: 1, httpPort: 2 }).shape));
/** The variables without a default, so that a config parses. */
const REQUIRED = { DATABASE_URL: 'postgres://u:p@h:5432/d', AUTH_PUBLIC_KEY_FILE: '/etc/key.pem' };

interface ZodLike {
  shape: Record<string, { safeParse(value: unknown): { success: boolean; data?: unknown } }>;
  safeParse(value: unknown): { success: boolean; error?: unknown };
}

const isSchema = (v: unknown): v is ZodLike =>
  typeof v === 'object' && v !== null && 'shape' in v && typeof (v as ZodLike).safeParse === 'function';

/** The zod schema a service's config class exports, found by what it is rather than by its name. */
async function configSchemaOf(service: string): Promise<ZodLike> {
  const file = join(ROOT, 'services', service, 'src', 'config', `${service}.config.ts`);
  const schemas = Object.values((await import(file)) as Record<string, unknown>).filter(isSchema);
  if (schemas.length !== 1) throw new Error(`${file} exports ${schemas.length} zod objects, expected 1`);
  return schemas[0]!;
}

/** Integer leaves of a value's JSON schema, with the key path inside a table ([] for a plain value). */
function integerLeaves(schema: Record<string, unknown>, path: string[] = []): [string[], number, number][] {
  const types = ([] as unknown[]).concat(schema['type']);
  if (types.includes('integer')) return [[path, schema['minimum'] as number, schema['maximum'] as number]];
  const properties = (schema['properties'] ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(properties).flatMap(([key, child]) => integerLeaves(child, [...path, key]));
}

/** A variable's text for one integer (a one-cell table, `<key>.<key>=<n>`, inside a table). */
const textFor = (path: string[], n: number) => (path.length ? `${path.join('.')}=${n}` : String(n));

const services = readServices(ROOT);

describe('helm settings', () => {
  it('covers every service', () => {
    expect(services.map((s) => s.name)).toEqual(
      expect.arrayContaining(['registry', 'referral', 'scheduling', 'lab-sharing']),
    );
  });

  describe.each(services.map((svc) => [svc.name, svc] as const))('%s', (name, svc) => {
    const own: OwnValue[] = svc.values ?? [];
    let config: ZodLike;

    beforeAll(async () => {
      config = await configSchemaOf(name);
    });

    it("names exactly the variables its config class validates beyond the platform's", () => {
      const validated = Object.keys(config.shape).filter((key) => !PLATFORM.has(key));

      expect(own.map((v) => v.env).sort()).toEqual(validated.sort());
    });

    it('renders values its config accepts (one sample of every setting at once)', () => {
      const env = { ...REQUIRED, ...Object.fromEntries(settingSamples(svc).map((s) => [s.env, s.text])) };

      const result = config.safeParse(env);

      expect(result.error).toBeUndefined();
    });

    it.each(own.map((v) => [v.path, v] as const))("%s: the chart's bounds are the config's", (_, v) => {
      const field = config.shape[v.env]!;
      const accepts = (text: string) => field.safeParse(text).success;

      for (const [path, min, max] of integerLeaves(v.schema as Record<string, unknown>)) {
        expect([min, max].map((n) => accepts(textFor(path, n)))).toEqual([true, true]);
        expect([min - 1, max + 1].map((n) => accepts(textFor(path, n)))).toEqual([false, false]);
      }
      for (const example of (v.schema as { examples?: string[] }).examples ?? [])
        expect(accepts(example)).toBe(true);
    });

    it.each(own.map((v) => [v.path, v] as const))(
      "%s: the default it documents or sets is the config's",
      (_, v) => {
        const fallback = config.shape[v.env]!.safeParse(undefined).data;
        const empty =
          v.default === null ||
          v.default === '' ||
          (typeof v.default === 'object' && v.default !== null && !Object.keys(v.default).length);

        if (!empty) expect(v.default).toEqual(fallback);
        else if (typeof fallback === 'number' || typeof fallback === 'boolean')
          expect(v.doc).toContain(`service default ${fallback}`);
      },
    );
  });
});
