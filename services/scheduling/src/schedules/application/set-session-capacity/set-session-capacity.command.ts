import { FieldChecks } from '@medgrid/errors';

/** SetSessionCapacity: one session resized (more or fewer slots). */
export class SetSessionCapacityCommand {
  private constructor(
    readonly clientRequestId: string,
    /** Lower case. */
    readonly sessionId: string,
    /** 0 to 500. */
    readonly capacity: number,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: {
    clientRequestId: string;
    sessionId: string;
    capacity: number;
  }): SetSessionCapacityCommand {
    new FieldChecks()
      .uuid('clientRequestId', input.clientRequestId)
      .uuid('sessionId', input.sessionId)
      .check(
        'capacity',
        Number.isInteger(input.capacity) && input.capacity >= 0 && input.capacity <= 500,
        'OUT_OF_RANGE',
        'must be 0 to 500',
      )
      .throwIfAny();
    return new SetSessionCapacityCommand(
      input.clientRequestId,
      input.sessionId.toLowerCase(),
      input.capacity,
    );
  }
}
