import { refusal, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { DRUG_CODE_PROBLEM_TEXT, drugCodeProblem } from '../domain/drug-code';

/** The request field rules the catalogue operations share, beside requestField. */
export const catalogueField = {
  /** The catalogue version an edit was made from: 0 before the first change. */
  fromVersion() {
    return z
      .number()
      .refine(
        (value) => Number.isInteger(value) && value >= 0,
        refusal('OUT_OF_RANGE', 'must be the catalogue version you read (0 before the first change)'),
      );
  },

  /** An instant, or nothing (now); the proto mapper reads an absent timestamp as undefined. */
  instant() {
    return z
      .date()
      .optional()
      .refine(
        (value) => value === undefined || !Number.isNaN(value.getTime()),
        refusal('INVALID_FORMAT', 'must be an instant'),
      );
  },

  /** A national insurance drug code, read trimmed and upper case. */
  drugCode() {
    return requestField.parsed<string>((raw) => {
      const value = raw.trim().toUpperCase();
      if (value === '') return { refusal: { reason: 'REQUIRED', description: 'is required' } };
      const problem = drugCodeProblem(value);
      return problem
        ? { refusal: { reason: problem, description: DRUG_CODE_PROBLEM_TEXT[problem] } }
        : { value };
    });
  },
};
