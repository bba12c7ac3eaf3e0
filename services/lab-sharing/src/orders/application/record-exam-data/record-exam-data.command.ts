import { parseFields, refusal, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { type Modality, type Specimen } from '../../../recognition/domain/catalogue-item';
import { type EcgFormat, type ExamData } from '../../domain/exam-data';

/** An instant the request may leave out: read as an invalid instant, which the order's rules name. */
const instant = z
  .date()
  .optional()
  .transform((at) => at ?? new Date(Number.NaN));

const fields = z
  .object({
    clientRequestId: requestField.uuid(),
    orderId: requestField.uuid(),
    study: z
      .object({
        studyInstanceUid: z.string(),
        accessionNumber: z.string(),
        modalities: z.array(z.string()),
        performedAt: instant,
      })
      .optional(),
    trace: z
      .object({ traceId: z.string(), format: z.string(), leads: z.number(), recordedAt: instant })
      .optional(),
    specimen: z.object({ barcode: z.string(), specimen: z.string(), collectedAt: instant }).optional(),
  })
  .refine((r) => [r.study, r.trace, r.specimen].filter((data) => data !== undefined).length === 1, {
    ...refusal('REQUIRED', 'exactly one of study, trace or specimen, as the item needs'),
    path: ['exam'],
  });

export type RecordExamDataInput = z.input<typeof fields>;

/**
 * RecordExamData: the exam data the ordering site sends (a study, a trace or a specimen). The command checks
 * the request's shape; what the data must be (a well-formed StudyInstanceUID, the item's modality or specimen,
 * a time after the order) is the order's rule, answered field by field as the request carried it.
 */
export class RecordExamDataCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly orderId: string,
    readonly exam: ExamData,
  ) {}

  static create(input: RecordExamDataInput): RecordExamDataCommand {
    const f = parseFields(fields, input);
    const exam: ExamData = f.study
      ? {
          kind: 'imaging-study',
          study: {
            studyInstanceUid: f.study.studyInstanceUid.trim(),
            accessionNumber: f.study.accessionNumber,
            modalities: f.study.modalities.map((m) => m.trim().toUpperCase() as Modality),
            performedAt: f.study.performedAt,
          },
        }
      : f.trace
        ? {
            kind: 'ecg-trace',
            trace: {
              traceId: f.trace.traceId,
              format: f.trace.format.trim().toLowerCase() as EcgFormat,
              leads: f.trace.leads,
              recordedAt: f.trace.recordedAt,
            },
          }
        : {
            kind: 'specimen',
            specimen: {
              barcode: f.specimen!.barcode,
              specimen: f.specimen!.specimen.trim().toLowerCase() as Specimen,
              collectedAt: f.specimen!.collectedAt,
            },
          };
    return new RecordExamDataCommand(f.clientRequestId, f.orderId, exam);
  }
}
