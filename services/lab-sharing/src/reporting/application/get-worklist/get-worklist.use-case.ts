import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { type PageKey, pageOf } from '@medgrid/kernel';
import { SharedCentreRepository } from '../../../centres/domain/shared-centre.repository';
import { urgencyRank } from '../../../common/urgency';
import { supervisorView } from '../../domain/report-masking';
import { ReportRepository } from '../../domain/report.repository';
import { ReportingError, ReportingErrorCode } from '../../domain/reporting-error';
import { worklist, type WorklistEntry } from '../../domain/worklist';
import { ReportingAccess } from '../reporting-access.policy';
import { ReportingRules } from '../reporting-rules';
import { type GetWorklistQuery } from './get-worklist.query';

export interface WorklistPage {
  readonly entries: WorklistEntry[];
  /** Empty on the last page. */
  readonly nextPageToken: string;
}

/**
 * GetWorklist: a centre's reports still to sign, emergency first then the longest waiting, each marked overdue
 * past its due time and taken while a claim on it is not idle. The centre's host (or the group's administrator)
 * reads it; every report on the page is audited.
 */
@Injectable()
export class GetWorklistUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reports: ReportRepository,
    private readonly centres: SharedCentreRepository,
    private readonly rules: ReportingRules,
    private readonly audit: AuditTrail,
  ) {}

  execute(identity: Identity, query: GetWorklistQuery, now = new Date()): Promise<WorklistPage> {
    const { page } = query;
    return this.uow.run(async () => {
      const centre = await this.centres.findById(query.centreId);
      if (!centre) {
        throw new ReportingError(
          ReportingErrorCode.CentreNotFound,
          'no shared centre with this id',
          'centreId',
        );
      }
      ReportingAccess.require(
        ReportingAccess.canSeeWorklist(identity, centre.snapshot()),
        "see this centre's worklist",
      );
      const rows = await this.reports.worklist(centre.id, page.after, page.limit);
      const { items, nextPageToken } = pageOf(rows, page, (r): PageKey => [
        urgencyRank(r.urgency),
        r.receivedAt.toISOString(),
        r.id,
      ]);
      await this.audit.recordReads(
        identity,
        items.map((r) => ({ kind: 'lab-report', id: r.id })),
        query.purpose,
      );
      // The group's administrator supervises the worklist: no drafts, no sensitive content.
      const shown = identity.role === 'group-admin' ? items.map(supervisorView) : items;
      return { entries: worklist(shown, now, this.rules.claimIdleMs), nextPageToken };
    });
  }
}
