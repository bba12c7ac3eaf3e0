import { Injectable } from '@nestjs/common';
import { type KnownReferral, ReferralHolds } from '../../booking/application/referral-holds';
import { type BookingSnapshot } from '../../booking/domain/booking';
import { type SessionView } from '../../schedules/domain/session';
import { HoldEventPublisher } from '../domain/hold-event-publisher';
import { SlotHoldRequestRepository } from '../domain/slot-hold-request.repository';
import { knownReferral } from './known-referral';

/** Booking's questions about referral holds, answered from the saga's slot hold requests. */
@Injectable()
export class SagaReferralHolds extends ReferralHolds {
  constructor(
    private readonly requests: SlotHoldRequestRepository,
    private readonly events: HoldEventPublisher,
  ) {
    super();
  }

  known(
    referralId: string,
    institutionId: string,
    patientResidentId: string,
    field: string,
  ): Promise<KnownReferral | null> {
    return knownReferral(this.requests, referralId, institutionId, patientResidentId, field);
  }

  async lock(referralId: string): Promise<boolean> {
    const request = await this.requests.findByReferral(referralId, true);
    return request !== null && !request.isReleased;
  }

  async slotEnded(booking: BookingSnapshot, now: Date): Promise<void> {
    if (!booking.referralId) return;
    const request = await this.requests.findByReferral(booking.referralId, true);
    if (!request || request.snapshot().bookingId !== booking.id) return;
    request.released(now);
    if (request.takeChanged()) {
      await this.requests.update(request, request.readVersion);
      await this.events.slotHoldChanged(request.snapshot(), booking, null);
    }
  }

  async slotTaken(booking: BookingSnapshot, view: SessionView, now: Date): Promise<void> {
    const request = await this.requests.findByReferral(booking.referralId, true);
    if (request?.slotTaken({ id: booking.id, pool: booking.pool, sessionId: booking.sessionId }, now)) {
      await this.requests.update(request, request.readVersion);
      await this.events.slotHoldChanged(request.snapshot(), booking, view);
    }
  }
}
