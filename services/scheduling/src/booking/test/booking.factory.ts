import { v7 as uuidv7 } from 'uuid';
import { type SessionSnapshot } from '../../schedules/domain/session';
import { type BookingSnapshot } from '../domain/booking';
import { NO_PRIORITY } from '../domain/pool';

/**
 * A public-pool booking of the session's hospital for patient P<slot>, made at `at` (a hold runs
 * ten minutes from then); override only what a test is about.
 */
export function aBooking(
  session: SessionSnapshot,
  slotNumber: number,
  status: BookingSnapshot['status'],
  at: Date,
  overrides: Partial<BookingSnapshot> = {},
): BookingSnapshot {
  return {
    id: uuidv7(),
    sessionId: session.id,
    institutionId: session.institutionId,
    groupId: session.groupId,
    slotNumber,
    pool: 'public',
    status,
    patientResidentId: `P${slotNumber}`,
    referralId: '',
    bookedByInstitutionId: session.institutionId,
    priority: NO_PRIORITY,
    holdExpiresAt: status === 'held' ? new Date(at.getTime() + 600_000) : null,
    clientRequestId: uuidv7(),
    createdAt: at,
    updatedAt: at,
    cancelReason: '',
    version: 1,
    ...overrides,
  };
}
