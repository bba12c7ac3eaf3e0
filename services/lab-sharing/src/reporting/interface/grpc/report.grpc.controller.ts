import { Injectable } from '@nestjs/common';
import { labReportServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer, readPurpose } from '@medgrid/grpc';
import { AcknowledgeCriticalValueCommand } from '../../application/acknowledge-critical-value/acknowledge-critical-value.command';
import { AcknowledgeCriticalValueUseCase } from '../../application/acknowledge-critical-value/acknowledge-critical-value.use-case';
import { AmendReportCommand } from '../../application/amend-report/amend-report.command';
import { AmendReportUseCase } from '../../application/amend-report/amend-report.use-case';
import { ClaimReportCommand } from '../../application/claim-report/claim-report.command';
import { ClaimReportUseCase } from '../../application/claim-report/claim-report.use-case';
import { GetReportQuery } from '../../application/get-report/get-report.query';
import { GetReportUseCase } from '../../application/get-report/get-report.use-case';
import { GetWorklistQuery } from '../../application/get-worklist/get-worklist.query';
import { GetWorklistUseCase } from '../../application/get-worklist/get-worklist.use-case';
import { ListCriticalValuesQuery } from '../../application/list-critical-values/list-critical-values.query';
import { ListCriticalValuesUseCase } from '../../application/list-critical-values/list-critical-values.use-case';
import { ReleaseReportCommand } from '../../application/release-report/release-report.command';
import { ReleaseReportUseCase } from '../../application/release-report/release-report.use-case';
import { SaveDraftCommand } from '../../application/save-draft/save-draft.command';
import { SaveDraftUseCase } from '../../application/save-draft/save-draft.use-case';
import { SignReportCommand } from '../../application/sign-report/sign-report.command';
import { SignReportUseCase } from '../../application/sign-report/sign-report.use-case';
import {
  contentFromProto,
  criticalStatusFromProto,
  criticalValueToProto,
  reportToProto,
  worklistEntryToProto,
} from '../../contracts/report.proto-mapper';

/** medgrid.lab_sharing.v1.ReportService. */
@Injectable()
export class ReportGrpcController implements GrpcController {
  constructor(
    private readonly getWorklist: GetWorklistUseCase,
    private readonly claimReport: ClaimReportUseCase,
    private readonly releaseReport: ReleaseReportUseCase,
    private readonly saveDraft: SaveDraftUseCase,
    private readonly signReport: SignReportUseCase,
    private readonly amendReport: AmendReportUseCase,
    private readonly getReport: GetReportUseCase,
    private readonly acknowledge: AcknowledgeCriticalValueUseCase,
    private readonly listCriticalValues: ListCriticalValuesUseCase,
  ) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.lab_sharing.v1.ReportService', labReportServiceV1.ReportServiceService, {
      // rpc GetWorklist: an audited read of every report on the page.
      getWorklist: async (r, { identity, metadata }) => {
        const page = await this.getWorklist.execute(
          identity,
          GetWorklistQuery.create({ ...r, 'x-purpose': readPurpose(metadata) }),
        );
        return { entries: page.entries.map(worklistEntryToProto), nextPageToken: page.nextPageToken };
      },
      // rpc ClaimReport
      claimReport: async (r, { identity }) => ({
        report: reportToProto(await this.claimReport.execute(identity, ClaimReportCommand.create(r))),
      }),
      // rpc ReleaseReport
      releaseReport: async (r, { identity }) => ({
        report: reportToProto(await this.releaseReport.execute(identity, ReleaseReportCommand.create(r))),
      }),
      // rpc SaveDraft
      saveDraft: async (r, { identity }) => ({
        report: reportToProto(
          await this.saveDraft.execute(
            identity,
            SaveDraftCommand.create({ ...r, content: contentFromProto(r.content) }),
          ),
        ),
      }),
      // rpc SignReport
      signReport: async (r, { identity }) => {
        const done = await this.signReport.execute(identity, SignReportCommand.create(r));
        return {
          report: reportToProto(done.report),
          criticalValue: done.criticalValue ? criticalValueToProto(done.criticalValue) : undefined,
        };
      },
      // rpc AmendReport
      amendReport: async (r, { identity }) => {
        const done = await this.amendReport.execute(
          identity,
          AmendReportCommand.create({ ...r, content: contentFromProto(r.content) }),
        );
        return {
          report: reportToProto(done.report),
          criticalValue: done.criticalValue ? criticalValueToProto(done.criticalValue) : undefined,
        };
      },
      // rpc GetReport: an audited read; the purpose comes from x-purpose metadata.
      getReport: async (r, { identity, metadata }) => ({
        report: reportToProto(
          await this.getReport.execute(
            identity,
            GetReportQuery.create({ ...r, 'x-purpose': readPurpose(metadata) }),
          ),
        ),
      }),
      // rpc AcknowledgeCriticalValue
      acknowledgeCriticalValue: async (r, { identity }) => ({
        criticalValue: criticalValueToProto(
          await this.acknowledge.execute(identity, AcknowledgeCriticalValueCommand.create(r)),
        ),
      }),
      // rpc ListCriticalValues: an audited read of every alert on the page.
      listCriticalValues: async (r, { identity, metadata }) => {
        const page = await this.listCriticalValues.execute(
          identity,
          ListCriticalValuesQuery.create({
            ...r,
            status: criticalStatusFromProto(r.status),
            'x-purpose': readPurpose(metadata),
          }),
        );
        return {
          criticalValues: page.criticalValues.map(criticalValueToProto),
          nextPageToken: page.nextPageToken,
        };
      },
    });
  }
}
