import { Injectable } from '@nestjs/common';
import { type FieldViolation, ValidationError } from '@medgrid/errors';
import { CreateAccountCommand } from '../../../accounts/application/create-account/create-account.command';
import { CreateAccountUseCase } from '../../../accounts/application/create-account/create-account.use-case';
import { AccountsError, AccountsErrorCode } from '../../../accounts/domain/accounts-error';
import { type PortalUserView } from '../../../accounts/domain/portal-user';
import { PortalUserRepository } from '../../../accounts/domain/portal-user.repository';
import { scopeViolations } from '../../domain/account-scope';
import { requireAdministrator } from '../administration-access.policy';
import { RegistryScopes } from '../registry-scopes';
import { type CreateStaffAccountCommand } from './create-staff-account.command';

const USERNAME_TAKEN: FieldViolation = {
  field: 'username',
  reason: 'USERNAME_TAKEN',
  description: 'is taken by another account',
};

/**
 * POST /api/accounts: a city operator makes a group administrator or an institution's staff
 * member of its own city. The institution and group are checked with the registry, asked as the
 * operator; a taken username is refused with them, as a field, so the form shows every problem
 * at once. Nothing is stored unless all pass.
 */
@Injectable()
export class CreateStaffAccountUseCase {
  constructor(
    private readonly registry: RegistryScopes,
    private readonly users: PortalUserRepository,
    private readonly create: CreateAccountUseCase,
  ) {}

  async execute(
    operator: PortalUserView,
    command: CreateStaffAccountCommand,
    now = new Date(),
  ): Promise<PortalUserView> {
    requireAdministrator(operator);
    const [scope, existing] = await Promise.all([
      this.registry.scopeOf(operator, command.institutionId, command.groupId),
      this.users.byUsername(command.username),
    ]);
    const violations = [...(existing ? [USERNAME_TAKEN] : []), ...scopeViolations(scope)];
    if (violations.length > 0) throw new ValidationError(violations);
    try {
      return await this.create.execute(
        CreateAccountCommand.from({ ...command, cityId: operator.cityId }),
        now,
      );
    } catch (error) {
      // Taken between the look-up and the insert, by a concurrent request.
      if (error instanceof AccountsError && error.code === AccountsErrorCode.UsernameTaken) {
        throw new ValidationError([USERNAME_TAKEN]);
      }
      throw error;
    }
  }
}
