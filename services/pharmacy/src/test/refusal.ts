import { AppError } from '@medgrid/errors';

/** The AppError `act` throws; anything else thrown is rethrown, and nothing thrown fails the test. */
export function refusal(act: () => unknown): AppError {
  try {
    act();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal (an AppError), but nothing was thrown');
}
