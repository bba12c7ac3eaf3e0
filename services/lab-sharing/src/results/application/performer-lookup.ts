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
    const [institution, regionId, quality] = await Promise.all([
      this.registry.institution(institutionId),
      this.registry.cityOfInstitution(institutionId),
      this.quality.qualityOf(institutionId, performedAt),
    ]);
    return {
      institutionId,
      groupId: institution?.groupId ?? null,
      regionId,
      quality: { accredited: quality.accredited, qualityControlPassed: quality.qualityControlPassed },
    };
  }
}
