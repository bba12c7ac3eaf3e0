import { Client, credentials, Metadata, type ServiceError, status } from '@grpc/grpc-js';
import { FUZZED_SERVICES, FuzzCity, type FuzzedService } from './fuzz-city';
import { FuzzDriver, type MethodTally } from './fuzz-driver';

/**
 * Hostile and malformed input against every RPC of every service, generated from the contracts' descriptors
 * (scripts/fuzz.sh; docs/reliability.md, "Fuzzing every RPC"). Settings come from the environment so a run is
 * replayed exactly: FUZZ_SEED (printed by every run), FUZZ_CASES per RPC, FUZZ_SERVICE and FUZZ_METHOD (a part of
 * the method's path) to narrow it.
 */
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const cases = Number(process.env.FUZZ_CASES ?? 1000);
const onlyService = process.env.FUZZ_SERVICE as FuzzedService | undefined;
const onlyMethod = process.env.FUZZ_METHOD || undefined;
const services = FUZZED_SERVICES.filter((s) => !onlyService || s === onlyService);

const say = (line: string) => process.stdout.write(`${line}\n`);

/** 65 MB: past the 64 MB every server takes in one message (GrpcServer's max receive for bulk imports). */
const OVERSIZE = 65 * 1024 * 1024;

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
    '%s refuses a message over its size limit with RESOURCE_EXHAUSTED and keeps serving',
    async (service) => {
      if (onlyMethod) return;
      const target = city.targets.get(service)!;
      const client = new Client(target.address, credentials.createInsecure(), {
        'grpc.max_send_message_length': -1,
      });
      try {
        const metadata = new Metadata();
        metadata.set('authorization', `Bearer ${city.callers[0]!.token}`);
        // Field 1 of WhoAmIRequest does not exist: the size alone must refuse it, before any decoding.
        const big = Buffer.alloc(OVERSIZE + 8);
        big.set([0x0a, 0x80, 0x80, 0x80, 0x21], 0);
        const answer = await new Promise<ServiceError | null>((resolve) =>
          client.makeUnaryRequest(
            '/medgrid.platform.v1.PlatformService/WhoAmI',
            (b: Buffer) => b,
            (b: Buffer) => b,
            big,
            metadata,
            { deadline: new Date(Date.now() + 60_000) },
            (e) => resolve(e),
          ),
        );
        expect(answer?.code).toBe(status.RESOURCE_EXHAUSTED);
        const whoAmI = await new Promise<ServiceError | null>((resolve) =>
          client.makeUnaryRequest(
            '/medgrid.platform.v1.PlatformService/WhoAmI',
            (b: Buffer) => b,
            (b: Buffer) => b,
            Buffer.alloc(0),
            metadata,
            { deadline: new Date(Date.now() + 10_000) },
            (e) => resolve(e),
          ),
        );
        expect(whoAmI).toBeNull();
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
