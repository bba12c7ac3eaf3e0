import { FieldChecks } from '@medgrid/errors';

/** ListScheduleTemplates: the hospital whose templates are asked for. */
export class ListScheduleTemplatesQuery {
  private constructor(readonly institutionId: string) {}

  static create(input: { institutionId: string }): ListScheduleTemplatesQuery {
    new FieldChecks().uuid('institutionId', input.institutionId).throwIfAny();
    return new ListScheduleTemplatesQuery(input.institutionId);
  }
}
