export { shareBp } from './achieved-share';
export { isIcd10Code } from './icd10-code';
export { keyOf } from './key-of';
export {
  RESIDENT_ID_PROBLEM_TEXT,
  ResidentId,
  residentIdCheckCharacter,
  residentIdProblem,
  type ResidentIdProblem,
} from './resident-id';
export {
  CREDIT_CODE_PROBLEM_TEXT,
  creditCodeCheckCharacter,
  creditCodeProblem,
  type CreditCodeProblem,
} from './unified-social-credit-code';
export {
  addDays,
  addMonths,
  ageOn,
  CLINIC_TIME_ZONE,
  isLocalDate,
  isoWeekday,
  localDate,
  startOfLocalDay,
} from './local-date';
export { perLocalDay } from './per-local-day';
export {
  type PageKey,
  pageOf,
  type PageProblem,
  type PageRequest,
  pageRequest,
  type PageRules,
} from './paging';
