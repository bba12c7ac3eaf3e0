import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { FieldChecks } from '@medgrid/errors';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { isLocalDate, localDate } from '@medgrid/kernel';
import { RegistryView } from '@medgrid/registry-view';
import { canSetCityFloor, requireAllowed } from '../../shared/scheduling-access.policy';
import { SchedulingError, SchedulingErrorCode } from '../../shared/scheduling-error';
import { SchedulingRulesProvider } from '../../shared/scheduling-rules';
import { type CityFloorVersion, type ReserveFloors } from '../domain/city-reserve-floor';
import { CityReserveFloorRepository } from '../domain/city-reserve-floor.repository';
import { type ReserveRatio } from '../domain/reserve-ratio';

export interface SetCityFloorCommand {
  readonly clientRequestId: string;
  readonly cityId: string;
  readonly slotFloor: ReserveRatio | undefined;
  readonly bedFloor: ReserveRatio | undefined;
  readonly effectiveFrom: string;
  readonly reason: string;
}

export interface CityFloorOnDate {
  readonly cityId: string;
  readonly date: string;
  /** The floors in force on the date (the city's version, or the deployment's default). */
  readonly floors: ReserveFloors;
  /** The city's version in force on the date; null when the deployment's default applies. */
  readonly inForce: CityFloorVersion | null;
  /** Every version of the city's floor, the newest first. */
  readonly history: CityFloorVersion[];
}

/** SetCityReserveFloor and GetCityReserveFloor: a city's reserve floor over time. */
@Injectable()
export class ManageCityFloorUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly floors: CityReserveFloorRepository,
    private readonly registry: RegistryView,
    private readonly requests: ClientRequests,
    private readonly rulesProvider: SchedulingRulesProvider,
  ) {}

  async set(identity: Identity, command: SetCityFloorCommand, now = new Date()): Promise<CityFloorVersion> {
    new FieldChecks()
      .uuid('clientRequestId', command.clientRequestId)
      .uuid('cityId', command.cityId)
      .throwIfAny();
    requireAllowed(canSetCityFloor(identity), "set a city's reserve floor");
    return this.uow.run(async () => {
      const cityId = await this.knownCity(command.cityId);
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
            localDate(now),
            now,
          );
          await this.floors.insert(version);
          return { id: `${cityId}:${version.version}`, result: version };
        },
      });
    });
  }

  /** Anyone signed in may read a city's floor: hospitals plan their capacity by it. */
  async get(identity: Identity, cityId: string, date: string, now = new Date()): Promise<CityFloorOnDate> {
    new FieldChecks()
      .uuid('cityId', cityId)
      .check('date', date === '' || isLocalDate(date), 'INVALID_FORMAT', 'must be a date YYYY-MM-DD')
      .throwIfAny();
    return this.uow.run(async () => {
      const id = await this.knownCity(cityId);
      const floor = await this.floors.load(id, false);
      const on = date || localDate(now);
      return {
        cityId: id,
        date: on,
        floors: floor.floorsOn(on, this.rulesProvider.rules),
        inForce: floor.inForceOn(on),
        history: floor.history(),
      };
    });
  }

  private async knownCity(cityId: string): Promise<string> {
    const city = await this.registry.city(cityId.toLowerCase());
    if (!city) {
      throw new SchedulingError(SchedulingErrorCode.UnknownCity, 'no city with this id is known', 'cityId');
    }
    return city.id;
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
