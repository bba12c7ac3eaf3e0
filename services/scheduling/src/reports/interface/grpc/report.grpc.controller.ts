import { Injectable } from '@nestjs/common';
import { reportServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer } from '@medgrid/grpc';
import { DailyReportQuery } from '../../application/daily-report.query';

/** medgrid.scheduling.v1.ReportService. */
@Injectable()
export class ReportGrpcController implements GrpcController {
  constructor(private readonly reports: DailyReportQuery) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.scheduling.v1.ReportService', reportServiceV1.ReportServiceService, {
      // rpc GetDailyReport
      getDailyReport: async (r, { identity }) => {
        const { institutionId, date, slots, beds } = await this.reports.get(
          identity,
          r.institutionId,
          r.date,
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
