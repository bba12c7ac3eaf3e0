import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { type ResidentSnapshot } from '../../domain/resident';
import { ResidentRepository } from '../../domain/resident.repository';
import { VisibleCare } from '../visible-care';
import { type GetResidentQuery } from './get-resident.query';

/**
 * GetResident: personal data, for the groups that serve the resident. The audit record is
 * written before the data leaves; a resident the caller may not see is reported as not found.
 */
@Injectable()
export class GetResidentUseCase {
  constructor(
    private readonly residents: ResidentRepository,
    private readonly care: VisibleCare,
    private readonly audit: AuditTrail,
  ) {}

  async execute(identity: Identity, query: GetResidentQuery): Promise<ResidentSnapshot> {
    const resident =
      'residentIdNumber' in query.by
        ? await this.residents.findByIdNumber(query.by.residentIdNumber)
        : await this.residents.findById(query.by.id);
    const care = await this.care.of(identity, resident);
    await this.audit.recordRead(identity, { kind: 'resident', id: care.resident.id }, query.purpose);
    return care.resident;
  }
}
