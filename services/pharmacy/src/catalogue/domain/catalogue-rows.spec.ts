import { aDrug, anOriginatorDrug, rowOf } from '../test/drug.factory';
import { parseFen, readCatalogueRows } from './catalogue-rows';

describe(readCatalogueRows.name, () => {
  const sut = readCatalogueRows;

  it('reads every row into a drug when all are good', () => {
    const report = sut([
      { line: 2, values: rowOf(aDrug()) },
      { line: 3, values: rowOf(anOriginatorDrug()) },
    ]);

    expect(report).toEqual({ rows: 2, drugs: [aDrug(), anOriginatorDrug()], rejected: [] });
  });

  it('reads Chinese cells: the form by its name, 是/否, the category 甲/乙类', () => {
    const report = sut([
      {
        line: 2,
        values: rowOf(aDrug(), {
          dosage_form: '片剂',
          essential: '是',
          volume_based: '是',
          insurance_category: '乙类',
        }),
      },
    ]);

    expect(report.drugs).toEqual([aDrug({ insuranceCategory: 'B' })]);
  });

  it('refuses a price with decimals instead of fen, saying what it would be in fen, and rejects the file', () => {
    const report = sut([
      { line: 2, values: rowOf(aDrug()) },
      { line: 3, values: rowOf(anOriginatorDrug(), { unified_price_fen: '26.80' }) },
    ]);

    expect(report.drugs).toEqual([]);
    expect(report.rejected).toEqual([
      {
        line: 3,
        field: 'unified_price_fen',
        reason: 'DECIMAL_NOT_FEN',
        description: 'a price in whole fen, without a decimal point (¥26.80 is 2680 fen)',
      },
    ]);
  });

  it('reports every problem of every row, by line and column, once each', () => {
    const report = sut([
      { line: 2, values: rowOf(aDrug(), { code: 'X-1', pack_size: 'ten', levels: 'primary|village' }) },
      {
        line: 3,
        values: rowOf(anOriginatorDrug(), { dosage_form: 'pill', essential: 'maybe', bid_price_fen: '100' }),
      },
      { line: 4, values: rowOf(anOriginatorDrug(), { insurance_category: '丁' }) },
    ]);

    expect(report.rejected.map((p) => [p.line, p.field, p.reason])).toEqual([
      [2, 'pack_size', 'INVALID_FORMAT'],
      [2, 'levels', 'UNKNOWN_VALUE'],
      [2, 'code', 'INVALID_LENGTH'],
      [3, 'dosage_form', 'UNKNOWN_VALUE'],
      [3, 'essential', 'INVALID_FORMAT'],
      [3, 'bid_price_fen', 'NOT_APPLICABLE'],
      [4, 'insurance_category', 'UNKNOWN_VALUE'],
      [4, 'code', 'DUPLICATE_CATALOGUE_DRUG'],
    ]);
    expect(report.drugs).toEqual([]);
  });

  it('refuses a volume-based drug with its bid left empty', () => {
    const report = sut([{ line: 2, values: rowOf(aDrug(), { bid_price_fen: '' }) }]);

    expect(report.rejected.map((p) => [p.field, p.reason])).toEqual([['bid_price_fen', 'REQUIRED']]);
  });

  it('refuses a row with no levels and a missing cell', () => {
    const values = rowOf(aDrug(), { levels: '' });
    delete values.manufacturer;

    expect(sut([{ line: 7, values }]).rejected.map((p) => [p.line, p.field, p.reason])).toEqual([
      [7, 'manufacturer', 'INVALID_LENGTH'],
      [7, 'levels', 'REQUIRED'],
    ]);
  });

  it('reads an empty file as no drugs and nothing rejected', () => {
    expect(sut([])).toEqual({ rows: 0, drugs: [], rejected: [] });
  });
});

describe(parseFen.name, () => {
  const sut = parseFen;

  it.each([
    ['1250', { value: 1250 }],
    [' 0 ', { value: 0 }],
  ])('reads %j as fen', (cell, parsed) => {
    expect(sut(cell)).toEqual(parsed);
  });

  it.each([
    ['12.5', 'DECIMAL_NOT_FEN', /¥12\.5 is 1250 fen/],
    ['.5', 'DECIMAL_NOT_FEN', /¥\.5 is 50 fen/],
    ['1.234', 'DECIMAL_NOT_FEN', /without a decimal point$/],
    ['-5', 'NEGATIVE', /not negative/],
    ['¥12', 'NOT_A_NUMBER', /digits only/],
    ['', 'NOT_A_NUMBER', /digits only/],
    ['99999999999999999999', 'OUT_OF_RANGE', /too large/],
  ])('refuses %j', (cell, reason, description) => {
    const parsed = sut(cell);

    expect('reason' in parsed && [parsed.reason, parsed.description]).toEqual([reason, expect.any(String)]);
    expect('description' in parsed && parsed.description).toMatch(description);
  });
});
