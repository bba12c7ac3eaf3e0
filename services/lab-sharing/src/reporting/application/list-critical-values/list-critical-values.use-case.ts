import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { type PageKey, pageOf } from '@medgrid/kernel';
import { RegistryView } from '@medgrid/registry-view';
import { type CriticalValueAlertSnapshot } from '../../domain/critical-value';
import { CriticalValueAlertRepository } from '../../domain/critical-value-alert.repository';
import { ReportingAccess } from '../reporting-access.policy';
import { type ListCriticalValuesQuery } from './list-critical-values.query';

export interface CriticalValuePage {
  readonly criticalValues: CriticalValueAlertSnapshot[];
  readonly nextPageToken: string;
}

/** ListCriticalValues: the ordering site's (or, supervising, its group administrator's) alerts, audited. */
@Injectable()
export class ListCriticalValuesUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly alerts: CriticalValueAlertRepository,
    private readonly registry: RegistryView,
    private readonly audit: AuditTrail,
  ) {}

  execute(identity: Identity, query: ListCriticalValuesQuery): Promise<CriticalValuePage> {
    const { page } = query;
    return this.uow.run(async () => {
      const site = await this.registry.institution(query.orderingInstitutionId);
      ReportingAccess.require(
        ReportingAccess.canListCriticalValues(identity, {
          id: query.orderingInstitutionId,
          groupId: site?.groupId ?? null,
        }),
        "list this institution's critical values",
      );
      const rows = await this.alerts.list({
        orderingInstitutionId: query.orderingInstitutionId,
        status: query.status,
        after: page.after,
        limit: page.limit,
      });
      const { items, nextPageToken } = pageOf(rows, page, (a): PageKey => [a.raisedAt.toISOString(), a.id]);
      await this.audit.recordReads(
        identity,
        items.map((a) => ({ kind: 'critical-value', id: a.id })),
        query.purpose,
      );
      return { criticalValues: items, nextPageToken };
    });
  }
}
