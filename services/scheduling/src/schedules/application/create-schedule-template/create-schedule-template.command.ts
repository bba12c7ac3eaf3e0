import { FieldChecks } from '@medgrid/errors';
import { type ScheduleTemplateSnapshot } from '../../domain/schedule-template';

/** The template as the caller sends it: the hospital's group and the department's specialty come from the registry. */
export type TemplateInput = Omit<ScheduleTemplateSnapshot, 'id' | 'groupId' | 'specialtyCode'>;

/** CreateScheduleTemplate: a weekly pattern of sessions; the pattern's own rules are the template's. */
export class CreateScheduleTemplateCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly template: TemplateInput,
  ) {}

  /** Reports every bad id at once, named as the request carries it (`template.departmentId`). */
  static create(input: { clientRequestId: string; template: TemplateInput }): CreateScheduleTemplateCommand {
    const { template } = input;
    const checks = new FieldChecks()
      .uuid('clientRequestId', input.clientRequestId)
      .uuid('template.institutionId', template.institutionId)
      .uuid('template.departmentId', template.departmentId);
    if (template.practitionerId) checks.uuid('template.practitionerId', template.practitionerId);
    checks.throwIfAny();
    return new CreateScheduleTemplateCommand(input.clientRequestId, template);
  }
}
