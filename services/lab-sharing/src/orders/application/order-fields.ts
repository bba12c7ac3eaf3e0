import { requestField } from '@medgrid/errors';
import { RESIDENT_ID_PROBLEM_TEXT, residentIdProblem } from '@medgrid/kernel';

/** The request field rules several order operations share, beside @medgrid/errors' requestField. */
export const orderField = {
  /** A GB 11643 resident ID number, read upper case; its birth date is judged against `now`'s day. */
  residentId(now: Date) {
    return requestField.parsed<string>((raw) => {
      const value = raw.trim().toUpperCase();
      const problem = residentIdProblem(value, now);
      return problem
        ? { refusal: { reason: problem, description: RESIDENT_ID_PROBLEM_TEXT[problem] } }
        : { value };
    });
  },
};
