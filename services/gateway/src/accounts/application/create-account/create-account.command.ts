import { parseFields, refusal, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { normaliseUsername, PORTAL_ROLES, type PortalRole } from '../../domain/portal-user';

/** Passwords of at least 12 characters (NIST SP 800-63B asks 8 at least; the city asks more). */
export const MIN_PASSWORD_LENGTH = 12;

/** A new account's username, as stored: trimmed, lower-cased, letters, digits and . _ @ - only. */
export const usernameRule = () =>
  requestField
    .text(100)
    .transform(normaliseUsername)
    .refine(
      (value) => /^[a-z0-9][a-z0-9._@-]*$/.test(value),
      refusal('INVALID_FORMAT', 'letters, digits and . _ @ - only'),
    );

/** A new password: at least MIN_PASSWORD_LENGTH characters, taken as typed (never trimmed). */
export const passwordRule = () =>
  z
    .string({ message: 'is required' })
    .refine(
      (value) => value.length >= MIN_PASSWORD_LENGTH,
      refusal('TOO_SHORT', `must be at least ${MIN_PASSWORD_LENGTH} characters`),
    )
    .refine((value) => value.length <= 1024, refusal('TOO_LONG', 'must be at most 1024 characters'));

const schema = z
  .object({
    username: usernameRule(),
    displayName: requestField.text(100),
    role: z.enum(PORTAL_ROLES, { message: `must be one of ${PORTAL_ROLES.join(', ')}` }),
    cityId: requestField.uuid(),
    institutionId: requestField.optionalUuid(),
    groupId: requestField.optionalUuid(),
    password: passwordRule(),
  })
  .superRefine((value, ctx) => {
    const bound = value.role !== 'city-operator';
    for (const field of ['institutionId', 'groupId'] as const) {
      if (bound && !value[field]) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `is required for ${value.role}`,
          params: { reason: 'REQUIRED' },
        });
      }
      if (!bound && value[field]) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: 'a city operator is bound to no institution or group',
          params: { reason: 'NOT_ALLOWED' },
        });
      }
    }
  });

/** A new local account; every bad field is reported at once. */
export class CreateAccountCommand {
  private constructor(
    readonly username: string,
    readonly displayName: string,
    readonly role: PortalRole,
    readonly cityId: string,
    readonly institutionId: string | null,
    readonly groupId: string | null,
    readonly password: string,
  ) {}

  static from(input: {
    username: string;
    displayName: string;
    role: string;
    cityId: string;
    institutionId?: string;
    groupId?: string;
    password: string;
  }): CreateAccountCommand {
    const fields = parseFields(schema, {
      ...input,
      institutionId: input.institutionId ?? '',
      groupId: input.groupId ?? '',
    } as never);
    return new CreateAccountCommand(
      fields.username,
      fields.displayName,
      fields.role,
      fields.cityId,
      fields.institutionId || null,
      fields.groupId || null,
      fields.password,
    );
  }
}
