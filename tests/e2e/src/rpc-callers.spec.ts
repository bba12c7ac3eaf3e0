import { fromBinary } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import { DESCRIPTOR_SET_PATH } from '@medgrid/contracts';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every RPC of the contracts is called by at least one end-to-end test, that is
 * against the services running as real processes on the real PostgreSQL and
 * Kafka (the suites in this folder). An RPC nobody calls can be broken on every
 * call without a test noticing.
 *
 * The RPCs come from the contracts' descriptor set; the callers are found the
 * way the suites call: a generated client's method, named in lowerCamelCase,
 * read as a property (`h.schedule.setSessionCapacity`, `client.watchReferrals(`).
 */
const ROOT = join(__dirname, '..', '..', '..');
const PROTO_DIR = join(ROOT, 'proto');
const SUITES_DIR = __dirname;

interface Rpc {
  /** medgrid.scheduling.v1.ScheduleService/SetSessionCapacity */
  readonly name: string;
  /** setSessionCapacity: the generated client's method */
  readonly clientMethod: string;
}

const lowerCamel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

function contractRpcs(): Rpc[] {
  const set = fromBinary(FileDescriptorSetSchema, readFileSync(DESCRIPTOR_SET_PATH));
  return set.file
    .filter((file) => file.package.startsWith('medgrid.'))
    .flatMap((file) =>
      file.service.flatMap((service) =>
        service.method.map((method) => ({
          name: `${file.package}.${service.name}/${method.name}`,
          clientMethod: lowerCamel(method.name),
        })),
      ),
    );
}

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, suffix);
    return entry.name.endsWith(suffix) ? [path] : [];
  });
}

/** `rpc Name(` of every service in proto/, to catch a descriptor set older than its sources. */
function protoSourceRpcs(): string[] {
  return filesUnder(PROTO_DIR, '.proto').flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const pkg = /^package\s+([\w.]+);/m.exec(text)?.[1] ?? '';
    return [...text.matchAll(/service\s+(\w+)\s*\{([^}]*)\}/g)].flatMap(([, service, body]) =>
      [...body!.matchAll(/^\s*rpc\s+(\w+)\s*\(/gm)].map(([, method]) => `${pkg}.${service}/${method}`),
    );
  });
}

/** The end-to-end suites and their harnesses, without comments (a mention is not a call). */
function suiteSources(): { file: string; code: string }[] {
  return filesUnder(SUITES_DIR, '.ts')
    .filter((file) => file.endsWith('.int-spec.ts') || !file.endsWith('.spec.ts'))
    .map((file) => ({
      file: relative(ROOT, file),
      code: readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:'"`])\/\/.*$/gm, '$1'),
    }));
}

describe('every RPC has an end-to-end caller', () => {
  const rpcs = contractRpcs();
  const sources = suiteSources();

  it('reads every RPC of proto/ from the descriptor set (regenerate it with scripts/proto-gen.sh)', () => {
    expect(rpcs.length).toBeGreaterThan(0);
    expect(rpcs.map((rpc) => rpc.name).sort()).toEqual(protoSourceRpcs().sort());
  });

  it('names each RPC by a client method no other RPC shares, so a call is attributed to one RPC', () => {
    const byMethod = new Map<string, string[]>();
    for (const rpc of rpcs)
      byMethod.set(rpc.clientMethod, [...(byMethod.get(rpc.clientMethod) ?? []), rpc.name]);
    expect([...byMethod.values()].filter((names) => names.length > 1)).toEqual([]);
  });

  it('finds a call of every RPC in the end-to-end suites', () => {
    const uncalled = rpcs
      .filter((rpc) => !sources.some(({ code }) => new RegExp(`\\.\\s*${rpc.clientMethod}\\b`).test(code)))
      .map((rpc) => rpc.name);

    expect(uncalled).toEqual([]);
  });
});
