import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests } from '@medgrid/idempotency';
import { localDate } from '@medgrid/kernel';
import { RegistryView } from '@medgrid/registry-view';
import { v7 as uuidv7 } from 'uuid';
import { RecognitionCatalogueRepository } from '../../../recognition/domain/recognition-catalogue.repository';
import { ResultRecord, type ResultRecordSnapshot } from '../../domain/result-record';
import { ResultRecordRepository } from '../../domain/result-record.repository';
import { ResultEventPublisher } from '../../domain/result-event-publisher';
import { ResultsError, ResultsErrorCode } from '../../domain/results-error';
import { PerformerLookup } from '../performer-lookup';
import { ResultsAccess } from '../results-access.policy';
import { type RecordResultCommand } from './record-result.command';

/**
 * RecordResult: a partner's LIS or PACS (or a clinician) records a result its own institution performed, for an
 * item of the institution's region catalogue and a patient of its group (a patient whose contracts in force are
 * all with another group's institutions is refused). The performer's group, city and quality are kept with it;
 * ResultChanged (recorded) goes out with it. A retry gets the result recorded the first time.
 */
@Injectable()
export class RecordResultUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly results: ResultRecordRepository,
    private readonly events: ResultEventPublisher,
    private readonly catalogues: RecognitionCatalogueRepository,
    private readonly performers: PerformerLookup,
    private readonly registry: RegistryView,
    private readonly requests: ClientRequests,
  ) {}

  async execute(
    identity: Identity,
    command: RecordResultCommand,
    now = new Date(),
  ): Promise<ResultRecordSnapshot> {
    ResultsAccess.require(ResultsAccess.canRecord(identity), 'record a result for an institution');
    const institutionId = identity.institutionId!;
    const groupId = identity.groupId!;
    const regionId = await this.registry.cityOfInstitution(institutionId);
    const item = regionId === null ? null : await this.catalogues.findItem(regionId, command.itemCode);
    if (!item) {
      throw new ResultsError(
        ResultsErrorCode.UnknownItem,
        `item ${command.itemCode} is not in your region's catalogue`,
        'itemCode',
      );
    }
    if (item.kind === 'remote-consultation') {
      throw new ResultsError(
        ResultsErrorCode.ItemNotReportable,
        'a consultation is not a result',
        'itemCode',
      );
    }
    if (item.kind === 'imaging' && command.study === null) {
      throw new ResultsError(
        ResultsErrorCode.ItemNotReportable,
        'an imaging result names its study',
        'study',
      );
    }
    await this.checkPatientOfGroup(command.patientResidentId, groupId, now);
    return this.uow.run(() =>
      this.requests.createOnce(
        {
          operation: 'record-result',
          clientRequestId: command.clientRequestId,
          request: { ...command, clientRequestId: undefined, institutionId },
        },
        {
          load: async (id) => (await this.results.find(id, false))?.snapshot() ?? null,
          create: async () => {
            const performer = await this.performers.performer(institutionId, command.performedAt);
            const record = ResultRecord.fromPartner(
              uuidv7(),
              {
                groupId,
                patientResidentId: command.patientResidentId,
                itemCode: item.code,
                itemKind: item.kind,
                itemDataClass: item.dataClass,
                performedAt: command.performedAt,
                reportedAt: command.reportedAt,
                observations: command.observations,
                conclusion: command.conclusion,
                study: command.study,
              },
              performer,
            );
            await this.results.insert(record);
            for (const change of record.pullEvents()) await this.events.resultChanged(change, now);
            return { id: record.id, result: record.snapshot() };
          },
        },
      ),
    );
  }

  /** A patient contracted only with other groups' institutions is another group's patient. */
  private async checkPatientOfGroup(patientResidentId: string, groupId: string, now: Date): Promise<void> {
    const contracted = await this.registry.contractedInstitutions(patientResidentId, localDate(now));
    if (contracted.length === 0) return;
    for (const institutionId of contracted) {
      if ((await this.registry.institution(institutionId))?.groupId === groupId) return;
    }
    throw new ResultsError(
      ResultsErrorCode.PatientOfAnotherGroup,
      "the patient's family-doctor contracts are all with another group's institutions",
      'patientResidentId',
    );
  }
}
