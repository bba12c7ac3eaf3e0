import { type UnitOfWork } from '@medgrid/database';
import { lockOrder } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { type RegistryFixtures, RegistryTestDatabase } from '../../../test/registry-fixtures';
import { FamilyDoctorTeam, type FamilyDoctorTeamSnapshot } from '../../domain/family-doctor-team';
import { FamilyDoctorTeamTypeormRepository } from './family-doctor-team.typeorm-repository';

describe(FamilyDoctorTeamTypeormRepository.name, () => {
  let db: RegistryTestDatabase;
  let uow: UnitOfWork;
  let given: RegistryFixtures;
  let sut: FamilyDoctorTeamTypeormRepository;

  beforeAll(async () => {
    db = await RegistryTestDatabase.create('family_doctor_team_repository');
    uow = db.uow;
    given = db.given;
    sut = new FamilyDoctorTeamTypeormRepository(db.uow);
  });

  afterAll(() => db?.close());

  /** A primary institution of a group with three of its practitioners. */
  async function aCentre() {
    const centre = await given.institution({ groupId: uuidv7() });
    return {
      centre: { id: centre.id, groupId: centre.groupId! },
      gp: (await given.practitioner(centre.id)).id,
      nurse: (await given.practitioner(centre.id)).id,
      manager: (await given.practitioner(centre.id)).id,
    };
  }

  it('stores a team and reads back every field, members in the order they joined', async () => {
    const { centre, gp, nurse, manager } = await aCentre();
    const stored: FamilyDoctorTeamSnapshot = {
      id: uuidv7(),
      institutionId: centre.id,
      groupId: centre.groupId,
      name: '一号团队',
      version: 3,
      members: [
        { practitionerId: manager, role: 'health-manager' },
        { practitionerId: gp, role: 'general-practitioner' },
        { practitionerId: nurse, role: 'specialist' },
      ],
    };

    await sut.insert(FamilyDoctorTeam.restore(stored));

    expect((await sut.findById(stored.id))?.snapshot()).toEqual(stored);
    expect(await sut.findById(uuidv7())).toBeNull();
  });

  it('refuses a second team of one name at an institution, naming name', async () => {
    const { centre, gp } = await aCentre();
    const existing = await given.team(centre);

    await expect(
      sut.insert(
        FamilyDoctorTeam.restore({
          ...existing,
          id: uuidv7(),
          members: [{ practitionerId: gp, role: 'general-practitioner' }],
        }),
      ),
    ).rejects.toMatchObject({
      code: 'DUPLICATE_TEAM_NAME',
      violations: [expect.objectContaining({ field: 'name' })],
    });
  });

  it('replaces the members and the version at the version it was read at', async () => {
    const { centre, gp, nurse, manager } = await aCentre();
    const created = await given.team(centre, [{ practitionerId: gp, role: 'general-practitioner' }]);
    const changed = FamilyDoctorTeam.restore({
      ...created,
      version: 2,
      members: [
        { practitionerId: manager, role: 'health-manager' },
        { practitionerId: nurse, role: 'general-practitioner' },
      ],
    });

    await sut.update(changed, 1);

    expect((await sut.findById(created.id))?.snapshot()).toEqual(changed.snapshot());
  });

  it('refuses to update a team that changed since it was read, changing nothing', async () => {
    const { centre, gp, nurse } = await aCentre();
    const created = await given.team(centre, [{ practitionerId: gp, role: 'general-practitioner' }]);
    const first = { ...created, version: 2 };
    await sut.update(FamilyDoctorTeam.restore(first), 1);
    const stale = {
      ...created,
      version: 2,
      members: [{ practitionerId: nurse, role: 'general-practitioner' as const }],
    };

    await expect(sut.update(FamilyDoctorTeam.restore(stale), 1)).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
    });
    expect((await sut.findById(created.id))?.snapshot()).toEqual(first);
  });

  it('lists an institution’s teams by name, each with its own members, no other institution’s', async () => {
    const { centre, gp, nurse } = await aCentre();
    const other = await aCentre();
    const zeta = FamilyDoctorTeam.restore({
      id: uuidv7(),
      institutionId: centre.id,
      groupId: centre.groupId,
      name: 'Zeta',
      version: 1,
      members: [{ practitionerId: gp, role: 'general-practitioner' }],
    });
    const alpha = FamilyDoctorTeam.restore({
      ...zeta.snapshot(),
      id: uuidv7(),
      name: 'Alpha',
      members: [
        { practitionerId: nurse, role: 'general-practitioner' },
        { practitionerId: gp, role: 'specialist' },
      ],
    });
    await sut.insert(zeta);
    await sut.insert(alpha);
    await given.team(other.centre);

    expect((await sut.listByInstitution(centre.id)).map((t) => t.snapshot())).toEqual([
      alpha.snapshot(),
      zeta.snapshot(),
    ]);
    expect(await sut.listByInstitution(uuidv7())).toEqual([]);
  });

  it('holds a team read for update until its transaction ends; the next reader sees its change', async () => {
    const { centre, gp, nurse } = await aCentre();
    const created = await given.team(centre, [{ practitionerId: gp, role: 'general-practitioner' }]);
    let seen = 0;

    const order = await lockOrder(
      (letGo, locked) =>
        uow.run(async () => {
          const team = (await sut.findById(created.id, true))!;
          locked();
          await letGo;
          await sut.update(
            FamilyDoctorTeam.restore({
              ...team.snapshot(),
              version: 2,
              members: [...team.snapshot().members, { practitionerId: nurse, role: 'general-practitioner' }],
            }),
            1,
          );
        }),
      () =>
        uow.run(async () => {
          seen = (await sut.findById(created.id, true))!.snapshot().members.length;
        }),
    );

    expect(order).toEqual(['released', 'holder done', 'waiter done']);
    expect(seen).toBe(2);
  });
});
