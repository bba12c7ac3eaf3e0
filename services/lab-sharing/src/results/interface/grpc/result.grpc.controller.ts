import { Injectable } from '@nestjs/common';
import { resultServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer, readPurpose } from '@medgrid/grpc';
import { GetResultFhirQuery } from '../../application/get-result-fhir/get-result-fhir.query';
import { GetResultFhirUseCase } from '../../application/get-result-fhir/get-result-fhir.use-case';
import { GetResultQuery } from '../../application/get-result/get-result.query';
import { GetResultUseCase } from '../../application/get-result/get-result.use-case';
import { ListPatientResultsQuery } from '../../application/list-patient-results/list-patient-results.query';
import { ListPatientResultsUseCase } from '../../application/list-patient-results/list-patient-results.use-case';
import { MarkResultEnteredInErrorCommand } from '../../application/mark-result-entered-in-error/mark-result-entered-in-error.command';
import { MarkResultEnteredInErrorUseCase } from '../../application/mark-result-entered-in-error/mark-result-entered-in-error.use-case';
import { RecordResultCommand } from '../../application/record-result/record-result.command';
import { RecordResultUseCase } from '../../application/record-result/record-result.use-case';
import { observationFromProto, resultToProto, studyFromProto } from '../../contracts/result.proto-mapper';

/** medgrid.lab_sharing.v1.ResultService. */
@Injectable()
export class ResultGrpcController implements GrpcController {
  constructor(
    private readonly recordResult: RecordResultUseCase,
    private readonly markEnteredInError: MarkResultEnteredInErrorUseCase,
    private readonly getResult: GetResultUseCase,
    private readonly listPatientResults: ListPatientResultsUseCase,
    private readonly getResultFhir: GetResultFhirUseCase,
  ) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.lab_sharing.v1.ResultService', resultServiceV1.ResultServiceService, {
      // rpc RecordResult
      recordResult: async (r, { identity }) => {
        const result = await this.recordResult.execute(
          identity,
          RecordResultCommand.create({
            ...r,
            observations: r.observations.map(observationFromProto),
            study: studyFromProto(r.study),
          }),
        );
        // The recorder performed it: it sees what it sent.
        return { result: resultToProto({ masked: false, result }) };
      },
      // rpc MarkResultEnteredInError
      markResultEnteredInError: async (r, { identity }) => {
        const result = await this.markEnteredInError.execute(
          identity,
          MarkResultEnteredInErrorCommand.create(r),
        );
        return { result: resultToProto({ masked: false, result }) };
      },
      // rpc GetResult
      getResult: async (r, { identity, metadata }) => ({
        result: resultToProto(
          await this.getResult.execute(
            identity,
            GetResultQuery.create({ ...r, 'x-purpose': readPurpose(metadata) }),
          ),
        ),
      }),
      // rpc ListPatientResults
      listPatientResults: async (r, { identity, metadata }) => {
        const page = await this.listPatientResults.execute(
          identity,
          ListPatientResultsQuery.create({ ...r, 'x-purpose': readPurpose(metadata) }),
        );
        return { results: page.results.map(resultToProto), nextPageToken: page.nextPageToken };
      },
      // rpc GetResultFhir
      getResultFhir: async (r, { identity, metadata }) => ({
        bundleJson: JSON.stringify(
          await this.getResultFhir.execute(
            identity,
            GetResultFhirQuery.create({ ...r, 'x-purpose': readPurpose(metadata) }),
          ),
        ),
      }),
    });
  }
}
