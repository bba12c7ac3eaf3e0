import { parseFields, requestField } from '@medgrid/errors';
import { isLocalDate, localDate } from '@medgrid/kernel';
import { z } from 'zod';
import { schedulingField } from '../../../common/scheduling-fields';
import {
  MAX_SESSION_CAPACITY,
  type ScheduleTemplateSnapshot,
  validUntilProblems,
} from '../../domain/schedule-template';
import { bandFields } from '../band-fields';

/** The template as the caller sends it: the hospital's group and the department's specialty come from the registry. */
export type TemplateInput = Omit<ScheduleTemplateSnapshot, 'id' | 'groupId' | 'specialtyCode'>;

/** The fields of `input` made on local date `today`: the template's band and validity are judged as a whole. */
function fieldsOf(input: { template: TemplateInput }, today: string) {
  const { template } = input;
  return z.object({
    clientRequestId: requestField.uuid(),
    template: z.object({
      institutionId: requestField.uuid(),
      departmentId: requestField.uuid(),
      /** Empty for a department's sessions. */
      practitionerId: schedulingField.uuidOrEmpty(),
      weekday: schedulingField.wholeNumber(1, 7, 'must be 1 (Monday) to 7 (Sunday)'),
      ...bandFields(template),
      capacity: schedulingField.wholeNumber(1, MAX_SESSION_CAPACITY, `must be 1 to ${MAX_SESSION_CAPACITY}`),
      validFrom: schedulingField.localDate(),
      validUntil: requestField.checked(
        requestField.matching((date) => date === '' || isLocalDate(date), {
          reason: 'INVALID_FORMAT',
          description: 'must be a date YYYY-MM-DD or empty',
        }),
        (validUntil) => validUntilProblems(validUntil, template.validFrom, today),
      ),
    }),
  });
}

/** CreateScheduleTemplate: a weekly pattern of sessions of a department or doctor. */
export class CreateScheduleTemplateCommand {
  private constructor(
    /** Lower case, like the template's ids. */
    readonly clientRequestId: string,
    readonly template: TemplateInput,
  ) {}

  /**
   * Reports every bad field at once, named as the request carries it (`template.departmentId`);
   * `now` is the day a template's validity may not have ended by.
   */
  static create(
    input: { clientRequestId: string; template: TemplateInput },
    now = new Date(),
  ): CreateScheduleTemplateCommand {
    const { clientRequestId, template } = parseFields(fieldsOf(input, localDate(now)), input);
    return new CreateScheduleTemplateCommand(clientRequestId, template);
  }
}
