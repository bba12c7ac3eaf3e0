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

  /**
   * One call to a service as the user, its answer written by the response's type (proto3 JSON, as the portal reads
   * it): what every endpoint of the portal does once it has read its request.
   */
  async answer<A>(
    user: PortalUserView,
    response: { toJSON(message: A): unknown },
    call: (caller: Identity) => Promise<A>,
  ): Promise<unknown> {
    return response.toJSON(await call(await this.identityOf(user)));
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
