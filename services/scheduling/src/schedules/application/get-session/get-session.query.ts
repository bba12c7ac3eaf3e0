import { FieldChecks } from '@medgrid/errors';

/** GetSession: one session with its free slots. */
export class GetSessionQuery {
  private constructor(
    /** Lower case. */
    readonly sessionId: string,
  ) {}

  static create(input: { sessionId: string }): GetSessionQuery {
    new FieldChecks().uuid('sessionId', input.sessionId).throwIfAny();
    return new GetSessionQuery(input.sessionId.toLowerCase());
  }
}
