import { type ChannelCredentials, credentials, status } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import {
  ALL_TOPICS,
  importServiceV1,
  organisationServiceV1,
  peopleV1,
  registryV1,
  residentServiceV1,
  workforceServiceV1,
} from '@medgrid/contracts';
import { createLogger } from '@medgrid/logging';
import { createKafka, ensureTopics } from '@medgrid/messaging';
import {
  aCreditCode,
  anIdentity,
  TestAuth,
  type TestDatabase,
  testKafkaBrokers,
  uniqueSuffix,
} from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { fails, unary, type UnaryMethod } from './grpc-call';
import { ServiceProcess, serviceEnv } from './service-process';
import { migratedDatabase } from './migrated-database';

/** The registry as a real process on a fresh database, with clients and a city operator's token. */
export class RegistryHarness {
  auth!: TestAuth;
  db!: TestDatabase;
  process!: ServiceProcess;
  organisation!: organisationServiceV1.OrganisationServiceClient;
  workforce!: workforceServiceV1.WorkforceServiceClient;
  residents!: residentServiceV1.ResidentServiceClient;
  imports!: importServiceV1.ImportServiceClient;
  /** The city operator's token, minted at start: for a test's own calls; `call` renews it as it ages. */
  operatorToken!: string;
  private operatorTokenAt = 0;
  cityId!: string;
  readonly operator: Identity = anIdentity({ role: 'city-operator', institutionId: null, groupId: null });

  /**
   * `env` adds to the service's environment; `channel` is how the harness's clients connect (plaintext unless told,
   * e.g. TLS with the gateway's platform certificate when the registry requires mutual TLS).
   */
  async start(
    label: string,
    {
      env = {},
      channel = credentials.createInsecure(),
    }: { env?: Record<string, string>; channel?: ChannelCredentials } = {},
  ): Promise<void> {
    await ensureTopics(
      createKafka(
        { brokers: testKafkaBrokers(), clientId: 'e2e-setup' },
        createLogger({ service: 'e2e', level: 'warn' }),
      ),
      ALL_TOPICS,
    );
    this.auth = await TestAuth.create();
    await this.currentOperatorToken();
    this.db = await migratedDatabase('registry', label);
    this.process = await ServiceProcess.onFreePorts(
      'registry',
      serviceEnv(this.db.url, this.auth.publicKeyFile, env),
    );
    await this.process.start();
    const address = this.process.grpcAddress;
    this.organisation = new organisationServiceV1.OrganisationServiceClient(address, channel);
    this.workforce = new workforceServiceV1.WorkforceServiceClient(address, channel);
    this.residents = new residentServiceV1.ResidentServiceClient(address, channel);
    this.imports = new importServiceV1.ImportServiceClient(address, channel);
    this.cityId = (
      await this.call(this.organisation, this.organisation.registerCity, {
        clientRequestId: uuidv7(),
        divisionCode: '440100',
        name: '广州市',
      })
    ).city!.id;
  }

  async stop(): Promise<void> {
    this.organisation?.close();
    this.workforce?.close();
    this.residents?.close();
    this.imports?.close();
    await this.process?.stop();
    await this.db?.drop();
  }

  async call<Req, Res>(
    client:
      | organisationServiceV1.OrganisationServiceClient
      | workforceServiceV1.WorkforceServiceClient
      | residentServiceV1.ResidentServiceClient
      | importServiceV1.ImportServiceClient,
    method: UnaryMethod<Req, Res>,
    request: Req,
    token?: string,
  ): Promise<Res> {
    return unary(client, method, request, token ?? (await this.currentOperatorToken()));
  }

  /**
   * The operator's token, minted again once half its hour has gone: a suite that runs for hours (the crash suite's
   * 100 runs) would otherwise be refused as expired after the first.
   */
  async currentOperatorToken(): Promise<string> {
    if (Date.now() - this.operatorTokenAt > 30 * 60_000) {
      this.operatorToken = await this.auth.token(this.operator);
      this.operatorTokenAt = Date.now();
    }
    return this.operatorToken;
  }

  /** The status code and decoded details of a call that must fail. */
  static readonly fails = fails;

  /**
   * Sends a write not sent before and checks what every registry write does with its client
   * request id: a retry (same id, same request) gets the first answer; the id on the request
   * changed by `other` is refused with CLIENT_REQUEST_REUSED naming clientRequestId; the request
   * without an id is refused as REQUIRED. Gives the first answer, for the test to check that the
   * write was applied once.
   */
  async expectRetryAnswered<Req extends { clientRequestId: string }, Res>(
    client: Parameters<RegistryHarness['call']>[0],
    method: UnaryMethod<Req, Res>,
    request: Req,
    other: Partial<Omit<Req, 'clientRequestId'>>,
    token?: string,
  ): Promise<Res> {
    const first = await this.call(client, method, request, token);

    expect(await this.call(client, method, request, token)).toEqual(first);
    expect(await fails(this.call(client, method, { ...request, ...other }, token))).toMatchObject({
      code: status.INVALID_ARGUMENT,
      reason: 'CLIENT_REQUEST_REUSED',
      fieldViolations: [expect.objectContaining({ field: 'clientRequestId' })],
    });
    expect(await fails(this.call(client, method, { ...request, clientRequestId: '' }, token))).toMatchObject({
      code: status.INVALID_ARGUMENT,
      fieldViolations: [expect.objectContaining({ field: 'clientRequestId', reason: 'REQUIRED' })],
    });
    return first;
  }

  /** Another city beside the one every harness registers (a registry holds several). */
  async newCity(name = '深圳市', divisionCode = '440300'): Promise<registryV1.City> {
    const { city } = await this.call(this.organisation, this.organisation.registerCity, {
      clientRequestId: uuidv7(),
      divisionCode,
      name,
    });
    return city!;
  }

  async newGrid(cityId = this.cityId): Promise<registryV1.Grid> {
    const { grid } = await this.call(this.organisation, this.organisation.registerGrid, {
      clientRequestId: uuidv7(),
      cityId,
      code: `G-${uniqueSuffix()}`,
      name: '网格',
    });
    return grid!;
  }

  async newGroup(gridId: string): Promise<registryV1.MedicalGroup> {
    const { group } = await this.call(this.organisation, this.organisation.createMedicalGroup, {
      clientRequestId: uuidv7(),
      gridId,
      name: '医疗集团',
    });
    return group!;
  }

  async newInstitution(
    gridId: string,
    level: registryV1.InstitutionLevel,
    type: registryV1.InstitutionType,
    name = `机构-${uuidv7()}`,
  ): Promise<registryV1.Institution> {
    const { institution } = await this.call(this.organisation, this.organisation.registerInstitution, {
      clientRequestId: uuidv7(),
      creditCode: aCreditCode(),
      name,
      level,
      type,
      gridId,
      address: '广州市黄埔区',
    });
    return institution!;
  }

  /** A tertiary general hospital of the grid, as a group's lead would be. */
  newHospital(gridId: string): Promise<registryV1.Institution> {
    const { InstitutionLevel: L, InstitutionType: T } = registryV1;
    return this.newInstitution(gridId, L.INSTITUTION_LEVEL_TERTIARY, T.INSTITUTION_TYPE_GENERAL_HOSPITAL);
  }

  /** A community health centre of the grid: a primary institution, as a group's members are. */
  newCentre(gridId: string): Promise<registryV1.Institution> {
    const { InstitutionLevel: L, InstitutionType: T } = registryV1;
    return this.newInstitution(
      gridId,
      L.INSTITUTION_LEVEL_PRIMARY,
      T.INSTITUTION_TYPE_COMMUNITY_HEALTH_CENTRE,
    );
  }

  async join(
    groupId: string,
    institutionId: string,
    role: registryV1.MembershipRole,
  ): Promise<registryV1.MedicalGroup> {
    const { group } = await this.call(this.organisation, this.organisation.addMembership, {
      groupId,
      institutionId,
      role,
      clientRequestId: uuidv7(),
    });
    return group!;
  }

  /**
   * A complete group on a new grid: a tertiary general hospital its lead, a secondary general
   * hospital and a community health centre its members. The group is as the last join left it.
   */
  async completeGroup(): Promise<{
    gridId: string;
    group: registryV1.MedicalGroup;
    lead: registryV1.Institution;
    secondary: registryV1.Institution;
    centre: registryV1.Institution;
  }> {
    const { InstitutionLevel: L, InstitutionType: T, MembershipRole: R } = registryV1;
    const grid = await this.newGrid();
    const lead = await this.newHospital(grid.id);
    const secondary = await this.newInstitution(
      grid.id,
      L.INSTITUTION_LEVEL_SECONDARY,
      T.INSTITUTION_TYPE_GENERAL_HOSPITAL,
    );
    const centre = await this.newCentre(grid.id);
    const { id } = await this.newGroup(grid.id);
    await this.join(id, lead.id, R.MEMBERSHIP_ROLE_LEAD);
    await this.join(id, secondary.id, R.MEMBERSHIP_ROLE_MEMBER);
    const group = await this.join(id, centre.id, R.MEMBERSHIP_ROLE_MEMBER);
    return { gridId: grid.id, group, lead, secondary, centre };
  }

  /** A complete group on a grid with a community centre (its member) and one family-doctor team (a GP). */
  async teamIn(gridId: string): Promise<{ teamId: string; groupId: string; centreId: string }> {
    const group = await this.newGroup(gridId);
    const centre = await this.newCentre(gridId);
    await this.join(group.id, centre.id, registryV1.MembershipRole.MEMBERSHIP_ROLE_MEMBER);
    return { teamId: await this.newTeam(centre.id), groupId: group.id, centreId: centre.id };
  }

  /** A family-doctor team of one general practitioner at a primary institution; its id. */
  async newTeam(institutionId: string): Promise<string> {
    const { practitioner } = await this.call(this.workforce, this.workforce.registerPractitioner, {
      clientRequestId: uuidv7(),
      licenceNumber: String(300000000000000 + Math.floor(Math.random() * 1e12)),
      name: '全科医生',
      title: peopleV1.PractitionerTitle.PRACTITIONER_TITLE_ATTENDING,
      specialtyCode: '02',
      homeInstitutionId: institutionId,
    });
    const { team } = await this.call(this.workforce, this.workforce.createTeam, {
      clientRequestId: uuidv7(),
      institutionId,
      name: `团队-${uuidv7()}`,
      members: [
        {
          practitionerId: practitioner!.id,
          role: peopleV1.TeamMemberRole.TEAM_MEMBER_ROLE_GENERAL_PRACTITIONER,
        },
      ],
    });
    return team!.id;
  }
}
