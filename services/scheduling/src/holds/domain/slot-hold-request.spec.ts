import { v7 as uuidv7 } from 'uuid';
import { aSlotHoldRequest } from '../test/slot-hold-request.factory';
import { SlotHoldRequest } from './slot-hold-request';

const now = new Date('2026-12-04T02:00:00Z');
const slot = { id: uuidv7(), pool: 'reserved' as const, sessionId: uuidv7() };

const aRequest = () => aSlotHoldRequest(now);

describe(SlotHoldRequest.name, () => {
  it('leaves a slot taken before acceptance for the acceptance to adopt', () => {
    const sut = aRequest();

    expect(sut.slotTaken(slot, now)).toBe(false);
    expect(sut.snapshot()).toMatchObject({ status: 'requested', bookingId: '' });
    expect(sut.awaitingSlot).toBe(true);
  });

  it.each([
    ['waitlisted', (r: SlotHoldRequest) => r.waitlisted({ id: uuidv7(), sessionId: uuidv7() }, now)],
    ['no-session', (r: SlotHoldRequest) => r.noSession(now)],
  ])('answers with a slot taken while %s', (_, reach) => {
    const sut = aRequest();
    reach(sut);

    expect(sut.slotTaken(slot, now)).toBe(true);
    expect(sut.snapshot()).toMatchObject({
      status: 'held',
      bookingId: slot.id,
      pool: 'reserved',
      sessionId: slot.sessionId,
      waitlistEntryId: '',
    });
  });

  it('keeps a released hold released: nothing is held for an ended referral', () => {
    const sut = aRequest();
    sut.released(now);

    expect(sut.slotTaken(slot, now)).toBe(false);
    expect(sut.isReleased).toBe(true);
  });

  it('keeps the slot it holds', () => {
    const sut = aRequest();
    sut.held(slot, now);

    expect(sut.slotTaken({ ...slot, id: uuidv7() }, now)).toBe(false);
    expect(sut.snapshot().bookingId).toBe(slot.id);
  });
});
