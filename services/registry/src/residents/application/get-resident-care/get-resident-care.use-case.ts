import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { ResidentRepository } from '../../domain/resident.repository';
import { type ResidentCare, VisibleCare } from '../visible-care';
import { type GetResidentCareQuery } from './get-resident-care.query';

/**
 * GetResidentCare: personal data, for the groups that serve the resident. The audit record is
 * written before the data leaves; a resident the caller may not see is reported as not found.
 */
@Injectable()
export class GetResidentCareUseCase {
  constructor(
    private readonly residents: ResidentRepository,
    private readonly care: VisibleCare,
    private readonly audit: AuditTrail,
  ) {}

  async execute(identity: Identity, query: GetResidentCareQuery, now = new Date()): Promise<ResidentCare> {
    const resident = await this.residents.findByIdNumber(query.residentIdNumber);
    const care = await this.care.of(identity, resident, now);
    await this.audit.recordRead(identity, { kind: 'resident', id: care.resident.id }, query.purpose);
    return care;
  }
}
