import { Injectable } from '@nestjs/common';
import { mapUniqueViolations, UnitOfWork } from '@medgrid/database';
import { MedicalGroup } from '../../domain/medical-group';
import { MedicalGroupRepository } from '../../domain/medical-group.repository';
import { OrganisationError, OrganisationErrorCode } from '../../domain/organisation-error';
import { GroupMembershipOrmEntity } from './group-membership.orm-entity';
import { medicalGroupFromEntity, medicalGroupToEntity, membershipToEntity } from './medical-group.mapper';
import { MedicalGroupOrmEntity } from './medical-group.orm-entity';

/** Medical groups and their memberships in PostgreSQL; every method joins the current UnitOfWork transaction. */
@Injectable()
export class MedicalGroupTypeormRepository extends MedicalGroupRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get db() {
    return this.uow.manager();
  }

  async insert(group: MedicalGroup): Promise<void> {
    const snapshot = group.snapshot();
    await mapUniqueViolations(() => this.db.insert(MedicalGroupOrmEntity, medicalGroupToEntity(snapshot)), {
      medical_group_grid_uq: () =>
        new OrganisationError(
          OrganisationErrorCode.GridAlreadyHasGroup,
          'each grid has exactly one medical group',
          'gridId',
        ),
    });
    if (snapshot.memberships.length > 0) {
      await this.db.insert(
        GroupMembershipOrmEntity,
        snapshot.memberships.map((m) => membershipToEntity(snapshot.id, m)),
      );
    }
  }

  async update(group: MedicalGroup, expectedVersion: number): Promise<void> {
    const snapshot = group.snapshot();
    const result = await this.db.update(
      MedicalGroupOrmEntity,
      { id: snapshot.id, version: expectedVersion },
      medicalGroupToEntity(snapshot),
    );
    if (result.affected !== 1) {
      throw new OrganisationError(
        OrganisationErrorCode.VersionConflict,
        'the medical group was changed by someone else; read it again',
      );
    }
    await this.db.delete(GroupMembershipOrmEntity, { groupId: snapshot.id });
    if (snapshot.memberships.length === 0) return;
    await mapUniqueViolations(
      () =>
        this.db.insert(
          GroupMembershipOrmEntity,
          snapshot.memberships.map((m) => membershipToEntity(snapshot.id, m)),
        ),
      {
        group_membership_one_group_uq: () =>
          new OrganisationError(
            OrganisationErrorCode.AlreadyInAnotherGroup,
            'an institution can be a member of at most one medical group',
            'institutionId',
          ),
        group_membership_one_lead_uq: () =>
          new OrganisationError(
            OrganisationErrorCode.SecondLeadHospital,
            'a medical group has exactly one lead hospital',
            'role',
          ),
      },
    );
  }

  async findById(id: string, forUpdate = false): Promise<MedicalGroup | null> {
    const entity = await this.db.findOne(MedicalGroupOrmEntity, {
      where: { id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!entity) return null;
    const memberships = await this.db.find(GroupMembershipOrmEntity, {
      where: { groupId: id },
      order: { joinedAt: 'ASC', institutionId: 'ASC' },
    });
    return MedicalGroup.restore(medicalGroupFromEntity(entity, memberships));
  }

  async findIdByGrid(gridId: string): Promise<string | null> {
    const entity = await this.db.findOne(MedicalGroupOrmEntity, { where: { gridId }, select: { id: true } });
    return entity?.id ?? null;
  }
}
