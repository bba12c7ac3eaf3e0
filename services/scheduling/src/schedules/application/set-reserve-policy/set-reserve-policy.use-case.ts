import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { localDate } from '@medgrid/kernel';
import { RegistryView } from '@medgrid/registry-view';
import { HospitalReserveRules } from '../../../capacity/application/hospital-reserve-rules';
import { ReservePolicy, type ReservePolicySnapshot } from '../../../capacity/domain/reserve-policy';
import { ReservePolicyRepository } from '../../../capacity/domain/reserve-policy.repository';
import { managedHospital } from '../../../common/managed-hospital';
import { ScheduleEventPublisher } from '../../domain/schedule-event-publisher';
import { takesNewReleaseLead } from '../../domain/release-lead';
import { ScheduleRepository } from '../../domain/schedule.repository';
import { type SetReservePolicyCommand } from './set-reserve-policy.command';

/** Far enough to reach every session a template ever generated. */
const LAST_DATE = '9999-12-31';

/**
 * SetReservePolicy: a hospital's reserve ratios, judged against its city's
 * floor in force today, and its release lead time, which reaches the open
 * sessions whose release is still to come. Idempotent by client request id.
 */
@Injectable()
export class SetReservePolicyUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly schedules: ScheduleRepository,
    private readonly registry: RegistryView,
    private readonly requests: ClientRequests,
    private readonly events: ScheduleEventPublisher,
    private readonly reserves: HospitalReserveRules,
    private readonly policies: ReservePolicyRepository,
  ) {}

  async execute(
    identity: Identity,
    command: SetReservePolicyCommand,
    now = new Date(),
  ): Promise<ReservePolicySnapshot> {
    return this.uow.run(async () => {
      const hospital = await managedHospital(this.registry, identity, command.institutionId);
      const reserve = await this.reserves.of(hospital, true);
      const stored = reserve.ownPolicy;
      // A retry after the first answer (which stored the policy) gets that answer again.
      const retry = await this.requests.isRetry(clientRequestOf('set-policy', command), hospital.id);
      if (retry && stored) return stored;
      // Judged against the floor of the hospital's city in force today.
      const rules = reserve.rulesOn(localDate(now));
      const policy = stored
        ? ReservePolicy.restore(stored)
        : ReservePolicy.cityDefault(hospital.id, hospital.groupId, rules);
      policy.change(
        {
          slotRatio: command.slotRatio,
          bedRatio: command.bedRatio,
          releaseLeadHours: command.releaseLeadHours,
          overrideReason: command.overrideReason,
          actorMayOverride: identity.role === 'city-operator',
          actor: identity.subject,
        },
        rules,
        now,
      );
      await this.policies.savePolicy(policy.snapshot());
      // Only a new lead time moves releases (a ratio change leaves the sessions' locks alone).
      if (policy.snapshot().releaseLeadHours !== reserve.releaseLeadHours) {
        await this.moveUpcomingReleases(hospital.id, policy.snapshot().releaseLeadHours, now);
      }
      return policy.snapshot();
    });
  }

  /** A new release lead time reaches the hospital's open sessions whose release is still to come. */
  private async moveUpcomingReleases(institutionId: string, leadHours: number, now: Date): Promise<void> {
    const sessions = await this.schedules.lockSessionsBetween(institutionId, '', localDate(now), LAST_DATE);
    const moving = sessions.filter((session) => takesNewReleaseLead(session, leadHours, now));
    if (moving.length === 0) return;
    await this.schedules.setReleaseLead(
      moving.map((session) => session.id),
      leadHours,
    );
    for (const session of moving) {
      await this.events.sessionChanged(
        'release-rescheduled',
        (await this.schedules.viewSession(session.id))!,
      );
    }
  }
}
