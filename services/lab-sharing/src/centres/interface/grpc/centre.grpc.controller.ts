import { Injectable } from '@nestjs/common';
import { centreServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer } from '@medgrid/grpc';
import { AddServedInstitutionCommand } from '../../application/add-served-institution/add-served-institution.command';
import { AddServedInstitutionUseCase } from '../../application/add-served-institution/add-served-institution.use-case';
import { CloseCentreCommand } from '../../application/close-centre/close-centre.command';
import { CloseCentreUseCase } from '../../application/close-centre/close-centre.use-case';
import { GetCentreQuery } from '../../application/get-centre/get-centre.query';
import { GetCentreUseCase } from '../../application/get-centre/get-centre.use-case';
import { GetLabQualityQuery } from '../../application/get-lab-quality/get-lab-quality.query';
import { GetLabQualityUseCase } from '../../application/get-lab-quality/get-lab-quality.use-case';
import { ListCentreReportersQuery } from '../../application/list-centre-reporters/list-centre-reporters.query';
import { ListCentreReportersUseCase } from '../../application/list-centre-reporters/list-centre-reporters.use-case';
import { ListCentresQuery } from '../../application/list-centres/list-centres.query';
import { ListCentresUseCase } from '../../application/list-centres/list-centres.use-case';
import { RecordLabQualityCommand } from '../../application/record-lab-quality/record-lab-quality.command';
import { RecordLabQualityUseCase } from '../../application/record-lab-quality/record-lab-quality.use-case';
import { RegisterCentreCommand } from '../../application/register-centre/register-centre.command';
import { RegisterCentreUseCase } from '../../application/register-centre/register-centre.use-case';
import { RemoveServedInstitutionCommand } from '../../application/remove-served-institution/remove-served-institution.command';
import { RemoveServedInstitutionUseCase } from '../../application/remove-served-institution/remove-served-institution.use-case';
import {
  centreKindFromProto,
  centreReporterToProto,
  labQualityKindFromProto,
  labQualityRecordToProto,
  sharedCentreToProto,
} from '../../contracts/shared-centre.proto-mapper';

/** medgrid.lab_sharing.v1.CentreService. */
@Injectable()
export class CentreGrpcController implements GrpcController {
  constructor(
    private readonly registerCentre: RegisterCentreUseCase,
    private readonly addServed: AddServedInstitutionUseCase,
    private readonly removeServed: RemoveServedInstitutionUseCase,
    private readonly closeCentre: CloseCentreUseCase,
    private readonly getCentre: GetCentreUseCase,
    private readonly listCentres: ListCentresUseCase,
    private readonly listReporters: ListCentreReportersUseCase,
    private readonly recordQuality: RecordLabQualityUseCase,
    private readonly getQuality: GetLabQualityUseCase,
  ) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.lab_sharing.v1.CentreService', centreServiceV1.CentreServiceService, {
      // rpc RegisterCentre
      registerCentre: async (r, { identity }) => ({
        centre: sharedCentreToProto(
          await this.registerCentre.execute(
            identity,
            RegisterCentreCommand.create({ ...r, kind: centreKindFromProto(r.kind) }),
          ),
        ),
      }),
      // rpc AddServedInstitution
      addServedInstitution: async (r, { identity }) => ({
        centre: sharedCentreToProto(
          await this.addServed.execute(identity, AddServedInstitutionCommand.create(r)),
        ),
      }),
      // rpc RemoveServedInstitution
      removeServedInstitution: async (r, { identity }) => ({
        centre: sharedCentreToProto(
          await this.removeServed.execute(identity, RemoveServedInstitutionCommand.create(r)),
        ),
      }),
      // rpc CloseCentre
      closeCentre: async (r, { identity }) => ({
        centre: sharedCentreToProto(await this.closeCentre.execute(identity, CloseCentreCommand.create(r))),
      }),
      // rpc GetCentre
      getCentre: async (r, { identity }) => ({
        centre: sharedCentreToProto(await this.getCentre.execute(identity, GetCentreQuery.create(r))),
      }),
      // rpc ListCentres
      listCentres: async (r, { identity }) => {
        const page = await this.listCentres.execute(
          identity,
          ListCentresQuery.create({ ...r, kind: centreKindFromProto(r.kind) }),
        );
        return { centres: page.centres.map(sharedCentreToProto), nextPageToken: page.nextPageToken };
      },
      // rpc ListCentreReporters
      listCentreReporters: async (r, { identity }) => ({
        reporters: (await this.listReporters.execute(identity, ListCentreReportersQuery.create(r))).map(
          centreReporterToProto,
        ),
      }),
      // rpc RecordLabQuality
      recordLabQuality: async (r, { identity }) => ({
        record: labQualityRecordToProto(
          await this.recordQuality.execute(
            identity,
            RecordLabQualityCommand.create({ ...r, kind: labQualityKindFromProto(r.kind) }),
          ),
        ),
      }),
      // rpc GetLabQuality
      getLabQuality: async (r, { identity }) => {
        const view = await this.getQuality.execute(identity, GetLabQualityQuery.create(r));
        return {
          records: view.records.map(labQualityRecordToProto),
          accredited: view.now.accredited,
          qualityControlPassed: view.now.qualityControlPassed,
        };
      },
    });
  }
}
