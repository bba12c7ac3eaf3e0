import { type PortalUserView } from '../../accounts/domain/portal-user';
import { type RegistryScope } from '../domain/account-scope';

/**
 * The registry's answer about an institution and a group, asked as the operator (the registry
 * authorises its reads itself). Unknown ones are null, never an error; an unreachable registry is.
 */
export abstract class RegistryScopes {
  abstract scopeOf(operator: PortalUserView, institutionId: string, groupId: string): Promise<RegistryScope>;
}
