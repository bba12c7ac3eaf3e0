import { type DiseaseCriteriaInput } from '../disease-criteria';
import { criterion as c, SOURCES } from './criteria-sources';

export const RENAL_URINARY_CRITERIA: readonly DiseaseCriteriaInput[] = [
  {
    covers: ['N18'],
    nameZh: '慢性肾脏病',
    nameEn: 'Chronic kidney disease',
    specialtyCode: '03.06',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'CKD_CAUSE_UNCLEAR',
        '初诊慢性肾脏病，病因不明（如不明原因血尿、蛋白尿）',
        'New chronic kidney disease of unclear cause (e.g. unexplained haematuria or proteinuria)',
      ),
      c(
        'CKD_RAPID_DECLINE',
        'eGFR快速下降：每年下降>5 ml/min/1.73m²，或较基线下降>25%',
        'Rapid eGFR decline: >5 ml/min/1.73m² a year, or >25% from baseline',
      ),
      c(
        'CKD_ADVANCED',
        'eGFR<30 ml/min/1.73m²（CKD 4~5期），需准备肾脏替代治疗',
        'eGFR <30 ml/min/1.73m² (CKD stage 4–5); renal replacement to be prepared',
      ),
      c('CKD_HEAVY_PROTEINURIA', '尿白蛋白/肌酐比>300 mg/g', 'Urine albumin/creatinine ratio >300 mg/g'),
      c(
        'CKD_COMPLICATIONS',
        '难以纠正的高钾血症、代谢性酸中毒、肾性贫血（Hb<100 g/L）或顽固性高血压',
        'Hyperkalaemia, metabolic acidosis, renal anaemia (Hb <100 g/L) or resistant hypertension not correctable',
      ),
    ],
    downwardCriteria: [
      c('CKD_CAUSE_ASSESSED', '病因已明确，治疗方案确定', 'Cause established, treatment set'),
      c(
        'CKD_FUNCTION_STABLE',
        'eGFR≥30 ml/min/1.73m²且近3个月稳定',
        'eGFR ≥30 ml/min/1.73m² and stable for 3 months',
      ),
      c(
        'CKD_COMPLICATIONS_CONTROLLED',
        '血压、血钾、贫血等并发症已控制',
        'Blood pressure, potassium, anaemia and other complications controlled',
      ),
    ],
    sources: [SOURCES.countyCkdPlan, SOURCES.shanxiReferralGuide],
  },
  {
    covers: ['N40'],
    nameZh: '良性前列腺增生',
    nameEn: 'Benign prostatic hyperplasia',
    specialtyCode: '04.04',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c('BPH_RETENTION', '急性尿潴留或反复尿潴留', 'Acute or recurrent urinary retention'),
      c(
        'BPH_COMPLICATIONS',
        '反复尿路感染、肉眼血尿、膀胱结石，或上尿路积水、肾功能损害',
        'Recurrent urinary infection, visible haematuria, bladder stones, hydronephrosis or renal impairment',
      ),
      c(
        'BPH_MEDICAL_FAILED',
        '规范药物治疗3~6个月症状无改善，需评估手术',
        'No improvement after 3–6 months of adequate drug treatment; surgery to be assessed',
      ),
      c(
        'BPH_CANCER_SUSPECTED',
        'PSA>4 ng/ml或直肠指检异常，疑似前列腺癌',
        'PSA >4 ng/ml or abnormal rectal examination, suspected prostate cancer',
      ),
    ],
    downwardCriteria: [
      c('BPH_CANCER_EXCLUDED', '诊断明确，前列腺癌已排除', 'Diagnosis confirmed, prostate cancer excluded'),
      c(
        'BPH_STABLE',
        '药物方案确定且症状稳定，或术后恢复良好',
        'Stable on a set drug regimen, or recovered well after surgery',
      ),
      c(
        'BPH_NO_COMPLICATION',
        '无尿潴留、感染、肾功能损害等并发症',
        'No retention, infection or renal impairment',
      ),
    ],
    sources: [SOURCES.shanxiReferralGuide, SOURCES.urology],
  },
  {
    covers: ['N39.0'],
    nameZh: '尿路感染',
    nameEn: 'Urinary tract infection',
    specialtyCode: '03.06',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'UTI_UPPER_OR_SEPSIS',
        '发热、腰痛等肾盂肾炎表现，或脓毒症表现',
        'Pyelonephritis (fever, loin pain) or signs of sepsis',
      ),
      c(
        'UTI_COMPLICATED',
        '复杂性尿路感染：男性、妊娠、合并梗阻或结石、留置导尿',
        'Complicated infection: male, pregnant, obstruction or stones, indwelling catheter',
      ),
      c(
        'UTI_RECURRENT',
        '反复发作（半年≥2次或一年≥3次），需查因',
        'Recurrent (≥2 in 6 months or ≥3 in a year), cause to be found',
      ),
      c(
        'UTI_TREATMENT_FAILED',
        '抗感染治疗48~72小时无改善',
        'No improvement 48–72 hours after starting antibiotics',
      ),
    ],
    downwardCriteria: [
      c('UTI_AFEBRILE', '体温正常，症状明显改善', 'Afebrile, symptoms much improved'),
      c(
        'UTI_ORAL_COURSE',
        '可口服抗菌药物完成疗程，尿培养结果（如有）已知',
        'Course can be completed with oral antibiotics; any urine culture result known',
      ),
    ],
    sources: [SOURCES.shanxiReferralGuide],
  },
];
