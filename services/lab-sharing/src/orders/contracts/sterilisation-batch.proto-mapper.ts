import { sterilisationEventsV1 as e, sterilisationServiceV1 as s } from '@medgrid/contracts';
import { keyOf } from '@medgrid/kernel';
import {
  type SterilisationBatchSnapshot,
  type SterilisationChange,
  type SterilisationCycle,
  type SterilisationMethod,
  type SterilisationStatus,
} from '../domain/sterilisation-batch';

const STATUSES: Readonly<Record<SterilisationStatus, s.SterilisationStatus>> = {
  sent: s.SterilisationStatus.STERILISATION_STATUS_SENT,
  received: s.SterilisationStatus.STERILISATION_STATUS_RECEIVED,
  sterilised: s.SterilisationStatus.STERILISATION_STATUS_STERILISED,
  dispatched: s.SterilisationStatus.STERILISATION_STATUS_DISPATCHED,
  returned: s.SterilisationStatus.STERILISATION_STATUS_RETURNED,
};

const METHODS: Readonly<Record<SterilisationMethod, s.SterilisationMethod>> = {
  steam: s.SterilisationMethod.STERILISATION_METHOD_STEAM,
  'ethylene-oxide': s.SterilisationMethod.STERILISATION_METHOD_ETHYLENE_OXIDE,
  'hydrogen-peroxide-plasma': s.SterilisationMethod.STERILISATION_METHOD_HYDROGEN_PEROXIDE_PLASMA,
};

const CHANGES: Readonly<Record<SterilisationChange, e.SterilisationChange>> = {
  sent: e.SterilisationChange.STERILISATION_CHANGE_SENT,
  received: e.SterilisationChange.STERILISATION_CHANGE_RECEIVED,
  'cycle-failed': e.SterilisationChange.STERILISATION_CHANGE_CYCLE_FAILED,
  sterilised: e.SterilisationChange.STERILISATION_CHANGE_STERILISED,
  dispatched: e.SterilisationChange.STERILISATION_CHANGE_DISPATCHED,
  returned: e.SterilisationChange.STERILISATION_CHANGE_RETURNED,
};

/** What a request names; undefined for UNSPECIFIED or a number the contract does not know. */
export const sterilisationStatusFromProto = keyOf(STATUSES);
export const sterilisationMethodFromProto = keyOf(METHODS);

export function sterilisationChangeToProto(change: SterilisationChange): e.SterilisationChange {
  return CHANGES[change];
}

function cycleToProto(cycle: SterilisationCycle): s.SterilisationCycle {
  return {
    cycleId: cycle.cycleId,
    method: METHODS[cycle.method],
    indicatorsPassed: cycle.indicatorsPassed,
    at: cycle.at,
  };
}

export function sterilisationBatchToProto(batch: SterilisationBatchSnapshot): s.SterilisationBatch {
  return {
    id: batch.id,
    groupId: batch.groupId,
    centreId: batch.centreId,
    centreInstitutionId: batch.centreInstitutionId,
    sendingInstitutionId: batch.sendingInstitutionId,
    packages: batch.packages.map((p) => ({ code: p.code, name: p.name, quantity: p.quantity })),
    status: STATUSES[batch.status],
    cycles: batch.cycles.map(cycleToProto),
    sentAt: batch.sentAt,
    receivedAt: batch.receivedAt ?? undefined,
    dispatchedAt: batch.dispatchedAt ?? undefined,
    returnedAt: batch.returnedAt ?? undefined,
    version: batch.version,
  };
}
