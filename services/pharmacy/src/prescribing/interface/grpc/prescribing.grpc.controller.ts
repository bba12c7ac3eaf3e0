import { Injectable } from '@nestjs/common';
import { prescribingServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer, readPurpose } from '@medgrid/grpc';
import { CheckPrescriptionCommand } from '../../application/check-prescription/check-prescription.command';
import { CheckPrescriptionUseCase } from '../../application/check-prescription/check-prescription.use-case';
import { prescriptionCheckToProto } from '../../contracts/prescribing.proto-mapper';

/** medgrid.pharmacy.v1.PrescribingService. */
@Injectable()
export class PrescribingGrpcController implements GrpcController {
  constructor(private readonly checkPrescription: CheckPrescriptionUseCase) {}

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
      },
    );
  }
}
