import { Injectable } from '@nestjs/common';
import { bedServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer, readPurpose } from '@medgrid/grpc';
import { admissionStatusFromProto, admissionToProto, wardToProto } from '../../contracts/bed.proto-mapper';
import { poolFromProto } from '../../../booking/contracts/booking.proto-mapper';
import { AssignBedCommand } from '../../application/assign-bed/assign-bed.command';
import { AssignBedUseCase } from '../../application/assign-bed/assign-bed.use-case';
import { CancelAdmissionCommand } from '../../application/cancel-admission/cancel-admission.command';
import { CancelAdmissionUseCase } from '../../application/cancel-admission/cancel-admission.use-case';
import { DischargePatientCommand } from '../../application/discharge-patient/discharge-patient.command';
import { DischargePatientUseCase } from '../../application/discharge-patient/discharge-patient.use-case';
import { GetAdmissionQuery } from '../../application/get-admission/get-admission.query';
import { GetAdmissionUseCase } from '../../application/get-admission/get-admission.use-case';
import { GetWardQuery } from '../../application/get-ward/get-ward.query';
import { GetWardUseCase } from '../../application/get-ward/get-ward.use-case';
import { ListAdmissionsQuery } from '../../application/list-admissions/list-admissions.query';
import { ListAdmissionsUseCase } from '../../application/list-admissions/list-admissions.use-case';
import { RegisterWardCommand } from '../../application/register-ward/register-ward.command';
import { RegisterWardUseCase } from '../../application/register-ward/register-ward.use-case';
import { RequestAdmissionCommand } from '../../application/request-admission/request-admission.command';
import { RequestAdmissionUseCase } from '../../application/request-admission/request-admission.use-case';

/** medgrid.scheduling.v1.BedService. */
@Injectable()
export class BedGrpcController implements GrpcController {
  constructor(
    private readonly registerWard: RegisterWardUseCase,
    private readonly getWard: GetWardUseCase,
    private readonly requestAdmission: RequestAdmissionUseCase,
    private readonly assignBed: AssignBedUseCase,
    private readonly discharge: DischargePatientUseCase,
    private readonly cancelAdmission: CancelAdmissionUseCase,
    private readonly getAdmission: GetAdmissionUseCase,
    private readonly listAdmissions: ListAdmissionsUseCase,
  ) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.scheduling.v1.BedService', bedServiceV1.BedServiceService, {
      // rpc RegisterWard
      registerWard: async (r, { identity }) => ({
        ward: wardToProto(await this.registerWard.execute(identity, RegisterWardCommand.create(r))),
      }),
      // rpc GetWard
      getWard: async (r, { identity }) => ({
        ward: wardToProto(await this.getWard.execute(identity, GetWardQuery.create(r))),
      }),
      // rpc RequestAdmission
      requestAdmission: async (r, { identity }) => ({
        admission: admissionToProto(
          await this.requestAdmission.execute(identity, RequestAdmissionCommand.create(r)),
        ),
      }),
      // rpc AssignBed
      assignBed: async (r, { identity }) => ({
        admission: admissionToProto(
          await this.assignBed.execute(
            identity,
            AssignBedCommand.create({ ...r, pool: poolFromProto(r.pool) }),
          ),
        ),
      }),
      // rpc Discharge
      discharge: async (r, { identity }) => ({
        admission: admissionToProto(
          await this.discharge.execute(identity, DischargePatientCommand.create(r)),
        ),
      }),
      // rpc CancelAdmission
      cancelAdmission: async (r, { identity }) => ({
        admission: admissionToProto(
          await this.cancelAdmission.execute(identity, CancelAdmissionCommand.create(r)),
        ),
      }),
      // rpc GetAdmission: an audited read; the purpose comes from x-purpose metadata.
      getAdmission: async (r, { identity, metadata }) => ({
        admission: admissionToProto(
          await this.getAdmission.execute(
            identity,
            GetAdmissionQuery.create({ ...r, purpose: readPurpose(metadata) }),
          ),
        ),
      }),
      // rpc ListAdmissions: an audited read of every admission on the page.
      listAdmissions: async (r, { identity, metadata }) => {
        const query = ListAdmissionsQuery.create({
          ...r,
          status: admissionStatusFromProto(r.status),
          purpose: readPurpose(metadata),
        });
        const page = await this.listAdmissions.execute(identity, query);
        return { admissions: page.admissions.map(admissionToProto), nextPageToken: page.nextPageToken };
      },
    });
  }
}
