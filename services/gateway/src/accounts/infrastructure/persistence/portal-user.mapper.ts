import { type PortalSession } from '../../domain/portal-session';
import { type PortalUser } from '../../domain/portal-user';
import { PortalSessionOrmEntity } from './portal-session.orm-entity';
import { PortalUserOrmEntity } from './portal-user.orm-entity';

export function userFromEntity(entity: PortalUserOrmEntity): PortalUser {
  return {
    id: entity.id,
    username: entity.username,
    displayName: entity.displayName,
    role: entity.role,
    cityId: entity.cityId,
    institutionId: entity.institutionId,
    groupId: entity.groupId,
    passwordHash: entity.passwordHash,
    failedAttempts: entity.failedAttempts,
    lockedUntil: entity.lockedUntil,
    disabled: entity.disabled,
    oidcSubject: entity.oidcSubject,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

export function userToEntity(user: PortalUser): PortalUserOrmEntity {
  const entity = new PortalUserOrmEntity();
  entity.id = user.id;
  entity.username = user.username;
  entity.displayName = user.displayName;
  entity.role = user.role;
  entity.cityId = user.cityId;
  entity.institutionId = user.institutionId;
  entity.groupId = user.groupId;
  entity.passwordHash = user.passwordHash;
  entity.failedAttempts = user.failedAttempts;
  entity.lockedUntil = user.lockedUntil;
  entity.disabled = user.disabled;
  entity.oidcSubject = user.oidcSubject;
  entity.createdAt = user.createdAt;
  entity.updatedAt = user.updatedAt;
  return entity;
}

export function sessionFromEntity(entity: PortalSessionOrmEntity): PortalSession {
  return {
    idHash: entity.idHash,
    userId: entity.userId,
    createdAt: entity.createdAt,
    lastSeenAt: entity.lastSeenAt,
    expiresAt: entity.expiresAt,
    userAgent: entity.userAgent,
    ipAddress: entity.ipAddress,
  };
}

export function sessionToEntity(session: PortalSession): PortalSessionOrmEntity {
  const entity = new PortalSessionOrmEntity();
  entity.idHash = session.idHash;
  entity.userId = session.userId;
  entity.createdAt = session.createdAt;
  entity.lastSeenAt = session.lastSeenAt;
  entity.expiresAt = session.expiresAt;
  entity.userAgent = session.userAgent;
  entity.ipAddress = session.ipAddress;
  return entity;
}
