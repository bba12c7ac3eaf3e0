import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import {
  RegistryView,
  type KnownCity,
  type KnownContract,
  type KnownDepartment,
  type KnownGrid,
  type KnownGroup,
  type KnownInstitution,
  type KnownResident,
  type KnownTeam,
} from './registry-view';

interface InstitutionRow {
  id: string;
  group_id: string | null;
  level: KnownInstitution['level'];
  version: string;
}

/** The registry projection tables (known_*); the only SQL that touches them. */
@Injectable()
export class RegistryViewSqlRepository extends RegistryView {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async upsertInstitution(v: KnownInstitution): Promise<void> {
    await this.uow.manager().query(
      `INSERT INTO known_institution (id, group_id, level, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET group_id = excluded.group_id, level = excluded.level, version = excluded.version
       WHERE known_institution.version < excluded.version`,
      [v.id, v.groupId, v.level, v.version],
    );
  }

  async upsertGroup(v: KnownGroup): Promise<void> {
    await this.uow.manager().query(
      `INSERT INTO known_group (id, grid_id, lead_institution_id, members, version) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET grid_id = excluded.grid_id,
         lead_institution_id = excluded.lead_institution_id, members = excluded.members, version = excluded.version
       WHERE known_group.version < excluded.version`,
      [v.id, v.gridId, v.leadInstitutionId, JSON.stringify(v.members), v.version],
    );
  }

  async upsertDepartment(v: KnownDepartment): Promise<void> {
    await this.uow.manager().query(
      `INSERT INTO known_department (id, institution_id, specialty_code) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET institution_id = excluded.institution_id, specialty_code = excluded.specialty_code`,
      [v.id, v.institutionId, v.specialtyCode],
    );
  }

  async upsertTeam(v: KnownTeam): Promise<void> {
    await this.uow.manager().query(
      `INSERT INTO known_team (id, institution_id, group_id, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET institution_id = excluded.institution_id, group_id = excluded.group_id,
         version = excluded.version
       WHERE known_team.version < excluded.version`,
      [v.id, v.institutionId, v.groupId, v.version],
    );
  }

  async upsertContract(v: KnownContract): Promise<void> {
    await this.uow.manager().query(
      `INSERT INTO known_contract (id, resident_id_number, team_id, status, start_date, end_date, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET resident_id_number = excluded.resident_id_number, team_id = excluded.team_id,
         status = excluded.status, start_date = excluded.start_date, end_date = excluded.end_date,
         version = excluded.version
       WHERE known_contract.version < excluded.version`,
      [v.id, v.residentIdNumber, v.teamId, v.status, v.startDate, v.endDate, v.version],
    );
  }

  async upsertResident(v: KnownResident): Promise<void> {
    await this.uow.manager().query(
      `INSERT INTO known_resident (id, resident_id_number, version) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET resident_id_number = excluded.resident_id_number, version = excluded.version
       WHERE known_resident.version < excluded.version`,
      [v.id, v.residentIdNumber, v.version],
    );
  }

  async upsertGrid(v: KnownGrid): Promise<void> {
    await this.uow.manager().query(
      `INSERT INTO known_grid (id, city_id) VALUES ($1, $2)
       ON CONFLICT (id) DO UPDATE SET city_id = excluded.city_id`,
      [v.id, v.cityId],
    );
  }

  async upsertCity(v: KnownCity): Promise<void> {
    await this.uow.manager().query(
      `INSERT INTO known_city (id, division_code, name) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET division_code = excluded.division_code, name = excluded.name`,
      [v.id, v.divisionCode, v.name],
    );
  }

  async institution(id: string): Promise<KnownInstitution | null> {
    const [row] = await this.uow
      .manager()
      .query<InstitutionRow[]>(`SELECT id, group_id, level, version FROM known_institution WHERE id = $1`, [
        id,
      ]);
    return row ? { id: row.id, groupId: row.group_id, level: row.level, version: Number(row.version) } : null;
  }

  async department(id: string): Promise<KnownDepartment | null> {
    const [row] = await this.uow
      .manager()
      .query<{ id: string; institution_id: string; specialty_code: string }[]>(
        `SELECT id, institution_id, specialty_code FROM known_department WHERE id = $1`,
        [id],
      );
    return row ? { id: row.id, institutionId: row.institution_id, specialtyCode: row.specialty_code } : null;
  }

  async group(id: string): Promise<KnownGroup | null> {
    const [row] = await this.uow.manager().query<
      {
        id: string;
        grid_id: string | null;
        lead_institution_id: string | null;
        members: KnownGroup['members'];
        version: string;
      }[]
    >(`SELECT id, grid_id, lead_institution_id, members, version FROM known_group WHERE id = $1`, [id]);
    return row
      ? {
          id: row.id,
          gridId: row.grid_id,
          leadInstitutionId: row.lead_institution_id,
          members: row.members,
          version: Number(row.version),
        }
      : null;
  }

  async city(id: string): Promise<KnownCity | null> {
    const [row] = await this.uow
      .manager()
      .query<{ id: string; division_code: string; name: string }[]>(
        `SELECT id, division_code, name FROM known_city WHERE id = $1`,
        [id],
      );
    return row ? { id: row.id, divisionCode: row.division_code, name: row.name } : null;
  }

  async cityOfInstitution(institutionId: string): Promise<string | null> {
    const [row] = await this.uow.manager().query<{ city_id: string }[]>(
      `SELECT g.city_id FROM known_institution i
         JOIN known_group mg ON mg.id = i.group_id
         JOIN known_grid g ON g.id = mg.grid_id
        WHERE i.id = $1`,
      [institutionId],
    );
    return row?.city_id ?? null;
  }

  async standingOf(
    institutionId: string,
  ): Promise<{ belongsTo: string[]; collaboratesWith: string[] } | null> {
    // known_group is small (a city has a few dozen groups), so scanning its member lists is cheap.
    const [row] = await this.uow.manager().query<
      {
        known: boolean;
        institution_group: string | null;
        belongs_to: string[];
        collaborates_with: string[];
      }[]
    >(
      `WITH listed AS (
         SELECT g.id::text AS group_id, m->>'role' AS role
           FROM known_group g CROSS JOIN LATERAL jsonb_array_elements(g.members) m
          WHERE m->>'institutionId' = $1::text)
       SELECT EXISTS (SELECT 1 FROM known_institution WHERE id = $1::uuid) OR EXISTS (SELECT 1 FROM listed) AS known,
              (SELECT group_id::text FROM known_institution WHERE id = $1::uuid) AS institution_group,
              ARRAY(SELECT group_id FROM listed WHERE role IN ('lead', 'member')) AS belongs_to,
              ARRAY(SELECT group_id FROM listed WHERE role = 'collaborating') AS collaborates_with`,
      [institutionId],
    );
    if (!row?.known) return null;
    const belongsTo = new Set(row.belongs_to);
    if (row.institution_group) belongsTo.add(row.institution_group);
    return { belongsTo: [...belongsTo], collaboratesWith: row.collaborates_with };
  }

  async departmentsOf(institutionIds: readonly string[]): Promise<KnownDepartment[]> {
    const rows = await this.uow
      .manager()
      .query<{ id: string; institution_id: string; specialty_code: string }[]>(
        `SELECT id, institution_id, specialty_code FROM known_department WHERE institution_id = ANY($1::uuid[])`,
        [institutionIds],
      );
    return rows.map((row) => ({
      id: row.id,
      institutionId: row.institution_id,
      specialtyCode: row.specialty_code,
    }));
  }

  async isRegisteredResident(residentIdNumber: string): Promise<boolean> {
    const rows = await this.uow
      .manager()
      .query<unknown[]>(`SELECT 1 FROM known_resident WHERE resident_id_number = $1 LIMIT 1`, [
        residentIdNumber,
      ]);
    return rows.length > 0;
  }

  async contractedInstitutions(residentIdNumber: string, date: string): Promise<string[]> {
    const rows = await this.uow.manager().query<{ institution_id: string }[]>(
      `SELECT DISTINCT t.institution_id
         FROM known_contract c JOIN known_team t ON t.id = c.team_id
        WHERE c.resident_id_number = $1 AND c.status = 'active' AND c.start_date <= $2 AND $2 <= c.end_date`,
      [residentIdNumber, date],
    );
    return rows.map((row) => row.institution_id);
  }
}
