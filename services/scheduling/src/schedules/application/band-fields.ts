import { refusal, requestField } from '@medgrid/errors';
import { isClockTime } from '../domain/clinic-time';

const clockTime = () =>
  requestField.matching(isClockTime, { reason: 'INVALID_FORMAT', description: 'must be HH:MM' });

/**
 * The fields of a band of local clock times (a session's or a template's) as `band` carries them:
 * HH:MM each, and an end after the start once both are times.
 */
export function bandFields(band: { readonly startTime: string; readonly endTime: string }) {
  const both = isClockTime(band.startTime) && isClockTime(band.endTime);
  return {
    startTime: clockTime(),
    endTime: clockTime().refine(
      (end) => !both || end > band.startTime,
      refusal('BEFORE_START', 'must be after startTime'),
    ),
  };
}
