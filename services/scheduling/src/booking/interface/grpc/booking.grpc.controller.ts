import { Injectable } from '@nestjs/common';
import { bookingServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer, readPurpose } from '@medgrid/grpc';
import {
  poolFromProto,
  bookingToProto,
  entryToProto,
  sessionToProto,
} from '../../../shared/contracts/scheduling.proto-mapper';
import { SearchAvailabilityQuery } from '../../../schedules/application/search-availability/search-availability.query';
import { SearchAvailabilityUseCase } from '../../../schedules/application/search-availability/search-availability.use-case';
import { ChangeBookingUseCase } from '../../application/change-booking/change-booking.use-case';
import { ClaimSlotUseCase } from '../../application/claim-slot/claim-slot.use-case';
import { BookingQueries } from '../../application/queries/booking-queries';
import { ManageWaitlistUseCase } from '../../application/waitlist/manage-waitlist.use-case';

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
    private readonly changes: ChangeBookingUseCase,
    private readonly waitlist: ManageWaitlistUseCase,
    private readonly queries: BookingQueries,
    private readonly searchAvailability: SearchAvailabilityUseCase,
  ) {}

  register(server: GrpcServer): void {
    const claim = (mode: 'hold' | 'book', c: bookingServiceV1.SlotClaim = EMPTY_CLAIM, holdMinutes = 0) => ({
      mode,
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
        booking: bookingToProto(await this.changes.confirm(identity, r.clientRequestId, r.bookingId), null),
      }),
      // rpc CancelBooking
      cancelBooking: async (r, { identity }) => ({
        booking: bookingToProto(
          await this.changes.cancel(identity, r.clientRequestId, r.bookingId, r.reason),
          null,
        ),
      }),
      // rpc GetBooking: an audited read; the purpose comes from x-purpose metadata.
      getBooking: async (r, { identity, metadata }) => {
        const found = await this.queries.booking(identity, r.bookingId, readPurpose(metadata));
        return { booking: bookingToProto(found.booking, found.session) };
      },
      // rpc JoinWaitlist
      joinWaitlist: async (r, { identity }) => {
        const c = r.claim ?? EMPTY_CLAIM;
        const { entry, position } = await this.waitlist.join(identity, c);
        return { entry: entryToProto(entry, position) };
      },
      // rpc LeaveWaitlist
      leaveWaitlist: async (r, { identity }) => ({
        entry: entryToProto(await this.waitlist.leave(identity, r.clientRequestId, r.entryId), 0),
      }),
      // rpc GetWaitlistEntry: an audited read.
      getWaitlistEntry: async (r, { identity, metadata }) => {
        const found = await this.queries.entry(identity, r.entryId, readPurpose(metadata));
        return { entry: entryToProto(found.entry, found.position) };
      },
    });
  }
}
