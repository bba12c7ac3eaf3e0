import { type Identity } from '@medgrid/auth';
import { type platformServiceV1 } from '@medgrid/contracts';

/** The caller as a service verified its token, as PlatformService/WhoAmI answers it (proto3: none is ''). */
export function whoAmI(identity: Identity, tokenExpiresAt: Date): platformServiceV1.WhoAmIResponse {
  return {
    subject: identity.subject,
    role: identity.role,
    institutionId: identity.institutionId ?? '',
    groupId: identity.groupId ?? '',
    practitionerId: identity.practitionerId ?? '',
    tokenExpiresAt,
  };
}
