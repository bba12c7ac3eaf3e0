import { Injectable } from '@nestjs/common';
import { prescribingServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer, readPurpose } from '@medgrid/grpc';
import { CheckPrescriptionCommand } from '../../application/check-prescription/check-prescription.command';
import { CheckPrescriptionUseCase } from '../../application/check-prescription/check-prescription.use-case';
import { GetPrescribingStatisticsQuery } from '../../application/get-prescribing-statistics/get-prescribing-statistics.query';
import { GetPrescribingStatisticsUseCase } from '../../application/get-prescribing-statistics/get-prescribing-statistics.use-case';
import {
  prescribingStatisticsToProto,
  prescriptionCheckToProto,
} from '../../contracts/prescribing.proto-mapper';

/** medgrid.pharmacy.v1.PrescribingService. */
@Injectable()
export class PrescribingGrpcController implements GrpcController {
  constructor(
    private readonly checkPrescription: CheckPrescriptionUseCase,
    private readonly getStatistics: GetPrescribingStatisticsUseCase,
  ) {}

  register(server: GrpcServer): void {
    server.addService(
      'medgrid.pharmacy.v1.PrescribingService',
      prescribingServiceV1.PrescribingServiceService,
      {
        // rpc CheckPrescription
        checkPrescription: async (r, { identity, metadata }) => {
          const { check, contractedResident } = await this.checkPrescription.execute(
            identity,
            CheckPrescriptionCommand.create({ ...r, 'x-purpose': readPurpose(metadata) }),
          );
          return prescriptionCheckToProto(check, contractedResident);
        },
        // rpc GetPrescribingStatistics
        getPrescribingStatistics: async (r, { identity }) =>
          prescribingStatisticsToProto(
            await this.getStatistics.execute(identity, GetPrescribingStatisticsQuery.create(r)),
          ),
      },
    );
  }
}
