import { catalogueItemViolations } from '../catalogue-item';
import { loincProblem } from '../loinc-code';
import { RecognitionCatalogue } from '../recognition-catalogue';
import { STARTER_CATALOGUE } from './starter-catalogue';

describe('STARTER_CATALOGUE', () => {
  const sut = STARTER_CATALOGUE;

  it('holds at least 200 laboratory and imaging items that are mutually recognised', () => {
    const recognised = sut.filter(
      (item) => (item.kind === 'laboratory' || item.kind === 'imaging') && item.recognition !== null,
    );

    expect(recognised.length).toBeGreaterThanOrEqual(200);
  });

  it('loads into an empty catalogue: every item well formed, every code once', () => {
    const catalogue = RecognitionCatalogue.empty('region');

    catalogue.load(sut, 0, new Date('2026-12-04T00:00:00Z'));

    expect(catalogue.snapshot().items).toHaveLength(sut.length);
    expect(sut.flatMap((item, i) => catalogueItemViolations(item, `items[${i}]`))).toEqual([]);
  });

  it('carries LOINC codes whose check digits hold, each on one item only', () => {
    const codes = sut.flatMap((item) => (item.loinc ? [item.loinc] : []));

    expect(codes.filter((code) => loincProblem(code) !== null)).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('covers radiographs, CT, MR and ultrasound by body part', () => {
    const parts = (modality: string) =>
      new Set(sut.filter((item) => item.modality === modality).map((item) => item.bodyPart)).size;

    expect([parts('DX'), parts('CT'), parts('MR'), parts('US')].every((n) => n >= 10)).toBe(true);
  });

  it('classes infectious-disease serology and psychiatric drug levels as sensitive', () => {
    const classOf = (code: string) => sut.find((item) => item.code === code)?.dataClass;

    expect([classOf('LAB-HIV'), classOf('LAB-HBSAG'), classOf('LAB-HCVAB'), classOf('LAB-RPR')]).toEqual(
      Array(4).fill('infectious-disease'),
    );
    expect(classOf('LAB-LITHIUM')).toBe('psychiatric');
    expect(classOf('LAB-GLU')).toBe('general');
  });

  it('keeps the defaults the region starts from: blood glucose 7 days, CT 30 days region-wide', () => {
    const rule = (code: string) => sut.find((item) => item.code === code)?.recognition;

    expect(rule('LAB-GLU')).toMatchObject({ validityDays: 7, scope: 'region' });
    expect(rule('CT-CHEST')).toMatchObject({ validityDays: 30, scope: 'region' });
    expect(rule('US-ABDOMEN')).toMatchObject({ scope: 'group' });
  });
});
