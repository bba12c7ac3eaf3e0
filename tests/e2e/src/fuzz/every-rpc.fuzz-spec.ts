import { Client, credentials, Metadata, type ServiceError, status } from '@grpc/grpc-js';
import { decodeErrorDetails } from '@medgrid/grpc';
import { FUZZED_SERVICES, FuzzCity } from './fuzz-city';
import { FuzzDriver, type MethodTally } from './fuzz-driver';

/**
 * Hostile and malformed input against every RPC of every service, generated from the contracts' descriptors
 * (scripts/fuzz.sh; docs/reliability.md, "Fuzzing every RPC"). Settings come from the environment so a run is
 * replayed exactly: FUZZ_SEED (printed by every run), FUZZ_CASES per RPC, FUZZ_SERVICE and FUZZ_METHOD (a part of
 * the method's path) to narrow it; FUZZ_SERVICE may name several, comma-separated.
 */
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const cases = Number(process.env.FUZZ_CASES ?? 1000);
const onlyService = process.env.FUZZ_SERVICE || undefined;
const onlyMethod = process.env.FUZZ_METHOD || undefined;
const services = FUZZED_SERVICES.filter((s) => !onlyService || onlyService.split(',').includes(s));

const say = (line: string) => process.stdout.write(`${line}\n`);

/** What every server takes in one message (GrpcServer's max receive, for bulk imports) and one method by default. */
const SERVER_LIMIT = 64 * 1024 * 1024;
const METHOD_LIMIT = 4 * 1024 * 1024;

/** A request of about `bytes` bytes: field 999, length-delimited, unknown to every request type. */
function unknownFieldOf(bytes: number): Buffer {
  const tag = Buffer.from([0xba, 0x3e]);
  const length: number[] = [];
  for (let n = bytes; ; n = Math.floor(n / 128)) {
    length.push(n >= 128 ? (n % 128) | 0x80 : n);
    if (n < 128) break;
  }
  return Buffer.concat([tag, Buffer.from(length), Buffer.alloc(bytes)]);
}

describe('every RPC fuzzed from its proto', () => {
  const city = new FuzzCity();
  let driver: FuzzDriver;

  beforeAll(async () => {
    say(
      `fuzz: seed ${seed}, ${cases} cases per RPC${onlyService ? `, service ${onlyService}` : ''}${onlyMethod ? `, method ${onlyMethod}` : ''}`,
    );
    say(`fuzz: replay with scripts/fuzz.sh --seed ${seed} --cases ${cases}`);
    await city.start(services);
    driver = new FuzzDriver(city, seed, cases);
  }, 600_000);

  afterAll(async () => {
    if (driver) report(driver.tallies);
    await city.stop();
  }, 120_000);

  it.each(services)(
    '%s answers every generated case with a clean status and stores nothing it refused',
    async (service) => {
      const started = Date.now();
      await driver.fuzzService(city.targets.get(service)!, onlyMethod);
      const failures = driver.failures.filter((f) =>
        driver.tallies.some((t) => t.service === service && t.method === f.method),
      );
      const ran = driver.tallies.filter((t) => t.service === service);
      say(
        `fuzz: ${service}: ${ran.length} RPCs, ${ran.reduce((n, t) => n + t.cases, 0)} cases in ${((Date.now() - started) / 1000).toFixed(1)} s, ${failures.length} failures`,
      );
      // One line per RPC and problem, with the first case that shows it and the command that replays it.
      const distinct = new Map<string, (typeof failures)[number] & { count: number }>();
      for (const f of failures) {
        const key = `${f.method} ${f.problem.replace(/cases \d+-\d+/, 'cases …').slice(0, 160)}`;
        const seen = distinct.get(key);
        if (seen) seen.count++;
        else distinct.set(key, { ...f, count: 1 });
      }
      const lines = [...distinct.values()].map(
        (f) =>
          `${f.method} ×${f.count}, first case ${f.index} (${f.kind}): ${f.problem.slice(0, 300)}; replay: scripts/fuzz.sh --seed ${seed} --cases ${f.index + 1} --service ${service} --method ${f.method.split('/')[2]}`,
      );
      for (const line of lines) say(`fuzz FAILURE ${line}`);
      expect(lines).toEqual([]);
    },
    3_600_000,
  );

  it.each(services)(
    '%s refuses a message over the server limit or its method limit with RESOURCE_EXHAUSTED and keeps serving',
    async (service) => {
      if (onlyMethod) return;
      const target = city.targets.get(service)!;
      const client = new Client(target.address, credentials.createInsecure(), {
        'grpc.max_send_message_length': -1,
      });
      const call = (path: string, bytes: Buffer) => {
        const metadata = new Metadata();
        metadata.set('authorization', `Bearer ${city.callers[0]!.token}`);
        return new Promise<ServiceError | null>((resolve) =>
          client.makeUnaryRequest(
            path,
            (b: Buffer) => b,
            (b: Buffer) => b,
            bytes,
            metadata,
            { deadline: new Date(Date.now() + 60_000) },
            (e) => resolve(e),
          ),
        );
      };
      const whoAmI = '/medgrid.platform.v1.PlatformService/WhoAmI';
      try {
        // An unknown field of the given size: only the size can refuse it.
        expect((await call(whoAmI, unknownFieldOf(SERVER_LIMIT + 1024)))?.code).toBe(
          status.RESOURCE_EXHAUSTED,
        );
        const overMethod = await call(whoAmI, unknownFieldOf(METHOD_LIMIT + 1024));
        expect(overMethod?.code).toBe(status.RESOURCE_EXHAUSTED);
        expect(decodeErrorDetails(overMethod?.metadata).reason).toBe('REQUEST_TOO_LARGE');
        expect(await call(whoAmI, Buffer.alloc(0))).toBeNull();
        if (service === 'registry') {
          // The bulk import takes its 50 MB file: 6 MB gets past the size check to the import's own rules.
          const csv = unknownFieldOf(6 * 1024 * 1024);
          const answer = await call('/medgrid.registry.v1.ImportService/ImportCsv', csv);
          expect(answer?.code).toBe(status.INVALID_ARGUMENT);
        }
      } finally {
        client.close();
      }
    },
    120_000,
  );
});

function report(tallies: readonly MethodTally[]): void {
  say('fuzz: service | RPC | cases | batches checked for stored rows | statuses');
  for (const t of tallies) {
    const codes = Object.entries(t.codes)
      .sort(([, a], [, b]) => b - a)
      .map(([c, n]) => `${c} ${n}`)
      .join(', ');
    say(`fuzz: ${t.service} | ${t.method.slice(1)} | ${t.cases} | ${t.checkedBatches} | ${codes}`);
  }
  say(`fuzz: seed ${seed}, ${tallies.length} RPCs, ${tallies.reduce((n, t) => n + t.cases, 0)} cases`);
}
