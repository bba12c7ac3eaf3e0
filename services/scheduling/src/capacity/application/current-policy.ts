import { type ScheduleRepository } from '../../schedules/domain/schedule.repository';
import { type CityReserveRules, ReservePolicy, type ReservePolicySnapshot } from '../domain/reserve-policy';

/** The hospital's stored policy, or the city's defaults when it never set one. */
export async function currentPolicy(
  schedules: ScheduleRepository,
  rules: CityReserveRules,
  institutionId: string,
  groupId: string,
): Promise<ReservePolicySnapshot> {
  return (
    (await schedules.findPolicy(institutionId, false)) ??
    ReservePolicy.cityDefault(institutionId, groupId, rules).snapshot()
  );
}
