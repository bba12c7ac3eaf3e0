import { Injectable } from '@nestjs/common';
import { RegistryView } from '@medgrid/registry-view';
import { LabQualityRepository } from '../../centres/domain/lab-quality.repository';
import { type Performer } from '../domain/result-record';

/**
 * The performing institution as a result keeps it: its group and city from the registry's view, and the quality
 * it had shown when it performed the exam (accreditation, quality control) from the centres' quality records. Kept
 * with the result, so "already done?" reads no other table.
 */
@Injectable()
export class PerformerLookup {
  constructor(
    private readonly registry: RegistryView,
    private readonly quality: LabQualityRepository,
  ) {}

  async performer(institutionId: string, performedAt: Date): Promise<Performer> {
    // One after the other: inside RecordResult's transaction the three reads share one connection, and node-postgres
    // does not take a query while another is running on it (deprecated now, an error in its next major version).
    const institution = await this.registry.institution(institutionId);
    const regionId = await this.registry.cityOfInstitution(institutionId);
    const quality = await this.quality.qualityOf(institutionId, performedAt);
    return {
      institutionId,
      groupId: institution?.groupId ?? null,
      regionId,
      quality: { accredited: quality.accredited, qualityControlPassed: quality.qualityControlPassed },
    };
  }
}
