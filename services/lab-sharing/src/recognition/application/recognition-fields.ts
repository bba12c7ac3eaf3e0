import { refusal, requestField } from '@medgrid/errors';
import { RESIDENT_ID_PROBLEM_TEXT, residentIdProblem } from '@medgrid/kernel';
import { z } from 'zod';
import { CODE_MAX } from '../domain/catalogue-item';

const ITEM_CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

/** The request field rules the recognition operations share (and the result registry's), beside requestField. */
export const recognitionField = {
  /** A GB 11643 resident ID number, read upper case; its birth date is judged against `now`'s day. */
  residentId(now: Date) {
    return requestField.parsed<string>((raw) => {
      const value = raw.trim().toUpperCase();
      if (value === '') return { refusal: { reason: 'REQUIRED', description: 'is required' } };
      const problem = residentIdProblem(value, now);
      return problem
        ? { refusal: { reason: problem, description: RESIDENT_ID_PROBLEM_TEXT[problem] } }
        : { value };
    });
  },

  /** A catalogue item code, read trimmed and upper case. */
  itemCode() {
    return requestField.parsed<string>((raw) => {
      const value = raw.trim().toUpperCase();
      if (value === '') return { refusal: { reason: 'REQUIRED', description: 'is required' } };
      return ITEM_CODE.test(value) && value.length <= CODE_MAX
        ? { value }
        : {
            refusal: {
              reason: 'INVALID_FORMAT',
              description: `a catalogue code: upper-case letters and digits in hyphen-joined parts, at most ${CODE_MAX}`,
            },
          };
    });
  },

  /** The catalogue version an edit was made from: 0 before the first load. */
  fromVersion() {
    return z
      .number()
      .refine(
        (value) => Number.isInteger(value) && value >= 0,
        refusal('OUT_OF_RANGE', 'must be the catalogue version you read (0 before the first load)'),
      );
  },
};
