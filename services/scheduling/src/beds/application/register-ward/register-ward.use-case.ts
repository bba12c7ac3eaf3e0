import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { localDate } from '@medgrid/kernel';
import { RegistryView } from '@medgrid/registry-view';
import { v7 as uuidv7 } from 'uuid';
import { HospitalReserveRules } from '../../../capacity/application/hospital-reserve-rules';
import { departmentAt, managedHospital } from '../../../common/managed-hospital';
import { BedError, BedErrorCode } from '../../domain/bed-error';
import { BedRepository } from '../../domain/bed.repository';
import { planBeds, planWard, type WardView } from '../../domain/ward';
import { type RegisterWardCommand } from './register-ward.command';

/**
 * RegisterWard: a hospital's ward, its beds split into pools by the bed share
 * in force today. A retry gets the ward its first attempt made.
 */
@Injectable()
export class RegisterWardUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly beds: BedRepository,
    private readonly registry: RegistryView,
    private readonly requests: ClientRequests,
    private readonly reserves: HospitalReserveRules,
  ) {}

  async execute(identity: Identity, command: RegisterWardCommand, now = new Date()): Promise<WardView> {
    return this.uow.run(async () => {
      const institution = await managedHospital(this.registry, identity, command.institutionId);
      const department = await departmentAt(this.registry, institution, command.departmentId, 'departmentId');
      if (command.specialtyCode && command.specialtyCode !== department.specialtyCode) {
        throw new BedError(
          BedErrorCode.UnknownDepartment,
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
}
