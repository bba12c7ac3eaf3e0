import { referralV1 } from '@medgrid/contracts';
import { UnitOfWork } from '@medgrid/database';
import { OutboxWriter } from '@medgrid/messaging';
import { RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { type MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { type Drug } from '../../catalogue/domain/drug';
import { DrugCatalogueTypeormRepository } from '../../catalogue/infrastructure/persistence/drug-catalogue.typeorm-repository';
import { aDrug, aMetforminDrug, anOriginatorDrug } from '../../catalogue/test/drug.factory';
import { FormularyTypeormRepository } from '../../formulary/infrastructure/persistence/formulary.typeorm-repository';
import { PrescribingRules } from '../../prescribing/application/prescribing-rules';
import { DEFAULT_CHRONIC_DISEASES } from '../../prescribing/domain/chronic-disease-list';
import { DEFAULT_SUPPLY_RULES } from '../../prescribing/domain/supply-rules';
import { AssessContinuityUseCase } from '../application/assess-continuity/assess-continuity.use-case';
import { ContinuityOutboxPublisher } from '../infrastructure/messaging/continuity-outbox.publisher';
import { ContinuityAssessmentTypeormRepository } from '../infrastructure/persistence/continuity-assessment.typeorm-repository';

/** Clopidogrel kept to hospitals in every product: no primary institution may stock it. */
export const clopidogrelForHospitals = aDrug({
  code: 'XB01ACA056A001010100222',
  genericName: '硫酸氢氯吡格雷',
  strength: '75mg',
  levels: ['tertiary', 'secondary'],
});

/**
 * A group whose catalogue lists amlodipine (its winner and originator), metformin and clopidogrel kept to hospitals,
 * its hospital and a primary clinic stocking amlodipine's winner only, both known to the registry's view; and the
 * continuity use case on the real repositories, outbox and view.
 */
export class ContinuityFixtures {
  readonly uow: UnitOfWork;
  readonly registry: RegistryViewTypeormRepository;
  readonly assessments: ContinuityAssessmentTypeormRepository;
  readonly assess: AssessContinuityUseCase;
  private readonly catalogues: DrugCatalogueTypeormRepository;

  constructor(readonly database: MigratedTestDatabase) {
    this.uow = new UnitOfWork(database.dataSource);
    this.registry = new RegistryViewTypeormRepository(this.uow);
    this.catalogues = new DrugCatalogueTypeormRepository(this.uow);
    this.assessments = new ContinuityAssessmentTypeormRepository(this.uow);
    this.assess = new AssessContinuityUseCase(
      this.uow,
      this.registry,
      new FormularyTypeormRepository(this.uow),
      this.catalogues,
      this.assessments,
      new ContinuityOutboxPublisher(new OutboxWriter(this.uow, 'pharmacy')),
      new PrescribingRules(DEFAULT_SUPPLY_RULES, DEFAULT_CHRONIC_DISEASES),
    );
  }

  async aGroup(): Promise<{ groupId: string; hospitalId: string; clinicId: string }> {
    const groupId = uuidv7();
    const hospitalId = uuidv7();
    const clinicId = uuidv7();
    for (const [id, level] of [
      [hospitalId, 'tertiary'],
      [clinicId, 'primary'],
    ] as const) {
      await this.registry.upsertInstitution({
        id,
        groupId,
        level,
        type: level === 'primary' ? 'community-health-centre' : 'general-hospital',
        version: 1,
      });
    }
    const drugs: Drug[] = [aDrug(), anOriginatorDrug(), aMetforminDrug(), clopidogrelForHospitals];
    await this.uow.run(async () => {
      const catalogue = await this.catalogues.load(groupId, true);
      const at = new Date(Date.now() - 60_000);
      catalogue.load(drugs, at, 0, at);
      await this.catalogues.save(catalogue, catalogue.pullEvents(), 0, 'loaded', {
        subject: 'admin',
        role: 'group-admin',
      });
    });
    await this.database.dataSource.query(
      `INSERT INTO formulary_item (institution_id, drug_code, stocked_at) VALUES ($1, $2, now())`,
      [clinicId, aDrug().code],
    );
    return { groupId, hospitalId, clinicId };
  }

  /** Referral's ReferralChanged of a downward referral issued by the hospital to the clinic. */
  anIssue(
    group: { groupId: string; hospitalId: string; clinicId: string },
    patientResidentId: string,
    medications: { drugCode: string; name: string; days: number }[],
    referralId = uuidv7(),
  ): referralV1.ReferralChanged {
    return {
      referral: {
        ...referralV1.Referral.fromPartial({}),
        id: referralId,
        groupId: group.groupId,
        patientResidentId,
        referringInstitutionId: group.hospitalId,
        receivingInstitutionId: group.clinicId,
        direction: referralV1.ReferralDirection.REFERRAL_DIRECTION_DOWNWARD,
        status: referralV1.ReferralStatus.REFERRAL_STATUS_ISSUED,
        icd10Code: 'I10',
        treatmentPlan: {
          diagnosisCodes: ['I10'],
          medications: medications.map((m) => ({ ...m, dose: '', frequency: 'qd' })),
          followUps: [],
          warningSigns: [],
          notes: '',
        },
      },
      change: {
        ...referralV1.ReferralHistoryEntry.fromPartial({}),
        referralId,
        action: referralV1.ReferralAction.REFERRAL_ACTION_ISSUE,
      },
    };
  }

  /** The three drugs of the e2e story: one stocked, one with a substitute, one not at the clinic's level. */
  static threeDrugs(days = 28): { drugCode: string; name: string; days: number }[] {
    return [
      { drugCode: aDrug().code, name: '苯磺酸氨氯地平片 5mg', days },
      { drugCode: anOriginatorDrug().code, name: '络活喜 5mg', days },
      { drugCode: clopidogrelForHospitals.code, name: '波立维 75mg', days },
    ];
  }
}
