import { type InstitutionClass } from './institution-classification';
import { type CandidateInstitution, MedicalGroup } from './medical-group';

let next = 0;
const id = () => `0193a000-0000-7000-8000-${String(++next).padStart(12, '0')}`;
const now = new Date('2026-11-23T01:00:00Z');

function institution(cls: InstitutionClass, groupId: string | null = null): CandidateInstitution {
  return { id: id(), groupId, ...cls };
}
const tertiaryGeneral = () => institution({ level: 'tertiary', type: 'general-hospital' });
const secondaryGeneral = () => institution({ level: 'secondary', type: 'general-hospital' });
const nursingHome = () => institution({ level: 'secondary', type: 'nursing-home' });
const communityCentre = () => institution({ level: 'primary', type: 'community-health-centre' });

describe(MedicalGroup.name, () => {
  let sut: MedicalGroup;
  const known = new Map<string, InstitutionClass>();
  const classOf = (institutionId: string) => known.get(institutionId);
  const add = (candidate: CandidateInstitution, role: 'lead' | 'member' | 'collaborating') => {
    known.set(candidate.id, candidate);
    sut.addMembership(candidate, role, now);
    return candidate;
  };

  beforeEach(() => {
    sut = MedicalGroup.create({ id: id(), gridId: id(), name: '黄埔区紧密型城市医疗集团' });
    sut.pullEvents();
  });

  it('takes a tertiary general hospital as its lead and records the change', () => {
    const lead = add(tertiaryGeneral(), 'lead');

    expect(sut.leadInstitutionId).toBe(lead.id);
    expect(sut.pullEvents()).toEqual([
      expect.objectContaining({ change: 'membership-added', institutionId: lead.id }),
    ]);
    expect(sut.snapshot().version).toBe(2);
  });

  it.each<InstitutionClass>([
    { level: 'secondary', type: 'general-hospital' },
    { level: 'tertiary', type: 'specialist-hospital' },
    { level: 'tertiary', type: 'tcm-hospital' },
    { level: 'primary', type: 'community-health-centre' },
  ])('refuses a %j as lead', (cls) => {
    expect(() => add(institution(cls), 'lead')).toThrow(
      expect.objectContaining({ code: 'LEAD_MUST_BE_TERTIARY_GENERAL_HOSPITAL' }) as Error,
    );
  });

  it('refuses a second lead hospital', () => {
    add(tertiaryGeneral(), 'lead');

    expect(() => add(tertiaryGeneral(), 'lead')).toThrow(
      expect.objectContaining({ code: 'SECOND_LEAD_HOSPITAL' }) as Error,
    );
  });

  it('refuses a member that already belongs to another group', () => {
    const elsewhere = institution({ level: 'primary', type: 'township-health-centre' }, id());

    expect(() => add(elsewhere, 'member')).toThrow(
      expect.objectContaining({
        code: 'ALREADY_MEMBER_OF_ANOTHER_GROUP',
        category: 'failed-precondition',
      }) as Error,
    );
  });

  it('lets a provincial hospital collaborate although it leads another group', () => {
    const provincial = institution({ level: 'tertiary', type: 'general-hospital' }, id());

    add(provincial, 'collaborating');

    expect(sut.roleOf(provincial.id)).toBe('collaborating');
  });

  it('refuses a primary institution as a collaborating unit', () => {
    expect(() => add(communityCentre(), 'collaborating')).toThrow(
      expect.objectContaining({ code: 'COLLABORATOR_MUST_BE_SECONDARY_OR_TERTIARY' }) as Error,
    );
  });

  it('refuses an institution twice', () => {
    const centre = add(communityCentre(), 'member');

    expect(() => add(centre, 'collaborating')).toThrow(
      expect.objectContaining({ code: 'ALREADY_IN_THIS_GROUP' }) as Error,
    );
  });

  it('is complete with a lead and a secondary general hospital or a continuing-care member', () => {
    add(tertiaryGeneral(), 'lead');
    add(communityCentre(), 'member');
    expect(sut.isComplete(classOf)).toBe(false);

    add(nursingHome(), 'member');

    expect(sut.isComplete(classOf)).toBe(true);
  });

  it('keeps its last secondary or continuing-care member while other members remain', () => {
    add(tertiaryGeneral(), 'lead');
    const anchor = add(secondaryGeneral(), 'member');
    add(communityCentre(), 'member');

    expect(() => sut.removeMembership(anchor.id, classOf)).toThrow(
      expect.objectContaining({ code: 'GROUP_NEEDS_SECONDARY_OR_CONTINUING_CARE_MEMBER' }) as Error,
    );
    expect(sut.roleOf(anchor.id)).toBe('member');
  });

  it('lets an anchor leave when another anchor remains', () => {
    add(tertiaryGeneral(), 'lead');
    const first = add(secondaryGeneral(), 'member');
    add(nursingHome(), 'member');
    add(communityCentre(), 'member');

    sut.removeMembership(first.id, classOf);

    expect(sut.roleOf(first.id)).toBeNull();
    expect(sut.isComplete(classOf)).toBe(true);
  });

  it('keeps the lead while members remain', () => {
    const lead = add(tertiaryGeneral(), 'lead');
    add(communityCentre(), 'member');

    expect(() => sut.removeMembership(lead.id, classOf)).toThrow(
      expect.objectContaining({ code: 'LEAD_CANNOT_LEAVE_WHILE_MEMBERS_REMAIN' }) as Error,
    );
  });

  it('refuses to remove an institution that is not in the group', () => {
    expect(() => sut.removeMembership(id(), classOf)).toThrow(
      expect.objectContaining({ code: 'NOT_A_MEMBER' }) as Error,
    );
  });
});
