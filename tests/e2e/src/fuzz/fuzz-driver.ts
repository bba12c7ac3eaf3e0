import { fromBinary } from '@bufbuild/protobuf';
import { createFileRegistry, type DescField, type DescMethod, type DescService } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import { Client, credentials, Metadata, type ServiceError, status } from '@grpc/grpc-js';
import { DESCRIPTOR_SET_PATH } from '@medgrid/contracts';
import { decodeErrorDetails } from '@medgrid/grpc';
import { readFileSync } from 'node:fs';
import { serverHealth } from '../grpc-call';
import { type FuzzCity, type FuzzedService, type FuzzTarget } from './fuzz-city';
import { type FuzzCase, RequestFuzzer, stringRole } from './request-fuzzer';
import { type SeededRandom } from './seeded-random';
import { StoredRows } from './stored-rows';

/** Statuses that mean the service failed rather than refused: a bug whatever the request. */
const FAILURES = new Set([status.INTERNAL, status.UNKNOWN, status.DATA_LOSS]);
/** How many cases run at once against one method, and how many make a batch the stored-row check spans. */
const CONCURRENCY = 6;
const BATCH = 30;
/** A stream that reached its handler stays open: its deadline is short, and hitting it is a clean end. */
const STREAM_DEADLINE_MS = 300;
const UNARY_DEADLINE_MS = 20_000;

export interface FuzzFailure {
  readonly method: string;
  readonly index: number;
  readonly kind: string;
  readonly problem: string;
}

export interface MethodTally {
  readonly service: FuzzedService;
  readonly method: string;
  cases: number;
  readonly codes: Record<string, number>;
  /** Batches of only refused calls whose rows were compared before and after. */
  checkedBatches: number;
}

/** Every RPC of the contracts, by the service that serves it (PlatformService is served by every one). */
export function rpcsOf(service: FuzzedService): { service: DescService; method: DescMethod }[] {
  const registry = createFileRegistry(fromBinary(FileDescriptorSetSchema, readFileSync(DESCRIPTOR_SET_PATH)));
  const out: { service: DescService; method: DescMethod }[] = [];
  for (const type of registry) {
    if (type.kind !== 'service') continue;
    const pkg = type.typeName.split('.').slice(0, -1).join('.');
    const owner = pkg.split('.')[1]?.replace('_', '-');
    if (owner !== service && pkg !== 'medgrid.platform.v1') continue;
    for (const method of type.methods) out.push({ service: type, method });
  }
  return out;
}

export const methodPath = (service: DescService, method: DescMethod) => `/${service.typeName}/${method.name}`;

/**
 * Calls every RPC of a service with the generated cases and checks each answer: a status that is a clean refusal
 * (or OK), INVALID_ARGUMENT with its BadRequest field violations, the service serving after each RPC (gRPC health),
 * and no row stored across a batch in which every call was refused.
 */
export class FuzzDriver {
  readonly failures: FuzzFailure[] = [];
  readonly tallies: MethodTally[] = [];
  private readonly fuzzer: RequestFuzzer;

  constructor(
    private readonly city: FuzzCity,
    seed: number,
    private readonly cases: number,
  ) {
    this.fuzzer = new RequestFuzzer(seed, (field, random) => this.plausible(field, random));
  }

  async fuzzService(target: FuzzTarget, only?: string): Promise<void> {
    const client = new Client(target.address, credentials.createInsecure(), {
      'grpc.max_send_message_length': -1,
      'grpc.max_receive_message_length': -1,
    });
    const rows = await StoredRows.of(target.sql);
    try {
      for (const { service, method } of rpcsOf(target.service)) {
        const path = methodPath(service, method);
        if (only && !path.includes(only)) continue;
        await this.fuzzMethod(client, target, rows, service, method);
        if (path.endsWith('/OrganisationService/RemoveMembership')) await this.city.restoreGroup();
      }
    } finally {
      client.close();
    }
  }

  private async fuzzMethod(
    client: Client,
    target: FuzzTarget,
    rows: StoredRows,
    service: DescService,
    method: DescMethod,
  ): Promise<void> {
    const path = methodPath(service, method);
    const tally: MethodTally = {
      service: target.service,
      method: path,
      cases: 0,
      codes: {},
      checkedBatches: 0,
    };
    this.tallies.push(tally);
    for (let start = 0; start < this.cases; start += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, this.cases - start) }, (_, i) =>
        this.fuzzer.generate(path, method.input, start + i),
      );
      const before = await rows.count();
      const codes = await pool(batch, CONCURRENCY, (fuzzCase) => this.call(client, path, method, fuzzCase));
      const after = await rows.count();
      codes.forEach((code) => {
        tally.codes[status[code]] = (tally.codes[status[code]] ?? 0) + 1;
      });
      tally.cases += batch.length;
      if (codes.every((code) => code !== status.OK)) {
        tally.checkedBatches++;
        const changed = StoredRows.changed(before, after);
        if (changed.length > 0)
          this.fail(
            path,
            batch[0]!,
            `a batch of refused calls (cases ${start}-${start + batch.length - 1}) stored rows: ${changed.join(', ')}`,
          );
      }
    }
    const health = await serverHealth(client, 10_000);
    if (health !== 'SERVING')
      this.fail(path, { index: -1, kind: 'health' }, `health after the RPC: ${health}`);
  }

  private async call(client: Client, path: string, method: DescMethod, fuzzCase: FuzzCase): Promise<status> {
    const caller = this.city.callers[fuzzCase.index % this.city.callers.length]!;
    const metadata = new Metadata();
    metadata.set('authorization', `Bearer ${caller.token}`);
    metadata.set('x-purpose', 'treatment');
    const streaming = method.methodKind === 'server_streaming';
    const deadline = new Date(Date.now() + (streaming ? STREAM_DEADLINE_MS : UNARY_DEADLINE_MS));
    const args = [
      path,
      (b: Buffer) => b,
      (b: Buffer) => b,
      Buffer.from(fuzzCase.bytes),
      metadata,
      { deadline },
    ] as const;
    const error = await new Promise<ServiceError | null>((resolve) => {
      if (streaming) {
        const stream = client.makeServerStreamRequest(...args);
        stream.on('data', () => undefined);
        stream.on('error', (e: ServiceError) => resolve(e));
        stream.on('end', () => resolve(null));
      } else {
        client.makeUnaryRequest(...args, (e) => resolve(e));
      }
    });
    if (!error) return status.OK;
    if (FAILURES.has(error.code)) {
      this.fail(path, fuzzCase, `${status[error.code]}: ${error.details}`);
    } else if (error.code === status.DEADLINE_EXCEEDED && !streaming) {
      this.fail(path, fuzzCase, `no answer within ${UNARY_DEADLINE_MS} ms`);
    } else if (error.code === status.INVALID_ARGUMENT) {
      const { fieldViolations } = decodeErrorDetails(error.metadata);
      if (fieldViolations.length === 0 || fieldViolations.some((v) => !v.field || !v.reason))
        this.fail(path, fuzzCase, `INVALID_ARGUMENT without field violations: ${error.details}`);
    }
    return error.code;
  }

  private fail(method: string, fuzzCase: { index: number; kind: string }, problem: string): void {
    this.failures.push({ method, index: fuzzCase.index, kind: fuzzCase.kind, problem });
  }

  /** Real ids of the fuzz city for fields that name them, so the other fields' checks are reached. */
  private plausible(field: DescField, random: SeededRandom): string | undefined {
    const name = field.name.toLowerCase();
    const c = this.city;
    if (stringRole(name) === 'resident-id') return c.residentId;
    if (name === 'client_request_id') return undefined;
    if (name.endsWith('institution_id')) return random.pick([c.leadId, c.secondaryId, c.centreId]);
    if (name.endsWith('group_id')) return c.groupId;
    if (name.endsWith('grid_id')) return c.gridId;
    if (name.endsWith('city_id')) return c.registry.cityId;
    return undefined;
  }
}

/** Runs `work` over the items, at most `limit` at once, keeping the answers in the items' order. */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]!);
      }
    }),
  );
  return out;
}
