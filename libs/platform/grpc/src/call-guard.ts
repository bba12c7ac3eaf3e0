import { type Identity } from '@medgrid/auth';

/**
 * A check every call passes once its token is verified and before its
 * request is read or its handler runs, for rules that hold whatever the
 * method (e.g. that the token's claims hold together). It refuses by throwing
 * an AppError, which reaches the caller like any handler's.
 */
export abstract class CallGuard {
  abstract admit(identity: Identity, method: string): Promise<void>;

  /**
   * Whether the call is admitted on what the guard already knows (a cached answer), with no promise; false sends
   * the call to admit, which decides. Never true for a call admit would refuse.
   */
  admitsAtOnce(_identity: Identity, _method: string): boolean {
    return false;
  }

  /**
   * Told of every call refused with PERMISSION_DENIED after admit let it in (by the handler's access policy, or the
   * client certificate check before admit), before the caller hears it, with the error's code as `reason`: the guard that audits its own refusals
   * audits these too, so every refusal of a verified caller leaves its trace. The call is refused whatever this does.
   */
  refused(_identity: Identity, _method: string, _reason: string): Promise<void> {
    return Promise.resolve();
  }
}
