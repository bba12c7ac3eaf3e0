import { aResidentId } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { type NewSlotHoldRequest, SlotHoldRequest } from '../domain/slot-hold-request';

/**
 * A referral's slot hold request as a submitted referral makes it at `at`: fresh ids, a fresh
 * patient, department 03.04, no priority; override only what a test is about.
 */
export function aSlotHoldRequest(at: Date, overrides: Partial<NewSlotHoldRequest> = {}): SlotHoldRequest {
  return SlotHoldRequest.request(
    {
      id: uuidv7(),
      referralId: uuidv7(),
      groupId: uuidv7(),
      institutionId: uuidv7(),
      referringInstitutionId: uuidv7(),
      sourceEventId: uuidv7(),
      patientResidentId: aResidentId(),
      departmentId: uuidv7(),
      specialtyCode: '03.04',
      contractedPriority: false,
      greenChannel: false,
      ...overrides,
    },
    at,
  );
}
