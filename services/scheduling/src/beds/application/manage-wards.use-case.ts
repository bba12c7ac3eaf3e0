import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { FieldChecks } from '@medgrid/errors';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { localDate } from '@medgrid/kernel';
import { RegistryView } from '@medgrid/registry-view';
import { v7 as uuidv7 } from 'uuid';
import { HospitalReserveRules } from '../../capacity/application/hospital-reserve-rules';
import { departmentAt, managedHospital } from '../../shared/managed-hospital';
import { canSeeCapacity, requireAllowed } from '../../shared/scheduling-access.policy';
import { SchedulingError, SchedulingErrorCode } from '../../shared/scheduling-error';
import { BedRepository } from '../domain/bed.repository';
import { planBeds, planWard, type WardView } from '../domain/ward';

export interface RegisterWardCommand {
  readonly clientRequestId: string;
  readonly institutionId: string;
  readonly departmentId: string;
  readonly specialtyCode: string;
  readonly name: string;
  readonly bedCount: number;
}

/** RegisterWard and GetWard: a hospital's wards, split into pools by its bed ratio. */
@Injectable()
export class ManageWardsUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly beds: BedRepository,
    private readonly registry: RegistryView,
    private readonly requests: ClientRequests,
    private readonly reserves: HospitalReserveRules,
  ) {}

  async register(identity: Identity, command: RegisterWardCommand, now = new Date()): Promise<WardView> {
    new FieldChecks()
      .uuid('clientRequestId', command.clientRequestId)
      .uuid('institutionId', command.institutionId)
      .uuid('departmentId', command.departmentId)
      .throwIfAny();
    return this.uow.run(async () => {
      const institution = await managedHospital(this.registry, identity, command.institutionId);
      const department = await departmentAt(this.registry, institution, command.departmentId, 'departmentId');
      if (command.specialtyCode && command.specialtyCode !== department.specialtyCode) {
        throw new SchedulingError(
          SchedulingErrorCode.UnknownDepartment,
          `the department's specialty is ${department.specialtyCode}`,
          'specialtyCode',
        );
      }
      return this.requests.createOnce(clientRequestOf('register-ward', command), {
        load: (id) => this.beds.viewWard(id),
        create: async () => {
          const id = uuidv7();
          // A ward opens with the share in force today: the hospital's ratio, or its city's floor if higher.
          const share = (await this.reserves.of(institution)).shareOn(localDate(now));
          const ward = planWard(
            {
              id,
              institutionId: institution.id,
              groupId: institution.groupId,
              departmentId: department.id,
              specialtyCode: department.specialtyCode,
              name: command.name,
              bedCount: command.bedCount,
            },
            share.bedRatio,
          );
          await this.beds.insertWard(ward, planBeds(ward));
          return { id, result: (await this.beds.viewWard(id))! };
        },
      });
    });
  }

  async ward(identity: Identity, wardId: string): Promise<WardView> {
    new FieldChecks().uuid('wardId', wardId).throwIfAny();
    return this.uow.run(async () => {
      const ward = await this.beds.viewWard(wardId.toLowerCase());
      if (!ward) throw new SchedulingError(SchedulingErrorCode.NotFound, 'no ward with this id', 'wardId');
      requireAllowed(
        canSeeCapacity(identity, { id: ward.institutionId, groupId: ward.groupId }),
        'see this ward',
      );
      return ward;
    });
  }
}
