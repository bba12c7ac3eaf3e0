import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { schedulingField } from '../../../common/scheduling-fields';

const fields = z.object({
  cityId: requestField.uuid(),
  date: schedulingField.localDateOrEmpty(),
});

/** GetCityReserveFloor: a city's floor on a date, with its history. */
export class GetCityReserveFloorQuery {
  private constructor(
    /** Lower case. */
    readonly cityId: string,
    /** YYYY-MM-DD; empty for today. */
    readonly date: string,
  ) {}

  static create(input: z.input<typeof fields>): GetCityReserveFloorQuery {
    const { cityId, date } = parseFields(fields, input);
    return new GetCityReserveFloorQuery(cityId, date);
  }
}
