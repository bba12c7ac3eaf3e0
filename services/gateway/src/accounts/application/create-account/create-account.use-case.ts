import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { PasswordHasher } from '../../domain/password-hasher';
import { type PortalUserView, viewOf } from '../../domain/portal-user';
import { PortalUserRepository } from '../../domain/portal-user.repository';
import { type CreateAccountCommand } from './create-account.command';

/**
 * Creates a local account with its password hashed. Run by the operator's command
 * (database/create-operator.ts) for the first city operator; a taken username is USERNAME_TAKEN
 * and changes nothing.
 */
@Injectable()
export class CreateAccountUseCase {
  constructor(
    private readonly users: PortalUserRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(command: CreateAccountCommand, now = new Date()): Promise<PortalUserView> {
    const user = {
      id: randomUUID(),
      username: command.username,
      displayName: command.displayName,
      role: command.role,
      cityId: command.cityId,
      institutionId: command.institutionId,
      groupId: command.groupId,
      passwordHash: await this.hasher.hash(command.password),
      failedAttempts: 0,
      lockedUntil: null,
      disabled: false,
      oidcSubject: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.users.insert(user);
    return viewOf(user);
  }
}
