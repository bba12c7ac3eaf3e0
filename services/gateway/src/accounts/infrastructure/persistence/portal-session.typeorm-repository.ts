import { Injectable } from '@nestjs/common';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { type PortalSession } from '../../domain/portal-session';
import { PortalSessionRepository } from '../../domain/portal-session.repository';
import { type PortalUser } from '../../domain/portal-user';
import { sessionFromEntity, sessionToEntity, userFromEntity } from './portal-user.mapper';
import { PortalSessionOrmEntity } from './portal-session.orm-entity';
import { PortalUserOrmEntity } from './portal-user.orm-entity';

@Injectable()
export class PortalSessionTypeormRepository extends PortalSessionRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async insert(session: PortalSession): Promise<void> {
    await this.dataSource.getRepository(PortalSessionOrmEntity).insert(sessionToEntity(session));
  }

  async withUser(idHash: string): Promise<{ session: PortalSession; user: PortalUser } | null> {
    const session = await this.dataSource.getRepository(PortalSessionOrmEntity).findOneBy({ idHash });
    if (!session) return null;
    const user = await this.dataSource.getRepository(PortalUserOrmEntity).findOneBy({ id: session.userId });
    return user ? { session: sessionFromEntity(session), user: userFromEntity(user) } : null;
  }

  async touch(idHash: string, lastSeenAt: Date): Promise<void> {
    await this.dataSource.getRepository(PortalSessionOrmEntity).update({ idHash }, { lastSeenAt });
  }

  async delete(idHash: string): Promise<void> {
    await this.dataSource.getRepository(PortalSessionOrmEntity).delete({ idHash });
  }

  async deleteOfUser(userId: string): Promise<number> {
    const result = await this.dataSource.getRepository(PortalSessionOrmEntity).delete({ userId });
    return result.affected ?? 0;
  }

  async deleteEndedBefore(absoluteNow: Date, idleSince: Date): Promise<number> {
    const repository = this.dataSource.getRepository(PortalSessionOrmEntity);
    const expired = await repository.delete({ expiresAt: LessThanOrEqual(absoluteNow) });
    const idle = await repository.delete({ lastSeenAt: LessThanOrEqual(idleSince) });
    return (expired.affected ?? 0) + (idle.affected ?? 0);
  }
}
