import { status } from '@grpc/grpc-js';
import { peopleV1, registryV1 } from '@medgrid/contracts';
import { anIdentity } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { RegistryHarness } from './registry-harness';

const { MembershipRole: R } = registryV1;
const { PractitionerTitle: Title, TeamMemberRole: Role } = peopleV1;

/** Practitioners and family-doctor teams through the registry's gRPC API, on real PostgreSQL and Kafka. */
describe('registry workforce service', () => {
  const registry = new RegistryHarness();
  const fails = RegistryHarness.fails;
  let groupId: string;
  let hospitalId: string;
  let centreId: string;
  let farHospitalId: string;
  let licence = 100000000000000 + Math.floor(Math.random() * 1e9);

  const registerPractitioner = async (homeInstitutionId: string, name = '王医生') =>
    (
      await registry.call(registry.workforce, registry.workforce.registerPractitioner, {
        clientRequestId: uuidv7(),
        licenceNumber: String(++licence),
        name,
        title: Title.PRACTITIONER_TITLE_ATTENDING,
        specialtyCode: '03.04',
        homeInstitutionId,
      })
    ).practitioner!;

  /** CreateTeam at the centre. */
  const createTeam = (members: peopleV1.TeamMember[], name = `团队-${uuidv7()}`) =>
    registry.call(registry.workforce, registry.workforce.createTeam, {
      clientRequestId: uuidv7(),
      institutionId: centreId,
      name,
      members,
    });
  /** A team at the centre with one general practitioner. */
  const teamOf = async (gp: peopleV1.Practitioner) =>
    (await createTeam([{ practitionerId: gp.id, role: Role.TEAM_MEMBER_ROLE_GENERAL_PRACTITIONER }])).team!;

  beforeAll(async () => {
    await registry.start('e2e_registry_workforce');
    const grid = await registry.newGrid();
    const group = await registry.newGroup(grid.id);
    groupId = group.id;
    hospitalId = (await registry.newHospital(grid.id)).id;
    centreId = (await registry.newCentre(grid.id)).id;
    await registry.join(groupId, hospitalId, R.MEMBERSHIP_ROLE_LEAD);
    await registry.join(groupId, centreId, R.MEMBERSHIP_ROLE_MEMBER);
    const farGrid = await registry.newGrid();
    const farGroup = await registry.newGroup(farGrid.id);
    farHospitalId = (await registry.newHospital(farGrid.id)).id;
    await registry.join(farGroup.id, farHospitalId, R.MEMBERSHIP_ROLE_LEAD);
  });

  afterAll(() => registry.stop());

  it('forms a "1+1+1" team at a community centre with a specialist sent down from the lead hospital', async () => {
    const gp = await registerPractitioner(centreId, '李全科');
    const cardiologist = await registerPractitioner(hospitalId, '张心内');
    const manager = await registerPractitioner(centreId, '陈健管');

    const { team } = await createTeam(
      [
        { practitionerId: gp.id, role: Role.TEAM_MEMBER_ROLE_GENERAL_PRACTITIONER },
        { practitionerId: cardiologist.id, role: Role.TEAM_MEMBER_ROLE_SPECIALIST },
        { practitionerId: manager.id, role: Role.TEAM_MEMBER_ROLE_HEALTH_MANAGER },
      ],
      '李全科团队',
    );

    expect(team).toMatchObject({ institutionId: centreId, groupId, version: 1 });
    const { teams } = await registry.call(registry.workforce, registry.workforce.listTeams, {
      institutionId: centreId,
    });
    expect(teams.find((t) => t.id === team!.id)?.members.map((m) => m.practitionerId)).toEqual([
      gp.id,
      cardiologist.id,
      manager.id,
    ]);
  });

  it('refuses a specialist from another group, naming the rule, and keeps the team as it was', async () => {
    const gp = await registerPractitioner(centreId);
    const team = await teamOf(gp);
    const outsider = await registerPractitioner(farHospitalId);

    const error = await fails(
      registry.call(registry.workforce, registry.workforce.addTeamMember, {
        teamId: team.id,
        member: { practitionerId: outsider.id, role: Role.TEAM_MEMBER_ROLE_SPECIALIST },
        clientRequestId: uuidv7(),
      }),
    );

    expect(error).toMatchObject({ code: status.FAILED_PRECONDITION, reason: 'MEMBER_DOES_NOT_FIT_ROLE' });
    const { team: after } = await registry.call(registry.workforce, registry.workforce.getTeam, {
      id: team.id,
    });
    expect(after).toEqual(team);
  });

  it('names a refused practitioner as the request sent it: member.practitionerId or members[i].practitionerId', async () => {
    const gp = await registerPractitioner(centreId);
    const outsider = await registerPractitioner(farHospitalId);
    const team = await teamOf(gp);
    const add = (practitionerId: string) =>
      fails(
        registry.call(registry.workforce, registry.workforce.addTeamMember, {
          teamId: team.id,
          member: { practitionerId, role: Role.TEAM_MEMBER_ROLE_SPECIALIST },
          clientRequestId: uuidv7(),
        }),
      );
    const form = (practitionerId: string) =>
      fails(
        createTeam([
          { practitionerId: gp.id, role: Role.TEAM_MEMBER_ROLE_GENERAL_PRACTITIONER },
          { practitionerId, role: Role.TEAM_MEMBER_ROLE_SPECIALIST },
        ]),
      );

    const refusals = [
      await add(outsider.id),
      await add(uuidv7()),
      await form(outsider.id),
      await form(uuidv7()),
    ];

    expect(refusals.map((r) => [r.reason, r.fieldViolations.map((v) => v.field)])).toEqual([
      ['MEMBER_DOES_NOT_FIT_ROLE', ['member.practitionerId']],
      ['UNKNOWN_PRACTITIONER', ['member.practitionerId']],
      ['MEMBER_DOES_NOT_FIT_ROLE', ['members[1].practitionerId']],
      ['UNKNOWN_PRACTITIONER', ['members[1].practitionerId']],
    ]);
  });

  it('refuses a team without a general practitioner', async () => {
    const specialist = await registerPractitioner(hospitalId);

    const error = await fails(
      createTeam([{ practitionerId: specialist.id, role: Role.TEAM_MEMBER_ROLE_SPECIALIST }], '没有全科'),
    );

    expect(error).toMatchObject({
      code: status.FAILED_PRECONDITION,
      reason: 'TEAM_NEEDS_GENERAL_PRACTITIONER',
    });
  });

  it('refuses a second practitioner with the same licence number', async () => {
    const first = await registerPractitioner(hospitalId);

    const error = await fails(
      registry.call(registry.workforce, registry.workforce.registerPractitioner, {
        clientRequestId: uuidv7(),
        licenceNumber: first.licenceNumber,
        name: '冒名',
        title: Title.PRACTITIONER_TITLE_CHIEF,
        specialtyCode: '03',
        homeInstitutionId: hospitalId,
      }),
    );

    expect(error).toMatchObject({ code: status.ALREADY_EXISTS, reason: 'DUPLICATE_LICENCE_NUMBER' });
    expect(error.fieldViolations[0]?.field).toBe('licenceNumber');
  });

  it('lets a practitioner practise across their own group, not beyond it', async () => {
    const doctor = await registerPractitioner(hospitalId);
    const check = (institutionId: string) =>
      registry.call(registry.workforce, registry.workforce.checkPractisingRight, {
        practitionerId: doctor.id,
        institutionId,
      });

    await expect(check(centreId)).resolves.toEqual({ allowed: true, reason: 'same medical group' });
    await expect(check(farHospitalId)).resolves.toEqual({
      allowed: false,
      reason: 'different medical group',
    });
  });

  it('names the field of a practising-right check that found nobody as the request sent it', async () => {
    const error = await fails(
      registry.call(registry.workforce, registry.workforce.checkPractisingRight, {
        practitionerId: uuidv7(),
        institutionId: centreId,
      }),
    );

    expect(error).toMatchObject({
      code: status.NOT_FOUND,
      fieldViolations: [expect.objectContaining({ field: 'practitionerId', reason: 'NOT_FOUND' })],
    });
  });

  it('lets an institution’s own staff register its practitioners, and nobody else’s', async () => {
    const centreStaff = await registry.auth.token(
      anIdentity({ role: 'primary-staff', institutionId: centreId, groupId }),
    );

    const error = await fails(
      registry.call(
        registry.workforce,
        registry.workforce.registerPractitioner,
        {
          clientRequestId: uuidv7(),
          licenceNumber: String(++licence),
          name: '越权',
          title: Title.PRACTITIONER_TITLE_RESIDENT,
          specialtyCode: '03',
          homeInstitutionId: hospitalId,
        },
        centreStaff,
      ),
    );

    expect(error).toMatchObject({ code: status.PERMISSION_DENIED });
  });

  /** An UpdatePractitioner moving the practitioner to the centre as an associate chief. */
  const moveToCentre = (doctor: peopleV1.Practitioner, expectedVersion = doctor.version) => ({
    id: doctor.id,
    expectedVersion,
    name: doctor.name,
    title: Title.PRACTITIONER_TITLE_ASSOCIATE_CHIEF,
    specialtyCode: '03.04',
    homeInstitutionId: centreId,
    clientRequestId: uuidv7(),
  });

  it('moves a practitioner to another institution of the group, refusing a stale version', async () => {
    const doctor = await registerPractitioner(hospitalId);
    const update = (expectedVersion: number) =>
      registry.call(
        registry.workforce,
        registry.workforce.updatePractitioner,
        moveToCentre(doctor, expectedVersion),
      );

    const { practitioner } = await update(1);

    expect(practitioner).toMatchObject({ homeInstitutionId: centreId, version: 2 });
    expect(await fails(update(1))).toMatchObject({ code: status.ABORTED, reason: 'VERSION_CONFLICT' });
  });

  it('answers a retried UpdatePractitioner with the practitioner, changing them once, and refuses its id for another change', async () => {
    const doctor = await registerPractitioner(hospitalId);

    const { practitioner } = await registry.expectRetryAnswered(
      registry.workforce,
      registry.workforce.updatePractitioner,
      moveToCentre(doctor),
      { specialtyCode: '03.01' },
    );

    expect(practitioner).toMatchObject({ homeInstitutionId: centreId, version: doctor.version + 1 });
    expect(
      (await registry.call(registry.workforce, registry.workforce.getPractitioner, { id: doctor.id }))
        .practitioner,
    ).toEqual(practitioner);
  });

  it('answers a retried AddTeamMember with the team, adding the member once, and refuses its id for another member', async () => {
    const gp = await registerPractitioner(centreId);
    const team = await teamOf(gp);
    const [specialist, manager] = [
      await registerPractitioner(hospitalId),
      await registerPractitioner(centreId),
    ];

    const { team: after } = await registry.expectRetryAnswered(
      registry.workforce,
      registry.workforce.addTeamMember,
      {
        teamId: team.id,
        member: { practitionerId: specialist.id, role: Role.TEAM_MEMBER_ROLE_SPECIALIST },
        clientRequestId: uuidv7(),
      },
      { member: { practitionerId: manager.id, role: Role.TEAM_MEMBER_ROLE_HEALTH_MANAGER } },
    );

    expect(after!.members.map((m) => m.practitionerId)).toEqual([gp.id, specialist.id]);
    expect(after!.version).toBe(team.version + 1);
    expect(
      (await registry.call(registry.workforce, registry.workforce.getTeam, { id: team.id })).team,
    ).toEqual(after);
  });
});
