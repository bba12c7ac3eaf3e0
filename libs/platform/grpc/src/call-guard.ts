import { type Identity } from '@medgrid/auth';

/**
 * A check every call passes once its token is verified and before its
 * request is read or its handler runs, for rules that hold whatever the
 * method (e.g. that the token's claims hold together). It refuses by throwing
 * an AppError, which reaches the caller like any handler's.
 */
export abstract class CallGuard {
  abstract admit(identity: Identity, method: string): Promise<void>;
}
