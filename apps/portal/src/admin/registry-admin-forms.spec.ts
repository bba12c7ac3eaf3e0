import { describe, expect, it } from 'vitest';
import {
  creditCodeViolations,
  EMPTY_REGISTRATION,
  groupRequest,
  type InstitutionRegistrationDraft,
  membershipRequest,
  registrationRequest,
  teamMemberRequest,
  teamRequest,
  updateDraftOf,
  updateRequest,
} from './registry-admin-forms';

const REQUEST = '0193a000-0000-7000-8000-00000000c001';
const GRID = '0193a000-0000-7000-8000-0000000000b1';
const CENTRE = '0193a000-0000-7000-8000-0000000000a1';
const GP = '0193a000-0000-7000-8000-0000000000d1';
/** A credit code whose check character is right (GB 32100 MOD 31). */
const CREDIT_CODE = '91440101MA5CYUJQ0X';

const fieldsOf = (answer: { violations: { field: string; reason?: string }[] }) =>
  answer.violations.map((v) => [v.field, v.reason]);

const hospital: InstitutionRegistrationDraft = {
  creditCode: ` ${CREDIT_CODE.toLowerCase()} `,
  name: ' 黄埔区中心医院 ',
  level: 'INSTITUTION_LEVEL_TERTIARY',
  type: 'INSTITUTION_TYPE_GENERAL_HOSPITAL',
  gridId: GRID,
  address: ' 开创大道 1 号 ',
};

describe(creditCodeViolations.name, () => {
  it('accepts a code with its check character, read trimmed and upper case', () => {
    expect(creditCodeViolations(` ${CREDIT_CODE.toLowerCase()} `)).toEqual([]);
  });

  it.each([
    ['91440101', 'INVALID_LENGTH'],
    ['91440101MA5CYUJQOD', 'INVALID_CHARACTERS'],
    [`${CREDIT_CODE.slice(0, 17)}1`, 'INVALID_CHECK_CHARACTER'],
  ])('refuses %s as %s, the registry’s reason', (code, reason) => {
    expect(creditCodeViolations(code).map((v) => [v.field, v.reason])).toEqual([['creditCode', reason]]);
  });
});

describe(registrationRequest.name, () => {
  it('sends the code upper case and the texts trimmed, with the request id of the submission', () => {
    expect(registrationRequest(hospital, REQUEST)).toEqual({
      violations: [],
      request: {
        clientRequestId: REQUEST,
        creditCode: CREDIT_CODE,
        name: '黄埔区中心医院',
        level: 'INSTITUTION_LEVEL_TERTIARY',
        type: 'INSTITUTION_TYPE_GENERAL_HOSPITAL',
        gridId: GRID,
        address: '开创大道 1 号',
      },
    });
  });

  it('names every missing field at once, in the order the registry checks them, and sends nothing', () => {
    const answer = registrationRequest(EMPTY_REGISTRATION, REQUEST);

    expect(answer.request).toBeNull();
    expect(fieldsOf(answer)).toEqual([
      ['gridId', 'REQUIRED'],
      ['creditCode', 'INVALID_LENGTH'],
      ['name', 'REQUIRED'],
      ['level', 'REQUIRED'],
      ['type', 'REQUIRED'],
      ['address', 'REQUIRED'],
    ]);
  });

  it('refuses a name longer than the registry keeps', () => {
    expect(fieldsOf(registrationRequest({ ...hospital, name: '院'.repeat(201) }, REQUEST))).toEqual([
      ['name', 'TOO_LONG'],
    ]);
  });

  it('refuses a level the type does not allow once the fields are right (a tertiary village clinic)', () => {
    const clinic = { ...hospital, type: 'INSTITUTION_TYPE_VILLAGE_CLINIC' as const };

    expect(fieldsOf(registrationRequest(clinic, REQUEST))).toEqual([['level', 'LEVEL_DOES_NOT_FIT_TYPE']]);
  });
});

describe(updateRequest.name, () => {
  const read = {
    name: '南岗街社区卫生服务中心',
    level: 'INSTITUTION_LEVEL_PRIMARY',
    type: 'INSTITUTION_TYPE_COMMUNITY_HEALTH_CENTRE',
    address: '南岗街 8 号',
  };

  it('sends the details against the version read', () => {
    const draft = { ...updateDraftOf(read), name: ' 南岗街道社区卫生服务中心 ' };

    expect(updateRequest(draft, 3, REQUEST)).toEqual({
      violations: [],
      request: {
        clientRequestId: REQUEST,
        expectedVersion: 3,
        name: '南岗街道社区卫生服务中心',
        level: 'INSTITUTION_LEVEL_PRIMARY',
        type: 'INSTITUTION_TYPE_COMMUNITY_HEALTH_CENTRE',
        address: '南岗街 8 号',
      },
    });
  });

  it('leaves a level or type the page does not know unchosen, for the user to choose', () => {
    expect(
      updateDraftOf({ name: 'x', level: 'INSTITUTION_LEVEL_UNSPECIFIED', type: 'UNRECOGNIZED' }),
    ).toEqual({
      name: 'x',
      level: '',
      type: '',
      address: '',
    });
  });

  it('refuses an update without the version read, and a blank name', () => {
    expect(fieldsOf(updateRequest({ ...updateDraftOf(read), name: ' ' }, 0, REQUEST))).toEqual([
      ['expectedVersion', 'REQUIRED'],
      ['name', 'REQUIRED'],
    ]);
  });
});

describe(groupRequest.name, () => {
  it('sends a grid and a trimmed name', () => {
    expect(groupRequest({ gridId: GRID, name: ' 黄埔区医疗集团 ' }, REQUEST).request).toEqual({
      clientRequestId: REQUEST,
      gridId: GRID,
      name: '黄埔区医疗集团',
    });
  });

  it('refuses a grid that is not an id and a blank name', () => {
    expect(fieldsOf(groupRequest({ gridId: 'grid-1', name: '' }, REQUEST))).toEqual([
      ['gridId', 'INVALID_FORMAT'],
      ['name', 'REQUIRED'],
    ]);
  });
});

describe(membershipRequest.name, () => {
  const centre = { level: 'INSTITUTION_LEVEL_PRIMARY', type: 'INSTITUTION_TYPE_COMMUNITY_HEALTH_CENTRE' };

  it('sends the institution and its role', () => {
    expect(
      membershipRequest({ institutionId: CENTRE, role: 'MEMBERSHIP_ROLE_MEMBER' }, REQUEST, centre).request,
    ).toEqual({ clientRequestId: REQUEST, institutionId: CENTRE, role: 'MEMBERSHIP_ROLE_MEMBER' });
  });

  it('requires an institution and a role', () => {
    expect(fieldsOf(membershipRequest({ institutionId: '', role: '' }, REQUEST))).toEqual([
      ['institutionId', 'REQUIRED'],
      ['role', 'REQUIRED'],
    ]);
  });

  it('refuses a community centre as the lead or a collaborating unit, as the registry’s group does', () => {
    expect(
      fieldsOf(membershipRequest({ institutionId: CENTRE, role: 'MEMBERSHIP_ROLE_LEAD' }, REQUEST, centre)),
    ).toEqual([['institutionId', 'LEAD_MUST_BE_TERTIARY_GENERAL_HOSPITAL']]);
    expect(
      fieldsOf(
        membershipRequest({ institutionId: CENTRE, role: 'MEMBERSHIP_ROLE_COLLABORATING' }, REQUEST, centre),
      ),
    ).toEqual([['institutionId', 'COLLABORATOR_MUST_BE_SECONDARY_OR_TERTIARY']]);
  });

  it('leaves the rules of an institution it does not know to the registry', () => {
    expect(
      membershipRequest({ institutionId: CENTRE, role: 'MEMBERSHIP_ROLE_LEAD' }, REQUEST).violations,
    ).toEqual([]);
  });
});

describe(teamRequest.name, () => {
  const gp = { practitionerId: GP, role: 'TEAM_MEMBER_ROLE_GENERAL_PRACTITIONER' as const };

  it('sends the team at its institution with its first members', () => {
    expect(teamRequest({ name: ' 南岗一号团队 ', members: [gp] }, CENTRE, REQUEST).request).toEqual({
      clientRequestId: REQUEST,
      institutionId: CENTRE,
      name: '南岗一号团队',
      members: [gp],
    });
  });

  it('names each member’s field by its place, as the registry does', () => {
    const answer = teamRequest(
      { name: '团队', members: [gp, { practitionerId: '', role: '' }] },
      CENTRE,
      REQUEST,
    );

    expect(fieldsOf(answer)).toEqual([
      ['members[1].practitionerId', 'REQUIRED'],
      ['members[1].role', 'REQUIRED'],
    ]);
  });

  it('refuses a team without members, without an institution, and one without a general practitioner', () => {
    expect(fieldsOf(teamRequest({ name: '团队', members: [] }, '', REQUEST))).toEqual([
      ['institutionId', 'REQUIRED'],
      ['members', 'REQUIRED'],
    ]);
    expect(
      fieldsOf(
        teamRequest(
          { name: '团队', members: [{ practitionerId: GP, role: 'TEAM_MEMBER_ROLE_HEALTH_MANAGER' }] },
          CENTRE,
          REQUEST,
        ),
      ),
    ).toEqual([['members', 'TEAM_NEEDS_GENERAL_PRACTITIONER']]);
  });
});

describe(teamMemberRequest.name, () => {
  it('sends one member with its role', () => {
    expect(
      teamMemberRequest({ practitionerId: GP, role: 'TEAM_MEMBER_ROLE_SPECIALIST' }, REQUEST).request,
    ).toEqual({
      clientRequestId: REQUEST,
      member: { practitionerId: GP, role: 'TEAM_MEMBER_ROLE_SPECIALIST' },
    });
  });

  it('names the member’s fields as member.practitionerId and member.role', () => {
    expect(fieldsOf(teamMemberRequest({ practitionerId: 'p-1', role: '' }, REQUEST))).toEqual([
      ['member.practitionerId', 'INVALID_FORMAT'],
      ['member.role', 'REQUIRED'],
    ]);
  });
});
