import { status } from '@grpc/grpc-js';
import { importServiceV1, registryV1 } from '@medgrid/contracts';
import { aCreditCode, aResidentId, aResidentIdBornOn } from '@medgrid/testing';
import { Client as PgClient } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { RegistryHarness } from './registry-harness';

const { ImportKind: Kind } = importServiceV1;

/** CSV imports: every rejected row reported with its line and column, and nothing half-imported. */
describe('registry CSV import', () => {
  const registry = new RegistryHarness();
  let sql: PgClient;
  let gridId: string;

  const importRequest = (kind: importServiceV1.ImportKind, lines: string[]) => ({
    kind,
    content: Buffer.from(lines.join('\n'), 'utf8'),
    clientRequestId: uuidv7(),
  });
  const importCsv = (kind: importServiceV1.ImportKind, lines: string[]) =>
    registry.call(registry.imports, registry.imports.importCsv, importRequest(kind, lines));
  const residentsFile = (count: number) => [
    'resident_id_number,name,phone,grid_id,tags',
    ...Array.from({ length: count }, () => `${aResidentId()},张三,13800138000,${gridId},hypertension`),
  ];
  const count = async (table: string) =>
    Number((await sql.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);

  beforeAll(async () => {
    await registry.start('e2e_registry_import');
    sql = new PgClient({ connectionString: registry.db.url });
    await sql.connect();
    gridId = (await registry.newGrid()).id;
  });

  afterAll(async () => {
    await sql?.end();
    await registry.stop();
  });

  it('imports a clean residents file in one go', async () => {
    const before = await count('resident');

    const report = await importCsv(Kind.IMPORT_KIND_RESIDENTS, residentsFile(300));

    expect(report).toMatchObject({ committed: true, rows: 300, accepted: 300, rejected: [] });
    expect(await count('resident')).toBe(before + 300);
  });

  it('answers a retried import with its report, importing nothing again, and refuses its id for another file', async () => {
    const before = await count('resident');

    const report = await registry.expectRetryAnswered(
      registry.imports,
      registry.imports.importCsv,
      importRequest(Kind.IMPORT_KIND_RESIDENTS, residentsFile(3)),
      { content: importRequest(Kind.IMPORT_KIND_RESIDENTS, residentsFile(3)).content },
    );

    expect(report).toMatchObject({ committed: true, rows: 3, accepted: 3, rejected: [] });
    expect(await count('resident')).toBe(before + 3);
  });

  it('judges a retried import that was rejected again, since it wrote nothing', async () => {
    const code = aCreditCode();
    const request = importRequest(Kind.IMPORT_KIND_INSTITUTIONS, [
      'credit_code,name,level,type,grid_id,address',
      `${code},甲社区,primary,community-health-centre,${gridId},一号路`,
      `${code},乙社区,primary,community-health-centre,${gridId},二号路`,
    ]);

    const first = await registry.call(registry.imports, registry.imports.importCsv, request);
    const retry = await registry.call(registry.imports, registry.imports.importCsv, request);

    expect(first).toMatchObject({ committed: false, accepted: 0 });
    expect(retry).toEqual(first);
  });

  it('rejects the whole residents file when one row is bad, naming its line and column', async () => {
    const before = await count('resident');
    const valid = aResidentId();
    const wrong = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');

    const report = await importCsv(Kind.IMPORT_KIND_RESIDENTS, [
      'resident_id_number,name,phone,grid_id',
      `${aResidentId()},李四,13900139000,${gridId}`,
      `${wrong},王五,13700137000,${gridId}`,
      `${aResidentId()},赵六,12345,${gridId}`,
      `${aResidentId()},钱七,13600136000`,
    ]);

    expect(report.committed).toBe(false);
    expect(report.accepted).toBe(0);
    expect(report.rejected.map((r) => [r.line, r.field, r.reason])).toEqual([[5, 'row', 'WRONG_CELL_COUNT']]);
    expect(await count('resident')).toBe(before);

    const second = await importCsv(Kind.IMPORT_KIND_RESIDENTS, [
      'resident_id_number,name,phone,grid_id',
      `${aResidentId()},李四,13900139000,${gridId}`,
      `${wrong},王五,13700137000,${gridId}`,
      `${aResidentId()},赵六,12345,${gridId}`,
      `${aResidentIdBornOn('2099-12-31')},孙八,13500135000,${gridId}`,
    ]);
    expect(second.rejected.map((r) => [r.line, r.field, r.reason])).toEqual([
      [3, 'resident_id_number', 'INVALID_CHECK_CHARACTER'],
      [4, 'phone', 'INVALID_FORMAT'],
      [5, 'resident_id_number', 'BIRTH_DATE_IN_FUTURE'],
    ]);
    expect(await count('resident')).toBe(before);
  });

  it('reports every bad institution row and writes none of the good ones', async () => {
    const before = await count('institution');
    const code = aCreditCode();

    const report = await importCsv(Kind.IMPORT_KIND_INSTITUTIONS, [
      'credit_code,name,level,type,grid_id,address',
      `${aCreditCode()},甲医院,tertiary,general-hospital,${gridId},一号路`,
      `${code},乙社区,primary,community-health-centre,${gridId},二号路`,
      `${code},丙社区,primary,community-health-centre,${gridId},三号路`,
      `${aCreditCode()},丁站,secondary,community-health-station,${gridId},四号路`,
    ]);

    expect(report).toMatchObject({ committed: false, rows: 4, accepted: 0 });
    expect(report.rejected.map((r) => [r.line, r.field, r.reason])).toEqual([
      [4, 'credit_code', 'DUPLICATE_CREDIT_CODE'],
      [5, 'level', 'LEVEL_DOES_NOT_FIT_TYPE'],
    ]);
    expect(await count('institution')).toBe(before);
  });

  it('refuses a file whose header lacks a column, as INVALID_ARGUMENT on content', async () => {
    const error = await RegistryHarness.fails(
      importCsv(Kind.IMPORT_KIND_INSTITUTIONS, [
        'credit_code,name,level',
        `${aCreditCode()},甲医院,tertiary`,
      ]),
    );

    expect(error).toMatchObject({ code: status.INVALID_ARGUMENT });
    expect(error.fieldViolations).toEqual([
      expect.objectContaining({ field: 'content', reason: 'MISSING_COLUMNS' }),
    ]);
  });

  it('imports departments for an institution', async () => {
    const hospital = await registry.newInstitution(
      gridId,
      registryV1.InstitutionLevel.INSTITUTION_LEVEL_TERTIARY,
      registryV1.InstitutionType.INSTITUTION_TYPE_GENERAL_HOSPITAL,
    );

    const report = await importCsv(Kind.IMPORT_KIND_DEPARTMENTS, [
      'institution_id,specialty_code,name',
      `${hospital.id},03.04,心血管内科`,
      `${hospital.id},03.07,内分泌科`,
    ]);

    expect(report).toMatchObject({ committed: true, accepted: 2 });
  });

  it('signs contracts for registered residents and reports a team that does not serve their grid', async () => {
    const { teamId, groupId } = await registry.teamIn(gridId);
    const { teamId: farTeam } = await registry.teamIn((await registry.newGrid()).id);
    void groupId;
    const idNumbers = [aResidentId(), aResidentId()];
    await importCsv(Kind.IMPORT_KIND_RESIDENTS, [
      'resident_id_number,name,phone,grid_id',
      ...idNumbers.map((id) => `${id},孙八,13500135000,${gridId}`),
    ]);
    const before = await count('contract');

    const refused = await importCsv(Kind.IMPORT_KIND_CONTRACTS, [
      'resident_id_number,team_id,tags',
      `${idNumbers[0]},${teamId},diabetes`,
      `${idNumbers[1]},${farTeam},`,
    ]);
    const signed = await importCsv(Kind.IMPORT_KIND_CONTRACTS, [
      'resident_id_number,team_id,tags',
      `${idNumbers[0]},${teamId},diabetes`,
      `${idNumbers[1]},${teamId},`,
    ]);

    expect(refused).toMatchObject({ committed: false, accepted: 0 });
    expect(refused.rejected.map((r) => [r.line, r.field, r.reason])).toEqual([
      [3, 'team_id', 'TEAM_DOES_NOT_SERVE_RESIDENT_GRID'],
    ]);
    expect(signed).toMatchObject({ committed: true, accepted: 2 });
    expect(await count('contract')).toBe(before + 2);
  });
});
