import { randomUUID } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { CreateAccountCommand } from '../accounts/application/create-account/create-account.command';
import { CreateAccountUseCase } from '../accounts/application/create-account/create-account.use-case';
import { type PortalRole, type PortalUserView } from '../accounts/domain/portal-user';
import { PortalUserTypeormRepository } from '../accounts/infrastructure/persistence/portal-user.typeorm-repository';
import { Argon2PasswordHasher } from '../accounts/infrastructure/security/argon2-password-hasher';

export const PASSWORD = 'correct horse battery staple';

/** A stored account of `role` (bound to the given or a fresh institution and group). */
export async function anAccount(
  dataSource: DataSource,
  role: PortalRole,
  scope: { cityId?: string; institutionId?: string; groupId?: string; username?: string } = {},
): Promise<PortalUserView> {
  const bound = role !== 'city-operator';
  return new CreateAccountUseCase(
    new PortalUserTypeormRepository(dataSource),
    new Argon2PasswordHasher(1024),
  ).execute(
    CreateAccountCommand.from({
      username: scope.username ?? `${role}.${randomUUID().slice(0, 8)}`,
      displayName: role,
      role,
      cityId: scope.cityId ?? randomUUID(),
      institutionId: bound ? (scope.institutionId ?? randomUUID()) : undefined,
      groupId: bound ? (scope.groupId ?? randomUUID()) : undefined,
      password: PASSWORD,
    }),
  );
}
