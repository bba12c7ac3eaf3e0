import { Injectable } from '@nestjs/common';
import { settlementServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer } from '@medgrid/grpc';
import { GetSettlementReportQuery } from '../../application/get-settlement-report/get-settlement-report.query';
import { GetSettlementReportUseCase } from '../../application/get-settlement-report/get-settlement-report.use-case';
import { GetSettlementRunQuery } from '../../application/get-settlement-run/get-settlement-run.query';
import { GetSettlementRunUseCase } from '../../application/get-settlement-run/get-settlement-run.use-case';
import { PutSettlementPoliciesCommand } from '../../application/put-settlement-policies/put-settlement-policies.command';
import { PutSettlementPoliciesUseCase } from '../../application/put-settlement-policies/put-settlement-policies.use-case';
import { StartSettlementRunCommand } from '../../application/start-settlement-run/start-settlement-run.command';
import { StartSettlementRunUseCase } from '../../application/start-settlement-run/start-settlement-run.use-case';
import {
  policyFromProto,
  policyToProto,
  schemeFromProto,
  schemeToProto,
  settlementToProto,
} from '../../contracts/settlement.proto-mapper';

/** medgrid.payment.v1.SettlementService. */
@Injectable()
export class SettlementGrpcController implements GrpcController {
  constructor(
    private readonly putPolicies: PutSettlementPoliciesUseCase,
    private readonly startRun: StartSettlementRunUseCase,
    private readonly getRun: GetSettlementRunUseCase,
    private readonly getReport: GetSettlementReportUseCase,
  ) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.payment.v1.SettlementService', settlementServiceV1.SettlementServiceService, {
      // rpc PutSettlementPolicies
      putSettlementPolicies: async (r, { identity }) => {
        const rules = await this.putPolicies.execute(
          identity,
          PutSettlementPoliciesCommand.create({
            ...r,
            policies: r.policies.map(policyFromProto),
            schemes: r.schemes.map(schemeFromProto),
          }),
        );
        const snapshot = rules.snapshot();
        return {
          regionId: snapshot.fundId,
          version: snapshot.version,
          policies: snapshot.policies.map(policyToProto),
          schemes: snapshot.schemes.map(schemeToProto),
        };
      },
      // rpc StartSettlementRun
      startSettlementRun: async (r, { identity }) => ({
        run: settlementToProto(await this.startRun.execute(identity, StartSettlementRunCommand.create(r))),
      }),
      // rpc GetSettlementRun
      getSettlementRun: async (r, { identity }) => ({
        run: settlementToProto(await this.getRun.execute(identity, GetSettlementRunQuery.create(r))),
      }),
      // rpc GetSettlementReport
      getSettlementReport: async (r, { identity }) => {
        const report = await this.getReport.execute(identity, GetSettlementReportQuery.create(r));
        return { run: settlementToProto(report.settlement), csv: report.csv };
      },
    });
  }
}
