import { refusal, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { type DataClass } from '../../common/data-class';
import { type Observation } from '../domain/observation';
import { type ReportContent } from '../domain/report';

/** Report content as a request carries it: an observation's value may be missing (the mapper read none). */
export interface ReportContentInput {
  readonly findings: string;
  readonly conclusion: string;
  readonly observations: readonly (Omit<Observation, 'value'> & {
    readonly value: Observation['value'] | null;
  })[];
  readonly critical: boolean;
  readonly criticalNote: string | null;
  readonly dataClass: string;
}

/** The request field rules of reporting's commands; the content's own rules are the report's (contentViolations). */
export const reportField = {
  /** A step on a report names its request and the report. */
  step() {
    return { clientRequestId: requestField.uuid(), reportId: requestField.uuid() };
  },

  /** Content whose observations each carry a value; the rest is checked by the report, field by field. */
  content() {
    return z
      .custom<ReportContentInput | undefined>()
      .refine((c) => c !== undefined, refusal('REQUIRED', 'the report content', true))
      .superRefine((content, ctx) => {
        content?.observations.forEach((o, i) => {
          if (o.value === null) {
            ctx.addIssue({
              code: 'custom',
              path: ['observations', i, 'value'],
              message: 'one of quantity, coded or text',
              params: { reason: 'REQUIRED' },
            });
          }
        });
      })
      .transform((content): ReportContent => ({
        findings: content.findings,
        conclusion: content.conclusion,
        observations: content.observations.map((o) => ({ ...o, value: o.value! })),
        critical: content.critical,
        criticalNote: content.criticalNote?.trim() ? content.criticalNote : null,
        dataClass: (content.dataClass.trim() || 'general') as DataClass,
      }));
  },
};
