import { type InstitutionLevel } from '../../../common/institution-level';
import { DOSAGE_FORMS, type Drug } from '../drug';
import { STARTER_PRESENTATIONS, type StarterPresentation } from './starter-presentations';

const EVERY_LEVEL: readonly InstitutionLevel[] = ['tertiary', 'secondary', 'primary'];
const HOSPITALS: readonly InstitutionLevel[] = ['tertiary', 'secondary'];
const FORM_CODES = Object.keys(DOSAGE_FORMS);

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * The starter catalogue: common chronic-disease and primary-care drugs (hypertension, diabetes, lipids,
 * antiplatelets and anticoagulants, angina, asthma and COPD inhalers, stomach, pain, infections, thyroid, gout,
 * nervous system, urology, allergy) as a new group's first load, for its pharmacy department to review.
 *
 * Each presentation gives two products. A volume-based one: the winning generic at its bid, for every level the
 * presentation allows, and the originator at its listed price, for hospitals only; so a patient sent down on the
 * originator continues on the winning generic of the same generic and form. Any other: two makers at the group's
 * price. Generic names, forms, strengths, ATC subgroups, the essential and volume-based flags and insurance
 * categories are real; makers, suppliers and prices are illustrative, and so are the codes: in the national format
 * (X, the ATC subgroup, then generic, form, presentation and maker numbers of this catalogue's own), but not the
 * national database's codes, which a group's real load brings.
 */
export function starterCatalogue(
  presentations: readonly StarterPresentation[] = STARTER_PRESENTATIONS,
): Drug[] {
  const genericNumbers = new Map<string, number>();
  const presentationsOfGeneric = new Map<string, number>();
  return presentations.flatMap((p) => {
    const generic = genericNumbers.get(p.genericName) ?? genericNumbers.size + 1;
    genericNumbers.set(p.genericName, generic);
    const presentation = (presentationsOfGeneric.get(p.genericName) ?? 0) + 1;
    presentationsOfGeneric.set(p.genericName, presentation);
    const codeOf = (maker: number) =>
      `X${p.atc}A${pad(generic, 3)}F${pad(FORM_CODES.indexOf(p.form) + 1, 3)}${pad(presentation, 3)}${pad(maker, 6)}`;
    const common = {
      genericName: p.genericName,
      dosageForm: p.form,
      strength: p.strength,
      packSize: p.packSize,
      unit: p.unit,
      packUnit: p.packUnit,
      supplier: generic % 2 === 0 ? '配送企业甲' : '配送企业乙',
      essential: p.essential,
      listPriceFen: p.listFen,
      insuranceCategory: p.category,
      levels: p.hospitalOnly ? HOSPITALS : EVERY_LEVEL,
    };
    if (p.volumeBased) {
      return [
        {
          ...common,
          code: codeOf(101),
          manufacturer: '示例制药一厂',
          volumeBased: true,
          bidPriceFen: p.priceFen,
          unifiedPriceFen: p.priceFen,
        },
        {
          ...common,
          code: codeOf(900),
          manufacturer: '原研企业（示例）',
          volumeBased: false,
          bidPriceFen: null,
          unifiedPriceFen: Math.round(p.listFen * 0.9),
          levels: HOSPITALS,
        },
      ];
    }
    return [
      {
        ...common,
        code: codeOf(101),
        manufacturer: '示例制药一厂',
        volumeBased: false,
        bidPriceFen: null,
        unifiedPriceFen: p.priceFen,
      },
      {
        ...common,
        code: codeOf(102),
        manufacturer: '示例制药二厂',
        volumeBased: false,
        bidPriceFen: null,
        unifiedPriceFen: p.priceFen + Math.round(p.priceFen * 0.05),
      },
    ];
  });
}
