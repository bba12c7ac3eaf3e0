import { Injectable } from '@nestjs/common';
import { status } from '@grpc/grpc-js';
import { type PortalUserView } from '../../../accounts/domain/portal-user';
import { ServiceCallers } from '../../../portal/application/service-callers';
import { RegistryGrpcClient } from '../../../portal/infrastructure/grpc-client/registry.grpc-client';
import { RegistryScopes } from '../../application/registry-scopes';
import { type RegistryScope } from '../../domain/account-scope';

/**
 * The registry's answer over gRPC (ListGrids of the operator's city, GetInstitution,
 * GetMedicalGroup), called with the operator's own service token. NOT_FOUND is an unknown id;
 * any other refusal (UNAVAILABLE, ...) reaches the caller as it came.
 */
@Injectable()
export class RegistryAccountScopes extends RegistryScopes {
  constructor(
    private readonly callers: ServiceCallers,
    private readonly registry: RegistryGrpcClient,
  ) {
    super();
  }

  async scopeOf(operator: PortalUserView, institutionId: string, groupId: string): Promise<RegistryScope> {
    const caller = await this.callers.identityOf(operator);
    const [grids, institution, group] = await Promise.all([
      this.registry.listGrids(caller, operator.cityId),
      unlessNotFound(this.registry.getInstitution(caller, institutionId)),
      unlessNotFound(this.registry.getMedicalGroup(caller, groupId)),
    ]);
    const found = institution?.institution;
    const medicalGroup = group?.group;
    return {
      cityGridIds: grids.grids.map((grid) => grid.id),
      institution: found ? { id: found.id, gridId: found.gridId, groupId: found.groupId || null } : null,
      group: medicalGroup
        ? {
            id: medicalGroup.id,
            gridId: medicalGroup.gridId,
            memberInstitutionIds: medicalGroup.memberships.map((m) => m.institutionId),
          }
        : null,
    };
  }
}

async function unlessNotFound<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if ((error as { code?: unknown }).code === status.NOT_FOUND) return null;
    throw error;
  }
}
