import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { RegistryView } from '@medgrid/registry-view';
import { canSetCityFloor, requireAllowed } from '../../../common/scheduling-access.policy';
import { type CityFloorVersion } from '../../domain/city-reserve-floor';
import { CityReserveFloorRepository } from '../../domain/city-reserve-floor.repository';
import { knownCity } from '../known-city';
import { type SetCityReserveFloorCommand } from './set-city-reserve-floor.command';

/**
 * SetCityReserveFloor: a city operator records the city's floor from a date on,
 * as a new version (the history is kept). A retry gets the version its first
 * attempt recorded.
 */
@Injectable()
export class SetCityReserveFloorUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly floors: CityReserveFloorRepository,
    private readonly registry: RegistryView,
    private readonly requests: ClientRequests,
  ) {}

  async execute(
    identity: Identity,
    command: SetCityReserveFloorCommand,
    now = new Date(),
  ): Promise<CityFloorVersion> {
    requireAllowed(canSetCityFloor(identity), "set a city's reserve floor");
    return this.uow.run(async () => {
      const cityId = await knownCity(this.registry, command.cityId);
      const floor = await this.floors.load(cityId, true);
      return this.requests.createOnce(clientRequestOf('set-city-floor', { ...command, cityId }), {
        load: (earlier) => Promise.resolve(recordedVersion(earlier, cityId, floor.history())),
        create: async () => {
          const version = floor.change(
            {
              slotFloor: command.slotFloor,
              bedFloor: command.bedFloor,
              effectiveFrom: command.effectiveFrom,
              reason: command.reason,
              actor: identity.subject,
              actorRole: identity.role,
            },
            now,
          );
          await this.floors.insert(version);
          return { id: `${cityId}:${version.version}`, result: version };
        },
      });
    });
  }
}

/** The version a request recorded ("city:version"), if it is this city's; null makes the retry refused. */
function recordedVersion(
  earlier: string,
  cityId: string,
  history: CityFloorVersion[],
): CityFloorVersion | null {
  const [earlierCity, version] = earlier.split(':');
  return earlierCity === cityId ? (history.find((v) => v.version === Number(version)) ?? null) : null;
}
