import { Injectable } from '@nestjs/common';
import { bookingServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer, readPurpose } from '@medgrid/grpc';
import { bookingToProto, entryToProto, poolFromProto } from '../../contracts/booking.proto-mapper';
import { sessionToProto } from '../../../schedules/contracts/schedule.proto-mapper';
import { SearchAvailabilityQuery } from '../../../schedules/application/search-availability/search-availability.query';
import { SearchAvailabilityUseCase } from '../../../schedules/application/search-availability/search-availability.use-case';
import { CancelBookingCommand } from '../../application/cancel-booking/cancel-booking.command';
import { CancelBookingUseCase } from '../../application/cancel-booking/cancel-booking.use-case';
import { ClaimSlotCommand } from '../../application/claim-slot/claim-slot.command';
import { ClaimSlotUseCase } from '../../application/claim-slot/claim-slot.use-case';
import { ConfirmBookingCommand } from '../../application/confirm-booking/confirm-booking.command';
import { ConfirmBookingUseCase } from '../../application/confirm-booking/confirm-booking.use-case';
import { GetBookingQuery } from '../../application/get-booking/get-booking.query';
import { GetBookingUseCase } from '../../application/get-booking/get-booking.use-case';
import { GetWaitlistEntryQuery } from '../../application/get-waitlist-entry/get-waitlist-entry.query';
import { GetWaitlistEntryUseCase } from '../../application/get-waitlist-entry/get-waitlist-entry.use-case';
import { JoinWaitlistCommand } from '../../application/join-waitlist/join-waitlist.command';
import { JoinWaitlistUseCase } from '../../application/join-waitlist/join-waitlist.use-case';
import { LeaveWaitlistCommand } from '../../application/leave-waitlist/leave-waitlist.command';
import { LeaveWaitlistUseCase } from '../../application/leave-waitlist/leave-waitlist.use-case';

const EMPTY_CLAIM: bookingServiceV1.SlotClaim = {
  clientRequestId: '',
  sessionId: '',
  patientResidentId: '',
  pool: 0,
  referralId: '',
};

/** medgrid.scheduling.v1.BookingService. */
@Injectable()
export class BookingGrpcController implements GrpcController {
  constructor(
    private readonly claims: ClaimSlotUseCase,
    private readonly confirm: ConfirmBookingUseCase,
    private readonly cancel: CancelBookingUseCase,
    private readonly joinWaitlist: JoinWaitlistUseCase,
    private readonly leaveWaitlist: LeaveWaitlistUseCase,
    private readonly getBooking: GetBookingUseCase,
    private readonly getWaitlistEntry: GetWaitlistEntryUseCase,
    private readonly searchAvailability: SearchAvailabilityUseCase,
  ) {}

  register(server: GrpcServer): void {
    const claim = (mode: 'hold' | 'book', c: bookingServiceV1.SlotClaim = EMPTY_CLAIM, holdMinutes = 0) =>
      ClaimSlotCommand.create(mode, {
        clientRequestId: c.clientRequestId,
        sessionId: c.sessionId,
        patientResidentId: c.patientResidentId,
        pool: poolFromProto(c.pool),
        referralId: c.referralId,
        holdMinutes,
      });
    server.addService('medgrid.scheduling.v1.BookingService', bookingServiceV1.BookingServiceService, {
      // rpc SearchAvailability
      searchAvailability: async (r, { identity }) => {
        const query = SearchAvailabilityQuery.create({ ...r, pool: poolFromProto(r.pool) });
        const page = await this.searchAvailability.execute(identity, query);
        return { sessions: page.sessions.map(sessionToProto), nextPageToken: page.nextPageToken };
      },
      // rpc HoldSlot
      holdSlot: async (r, { identity }) => {
        const result = await this.claims.execute(identity, claim('hold', r.claim, r.holdMinutes));
        return { booking: bookingToProto(result.booking, result.session) };
      },
      // rpc BookSlot
      bookSlot: async (r, { identity }) => {
        const result = await this.claims.execute(identity, claim('book', r.claim));
        return { booking: bookingToProto(result.booking, result.session) };
      },
      // rpc ConfirmBooking
      confirmBooking: async (r, { identity }) => ({
        booking: bookingToProto(await this.confirm.execute(identity, ConfirmBookingCommand.create(r)), null),
      }),
      // rpc CancelBooking
      cancelBooking: async (r, { identity }) => ({
        booking: bookingToProto(await this.cancel.execute(identity, CancelBookingCommand.create(r)), null),
      }),
      // rpc GetBooking: an audited read; the purpose comes from x-purpose metadata.
      getBooking: async (r, { identity, metadata }) => {
        const query = GetBookingQuery.create({ ...r, purpose: readPurpose(metadata) });
        const found = await this.getBooking.execute(identity, query);
        return { booking: bookingToProto(found.booking, found.session) };
      },
      // rpc JoinWaitlist
      joinWaitlist: async (r, { identity }) => {
        const command = JoinWaitlistCommand.create(r.claim ?? EMPTY_CLAIM);
        const { entry, position } = await this.joinWaitlist.execute(identity, command);
        return { entry: entryToProto(entry, position) };
      },
      // rpc LeaveWaitlist
      leaveWaitlist: async (r, { identity }) => ({
        entry: entryToProto(await this.leaveWaitlist.execute(identity, LeaveWaitlistCommand.create(r)), 0),
      }),
      // rpc GetWaitlistEntry: an audited read.
      getWaitlistEntry: async (r, { identity, metadata }) => {
        const query = GetWaitlistEntryQuery.create({ ...r, purpose: readPurpose(metadata) });
        const found = await this.getWaitlistEntry.execute(identity, query);
        return { entry: entryToProto(found.entry, found.position) };
      },
    });
  }
}
