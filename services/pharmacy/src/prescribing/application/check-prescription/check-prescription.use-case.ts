import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { AtomicInserts, UnitOfWork } from '@medgrid/database';
import { localDate } from '@medgrid/kernel';
import { RegistryView } from '@medgrid/registry-view';
import { v7 as uuidv7 } from 'uuid';
import { DrugCatalogueRepository } from '../../../catalogue/domain/drug-catalogue.repository';
import { isInstitutionLevel } from '../../../common/institution-level';
import { checkPrescription, type PrescriptionCheck } from '../../domain/prescription-check';
import { PrescribingError, PrescribingErrorCode } from '../../domain/prescribing-error';
import { recordOfCheck } from '../../domain/prescription-record';
import { NewPrescriptionChecks } from '../new-prescription-checks';
import { PrescribingAccess } from '../prescribing-access.policy';
import { countCheck } from '../prescribing-metrics';
import { PrescribingRules } from '../prescribing-rules';
import { type CheckPrescriptionCommand } from './check-prescription.command';

export interface PrescriptionChecked {
  readonly check: PrescriptionCheck;
  /** Whether the registry knows a family-doctor contract of the patient in force today. */
  readonly contractedResident: boolean;
}

/**
 * CheckPrescription: a HIS asks before saving a prescription. The institution's level and group are the registry's
 * (its events), the patient's contract too (a contract in force today, with any team: 签约居民), and the catalogue
 * is the group's as in force now. Reading whether the patient is contracted is a read of patient data: audited
 * with the call's purpose. Every check is recorded (who, for whom, each line), and the record and the audit row
 * are one statement with no transaction around it: the reads change nothing, and a write that only adds rows is
 * atomic by itself (decision 0012).
 */
@Injectable()
export class CheckPrescriptionUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly registry: RegistryView,
    private readonly catalogues: DrugCatalogueRepository,
    private readonly audit: AuditTrail,
    private readonly rules: PrescribingRules,
    private readonly records: NewPrescriptionChecks,
  ) {}

  async execute(
    identity: Identity,
    command: CheckPrescriptionCommand,
    now = new Date(),
  ): Promise<PrescriptionChecked> {
    const { institutionId, groupId } = PrescribingAccess.require(identity);
    const institution = await this.registry.institution(institutionId);
    if (!institution || !isInstitutionLevel(institution.level)) {
      throw new PrescribingError(
        PrescribingErrorCode.InstitutionNotKnown,
        `the registry has not announced the level of institution ${institutionId} yet: a prescription is checked against what its level may prescribe`,
      );
    }
    const level = institution.level;
    const catalogueGroupId = institution.groupId ?? groupId;
    const [contracts, catalogue] = await Promise.all([
      this.registry.contractedInstitutions(command.patientResidentId, localDate(now)),
      this.catalogues.part(catalogueGroupId, { codes: command.lines.map((line) => line.drugCode) }),
    ]);
    const contractedResident = contracts.length > 0;
    const check = checkPrescription(
      {
        institutionId,
        institutionLevel: level,
        patient: {
          contractedResident,
          diagnosisCodes: command.diagnosisCodes,
          stable: command.stable,
          regimenUnchanged: command.regimenUnchanged,
        },
        lines: command.lines,
      },
      catalogue,
      now,
      this.rules.supply,
      this.rules.diseases,
    );
    const record = recordOfCheck(check, {
      id: uuidv7(),
      groupId: catalogueGroupId,
      prescriberSubject: identity.subject,
      prescriberRole: identity.role,
      practitionerId: identity.practitionerId,
      patientResidentId: command.patientResidentId,
    });
    const inserts = new AtomicInserts();
    this.records.stage(inserts, record);
    this.audit.stageRead(
      inserts,
      identity,
      { kind: 'resident', id: command.patientResidentId },
      command.purpose,
    );
    await inserts.write(this.uow.manager(), undefined, { prepared: true });
    countCheck(record);
    return { check, contractedResident };
  }
}
