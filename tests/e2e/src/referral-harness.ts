import { credentials } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import { criteriaServiceV1, referralServiceV1, referralV1 } from '@medgrid/contracts';
import { type TestDatabase, uniqueSuffix, waitFor } from '@medgrid/testing';
import { Client as PgClient } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { REFERRAL_INPUT_TOPICS, waitUntilCaughtUp } from './consumer-lag';
import { aFreshResidentId, type GroupFixture } from './scheduling-fixtures';
import { SchedulingHarness } from './scheduling-harness';
import { ServiceProcess, serviceEnv } from './service-process';
import { migratedDatabase } from './migrated-database';

/**
 * Registry, scheduling and referral as real processes on fresh databases: the
 * referral service learns the group from the registry's topics and talks to
 * scheduling only through Kafka, as in production.
 */
export class ReferralHarness extends SchedulingHarness {
  /** Every gRPC service the referral process serves. */
  static readonly REFERRAL_SERVICES = [
    referralServiceV1.ReferralServiceService,
    criteriaServiceV1.CriteriaServiceService,
  ];

  referralDb!: TestDatabase;
  referralProcess!: ServiceProcess;
  referrals!: referralServiceV1.ReferralServiceClient;
  criteria!: criteriaServiceV1.CriteriaServiceClient;
  referralSql!: PgClient;
  private referralEnv: Record<string, string> = {};

  override async start(label: string, env: Record<string, string> = {}): Promise<void> {
    await super.start(label, env);
    this.referralDb = await migratedDatabase('referral', `${label}_referral`);
    const consumerGroup = `referral-${label}-${uniqueSuffix()}`;
    this.referralEnv = serviceEnv(this.referralDb.url, this.registry.auth.publicKeyFile, {
      KAFKA_CONSUMER_GROUP: consumerGroup,
      DEADLINE_SWEEP_MS: '200',
      // A minute: a WatchReferrals stream carries a change within the tests' waits only if the change's notice
      // (the outbox's NOTIFY at commit) wakes it.
      WATCH_POLL_MS: '60000',
      ...env,
    });
    await this.startReferral();
    await waitUntilCaughtUp(consumerGroup, REFERRAL_INPUT_TOPICS);
    this.referralSql = new PgClient({ connectionString: this.referralDb.url });
    await this.referralSql.connect();
  }

  /** (Re)starts the referral process on the same database, ports and consumer group. */
  async startReferral(): Promise<void> {
    this.referrals?.close();
    this.criteria?.close();
    this.referralProcess ??= await ServiceProcess.onFreePorts('referral', this.referralEnv);
    await this.referralProcess.start();
    const address = this.referralProcess.grpcAddress;
    this.referrals = new referralServiceV1.ReferralServiceClient(address, credentials.createInsecure());
    this.criteria = new criteriaServiceV1.CriteriaServiceClient(address, credentials.createInsecure());
  }

  private get inReferral() {
    return { client: this.referralSql, service: 'referral' };
  }

  override async stop(): Promise<void> {
    this.referrals?.close();
    this.criteria?.close();
    await this.referralSql?.end();
    await this.referralProcess?.stop();
    await this.referralDb?.drop();
    await super.stop();
  }

  override async newGroup(specialtyCode = '03.04'): Promise<GroupFixture> {
    const group = await super.newGroup(specialtyCode);
    await this.waitForProjection(
      'the group',
      `SELECT (SELECT count(*) FROM known_group
                WHERE id = $1 AND lead_institution_id = $2 AND jsonb_array_length(members) = 2)
            + (SELECT count(*) FROM known_department WHERE id = $3)
            + (SELECT count(*) FROM known_team WHERE id = $4) AS n`,
      [group.groupId, group.hospitalId, group.departmentId, group.teamId],
      3,
      this.inReferral,
    );
    return group;
  }

  override async contractedResident(group: GroupFixture): Promise<string> {
    const residentIdNumber = await super.contractedResident(group);
    await this.waitForProjection(
      'the contract and its resident',
      `SELECT (SELECT count(*) FROM known_contract WHERE resident_id_number = $1 AND status = 'active')
            + (SELECT count(*) FROM known_resident WHERE resident_id_number = $1) AS n`,
      [residentIdNumber],
      2,
      this.inReferral,
    );
    return residentIdNumber;
  }

  /** Registers a resident of the group's grid (no contract) and waits until referral knows them. */
  async registeredResident(group: GroupFixture, residentIdNumber = aFreshResidentId()): Promise<string> {
    await this.registry.call(this.registry.residents, this.registry.residents.registerResident, {
      clientRequestId: uuidv7(),
      residentIdNumber,
      name: '林登记',
      phone: '13800138000',
      gridId: group.gridId,
    });
    await this.waitForProjection(
      'the resident',
      `SELECT count(*) AS n FROM known_resident WHERE resident_id_number = $1`,
      [residentIdNumber],
      1,
      this.inReferral,
    );
    return residentIdNumber;
  }

  /** An upward hypertension referral from the group's centre, with a catalogued indication. */
  upward(
    group: GroupFixture,
    patientResidentId: string,
    overrides: Partial<referralServiceV1.CreateReferralRequest> = {},
  ): referralServiceV1.CreateReferralRequest {
    return {
      clientRequestId: uuidv7(),
      patientResidentId,
      referringInstitutionId: group.centreId,
      receivingInstitutionId: '',
      direction: referralV1.ReferralDirection.REFERRAL_DIRECTION_UPWARD,
      icd10Code: 'I10',
      reason: 'BP 186/112 on three drugs for three months',
      draft: false,
      indicationCodes: ['HTN_SEVERE'],
      justification: '',
      results: [],
      receivingDepartmentId: '',
      specialtyCode: '',
      ...overrides,
    };
  }

  async referral(id: string, identity: Identity): Promise<referralServiceV1.GetReferralResponse> {
    return this.call(this.referrals, this.referrals.getReferral, { id }, identity);
  }

  /** Waits until the referral satisfies the probe (as the given caller sees it). */
  async waitForReferral(
    what: string,
    id: string,
    identity: Identity,
    ready: (response: referralServiceV1.GetReferralResponse) => boolean,
  ): Promise<referralServiceV1.GetReferralResponse> {
    return waitFor(what, async () => {
      const response = await this.referral(id, identity);
      return ready(response) ? response : undefined;
    });
  }

  /** A step request (accept, arrive, …) with a fresh client request id. */
  step(id: string, note = ''): { clientRequestId: string; id: string; note: string } {
    return { clientRequestId: uuidv7(), id, note };
  }
}
