import { Injectable } from '@nestjs/common';
import { bedServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer, readPurpose } from '@medgrid/grpc';
import { admissionStatusFromProto, admissionToProto, wardToProto } from '../../contracts/bed.proto-mapper';
import { poolFromProto } from '../../../booking/contracts/booking.proto-mapper';
import { AdmissionQueries } from '../../application/admission-queries';
import { AdmissionsUseCase } from '../../application/admissions.use-case';
import { ManageWardsUseCase } from '../../application/manage-wards.use-case';

/** medgrid.scheduling.v1.BedService. */
@Injectable()
export class BedGrpcController implements GrpcController {
  constructor(
    private readonly wards: ManageWardsUseCase,
    private readonly admissions: AdmissionsUseCase,
    private readonly queries: AdmissionQueries,
  ) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.scheduling.v1.BedService', bedServiceV1.BedServiceService, {
      // rpc RegisterWard
      registerWard: async (r, { identity }) => ({
        ward: wardToProto(await this.wards.register(identity, r)),
      }),
      // rpc GetWard
      getWard: async (r, { identity }) => ({ ward: wardToProto(await this.wards.ward(identity, r.wardId)) }),
      // rpc RequestAdmission
      requestAdmission: async (r, { identity }) => ({
        admission: admissionToProto(await this.admissions.request(identity, r)),
      }),
      // rpc AssignBed
      assignBed: async (r, { identity }) => ({
        admission: admissionToProto(
          await this.admissions.assignBed(identity, { ...r, pool: poolFromProto(r.pool) }),
        ),
      }),
      // rpc Discharge
      discharge: async (r, { identity }) => ({
        admission: admissionToProto(await this.admissions.discharge(identity, r)),
      }),
      // rpc CancelAdmission
      cancelAdmission: async (r, { identity }) => ({
        admission: admissionToProto(await this.admissions.cancel(identity, r)),
      }),
      // rpc GetAdmission: an audited read; the purpose comes from x-purpose metadata.
      getAdmission: async (r, { identity, metadata }) => ({
        admission: admissionToProto(
          await this.queries.admission(identity, r.admissionId, readPurpose(metadata)),
        ),
      }),
      // rpc ListAdmissions: an audited read of every admission on the page.
      listAdmissions: async (r, { identity, metadata }) => {
        const page = await this.queries.list(
          identity,
          { ...r, status: admissionStatusFromProto(r.status) },
          readPurpose(metadata),
        );
        return { admissions: page.admissions.map(admissionToProto), nextPageToken: page.nextPageToken };
      },
    });
  }
}
