import { Injectable } from '@nestjs/common';
import { CallBatcher, queryNamed, UnitOfWork } from '@medgrid/database';
import { type PrescribingFacts, type PrescribingFactsReader } from '../../application/prescribing-facts';

interface Asked {
  readonly institutionId: string;
  readonly tokenGroupId: string;
  readonly patientResidentId: string;
  readonly date: string;
}

interface FactsRow {
  level: string | null;
  group_id: string | null;
  catalogue_group_id: string;
  catalogue_version: number | null;
  contracted: boolean;
}

/**
 * The facts of a check from the registry's view of the institution (known_institution) and of the patient's
 * contracts (known_contract with its team, as RegistryView.contractedInstitutions reads them), and the head of the
 * group's catalogue (drug_catalogue). The checks that arrive together are read together: one prepared statement
 * over the arrays of what each asks (one row each, in order), so a check costs a share of one round trip instead
 * of one (decision 0014). The read is on the pool, never in a caller's transaction: it changes nothing.
 */
@Injectable()
export class PrescribingFactsTypeormRepository implements PrescribingFactsReader {
  private readonly reads = new CallBatcher<Asked, PrescribingFacts>((batch) => this.readAll(batch), {
    name: 'prescribing-facts',
  });

  constructor(private readonly uow: UnitOfWork) {}

  read(
    institutionId: string,
    tokenGroupId: string,
    patientResidentId: string,
    date: string,
  ): Promise<PrescribingFacts> {
    return this.reads.add({ institutionId, tokenGroupId, patientResidentId, date });
  }

  private async readAll(batch: readonly Asked[]): Promise<PrescribingFacts[]> {
    const rows = await queryNamed<FactsRow>(
      this.uow.dataSource.manager,
      `SELECT i.level, i.group_id, g.id AS catalogue_group_id,
              (SELECT c.version FROM drug_catalogue c WHERE c.group_id = g.id) AS catalogue_version,
              EXISTS (SELECT 1 FROM known_contract k JOIN known_team t ON t.id = k.team_id
                       WHERE k.resident_id_number = asked.patient_resident_id AND k.status = 'active'
                         AND k.start_date <= asked.on_date AND asked.on_date <= k.end_date) AS contracted
         FROM unnest(:institutionIds::uuid[], :tokenGroupIds::uuid[], :patientResidentIds::text[],
                     :onDates::date[]) WITH ORDINALITY
              AS asked(institution_id, token_group_id, patient_resident_id, on_date, n)
         LEFT JOIN known_institution i ON i.id = asked.institution_id
         CROSS JOIN LATERAL (SELECT coalesce(i.group_id, asked.token_group_id) AS id) g
        ORDER BY asked.n`,
      {
        institutionIds: batch.map((asked) => asked.institutionId),
        tokenGroupIds: batch.map((asked) => asked.tokenGroupId),
        patientResidentIds: batch.map((asked) => asked.patientResidentId),
        onDates: batch.map((asked) => asked.date),
      },
      { prepared: true },
    );
    return batch.map((asked, index) => {
      const row = rows[index];
      return {
        institution: row?.level ? { level: row.level, groupId: row.group_id } : null,
        catalogueGroupId: row?.catalogue_group_id ?? asked.tokenGroupId,
        catalogueVersion: row?.catalogue_version ?? 0,
        contractedResident: row?.contracted ?? false,
      };
    });
  }
}
