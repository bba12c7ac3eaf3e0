import { type Identity } from '@medgrid/auth';
import { anIdentity, type TestDatabase, uniqueSuffix, waitFor } from '@medgrid/testing';
import { Client as PgClient } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { registryV1 } from '@medgrid/contracts';
import { RegistryHarness } from '../registry-harness';
import { aFreshResidentId } from '../scheduling-fixtures';
import { startOwnService } from '../own-service';
import { type ServiceProcess } from '../service-process';

/** The services the fuzzer calls, each as a process on a database of its own (the registry's harness makes its). */
export const FUZZED_SERVICES = [
  'registry',
  'referral',
  'scheduling',
  'lab-sharing',
  'pharmacy',
  'payment',
  'gateway',
] as const;
export type FuzzedService = (typeof FUZZED_SERVICES)[number];

/** A running service: its gRPC address and a connection to its database. */
export interface FuzzTarget {
  readonly service: FuzzedService;
  readonly address: string;
  readonly sql: PgClient;
}

/**
 * A small city for the fuzzer: the registry with one complete group (a lead hospital, a secondary hospital, a
 * community centre) and a resident of its grid, and every other service on a fresh database with a consumer group
 * of its own, waited on until it has learnt the group, so a caller's group claim holds and calls reach validation.
 * Nothing here touches the demo city's databases.
 */
export class FuzzCity {
  readonly registry = new RegistryHarness();
  readonly targets = new Map<FuzzedService, FuzzTarget>();
  private readonly databases: TestDatabase[] = [];
  private readonly processes: ServiceProcess[] = [];
  groupId!: string;
  gridId!: string;
  leadId!: string;
  secondaryId!: string;
  centreId!: string;
  residentId!: string;
  /** The callers the fuzzer rotates through: a city operator and the group's staff and partner system. */
  callers: { identity: Identity; token: string }[] = [];

  async start(services: readonly FuzzedService[]): Promise<void> {
    await this.registry.start(`fuzz_${uniqueSuffix()}_registry`);
    const { gridId, group, lead, secondary, centre } = await this.registry.completeGroup();
    this.gridId = gridId;
    this.groupId = group.id;
    this.leadId = lead.id;
    this.secondaryId = secondary.id;
    this.centreId = centre.id;
    this.residentId = aFreshResidentId();
    await this.registry.call(this.registry.residents, this.registry.residents.registerResident, {
      clientRequestId: uuidv7(),
      residentIdNumber: this.residentId,
      name: '林模糊',
      phone: '13800138000',
      gridId,
    });
    const identities = [
      this.registry.operator,
      anIdentity({ role: 'hospital-staff', institutionId: lead.id, groupId: group.id }),
      anIdentity({ role: 'primary-staff', institutionId: centre.id, groupId: group.id }),
      anIdentity({ role: 'partner-system', institutionId: lead.id, groupId: group.id }),
      anIdentity({ role: 'group-admin', institutionId: lead.id, groupId: group.id }),
    ];
    this.callers = await Promise.all(
      identities.map(async (identity) => ({ identity, token: await this.registry.auth.token(identity) })),
    );
    const registrySql = new PgClient({ connectionString: this.registry.db.url });
    await registrySql.connect();
    this.targets.set('registry', {
      service: 'registry',
      address: this.registry.process.grpcAddress,
      sql: registrySql,
    });
    for (const service of services) if (service !== 'registry') await this.startService(service);
  }

  private async startService(service: Exclude<FuzzedService, 'registry'>): Promise<void> {
    const { db, process, sql } = await startOwnService(service, 'fuzz', this.registry.auth.publicKeyFile);
    this.databases.push(db);
    this.processes.push(process);
    await waitFor(
      `${service} to learn the fuzz group from the registry`,
      async () => {
        const { rows } = await sql.query<{ n: string }>(
          `SELECT count(*) AS n FROM known_group WHERE id = $1 AND jsonb_array_length(members) = 3`,
          [this.groupId],
        );
        return rows[0]!.n === '1' ? true : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 200 },
    );
    this.targets.set(service, { service, address: process.grpcAddress, sql });
  }

  /**
   * Puts the group back together after a fuzzed RemoveMembership took institutions out of it (the fuzzer names the
   * group and its institutions, and the operator may remove them): every caller but the operator acts for the lead
   * hospital or the centre, and each service would refuse their group claim from then on (GROUP_CLAIM_MISMATCH),
   * which hid every later RPC of the run behind PERMISSION_DENIED. Waits until every service has learnt it again.
   */
  async restoreGroup(): Promise<void> {
    const { MembershipRole: R } = registryV1;
    const members: [string, registryV1.MembershipRole][] = [
      [this.leadId, R.MEMBERSHIP_ROLE_LEAD],
      [this.secondaryId, R.MEMBERSHIP_ROLE_MEMBER],
      [this.centreId, R.MEMBERSHIP_ROLE_MEMBER],
    ];
    for (const [institutionId, role] of members) {
      // Still a member (the case removed another, or was refused): the registry says so, and nothing changes.
      await this.registry.join(this.groupId, institutionId, role).catch(() => undefined);
    }
    for (const target of this.targets.values()) {
      if (target.service === 'registry') continue;
      await waitFor(
        `${target.service} to learn the fuzz group whole again`,
        async () => {
          const { rows } = await target.sql.query<{ n: string }>(
            `SELECT count(*) AS n FROM known_group WHERE id = $1 AND jsonb_array_length(members) = 3`,
            [this.groupId],
          );
          return rows[0]!.n === '1' ? true : undefined;
        },
        { timeoutMs: 120_000, intervalMs: 200 },
      );
    }
  }

  async stop(): Promise<void> {
    for (const target of this.targets.values()) await target.sql.end();
    for (const process of this.processes) await process.stop();
    for (const db of this.databases) await db.drop();
    await this.registry.stop();
  }
}
