import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { AppError } from '@medgrid/errors';
import { isHospital, RegistryView } from '@medgrid/registry-view';
import { type PortalUserView, serviceIdentityOf } from '../../accounts/domain/portal-user';

/**
 * The identity a signed-in user calls the services with. An institution's staff are primary or
 * hospital staff as the registry announced their institution; one the gateway has not learnt yet
 * is UNAVAILABLE until it has (the registry's topics reach it within seconds).
 */
@Injectable()
export class ServiceCallers {
  constructor(private readonly registry: RegistryView) {}

  async identityOf(user: PortalUserView): Promise<Identity> {
    if (user.role !== 'institution-staff') return serviceIdentityOf(user, null);
    const institution = await this.registry.institution(user.institutionId!);
    if (!institution) {
      throw new AppError(
        'unavailable',
        'INSTITUTION_NOT_LEARNT',
        `institution ${user.institutionId} is not known yet`,
      );
    }
    return serviceIdentityOf(user, isHospital(institution) ? 'hospital' : 'primary');
  }

  /** A group-bound user sees its own group only; a city operator any group of the city. */
  scopedGroupId(user: PortalUserView, asked: string | undefined): string {
    if (user.role === 'city-operator') return asked ?? '';
    if (asked && asked !== user.groupId) {
      throw new AppError('permission-denied', 'OTHER_GROUP', 'a group-bound user reads its own group only');
    }
    return user.groupId!;
  }
}
