import { type Client, credentials } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import {
  drugCatalogueServiceV1,
  formularyServiceV1,
  pharmacyServiceV1,
  prescribingServiceV1,
  registryV1,
  TOPICS,
} from '@medgrid/contracts';
import { aResidentId, anIdentity, type TestDatabase, uniqueSuffix, waitFor } from '@medgrid/testing';
import { Client as PgClient } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { waitUntilCaughtUp } from './consumer-lag';
import { unary, type UnaryMethod } from './grpc-call';
import { RegistryHarness } from './registry-harness';
import { ServiceProcess, serviceEnv } from './service-process';
import { migratedDatabase } from './migrated-database';

/** The topics the pharmacy service consumes: the registry's institutions, groups, teams and contracts. */
export const PHARMACY_INPUT_TOPICS = [
  TOPICS.registryInstitution.name,
  TOPICS.registryMedicalGroup.name,
  TOPICS.registryTeam.name,
  TOPICS.registryContract.name,
];

/**
 * The registry and the pharmacy service as real processes on fresh databases: the service learns
 * institutions and groups from the registry's topics, as in production.
 */
export class PharmacyHarness {
  readonly registry = new RegistryHarness();
  db!: TestDatabase;
  process!: ServiceProcess;
  sql!: PgClient;
  client!: pharmacyServiceV1.PharmacyServiceClient;
  catalogue!: drugCatalogueServiceV1.CatalogueServiceClient;
  formulary!: formularyServiceV1.FormularyServiceClient;
  prescribing!: prescribingServiceV1.PrescribingServiceClient;

  async start(label: string): Promise<void> {
    await this.registry.start(`${label}_registry`);
    this.db = await migratedDatabase('pharmacy', label);
    // Its own consumer group, so neither scripts/up.sh's pharmacy nor another suite takes these events.
    const consumerGroup = `pharmacy-${label}-${uniqueSuffix()}`;
    this.process = await ServiceProcess.onFreePorts(
      'pharmacy',
      serviceEnv(this.db.url, this.registry.auth.publicKeyFile, { KAFKA_CONSUMER_GROUP: consumerGroup }),
    );
    await this.process.start();
    await waitUntilCaughtUp(consumerGroup, PHARMACY_INPUT_TOPICS);
    this.client = new pharmacyServiceV1.PharmacyServiceClient(
      this.process.grpcAddress,
      credentials.createInsecure(),
    );
    this.catalogue = new drugCatalogueServiceV1.CatalogueServiceClient(
      this.process.grpcAddress,
      credentials.createInsecure(),
    );
    this.formulary = new formularyServiceV1.FormularyServiceClient(
      this.process.grpcAddress,
      credentials.createInsecure(),
    );
    this.prescribing = new prescribingServiceV1.PrescribingServiceClient(
      this.process.grpcAddress,
      credentials.createInsecure(),
    );
    this.sql = new PgClient({ connectionString: this.db.url });
    await this.sql.connect();
  }

  async stop(): Promise<void> {
    this.client?.close();
    this.catalogue?.close();
    this.formulary?.close();
    this.prescribing?.close();
    await this.sql?.end();
    await this.process?.stop();
    await this.db?.drop();
    await this.registry.stop();
  }

  async describeService(identity: Identity): Promise<pharmacyServiceV1.DescribePharmacyServiceResponse> {
    return unary(
      this.client,
      this.client.describePharmacyService,
      {},
      await this.registry.auth.token(identity),
    );
  }

  /** A group with a community centre as its member, once the service has learnt both. */
  async newGroup(): Promise<{ groupId: string; centreId: string; centre: Identity }> {
    const r = this.registry;
    const grid = await r.newGrid();
    const group = await r.newGroup(grid.id);
    const centre = await r.newCentre(grid.id);
    await r.join(group.id, centre.id, registryV1.MembershipRole.MEMBERSHIP_ROLE_MEMBER);
    await waitFor(
      'pharmacy to learn the group from the registry',
      async () => {
        const { rows } = await this.sql.query<{ n: string }>(
          `SELECT count(*) AS n FROM known_group g, known_institution i
            WHERE g.id = $1 AND i.id = $2 AND g.members @> jsonb_build_array(jsonb_build_object('institutionId', $2::text))`,
          [group.id, centre.id],
        );
        if (rows[0]!.n !== '1') throw new Error('not yet');
        return true;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    return {
      groupId: group.id,
      centreId: centre.id,
      centre: anIdentity({ role: 'primary-staff', institutionId: centre.id, groupId: group.id }),
    };
  }

  /** A call of one of the pharmacy's services as `identity`, with extra call metadata (x-purpose). */
  async call<Req, Res>(
    client: Client,
    method: UnaryMethod<Req, Res>,
    request: Req,
    identity: Identity,
    extra: Record<string, string> = {},
  ): Promise<Res> {
    return unary(client, method, request, await this.registry.auth.token(identity), extra);
  }

  /**
   * A group on a new grid, a tertiary hospital its lead and a community centre its member, once the service has
   * learnt them: its administrator, the hospital's HIS and the centre's staff.
   */
  async groupWithHospital(): Promise<{
    groupId: string;
    gridId: string;
    hospitalId: string;
    centreId: string;
    admin: Identity;
    hospital: Identity;
    centre: Identity;
  }> {
    const r = this.registry;
    const { MembershipRole: R } = registryV1;
    const grid = await r.newGrid();
    const group = await r.newGroup(grid.id);
    const hospital = await r.newHospital(grid.id);
    const centre = await r.newCentre(grid.id);
    await r.join(group.id, hospital.id, R.MEMBERSHIP_ROLE_LEAD);
    await r.join(group.id, centre.id, R.MEMBERSHIP_ROLE_MEMBER);
    await this.waitForRows(
      'pharmacy to learn the group and its institutions',
      `SELECT (SELECT count(*) FROM known_institution WHERE id IN ($1, $2) AND group_id = $3)
            + (SELECT count(*) FROM known_group WHERE id = $3 AND jsonb_array_length(members) = 2) AS n`,
      [hospital.id, centre.id, group.id],
      3,
    );
    return {
      groupId: group.id,
      gridId: grid.id,
      hospitalId: hospital.id,
      centreId: centre.id,
      admin: anIdentity({ role: 'group-admin', institutionId: hospital.id, groupId: group.id }),
      hospital: anIdentity({ role: 'partner-system', institutionId: hospital.id, groupId: group.id }),
      centre: anIdentity({ role: 'primary-staff', institutionId: centre.id, groupId: group.id }),
    };
  }

  /** A resident registered in the grid under contract with a new team of the institution, known to pharmacy. */
  async contractedPatient(institutionId: string, gridId: string): Promise<string> {
    const r = this.registry;
    const residentIdNumber = aResidentId(1 + Math.floor(Math.random() * 12_000_000));
    const { resident } = await r.call(r.residents, r.residents.registerResident, {
      clientRequestId: uuidv7(),
      residentIdNumber,
      name: '陈签约',
      phone: '13800138000',
      gridId,
    });
    const teamId = await r.newTeam(institutionId);
    await r.call(r.residents, r.residents.signContract, {
      clientRequestId: uuidv7(),
      residentId: resident!.id,
      teamId,
      startDate: '',
      tags: [],
    });
    await this.waitForRows(
      'pharmacy to learn the contract',
      `SELECT count(*) AS n FROM known_contract c JOIN known_team t ON t.id = c.team_id
        WHERE c.resident_id_number = $1 AND c.status = 'active'`,
      [residentIdNumber],
      1,
    );
    return residentIdNumber;
  }

  /** The audit trail's reads of a subject: who read it and why. */
  async readsOf(subjectKind: string, subjectId: string): Promise<{ actor_role: string; purpose: string }[]> {
    const { rows } = await this.sql.query<{ actor_role: string; purpose: string }>(
      `SELECT actor_role, purpose FROM audit_log
        WHERE action = 'read' AND subject_kind = $1 AND subject_id = $2 ORDER BY seq`,
      [subjectKind, subjectId],
    );
    return rows;
  }

  private async waitForRows(what: string, query: string, params: unknown[], expected: number): Promise<void> {
    await waitFor(
      what,
      async () => {
        const { rows } = await this.sql.query<{ n: string }>(query, params);
        if (Number(rows[0]!.n) !== expected) throw new Error('not yet');
        return true;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
  }
}
