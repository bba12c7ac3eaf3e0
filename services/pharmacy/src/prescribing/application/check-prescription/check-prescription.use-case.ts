import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { GroupedInserts } from '@medgrid/database';
import { localDate } from '@medgrid/kernel';
import { v7 as uuidv7 } from 'uuid';
import { isInstitutionLevel } from '../../../common/institution-level';
import { checkPrescription, type PrescriptionCheck } from '../../domain/prescription-check';
import { PrescribingError, PrescribingErrorCode } from '../../domain/prescribing-error';
import { recordOfCheck } from '../../domain/prescription-record';
import { CataloguesInForce } from '../catalogues-in-force';
import { NewPrescriptionChecks } from '../new-prescription-checks';
import { PrescribingFactsReader } from '../prescribing-facts';
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
 * with the call's purpose. Every check is recorded (who, for whom, each line) with that audit row, and answered only
 * once both are committed: the reads change nothing, and a write that only adds rows is atomic by itself as one
 * statement (decision 0012), which the checks arriving together share by group commit (decision 0014). The hot
 * path is one read (PrescribingFactsReader: the level, the catalogue's version, the contract) and a share of one
 * write; the catalogue is kept in memory by version (CataloguesInForce).
 */
@Injectable()
export class CheckPrescriptionUseCase {
  constructor(
    private readonly writes: GroupedInserts,
    private readonly facts: PrescribingFactsReader,
    private readonly catalogues: CataloguesInForce,
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
    const facts = await this.facts.read(institutionId, groupId, command.patientResidentId, localDate(now));
    const institution = facts.institution;
    if (!institution || !isInstitutionLevel(institution.level)) {
      throw new PrescribingError(
        PrescribingErrorCode.InstitutionNotKnown,
        `the registry has not announced the level of institution ${institutionId} yet: a prescription is checked against what its level may prescribe`,
      );
    }
    const level = institution.level;
    const catalogueGroupId = facts.catalogueGroupId;
    const contractedResident = facts.contractedResident;
    const catalogue = await this.catalogues.of(catalogueGroupId, facts.catalogueVersion);
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
    await this.writes.write((inserts) => {
      this.records.stage(inserts, record);
      this.audit.stageRead(
        inserts,
        identity,
        { kind: 'resident', id: command.patientResidentId },
        command.purpose,
      );
    });
    countCheck(record);
    return { check, contractedResident };
  }
}
