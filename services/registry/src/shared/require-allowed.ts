import { RegistryError, RegistryErrorCode } from './registry-error';

/** Throws NOT_ALLOWED (PERMISSION_DENIED) naming the action when a policy says no. */
export function requireAllowed(allowed: boolean, action: string): void {
  if (!allowed) throw new RegistryError(RegistryErrorCode.NotAllowed, `your role may not ${action}`);
}
