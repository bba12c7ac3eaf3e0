import { FieldChecks } from '@medgrid/errors';
import { isLocalDate } from '@medgrid/kernel';

/** GetCityReserveFloor: a city's floor on a date, with its history. */
export class GetCityReserveFloorQuery {
  private constructor(
    readonly cityId: string,
    /** YYYY-MM-DD; empty for today. */
    readonly date: string,
  ) {}

  static create(input: { cityId: string; date: string }): GetCityReserveFloorQuery {
    new FieldChecks()
      .uuid('cityId', input.cityId)
      .check(
        'date',
        input.date === '' || isLocalDate(input.date),
        'INVALID_FORMAT',
        'must be a date YYYY-MM-DD',
      )
      .throwIfAny();
    return new GetCityReserveFloorQuery(input.cityId, input.date);
  }
}
