import { type ItemKind } from '../../common/exam-kinds';

/**
 * Who may sign what, by the practitioner's 诊疗科目 specialty code (《医疗机构诊疗科目名录》): laboratory reports
 * by 医学检验科 (30) and its sub-specialties, pathology by 病理科 (31), imaging by 医学影像科 (12) as a whole or
 * its X-ray (12.01), CT (12.02), MR (12.03), nuclear medicine (12.04), ultrasound (12.05) and interventional
 * radiology (12.09) specialties, ECG by 心电诊断 (12.06) or a cardiologist (心血管内科, 03.04). A remote
 * consultation is answered by a specialist of any field, so it asks for none. `30.*` means every sub-specialty
 * of 30; a plain code matches only itself, so an ECG reader (12.06) does not sign a CT because 12 is listed.
 */
export const SIGNING_SPECIALTIES: Readonly<Record<ItemKind, readonly string[] | 'any'>> = {
  laboratory: ['30', '30.*'],
  pathology: ['31', '31.*'],
  imaging: ['12', '12.01', '12.02', '12.03', '12.04', '12.05', '12.09'],
  ecg: ['12.06', '03.04'],
  'remote-consultation': 'any',
};

export function maySign(specialtyCode: string, kind: ItemKind): boolean {
  const allowed = SIGNING_SPECIALTIES[kind];
  if (allowed === 'any') return true;
  return allowed.some((entry) =>
    entry.endsWith('.*') ? specialtyCode.startsWith(entry.slice(0, -1)) : specialtyCode === entry,
  );
}
