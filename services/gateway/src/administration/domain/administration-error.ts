import { AppError, type ErrorCategory } from '@medgrid/errors';

/** Why the administration of portal accounts refused; the HTTP layer words each in the user's language. */
export enum AdministrationErrorCode {
  /** Only a city's operators administer its portal accounts. */
  NotCityOperator = 'NOT_CITY_OPERATOR',
  /** No account of that id in the operator's city (another city's accounts are not admitted to). */
  AccountNotFound = 'ACCOUNT_NOT_FOUND',
  /** An operator disabling its own account would leave nobody signed in to undo it. */
  CannotDisableSelf = 'CANNOT_DISABLE_SELF',
}

const CATEGORY: Readonly<Record<AdministrationErrorCode, ErrorCategory>> = {
  [AdministrationErrorCode.NotCityOperator]: 'permission-denied',
  [AdministrationErrorCode.AccountNotFound]: 'not-found',
  [AdministrationErrorCode.CannotDisableSelf]: 'failed-precondition',
};

export class AdministrationError extends AppError {
  constructor(code: AdministrationErrorCode, message: string) {
    super(CATEGORY[code], code, message);
  }
}
