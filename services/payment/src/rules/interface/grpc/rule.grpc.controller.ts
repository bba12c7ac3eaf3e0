import { Injectable } from '@nestjs/common';
import { ruleServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer } from '@medgrid/grpc';
import { GetReimbursementTableQuery } from '../../application/get-reimbursement-table/get-reimbursement-table.query';
import { GetReimbursementTableUseCase } from '../../application/get-reimbursement-table/get-reimbursement-table.use-case';
import { LoadStarterReimbursementTableCommand } from '../../application/load-starter-reimbursement-table/load-starter-reimbursement-table.command';
import { LoadStarterReimbursementTableUseCase } from '../../application/load-starter-reimbursement-table/load-starter-reimbursement-table.use-case';
import { PutReimbursementTableCommand } from '../../application/put-reimbursement-table/put-reimbursement-table.command';
import { PutReimbursementTableUseCase } from '../../application/put-reimbursement-table/put-reimbursement-table.use-case';
import { GetDiseaseGroupTableQuery } from '../../application/get-disease-group-table/get-disease-group-table.query';
import { GetDiseaseGroupTableUseCase } from '../../application/get-disease-group-table/get-disease-group-table.use-case';
import { LoadStarterDiseaseGroupTableCommand } from '../../application/load-starter-disease-group-table/load-starter-disease-group-table.command';
import { LoadStarterDiseaseGroupTableUseCase } from '../../application/load-starter-disease-group-table/load-starter-disease-group-table.use-case';
import { PutDiseaseGroupTableCommand } from '../../application/put-disease-group-table/put-disease-group-table.command';
import { PutDiseaseGroupTableUseCase } from '../../application/put-disease-group-table/put-disease-group-table.use-case';
import {
  diseaseGroupFromProto,
  diseaseGroupTableToProto,
} from '../../contracts/disease-group-table.proto-mapper';
import {
  ruleFromProto,
  tableInForceToProto,
  tableToProto,
} from '../../contracts/reimbursement-table.proto-mapper';

/** medgrid.payment.v1.RuleService. */
@Injectable()
export class RuleGrpcController implements GrpcController {
  constructor(
    private readonly loadStarter: LoadStarterReimbursementTableUseCase,
    private readonly putTable: PutReimbursementTableUseCase,
    private readonly getTable: GetReimbursementTableUseCase,
    private readonly loadStarterGroups: LoadStarterDiseaseGroupTableUseCase,
    private readonly putGroups: PutDiseaseGroupTableUseCase,
    private readonly getGroups: GetDiseaseGroupTableUseCase,
  ) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.payment.v1.RuleService', ruleServiceV1.RuleServiceService, {
      // rpc LoadStarterReimbursementTable
      loadStarterReimbursementTable: async (r, { identity }) => ({
        table: tableToProto(
          await this.loadStarter.execute(identity, LoadStarterReimbursementTableCommand.create(r)),
        ),
      }),
      // rpc PutReimbursementTable
      putReimbursementTable: async (r, { identity }) => ({
        table: tableToProto(
          await this.putTable.execute(
            identity,
            PutReimbursementTableCommand.create({ ...r, rules: r.rules.map(ruleFromProto) }),
          ),
        ),
      }),
      // rpc GetReimbursementTable
      getReimbursementTable: async (r) => ({
        table: tableInForceToProto(await this.getTable.execute(GetReimbursementTableQuery.create(r))),
      }),
      // rpc LoadStarterDiseaseGroupTable
      loadStarterDiseaseGroupTable: async (r, { identity }) => ({
        table: diseaseGroupTableToProto(
          await this.loadStarterGroups.execute(identity, LoadStarterDiseaseGroupTableCommand.create(r)),
        ),
      }),
      // rpc PutDiseaseGroupTable
      putDiseaseGroupTable: async (r, { identity }) => ({
        table: diseaseGroupTableToProto(
          await this.putGroups.execute(
            identity,
            PutDiseaseGroupTableCommand.create({ ...r, groups: r.groups.map(diseaseGroupFromProto) }),
          ),
        ),
      }),
      // rpc GetDiseaseGroupTable
      getDiseaseGroupTable: async (r) => {
        const query = GetDiseaseGroupTableQuery.create(r);
        return { table: diseaseGroupTableToProto(await this.getGroups.execute(query), query.on) };
      },
    });
  }
}
