import { peopleV1 } from '@medgrid/contracts';
import { aCreditCode } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { signedInAccount, signedInOperator } from './portal-accounts';
import { type PortalAnswer, type PortalBrowser, PortalGatewayHarness } from './portal-gateway-harness';
import { type GroupFixture } from './scheduling-fixtures';

interface InstitutionJson {
  id: string;
  creditCode: string;
  name: string;
  level: string;
  type: string;
  gridId: string;
  groupId?: string;
  address: string;
  version: number;
}

interface GroupJson {
  id: string;
  gridId: string;
  name: string;
  leadInstitutionId?: string;
  memberships?: { institutionId: string; role: string; joinedAt: string }[];
  version: number;
}

interface TeamJson {
  id: string;
  institutionId: string;
  groupId: string;
  name: string;
  members?: { practitionerId: string; role: string }[];
  version: number;
}

const institutionOf = (answer: PortalAnswer) => answer.body.institution as InstitutionJson;
const groupOf = (answer: PortalAnswer) => answer.body.group as GroupJson;
const teamOf = (answer: PortalAnswer) => answer.body.team as TeamJson;
const fieldsOf = (answer: PortalAnswer) => answer.body.error!.fields.map((f) => [f.field, f.reason]);

/**
 * The registry administered from the portal, through the gateway's /api/registry endpoints, with
 * registry, scheduling, referral and the gateway as real processes: the city operator registers
 * institutions, creates a grid's group and fills it; a group's administrator is refused on another
 * group (the registry's rule, reaching the browser as 403 with nothing changed); bad input comes
 * back as 400 naming the fields; a family-doctor team is formed, grown and shrunk, by the operator
 * and by the centre's own staff.
 */
describe('gateway registry administration', () => {
  const h = new PortalGatewayHarness();
  let groupA: GroupFixture;
  let gridId: string;
  let operator: PortalBrowser;
  let adminA: PortalBrowser;
  let hospital: InstitutionJson;
  let centre: InstitutionJson;
  let secondary: InstitutionJson;
  let group: GroupJson;
  let team: TeamJson;
  const practitioners: { gp: string; manager: string } = { gp: '', manager: '' };

  const register = (details: Partial<Record<string, string>>) =>
    operator.post('/api/registry/institutions', {
      clientRequestId: uuidv7(),
      creditCode: aCreditCode(),
      name: `机构-${uuidv7()}`,
      gridId,
      address: '广州市黄埔区开创大道 1 号',
      ...details,
    });

  const registerPractitioner = async (name: string, institutionId: string) => {
    const r = h.registry;
    const { practitioner } = await r.call(r.workforce, r.workforce.registerPractitioner, {
      clientRequestId: uuidv7(),
      licenceNumber: String(300000000000000 + Math.floor(Math.random() * 1e12)),
      name,
      title: peopleV1.PractitionerTitle.PRACTITIONER_TITLE_ATTENDING,
      specialtyCode: '02',
      homeInstitutionId: institutionId,
    });
    return practitioner!.id;
  };

  beforeAll(async () => {
    await h.start('e2e_gateway_registry_admin');
    groupA = await h.newGroup('03.04');
    gridId = (await h.registry.newGrid()).id;
    operator = await signedInOperator(h);
    adminA = await signedInAccount(h, operator, {
      username: 'admin.registry.a',
      displayName: '甲集团管理员',
      role: 'group-admin',
      institutionId: groupA.hospitalId,
      groupId: groupA.groupId,
    });
  }, 900_000);

  afterAll(() => h.stop(), 120_000);

  it("lets the city operator register institutions, create the grid's group and add them to it", async () => {
    const registered = await register({
      creditCode: aCreditCode().toLowerCase(),
      name: ' 黄埔区中心医院 ',
      level: 'INSTITUTION_LEVEL_TERTIARY',
      type: 'INSTITUTION_TYPE_GENERAL_HOSPITAL',
    });
    hospital = institutionOf(registered);
    centre = institutionOf(
      await register({
        name: '南岗街社区卫生服务中心',
        level: 'INSTITUTION_LEVEL_PRIMARY',
        type: 'INSTITUTION_TYPE_COMMUNITY_HEALTH_CENTRE',
      }),
    );
    secondary = institutionOf(
      await register({
        name: '黄埔区第二人民医院',
        level: 'INSTITUTION_LEVEL_SECONDARY',
        type: 'INSTITUTION_TYPE_GENERAL_HOSPITAL',
      }),
    );
    const created = await operator.post('/api/registry/groups', {
      clientRequestId: uuidv7(),
      gridId,
      name: '黄埔区紧密型城市医疗集团',
    });
    group = groupOf(created);
    const lead = await operator.post(`/api/registry/groups/${group.id}/members`, {
      clientRequestId: uuidv7(),
      institutionId: hospital.id,
      role: 'MEMBERSHIP_ROLE_LEAD',
    });
    const join = {
      clientRequestId: uuidv7(),
      institutionId: centre.id,
      role: 'MEMBERSHIP_ROLE_MEMBER',
    };
    const member = await operator.post(`/api/registry/groups/${group.id}/members`, join);
    const retried = await operator.post(`/api/registry/groups/${group.id}/members`, join);

    expect(registered.status).toBe(201);
    expect(hospital).toMatchObject({
      name: '黄埔区中心医院',
      level: 'INSTITUTION_LEVEL_TERTIARY',
      type: 'INSTITUTION_TYPE_GENERAL_HOSPITAL',
      gridId,
      version: 1,
    });
    expect(hospital.creditCode).toMatch(/^[0-9A-Z]{18}$/);
    expect(created).toMatchObject({
      status: 201,
      body: { group: { gridId, name: '黄埔区紧密型城市医疗集团' } },
    });
    expect(lead.status).toBe(200);
    expect(groupOf(lead).leadInstitutionId).toBe(hospital.id);
    expect(member.status).toBe(200);
    expect(retried.body).toEqual(member.body);
    const read = await operator.get(`/api/registry/groups/${group.id}`);
    expect(groupOf(read).memberships!.map((m) => [m.institutionId, m.role])).toEqual([
      [hospital.id, 'MEMBERSHIP_ROLE_LEAD'],
      [centre.id, 'MEMBERSHIP_ROLE_MEMBER'],
    ]);
    expect(Date.parse(groupOf(read).memberships![0]!.joinedAt)).not.toBeNaN();
    expect(institutionOf(await operator.get(`/api/registry/institutions/${centre.id}`)).groupId).toBe(
      group.id,
    );
    const listed = (await operator.get('/api/registry/groups')).body as { groups: { id: string }[] };
    expect(listed.groups.find((g) => g.id === group.id)).toEqual(groupOf(read));
    group = groupOf(read);
  });

  it('lets the operator add a collaborating hospital and remove it again', async () => {
    const added = await operator.post(`/api/registry/groups/${group.id}/members`, {
      clientRequestId: uuidv7(),
      institutionId: secondary.id,
      role: 'MEMBERSHIP_ROLE_COLLABORATING',
    });
    const removed = await operator.delete(`/api/registry/groups/${group.id}/members/${secondary.id}`, {
      clientRequestId: uuidv7(),
    });

    expect(groupOf(added).memberships).toHaveLength(3);
    expect(removed.status).toBe(200);
    expect(groupOf(removed).memberships!.map((m) => m.institutionId)).toEqual([hospital.id, centre.id]);
    group = groupOf(removed);
  });

  it("changes an institution's details against the version read, and refuses a stale version as a conflict", async () => {
    const change = {
      name: ' 南岗街道社区卫生服务中心 ',
      level: 'INSTITUTION_LEVEL_PRIMARY',
      type: 'INSTITUTION_TYPE_COMMUNITY_HEALTH_CENTRE',
      address: '广州市黄埔区南岗街 8 号',
    };
    const read = institutionOf(await operator.get(`/api/registry/institutions/${centre.id}`));

    const updated = await operator.patch(`/api/registry/institutions/${centre.id}`, {
      ...change,
      clientRequestId: uuidv7(),
      expectedVersion: read.version,
    });
    const stale = await operator.patch(`/api/registry/institutions/${centre.id}`, {
      ...change,
      clientRequestId: uuidv7(),
      expectedVersion: read.version,
    });

    expect(updated.status).toBe(200);
    expect(institutionOf(updated)).toMatchObject({
      name: '南岗街道社区卫生服务中心',
      address: '广州市黄埔区南岗街 8 号',
      version: read.version + 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_CONFLICT' });
    expect(fieldsOf(stale)).toEqual([['expectedVersion', 'VERSION_CONFLICT']]);
    centre = institutionOf(updated);
  });

  it("refuses group A's administrator on the other group and its institution (403), changing nothing, and lets it change its own group's", async () => {
    const patch = await adminA.patch(`/api/registry/institutions/${centre.id}`, {
      clientRequestId: uuidv7(),
      expectedVersion: centre.version,
      name: '越权改名',
      level: 'INSTITUTION_LEVEL_PRIMARY',
      type: 'INSTITUTION_TYPE_COMMUNITY_HEALTH_CENTRE',
      address: centre.address,
    });
    const remove = await adminA.delete(`/api/registry/groups/${group.id}/members/${centre.id}`, {
      clientRequestId: uuidv7(),
    });
    const createGroup = await adminA.post('/api/registry/groups', {
      clientRequestId: uuidv7(),
      gridId: (await h.registry.newGrid()).id,
      name: '越权集团',
    });
    const ownCentre = institutionOf(await adminA.get(`/api/registry/institutions/${groupA.centreId}`));
    const own = await adminA.patch(`/api/registry/institutions/${groupA.centreId}`, {
      clientRequestId: uuidv7(),
      expectedVersion: ownCentre.version,
      name: '甲集团社区卫生服务中心',
      level: ownCentre.level,
      type: ownCentre.type,
      address: ownCentre.address,
    });

    for (const refused of [patch, remove, createGroup]) {
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({
        code: 'PERMISSION_DENIED',
        reason: 'NOT_ALLOWED',
        message: '您无权执行此操作或查看此内容。',
      });
    }
    expect(patch.body.error).toMatchObject({ detail: 'your role may not change this institution' });
    expect(remove.body.error).toMatchObject({ detail: 'your role may not change this group' });
    expect(institutionOf(await operator.get(`/api/registry/institutions/${centre.id}`))).toEqual(centre);
    expect(groupOf(await operator.get(`/api/registry/groups/${group.id}`))).toEqual(group);
    expect(own.status).toBe(200);
    expect(institutionOf(own).name).toBe('甲集团社区卫生服务中心');
    const listed = (await adminA.get('/api/registry/groups')).body as { groups: { id: string }[] };
    expect(listed.groups.map((g) => g.id)).toEqual([groupA.groupId]);
  });

  it('answers bad input with a 400 that names each field the registry refused', async () => {
    const institution = await operator.post(
      '/api/registry/institutions',
      {
        clientRequestId: 'retry-1',
        creditCode: '91440101',
        name: '  ',
        type: 'INSTITUTION_TYPE_VILLAGE_CLINIC',
        gridId,
        address: '广州市',
      },
      { language: 'en' },
    );
    const misfit = await register({
      level: 'INSTITUTION_LEVEL_TERTIARY',
      type: 'INSTITUTION_TYPE_VILLAGE_CLINIC',
    });
    const noRole = await operator.post(`/api/registry/groups/${group.id}/members`, {
      clientRequestId: uuidv7(),
      institutionId: secondary.id,
    });
    const wordyVersion = await operator.patch(`/api/registry/institutions/${centre.id}`, {
      clientRequestId: uuidv7(),
      expectedVersion: 'latest',
      name: centre.name,
      level: centre.level,
      type: centre.type,
      address: centre.address,
    });
    const notAMember = await operator.post('/api/registry/teams', {
      clientRequestId: uuidv7(),
      institutionId: centre.id,
      name: '团队',
      members: [null],
    });

    expect(institution.status).toBe(400);
    expect(institution.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'The request is not valid: see the fields named.',
    });
    expect(fieldsOf(institution)).toEqual([
      ['clientRequestId', 'INVALID_FORMAT'],
      ['creditCode', 'INVALID_LENGTH'],
      ['name', 'REQUIRED'],
      ['level', 'REQUIRED'],
    ]);
    expect(misfit.status).toBe(400);
    expect(fieldsOf(misfit)).toEqual([['level', 'LEVEL_DOES_NOT_FIT_TYPE']]);
    expect(noRole.status).toBe(400);
    expect(fieldsOf(noRole)).toEqual([['role', 'REQUIRED']]);
    expect(wordyVersion.status).toBe(400);
    expect(fieldsOf(wordyVersion)).toEqual([['expectedVersion', 'REQUIRED']]);
    expect(notAMember.status).toBe(400);
    expect(notAMember.body.error).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'MALFORMED_REQUEST' });
    expect(groupOf(await operator.get(`/api/registry/groups/${group.id}`))).toEqual(group);
  });

  it("forms a team of the centre's practitioners, adds a member and removes one, keeping its general practitioner", async () => {
    practitioners.gp = await registerPractitioner('陈全科', centre.id);
    practitioners.manager = await registerPractitioner('林健管', centre.id);

    const found = await operator.get(`/api/registry/practitioners?institutionId=${centre.id}`);
    const created = await operator.post('/api/registry/teams', {
      clientRequestId: uuidv7(),
      institutionId: centre.id,
      name: ' 南岗一号团队 ',
      members: [{ practitionerId: practitioners.gp, role: 'TEAM_MEMBER_ROLE_GENERAL_PRACTITIONER' }],
    });
    team = teamOf(created);
    const added = await operator.post(`/api/registry/teams/${team.id}/members`, {
      clientRequestId: uuidv7(),
      member: { practitionerId: practitioners.manager, role: 'TEAM_MEMBER_ROLE_HEALTH_MANAGER' },
    });
    const removed = await operator.delete(`/api/registry/teams/${team.id}/members/${practitioners.manager}`, {
      clientRequestId: uuidv7(),
    });
    const lastGp = await operator.delete(`/api/registry/teams/${team.id}/members/${practitioners.gp}`, {
      clientRequestId: uuidv7(),
    });
    const foreign = await adminA.post(`/api/registry/teams/${team.id}/members`, {
      clientRequestId: uuidv7(),
      member: { practitionerId: practitioners.manager, role: 'TEAM_MEMBER_ROLE_HEALTH_MANAGER' },
    });

    expect(found.status).toBe(200);
    expect((found.body.practitioners as { id: string }[]).map((p) => p.id).sort()).toEqual(
      [practitioners.gp, practitioners.manager].sort(),
    );
    expect(created.status).toBe(201);
    expect(team).toMatchObject({ institutionId: centre.id, groupId: group.id, name: '南岗一号团队' });
    expect(teamOf(added).members).toEqual([
      { practitionerId: practitioners.gp, role: 'TEAM_MEMBER_ROLE_GENERAL_PRACTITIONER' },
      { practitionerId: practitioners.manager, role: 'TEAM_MEMBER_ROLE_HEALTH_MANAGER' },
    ]);
    expect(removed.status).toBe(200);
    expect(teamOf(removed).members).toEqual([
      { practitionerId: practitioners.gp, role: 'TEAM_MEMBER_ROLE_GENERAL_PRACTITIONER' },
    ]);
    expect(lastGp.status).toBe(409);
    expect(fieldsOf(lastGp)).toEqual([['practitionerId', 'TEAM_NEEDS_GENERAL_PRACTITIONER']]);
    expect(foreign.status).toBe(403);
    const listed = await operator.get(`/api/registry/teams?institutionId=${centre.id}`);
    expect((listed.body.teams as TeamJson[]).map((t) => t.id)).toEqual([team.id]);
    expect(teamOf(await operator.get(`/api/registry/teams/${team.id}`))).toEqual(teamOf(removed));
  });

  it("lets the centre's own staff add a member to its team", async () => {
    // The staff call as the level of the centre the gateway learns from the registry.
    await h.gatewayKnows(centre.id);
    const staff = await signedInAccount(h, operator, {
      username: 'staff.nangang',
      displayName: '南岗中心工作人员',
      role: 'institution-staff',
      institutionId: centre.id,
      groupId: group.id,
    });

    const added = await staff.post(`/api/registry/teams/${team.id}/members`, {
      clientRequestId: uuidv7(),
      member: { practitionerId: practitioners.manager, role: 'TEAM_MEMBER_ROLE_HEALTH_MANAGER' },
    });

    expect(added.status).toBe(200);
    expect(teamOf(added).members!.map((m) => m.practitionerId)).toEqual([
      practitioners.gp,
      practitioners.manager,
    ]);
  });
});
