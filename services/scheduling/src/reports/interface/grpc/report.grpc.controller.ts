import { Injectable } from '@nestjs/common';
import { reportServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer } from '@medgrid/grpc';
import { GetDailyReportQuery } from '../../application/get-daily-report/get-daily-report.query';
import { GetDailyReportUseCase } from '../../application/get-daily-report/get-daily-report.use-case';

/** medgrid.scheduling.v1.ReportService. */
@Injectable()
export class ReportGrpcController implements GrpcController {
  constructor(private readonly getDailyReport: GetDailyReportUseCase) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.scheduling.v1.ReportService', reportServiceV1.ReportServiceService, {
      // rpc GetDailyReport
      getDailyReport: async (r, { identity }) => {
        const { institutionId, date, slots, beds } = await this.getDailyReport.execute(
          identity,
          GetDailyReportQuery.create(r),
        );
        return {
          institutionId,
          date,
          slots: {
            sessions: slots.sessions,
            offered: slots.offered,
            reservedOffered: slots.reservedOffered,
            reservedUsed: slots.reservedUsed,
            reservedReleased: slots.reservedReleased,
            reservedEmpty: slots.reservedEmpty,
            publicUsed: slots.publicUsed,
            reservedRatioBp: slots.ratioBp,
            targetRatioBp: slots.targetBp,
            targetMet: slots.met,
          },
          beds: {
            beds: beds.beds,
            reservedBeds: beds.reservedBeds,
            reservedOccupied: beds.reservedOccupied,
            publicOccupied: beds.publicOccupied,
            referralAdmissions: beds.referralAdmissions,
            reservedRatioBp: beds.ratioBp,
            targetRatioBp: beds.targetBp,
            targetMet: beds.met,
          },
        };
      },
    });
  }
}
