import { type DiseaseCriteriaInput } from '../disease-criteria';
import { criterion as c, SOURCES } from './criteria-sources';

export const MUSCULOSKELETAL_CRITERIA: readonly DiseaseCriteriaInput[] = [
  {
    covers: ['M80-M82'],
    nameZh: '骨质疏松症',
    nameEn: 'Osteoporosis',
    specialtyCode: '03.07',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'OP_FRAGILITY_FRACTURE',
        '新发脆性骨折（髋部、椎体、桡骨远端等）',
        'New fragility fracture (hip, vertebra, distal radius, etc.)',
      ),
      c(
        'OP_DXA_NEEDED',
        '需双能X线吸收检测法（DXA）测定骨密度以明确诊断',
        'Dual-energy X-ray absorptiometry (DXA) needed to confirm the diagnosis',
      ),
      c(
        'OP_SECONDARY_SUSPECTED',
        '疑似继发性骨质疏松（甲状旁腺功能亢进、长期糖皮质激素、肿瘤等）',
        'Suspected secondary osteoporosis (hyperparathyroidism, long-term glucocorticoids, malignancy, etc.)',
      ),
      c(
        'OP_TREATMENT_FAILURE',
        '规范治疗中再发骨折或骨密度明显下降，或需注射类抗骨质疏松药物',
        'Fracture or marked bone density loss despite adequate treatment, or injectable therapy needed',
      ),
      c(
        'OP_DRUG_ADVERSE',
        '疑似颌骨坏死、非典型股骨骨折等严重药物不良反应',
        'Suspected osteonecrosis of the jaw, atypical femoral fracture or other serious drug reaction',
      ),
    ],
    downwardCriteria: [
      c(
        'OP_DIAGNOSIS_CONFIRMED',
        '诊断明确，继发性原因已排除',
        'Diagnosis confirmed, secondary causes excluded',
      ),
      c(
        'OP_REGIMEN_SET',
        '抗骨质疏松方案（钙剂、维生素D及药物）确定，无严重不良反应',
        'Treatment (calcium, vitamin D and drugs) set without serious adverse effects',
      ),
      c(
        'OP_FRACTURE_MANAGED',
        '骨折（如有）已处理，可在基层康复及防跌倒管理',
        'Any fracture treated; rehabilitation and fall prevention can continue at the primary institution',
      ),
    ],
    sources: [SOURCES.shanxiReferralGuide, SOURCES.osteoporosis],
  },
  {
    covers: ['M17'],
    nameZh: '膝骨关节炎',
    nameEn: 'Osteoarthritis of the knee',
    specialtyCode: '04.03',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'KOA_CONSERVATIVE_FAILED',
        '规范保守治疗3个月症状无改善',
        'No improvement after 3 months of adequate conservative treatment',
      ),
      c(
        'KOA_SEVERE_FUNCTION_LOSS',
        '严重疼痛、关节畸形或活动受限影响日常生活，需评估关节置换',
        'Severe pain, deformity or restriction limiting daily life; joint replacement to be assessed',
      ),
      c(
        'KOA_ACUTE_SWELLING',
        '急性关节红肿热痛或大量积液，需排除感染、痛风或骨折',
        'Acute hot swollen joint or large effusion; infection, gout or fracture to be excluded',
      ),
      c(
        'KOA_DIAGNOSIS_UNCLEAR',
        '诊断不明确，需与类风湿关节炎等鉴别',
        'Diagnosis unclear; rheumatoid arthritis and others to be excluded',
      ),
    ],
    downwardCriteria: [
      c(
        'KOA_DIAGNOSIS_CONFIRMED',
        '诊断明确，已完成影像学分级',
        'Diagnosis confirmed and graded radiologically',
      ),
      c(
        'KOA_TREATED_STABLE',
        '经上级医院处理（手术或关节腔治疗，如有）后病情稳定，切口愈合',
        'Stable after hospital treatment (surgery or intra-articular therapy, if any), wounds healed',
      ),
      c('KOA_REHAB_PLAN', '运动康复和用药方案已制定', 'Exercise rehabilitation and medication planned'),
    ],
    sources: [SOURCES.shanxiReferralGuide, SOURCES.osteoarthritis],
  },
  {
    covers: ['M51'],
    nameZh: '腰椎间盘突出症',
    nameEn: 'Lumbar disc herniation',
    specialtyCode: '04.03',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'LDH_CAUDA_EQUINA',
        '马尾综合征表现：鞍区麻木、大小便功能障碍（需急诊处理）',
        'Cauda equina syndrome: saddle anaesthesia, bladder or bowel dysfunction (emergency)',
      ),
      c('LDH_PROGRESSIVE_DEFICIT', '进行性肌力下降或足下垂', 'Progressive weakness or foot drop'),
      c(
        'LDH_CONSERVATIVE_FAILED',
        '规范保守治疗6~12周无效，疼痛严重影响生活',
        'No response to 6–12 weeks of adequate conservative treatment, pain severely limiting life',
      ),
      c(
        'LDH_RED_FLAGS',
        '伴发热、体重下降或肿瘤病史，需排除感染或肿瘤',
        'Fever, weight loss or history of cancer; infection or malignancy to be excluded',
      ),
    ],
    downwardCriteria: [
      c(
        'LDH_ACUTE_RESOLVED',
        '急性期疼痛缓解，神经功能无进行性损害',
        'Acute pain settled, no progressive neurological deficit',
      ),
      c(
        'LDH_TREATED_STABLE',
        '手术或介入治疗（如有）后恢复顺利，切口愈合',
        'Recovered well after any surgery or intervention, wounds healed',
      ),
      c('LDH_REHAB_PLAN', '康复锻炼计划已制定', 'Rehabilitation exercises planned'),
    ],
    sources: [SOURCES.shanxiReferralGuide, SOURCES.lumbarDisc],
  },
  {
    covers: ['M10', 'E79.0'],
    nameZh: '痛风及高尿酸血症',
    nameEn: 'Gout and hyperuricaemia',
    specialtyCode: '03.07',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'GOUT_DIAGNOSIS_UNCLEAR',
        '诊断不明确，需关节液检查或双能CT',
        'Diagnosis unclear; joint aspiration or dual-energy CT needed',
      ),
      c(
        'GOUT_REFRACTORY_FLARE',
        '急性发作经规范抗炎治疗1周未缓解，或每年发作≥2次',
        'Flare not settling after a week of adequate anti-inflammatory treatment, or ≥2 flares a year',
      ),
      c(
        'GOUT_TOPHUS_COMPLICATION',
        '痛风石破溃、感染或关节破坏',
        'Ulcerated or infected tophi, or joint destruction',
      ),
      c(
        'GOUT_RENAL',
        '合并肾功能不全（eGFR<60 ml/min/1.73m²）或尿酸性肾结石',
        'Renal impairment (eGFR <60 ml/min/1.73m²) or uric acid stones',
      ),
      c(
        'GOUT_ULT_NOT_AT_TARGET',
        '降尿酸治疗3~6个月血尿酸仍未降至360 μmol/L以下',
        'Serum urate not below 360 μmol/L after 3–6 months of urate-lowering therapy',
      ),
      c(
        'GOUT_DRUG_ADVERSE',
        '严重药物不良反应（如别嘌醇超敏反应）',
        'Serious adverse drug reaction (e.g. allopurinol hypersensitivity)',
      ),
    ],
    downwardCriteria: [
      c('GOUT_FLARE_RESOLVED', '急性发作已缓解', 'Flare resolved'),
      c(
        'GOUT_ULT_SET',
        '降尿酸方案确定，血尿酸达标或稳定下降',
        'Urate-lowering regimen set, serum urate at target or falling steadily',
      ),
      c('GOUT_NO_SEVERE_COMPLICATION', '无需专科处理的并发症', 'No complication needing a specialist'),
    ],
    sources: [SOURCES.shanxiReferralGuide, SOURCES.gout],
  },
];
