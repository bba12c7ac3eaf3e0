import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import {
  passwordRule,
  usernameRule,
} from '../../../accounts/application/create-account/create-account.command';
import { ADMINISTERED_ROLES } from '../administration-access.policy';

const fields = z.object({
  username: usernameRule(),
  displayName: requestField.text(100),
  role: requestField
    .matching((value) => (ADMINISTERED_ROLES as readonly string[]).includes(value), {
      reason: 'ROLE_NOT_ALLOWED',
      description: `must be one of ${ADMINISTERED_ROLES.join(', ')}`,
    })
    .transform((value) => value as (typeof ADMINISTERED_ROLES)[number]),
  institutionId: requestField.uuid(),
  groupId: requestField.uuid(),
  password: passwordRule(),
});

/**
 * POST /api/accounts: a group administrator or an institution's staff member of the operator's
 * city, bound to an institution and its group; every bad field is reported at once.
 */
export class CreateStaffAccountCommand {
  private constructor(
    readonly username: string,
    readonly displayName: string,
    readonly role: (typeof ADMINISTERED_ROLES)[number],
    readonly institutionId: string,
    readonly groupId: string,
    readonly password: string,
  ) {}

  static from(body: unknown): CreateStaffAccountCommand {
    const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const f = parseFields(fields, {
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      institutionId: input.institutionId,
      groupId: input.groupId,
      password: input.password,
    } as never);
    return new CreateStaffAccountCommand(
      f.username,
      f.displayName,
      f.role,
      f.institutionId,
      f.groupId,
      f.password,
    );
  }
}
