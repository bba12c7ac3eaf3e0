import { Injectable } from '@nestjs/common';
import { mapUniqueViolations } from '@medgrid/database';
import { DataSource, MoreThan } from 'typeorm';
import { AccountsError, AccountsErrorCode } from '../../domain/accounts-error';
import { type LockState } from '../../domain/lockout';
import { type PortalUser } from '../../domain/portal-user';
import { PortalUserRepository } from '../../domain/portal-user.repository';
import { userFromEntity, userToEntity } from './portal-user.mapper';
import { PortalUserOrmEntity } from './portal-user.orm-entity';

@Injectable()
export class PortalUserTypeormRepository extends PortalUserRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async insert(user: PortalUser): Promise<void> {
    await mapUniqueViolations(
      () => this.dataSource.getRepository(PortalUserOrmEntity).insert(userToEntity(user)),
      {
        portal_user_username_key: () =>
          new AccountsError(AccountsErrorCode.UsernameTaken, `username ${user.username} is taken`),
      },
    );
  }

  async byId(id: string): Promise<PortalUser | null> {
    const entity = await this.dataSource.getRepository(PortalUserOrmEntity).findOneBy({ id });
    return entity ? userFromEntity(entity) : null;
  }

  async byOidcSubject(subject: string): Promise<PortalUser | null> {
    const entity = await this.dataSource
      .getRepository(PortalUserOrmEntity)
      .findOneBy({ oidcSubject: subject });
    return entity ? userFromEntity(entity) : null;
  }

  async byUsername(username: string): Promise<PortalUser | null> {
    const entity = await this.dataSource.getRepository(PortalUserOrmEntity).findOneBy({ username });
    return entity ? userFromEntity(entity) : null;
  }

  async pageOfCity(cityId: string, afterUsername: string | null, limit: number): Promise<PortalUser[]> {
    const entities = await this.dataSource.getRepository(PortalUserOrmEntity).find({
      where: { cityId, ...(afterUsername === null ? {} : { username: MoreThan(afterUsername) }) },
      order: { username: 'ASC' },
      take: limit,
    });
    return entities.map(userFromEntity);
  }

  async disable(id: string, now: Date): Promise<void> {
    await this.dataSource
      .getRepository(PortalUserOrmEntity)
      .update({ id, disabled: false }, { disabled: true, updatedAt: now });
  }

  async withLockedAccount<T>(
    username: string,
    work: (user: PortalUser | null) => Promise<{ lockState: LockState | null; result: T }>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(PortalUserOrmEntity);
      const entity = await repository.findOne({ where: { username }, lock: { mode: 'pessimistic_write' } });
      const { lockState, result } = await work(entity ? userFromEntity(entity) : null);
      if (entity && lockState) {
        await repository.update(
          { id: entity.id },
          {
            failedAttempts: lockState.failedAttempts,
            lockedUntil: lockState.lockedUntil,
            updatedAt: new Date(),
          },
        );
      }
      return result;
    });
  }
}
