import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { ClientRequests } from '@medgrid/idempotency';
import { v7 as uuidv7 } from 'uuid';
import { alreadyDone } from '../../domain/already-done';
import { RecognitionError, RecognitionErrorCode } from '../../domain/recognition-error';
import { RecognitionLookup, type RecognitionLookupSnapshot } from '../../domain/recognition-lookup';
import { RecognitionLookupRepository } from '../../domain/recognition-lookup.repository';
import { NewLookups } from '../new-lookups';
import { RecognisableResults } from '../recognisable-results';
import { RecognitionAccess } from '../recognition-access.policy';
import { RegionItems } from '../region-items';
import { type LookUpResultsCommand } from './look-up-results.command';

/** More results of one item than a site would ever weigh; the newest are offered. */
export const CANDIDATES_MAX = 20;
const DAY_MS = 86_400_000;

export interface LookedUp {
  readonly lookup: RecognitionLookupSnapshot;
  /** False when the item carries no recognition rule: nothing is offered, the order goes ahead. */
  readonly itemRecognised: boolean;
}

/**
 * LookUpResults ("already done?", 检查检验结果互认): the caller's institution, about to order an item of its
 * region's catalogue for a patient, gets the patient's recognised results within validity from any institution of
 * the region (or of its group, for group-wide items), newest first, each with its mark. The look-up is recorded
 * (the site then reuses or orders anyway) and audited as a read of the patient's results. One read of the result
 * registry (an index-only scan) and one write; the site's city and the item are kept in memory a while
 * (RegionItems); a retry gets the look-up recorded the first time.
 */
@Injectable()
export class LookUpResultsUseCase {
  constructor(
    private readonly regionItems: RegionItems,
    private readonly lookups: RecognitionLookupRepository,
    private readonly newLookups: NewLookups,
    private readonly results: RecognisableResults,
    private readonly audit: AuditTrail,
    private readonly requests: ClientRequests,
  ) {}

  async execute(identity: Identity, command: LookUpResultsCommand, now = new Date()): Promise<LookedUp> {
    RecognitionAccess.require(RecognitionAccess.canLookUp(identity), "look up a patient's results");
    const institutionId = identity.institutionId!;
    const groupId = identity.groupId!;
    const regionId = await this.regionItems.regionOf(institutionId);
    if (regionId === null) {
      throw new RecognitionError(
        RecognitionErrorCode.NoRegion,
        "your institution's city is not known yet: its group has no grid of a known city",
      );
    }
    const item = await this.regionItems.item(regionId, command.itemCode);
    if (!item) {
      throw new RecognitionError(
        RecognitionErrorCode.UnknownItem,
        `item ${command.itemCode} is not in the region's catalogue`,
        'itemCode',
      );
    }
    const { clientRequestId, patientResidentId, itemCode } = command;
    const lookupId = uuidv7();
    // One read and one write, no transaction: the look-up, its audit row and the record of the client
    // request land as one statement, only when the request is new (a retry gets the first answer).
    return this.requests.createInOneStatement(
      {
        operation: 'look-up-results',
        clientRequestId,
        request: { patientResidentId, itemCode, institutionId },
      },
      {
        id: lookupId,
        load: async (id) => {
          const earlier = await this.lookups.find(id, false);
          return earlier && { lookup: earlier.snapshot(), itemRecognised: item.recognition !== null };
        },
        create: async (inserts) => {
          const rule = item.recognition;
          const candidates = rule
            ? await this.results.candidates(
                patientResidentId,
                itemCode,
                new Date(now.getTime() - rule.validityDays * DAY_MS),
                CANDIDATES_MAX,
              )
            : [];
          const answer = alreadyDone(item, { institutionId, groupId, regionId }, candidates, now);
          const lookup = RecognitionLookup.record(
            { id: lookupId, groupId, patientResidentId, itemCode, orderingInstitutionId: institutionId },
            answer.recognised,
            now,
          );
          lookup.pullEvents(); // a look-up is recorded, not announced
          this.newLookups.stage(inserts, lookup);
          this.audit.stageRead(
            inserts,
            identity,
            { kind: 'patient-results', id: `${patientResidentId}:${itemCode}` },
            command.purpose,
          );
          return { lookup: lookup.snapshot(), itemRecognised: answer.itemRecognised };
        },
      },
    );
  }
}
