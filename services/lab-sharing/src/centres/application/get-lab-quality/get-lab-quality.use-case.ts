import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { type LabQuality, type LabQualityRecordSnapshot, qualityAt } from '../../domain/lab-quality';
import { LabQualityRepository } from '../../domain/lab-quality.repository';
import { type GetLabQualityQuery } from './get-lab-quality.query';

export interface LabQualityView {
  /** Newest validity first. */
  readonly records: LabQualityRecordSnapshot[];
  /** What they show at the time of the call. */
  readonly now: LabQuality;
}

/**
 * GetLabQuality: open to every caller, as accreditation (CNAS publishes it) and quality-assessment results are
 * public; no patient data. An institution with no record has shown nothing.
 */
@Injectable()
export class GetLabQualityUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly quality: LabQualityRepository,
  ) {}

  async execute(_identity: Identity, query: GetLabQualityQuery, now = new Date()): Promise<LabQualityView> {
    const records = await this.uow.run(() => this.quality.recordsOf(query.institutionId));
    return { records: records.map((record) => record.snapshot()), now: qualityAt(records, now) };
  }
}
