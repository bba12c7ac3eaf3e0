import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { SharedCentreRepository } from '../../../centres/domain/shared-centre.repository';
import { type ReportSnapshot } from '../../domain/report';
import { supervisorView } from '../../domain/report-masking';
import { ReportRepository } from '../../domain/report.repository';
import { ReportingError, ReportingErrorCode } from '../../domain/reporting-error';
import { ReportingAccess } from '../reporting-access.policy';
import { type GetReportQuery } from './get-report.query';

/**
 * GetReport: the ordering site, the centre's host or the group's administrator reads a report with every signed
 * version, audited. The draft is the centre's work in progress: others get the report without it; the group's
 * administrator supervises and reads a sensitive report's content masked (supervisorView).
 */
@Injectable()
export class GetReportUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reports: ReportRepository,
    private readonly centres: SharedCentreRepository,
    private readonly audit: AuditTrail,
  ) {}

  execute(identity: Identity, query: GetReportQuery): Promise<ReportSnapshot> {
    return this.uow.run(async () => {
      const by = query.by;
      const report =
        'reportId' in by
          ? await this.reports.find(by.reportId, false)
          : await this.reports.findByOrder(by.orderId, false);
      if (!report) {
        throw new ReportingError(
          ReportingErrorCode.ReportNotFound,
          'reportId' in by
            ? 'no report with this id'
            : 'the order has no report (its exam data has not arrived)',
          'reportId' in by ? 'reportId' : 'orderId',
        );
      }
      const centre = (await this.centres.findById(report.centreId))?.snapshot() ?? null;
      ReportingAccess.require(ReportingAccess.canSeeReport(identity, report, centre), 'read this report');
      await this.audit.recordRead(identity, { kind: 'lab-report', id: report.id }, query.purpose);
      if (identity.role === 'group-admin') return supervisorView(report);
      const ofTheCentre = centre !== null && identity.institutionId === centre.hostInstitutionId;
      return ofTheCentre ? report : { ...report, draft: null };
    });
  }
}
