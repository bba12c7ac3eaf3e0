import { type FieldViolation, parseFields, refusal, requestField, ValidationError } from '@medgrid/errors';
import { z } from 'zod';
import { imagingStudyViolations } from '../../../orders/domain/exam-data';
import { recognitionField } from '../../../recognition/application/recognition-fields';
import { type Observation, observationViolations } from '../../../reporting/domain/observation';
import { OBSERVATIONS_MAX, TEXT_MAX } from '../../../reporting/domain/report';
import { type StudyReference } from '../../domain/result-record';

function fieldsOn(now: Date) {
  const notAfterNow = refusal('IN_THE_FUTURE', 'must not be after now');
  return z
    .object({
      clientRequestId: requestField.uuid(),
      patientResidentId: recognitionField.residentId(now),
      itemCode: recognitionField.itemCode(),
      performedAt: requestField
        .present<Date>('when the exam was performed')
        .refine((at) => at.getTime() <= now.getTime(), notAfterNow),
      reportedAt: requestField
        .present<Date>('when the result was reported')
        .refine((at) => at.getTime() <= now.getTime(), notAfterNow),
      observations: z
        .array(z.custom<Observation>())
        .max(OBSERVATIONS_MAX, refusal('TOO_MANY', `at most ${OBSERVATIONS_MAX}`)),
      conclusion: requestField.optionalText(TEXT_MAX),
      study: z.custom<StudyReference | null>(),
    })
    .superRefine((f, ctx) => {
      const add = (v: FieldViolation) =>
        ctx.addIssue({
          code: 'custom',
          path: [v.field],
          message: v.description,
          params: { reason: v.reason },
        });
      f.observations.forEach((o, i) => observationViolations(o, `observations[${i}]`).forEach(add));
      if (f.study) {
        // Zod runs this even when performedAt failed its own check (absent): the study's own fields are still
        // judged, and its time, which is the result's, is left to performedAt's violation.
        const performedAt = f.performedAt instanceof Date ? f.performedAt : now;
        imagingStudyViolations({ ...f.study, performedAt }, performedAt, now, 'study')
          .filter((v) => v.field !== 'study.performedAt')
          .forEach(add);
      }
    });
}

export type RecordResultInput = z.input<ReturnType<typeof fieldsOn>>;

/**
 * RecordResult: a partner's LIS or PACS records a result its institution performed. The item's kind and data
 * class come from the region's catalogue (the use case reads them).
 */
export class RecordResultCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly patientResidentId: string,
    readonly itemCode: string,
    readonly performedAt: Date,
    readonly reportedAt: Date,
    readonly observations: readonly Observation[],
    readonly conclusion: string,
    readonly study: StudyReference | null,
  ) {}

  static create(input: RecordResultInput, now = new Date()): RecordResultCommand {
    const f = parseFields(fieldsOn(now), input);
    if (f.reportedAt.getTime() < f.performedAt.getTime()) {
      throw new ValidationError([
        {
          field: 'reportedAt',
          reason: 'BEFORE_PERFORMED',
          description: 'a result is reported after it was performed',
        },
      ]);
    }
    return new RecordResultCommand(
      f.clientRequestId,
      f.patientResidentId,
      f.itemCode,
      f.performedAt,
      f.reportedAt,
      f.observations,
      f.conclusion,
      f.study,
    );
  }
}
