// The benchmark's data as seed.sql makes it, computed in JavaScript so k6 asks for what was seeded: drug codes,
// the formulary of each institution, the contracted residents, and the mix of a prescription.
import { residentId } from '../../scheduling/lib/resident-id.js';

export { residentId };

/** Drug i's code, as seed.sql writes it. */
export function drugCode(i) {
  return `XC08CA${String(i).padStart(17, '0')}`;
}

/** Whether drug i is a national essential medicine, as seed.sql makes it (i % 5 is 0 or 1). */
export function essentialDrug(i) {
  return i % 5 < 2;
}

/** Whether drug i won national volume-based procurement, as seed.sql makes it (i % 5 is 0). */
export function volumeBasedDrug(i) {
  return i % 5 === 0;
}

/** The s-th drug an institution stocks (0 <= s < its stock). */
export function stockedDrug(institution, s, shape) {
  if (institution.level === 'primary') {
    return 5 * ((institution.n * 31 + Math.floor(s / 4)) % (shape.drugs / 5)) + (s % 4);
  }
  return (institution.n * 131 + s) % shape.drugs;
}

/**
 * One prescription of the mix, from a seeded random source: 1-8 lines; a contracted chronic patient
 * (`contractedPct`) or a resident without a contract; each line a drug the institution stocks (mostly), a
 * non-essential product with essential alternatives (`nonEssentialPct`), or any drug of the catalogue
 * (`anyPct`: at a primary site, a fifth are for hospitals only); days mostly within a month, long ones for
 * contracted patients (`longPct`, 56-84 days: accepted), long ones for others (capped at 30), some over the
 * maximum (`overPct`, 90-120).
 */
export function choosePrescription(random, institution, shape) {
  const lines = 1 + Math.floor(random() * 8);
  const contracted = random() * 100 < shape.contractedPct;
  const n = contracted
    ? Math.floor(random() * shape.contracted)
    : shape.contracted + Math.floor(random() * (shape.residents - shape.contracted));
  const stock = institution.level === 'primary' ? shape.primaryStock : shape.hospitalStock;
  const out = [];
  const drugs = [];
  for (let l = 0; l < lines; l++) {
    const r = random() * 100;
    let i;
    if (r < shape.nonEssentialPct)
      i = 5 * Math.floor(random() * (shape.drugs / 5)) + 2 + Math.floor(random() * 2);
    else if (r < shape.nonEssentialPct + shape.anyPct) i = Math.floor(random() * shape.drugs);
    else i = stockedDrug(institution, Math.floor(random() * stock), shape);
    const d = random() * 100;
    const days =
      d < shape.overPct
        ? 90 + Math.floor(random() * 31)
        : d < shape.overPct + shape.longPct
          ? 56 + Math.floor(random() * 29)
          : 7 + Math.floor(random() * 24);
    out.push({ drugCode: drugCode(i), quantity: 1 + Math.floor(random() * 3), daysOfSupply: days });
    drugs.push(i);
  }
  return {
    patientResidentId: residentId(n),
    contracted,
    diagnosisCodes: contracted ? ['I10'] : [random() < 0.5 ? 'I10' : 'E11.9'],
    lines: out,
    drugs,
  };
}
