import { parseFields, refusal, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { normaliseUsername } from '../../domain/portal-user';

const schema = z.object({
  username: requestField.text(100).transform(normaliseUsername),
  // Passwords are taken as typed: never trimmed. 1024 bounds the hashing work a request can ask for.
  password: z
    .string({ message: 'is required' })
    .refine((value) => value.length > 0, refusal('REQUIRED', 'is required', true))
    .refine((value) => value.length <= 1024, refusal('TOO_LONG', 'must be at most 1024 characters')),
});

/** A sign-in with a username and password; every bad field is reported at once. */
export class SignInCommand {
  private constructor(
    readonly username: string,
    readonly password: string,
  ) {}

  static from(body: unknown): SignInCommand {
    const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const fields = parseFields(schema, { username: input.username, password: input.password } as never);
    return new SignInCommand(fields.username, fields.password);
  }
}
