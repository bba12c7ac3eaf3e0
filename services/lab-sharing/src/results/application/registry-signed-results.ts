import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { type OrderSnapshot } from '../../orders/domain/order';
import { Report, type ReportSnapshot } from '../../reporting/domain/report';
import { SignedResults } from '../../reporting/domain/signed-results';
import { ResultRecord } from '../domain/result-record';
import { ResultRecordRepository } from '../domain/result-record.repository';
import { ResultEventPublisher } from '../domain/result-event-publisher';
import { PerformerLookup } from './performer-lookup';

/**
 * Reporting's SignedResults, answered by the result registry in the transaction that signs or amends: a first
 * signature records the result (the ordering site is the performer, as it performed the exam), an amendment
 * brings the result to the version in force; an older version than the one kept changes nothing.
 */
@Injectable()
export class RegistrySignedResults extends SignedResults {
  constructor(
    private readonly results: ResultRecordRepository,
    private readonly events: ResultEventPublisher,
    private readonly performers: PerformerLookup,
  ) {
    super();
  }

  async keep(report: ReportSnapshot, order: OrderSnapshot, at: Date): Promise<void> {
    const signed = Report.restore(report);
    const existing = await this.results.findByReport(report.id, true);
    let record: ResultRecord;
    if (existing) {
      record = existing;
      const readVersion = record.snapshot().version;
      record.followAmendment(signed);
      if (record.snapshot().version === readVersion) return;
      await this.results.update(record, readVersion);
    } else {
      const performer = await this.performers.performer(
        order.orderingInstitutionId,
        order.performedAt ?? report.receivedAt,
      );
      record = ResultRecord.fromReport(uuidv7(), signed, order, performer);
      await this.results.insert(record);
    }
    for (const change of record.pullEvents()) await this.events.resultChanged(change, at);
  }
}
