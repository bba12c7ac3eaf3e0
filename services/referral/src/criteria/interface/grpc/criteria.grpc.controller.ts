import { Injectable } from '@nestjs/common';
import { criteriaServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer } from '@medgrid/grpc';
import { FieldChecks, nestedUnder } from '@medgrid/errors';
import { type CriteriaView, ManageCriteriaUseCase } from '../../application/manage-criteria.use-case';
import {
  type CriteriaSourceKind,
  type DiseaseCriteriaInput,
  type GreenChannel,
} from '../../domain/disease-criteria';
import {
  greenChannelFromProto,
  greenChannelToProto,
} from '../../../referrals/contracts/referral.proto-mapper';

function toProto(view: CriteriaView): criteriaServiceV1.DiseaseCriteria {
  const { entry } = view;
  return {
    key: view.key,
    covers: [...entry.covers],
    nameZh: entry.nameZh,
    nameEn: entry.nameEn,
    specialtyCode: entry.specialtyCode,
    primaryManageable: entry.primaryManageable,
    greenChannel: greenChannelToProto(entry.greenChannel),
    upwardIndications: entry.upwardIndications.map((c) => ({ ...c })),
    downwardCriteria: entry.downwardCriteria.map((c) => ({ ...c })),
    sources: entry.sources.map((s) => ({ ...s })),
    updatedAt: view.updatedAt,
  };
}

function fromProto(entry: criteriaServiceV1.DiseaseCriteria | undefined): DiseaseCriteriaInput {
  if (!entry) {
    new FieldChecks().add('entry', 'REQUIRED', 'the entry to store is required').throwIfAny();
    throw new Error('unreachable');
  }
  return {
    covers: entry.covers,
    nameZh: entry.nameZh,
    nameEn: entry.nameEn,
    specialtyCode: entry.specialtyCode,
    primaryManageable: entry.primaryManageable,
    greenChannel: greenChannelFromProto(entry.greenChannel) as GreenChannel,
    upwardIndications: entry.upwardIndications,
    downwardCriteria: entry.downwardCriteria,
    sources: entry.sources.map((s) => ({ ...s, kind: s.kind as CriteriaSourceKind })),
  };
}

/** medgrid.referral.v1.CriteriaService: the referral criteria catalogue. */
@Injectable()
export class CriteriaGrpcController implements GrpcController {
  constructor(private readonly criteria: ManageCriteriaUseCase) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.referral.v1.CriteriaService', criteriaServiceV1.CriteriaServiceService, {
      listCriteria: async () => ({ entries: (await this.criteria.list()).map(toProto) }),
      lookupCriteria: async (request) => ({ entry: toProto(await this.criteria.lookup(request.icd10Code)) }),
      // The catalogue names an entry's fields from the entry; the caller sent them inside `entry`.
      putCriteria: async (request, { identity }) => {
        const input = fromProto(request.entry);
        return { entry: toProto(await nestedUnder('entry', () => this.criteria.put(identity, input))) };
      },
      removeCriteria: async (request, { identity }) => {
        await this.criteria.remove(identity, request.key);
        return {};
      },
    });
  }
}
