import { credentials } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import { referralServiceV1, referralV1 } from '@medgrid/contracts';
import { TestAuth, type TestDatabase, uniqueSuffix, waitFor } from '@medgrid/testing';
import { Client as PgClient } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { FUZZED_SERVICES, type FuzzedService, type FuzzTarget } from '../fuzz/fuzz-city';
import { unary } from '../grpc-call';
import { RegistryHarness } from '../registry-harness';
import { aFreshResidentId } from '../scheduling-fixtures';
import { startOwnService } from '../own-service';
import { type ServiceProcess } from '../service-process';
import { CityRecords, RecordMaker } from './access-records';
import { AccessRpc } from './access-rpc';
import { contractMethods } from './access-walker';
import { makeLabSharingRecords } from './records-lab-sharing';
import { makeRegistryRecords } from './records-registry';
import { makeSchedulingRecords } from './records-scheduling';
import { makePaymentRecords } from './records-payment';
import { makePharmacyRecords } from './records-pharmacy';

export const SERVICES = FUZZED_SERVICES;
export type Service = FuzzedService;

/** One medical group of the city: its grid, a lead hospital, a secondary hospital, a centre and a resident. */
export interface CityGroup {
  readonly groupId: string;
  readonly gridId: string;
  readonly leadId: string;
  readonly secondaryId: string;
  readonly centreId: string;
  /** A resident registered in the group's grid (GB 11643 number). */
  readonly residentId: string;
  /** The registry's id of that resident's record. */
  readonly residentRecordId: string;
}

/**
 * The city the access matrix is walked in: the registry with two complete medical groups, "ours" (every caller
 * but the city operator works in it) and "theirs" (another group's resources), and every other service as a process
 * on a database of its own, waited on until it has learnt both groups. A second issuer, whose key no service trusts,
 * signs the tokens "signed by another key". Nothing here touches the shared platform's databases.
 */
export class AccessCity {
  readonly registry = new RegistryHarness();
  readonly targets = new Map<Service, FuzzTarget>();
  private readonly databases: TestDatabase[] = [];
  private readonly processes: ServiceProcess[] = [];
  ours!: CityGroup;
  theirs!: CityGroup;
  foreignIssuer!: TestAuth;

  get cityId(): string {
    return this.registry.cityId;
  }

  async start(services: readonly Service[]): Promise<void> {
    await this.registry.start(`access_${uniqueSuffix()}_registry`);
    this.ours = await this.group('林甲');
    this.theirs = await this.group('林乙');
    this.foreignIssuer = await TestAuth.create();
    const registrySql = new PgClient({ connectionString: this.registry.db.url });
    await registrySql.connect();
    this.targets.set('registry', {
      service: 'registry',
      address: this.registry.process.grpcAddress,
      sql: registrySql,
    });
    const started = Date.now();
    const phase = (what: string) =>
      this.phases.push(`${what} ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await Promise.all(services.filter((s) => s !== 'registry').map((service) => this.startService(service)));
    phase('services up');
    if (this.targets.has('referral')) await this.seedReferrals();
    await this.makeRecords();
    phase('records made');
    // The records the services make from the referrals' events, waited on together.
    await Promise.all([
      this.targets.has('referral') && this.targets.has('scheduling')
        ? this.awaitSlotHoldRequests()
        : undefined,
      this.targets.has('referral') && this.targets.has('pharmacy')
        ? this.awaitContinuityAssessments()
        : undefined,
    ]);
    phase("the referrals' records made");
  }

  /** How long the city took to come up, phase by phase (from the registry's groups), for the walk's report. */
  readonly phases: string[] = [];

  /**
   * Whether pharmacy assessed each of the walk's downward referrals (it does on the referral's event), so
   * GetContinuityAssessment names them as the downward referral rows do; only when both services run.
   */
  continuityAssessed = false;

  private async awaitContinuityAssessments(): Promise<void> {
    const pharmacy = this.targets.get('pharmacy')!;
    const ids = [...Object.values(this.downward.ours), this.downward.theirs.lead];
    await waitFor(
      "pharmacy to assess the walk's downward referrals",
      async () => {
        const { rows } = await pharmacy.sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM continuity_assessment WHERE referral_id = ANY($1)`,
          [ids],
        );
        return rows[0]!.n === ids.length ? true : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 200 },
    );
    this.continuityAssessed = true;
  }

  /**
   * Whether scheduling recorded a slot hold request for each of the walk's referrals (it does on ReferralSubmitted),
   * so GetSlotHoldRequest names them as the referral RPCs do; only when both services run.
   */
  slotHoldsRequested = false;

  private async awaitSlotHoldRequests(): Promise<void> {
    const scheduling = this.targets.get('scheduling')!;
    const ids = [...Object.values(this.referrals.ours), this.referrals.theirs.lead];
    await waitFor(
      "scheduling to record the walk's referrals' slot hold requests",
      async () => {
        const { rows } = await scheduling.sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM slot_hold_request WHERE referral_id = ANY($1)`,
          [ids],
        );
        return rows[0]!.n === ids.length ? true : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 200 },
    );
    this.slotHoldsRequested = true;
  }

  /** The records the walk names by id, per owner (access-records.ts), made in each service that runs. */
  readonly records = new CityRecords();

  private async makeRecords(): Promise<void> {
    const rpc = new AccessRpc();
    const maker = new RecordMaker(this, rpc, contractMethods());
    const makers: [Service, (maker: RecordMaker) => Promise<void>][] = [
      ['registry', makeRegistryRecords],
      ['lab-sharing', makeLabSharingRecords],
      ['scheduling', makeSchedulingRecords],
      ['payment', makePaymentRecords],
      ['pharmacy', makePharmacyRecords],
    ];
    try {
      // The registry's first: the other services' records stand on its practitioners.
      const [registry, ...others] = makers.filter(([service]) => this.targets.has(service));
      const timed = async ([service, make]: (typeof makers)[number]) => {
        const started = Date.now();
        await make(maker);
        this.phases.push(`${service}'s in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      };
      await timed(registry!);
      await Promise.all(others.map(timed));
    } finally {
      rpc.close();
    }
  }

  /**
   * Upward referrals whose parties the walk knows, so the referral RPCs that name one by id are judged by their rule
   * rather than answered NOT_FOUND for a record that does not exist: in each group, centre → lead hospital ("lead")
   * and centre → secondary hospital ("secondary"); in ours also secondary → lead ("hospitals"), which names no centre.
   */
  readonly referrals = { ours: { lead: '', secondary: '', hospitals: '' }, theirs: { lead: '' } };

  /**
   * Downward referrals the walk issued, named by party as the upward ones: in each group lead hospital → centre
   * ("lead"), and in ours also secondary hospital → centre ("secondary"), which the lead hospital is no party to.
   */
  readonly downward = { ours: { lead: '', secondary: '' }, theirs: { lead: '' } };

  private async seedReferrals(): Promise<void> {
    const target = this.targets.get('referral')!;
    await waitFor(
      'referral to learn both residents',
      async () => {
        const { rows } = await target.sql.query<{ n: string }>(
          `SELECT count(*) AS n FROM known_resident WHERE resident_id_number = ANY($1)`,
          [[this.ours.residentId, this.theirs.residentId]],
        );
        return rows[0]!.n === '2' ? true : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 200 },
    );
    const client = new referralServiceV1.ReferralServiceClient(target.address, credentials.createInsecure());
    const refer = async (group: CityGroup, from: string, to: string, role: Identity['role']) => {
      const identity: Identity = {
        subject: `access-seed-${uuidv7()}`,
        role,
        institutionId: from,
        groupId: group.groupId,
        practitionerId: null,
      };
      const { referral } = await unary(
        client,
        client.createReferral,
        {
          clientRequestId: uuidv7(),
          patientResidentId: group.residentId,
          referringInstitutionId: from,
          receivingInstitutionId: to,
          direction: referralV1.ReferralDirection.REFERRAL_DIRECTION_UPWARD,
          icd10Code: 'I10',
          reason: 'BP 186/112 on three drugs for three months',
          draft: false,
          indicationCodes: ['HTN_SEVERE'],
          justification: '',
          results: [],
          receivingDepartmentId: '',
          specialtyCode: '',
        },
        await this.token(identity),
      );
      return referral!.id;
    };
    const referDown = async (group: CityGroup, from: string) => {
      const identity: Identity = {
        subject: `access-seed-${uuidv7()}`,
        role: 'hospital-staff',
        institutionId: from,
        groupId: group.groupId,
        practitionerId: null,
      };
      const { referral } = await unary(
        client,
        client.issueDownwardReferral,
        {
          clientRequestId: uuidv7(),
          patientResidentId: group.residentId,
          referringInstitutionId: from,
          receivingInstitutionId: group.centreId,
          icd10Code: 'I10',
          reason: 'blood pressure controlled on amlodipine',
          metCriteriaCodes: [],
          justification: '血压已稳定两周，可回社区随访管理',
          treatmentPlan: {
            diagnosisCodes: ['I10'],
            // pharmacy assesses a plan's medications at the receiving centre: a plan without any it leaves alone.
            medications: [
              {
                name: '苯磺酸氨氯地平片 5mg',
                drugCode: 'XC08CAA001F001001000101',
                dose: '',
                frequency: 'qd',
                days: 28,
              },
            ],
            followUps: [{ dueDate: '2027-01-15', item: 'blood pressure' }],
            warningSigns: ['BP ≥180/110'],
            notes: '',
          },
          results: [],
          upwardReferralId: '',
        },
        await this.token(identity),
      );
      return referral!.id;
    };
    try {
      const { ours, theirs } = this;
      this.downward.ours.lead = await referDown(ours, ours.leadId);
      this.downward.ours.secondary = await referDown(ours, ours.secondaryId);
      this.downward.theirs.lead = await referDown(theirs, theirs.leadId);
      this.referrals.ours.lead = await refer(ours, ours.centreId, ours.leadId, 'primary-staff');
      this.referrals.ours.secondary = await refer(ours, ours.centreId, ours.secondaryId, 'primary-staff');
      this.referrals.ours.hospitals = await refer(ours, ours.secondaryId, ours.leadId, 'hospital-staff');
      this.referrals.theirs.lead = await refer(theirs, theirs.centreId, theirs.leadId, 'primary-staff');
    } finally {
      client.close();
    }
  }

  /** A token the services verify (`issuer` 'ours'), one whose key they do not know, or one already expired. */
  token(identity: Identity, kind: 'valid' | 'expired' | 'foreign-key' = 'valid'): Promise<string> {
    if (kind === 'foreign-key') return this.foreignIssuer.token(identity);
    return this.registry.auth.token(identity, kind === 'expired' ? -3600 : 600);
  }

  private async group(residentName: string): Promise<CityGroup> {
    const { gridId, group, lead, secondary, centre } = await this.registry.completeGroup();
    const residentId = aFreshResidentId();
    const { resident } = await this.registry.call(
      this.registry.residents,
      this.registry.residents.registerResident,
      {
        clientRequestId: uuidv7(),
        residentIdNumber: residentId,
        name: residentName,
        phone: '13800138000',
        gridId,
      },
    );
    return {
      residentRecordId: resident!.id,
      groupId: group.id,
      gridId,
      leadId: lead.id,
      secondaryId: secondary.id,
      centreId: centre.id,
      residentId,
    };
  }

  private async startService(service: Exclude<Service, 'registry'>): Promise<void> {
    const { db, process, sql } = await startOwnService(service, 'access', this.registry.auth.publicKeyFile);
    this.databases.push(db);
    this.processes.push(process);
    await waitFor(
      `${service} to learn both groups from the registry`,
      async () => {
        const { rows } = await sql.query<{ n: string }>(
          `SELECT count(*) AS n FROM known_group WHERE id = ANY($1) AND jsonb_array_length(members) = 3`,
          [[this.ours.groupId, this.theirs.groupId]],
        );
        return rows[0]!.n === '2' ? true : undefined;
      },
      { timeoutMs: 180_000, intervalMs: 200 },
    );
    this.targets.set(service, { service, address: process.grpcAddress, sql });
  }

  async stop(): Promise<void> {
    for (const target of this.targets.values()) await target.sql.end();
    for (const process of this.processes) await process.stop();
    for (const db of this.databases) await db.drop();
    await this.registry.stop();
  }
}
