import { type DiseaseCriteriaInput } from '../disease-criteria';
import { criterion as c, SOURCES } from './criteria-sources';

export const RESPIRATORY_CRITERIA: readonly DiseaseCriteriaInput[] = [
  {
    covers: ['J44'],
    nameZh: '慢性阻塞性肺疾病',
    nameEn: 'Chronic obstructive pulmonary disease',
    specialtyCode: '03.01',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'COPD_SEVERE_EXACERBATION',
        '急性加重：静息时呼吸困难明显加重、SpO₂<90%、发绀、意识改变或外周水肿加重',
        'Exacerbation with marked dyspnoea at rest, SpO₂ <90%, cyanosis, altered consciousness or worsening peripheral oedema',
      ),
      c(
        'COPD_TREATMENT_FAILURE',
        '急性加重经初始治疗48~72小时无改善',
        'Exacerbation not improving 48–72 hours after initial treatment',
      ),
      c(
        'COPD_FREQUENT_EXACERBATIONS',
        '一年内急性加重≥2次或因加重住院≥1次，需调整长期治疗',
        '≥2 exacerbations, or ≥1 admission for one, within a year; long-term treatment to be revised',
      ),
      c(
        'COPD_DIAGNOSIS_NEEDED',
        '诊断不明确，需肺功能检查确诊及严重程度评估',
        'Diagnosis unclear; spirometry needed to confirm and grade severity',
      ),
      c(
        'COPD_COMPLICATION',
        '合并慢性肺源性心脏病、呼吸衰竭或气胸，或需评估长期家庭氧疗、无创通气',
        'Cor pulmonale, respiratory failure or pneumothorax, or long-term oxygen or home non-invasive ventilation to be assessed',
      ),
      c(
        'COPD_SEVERE_COMORBIDITY',
        '合并严重心律失常、心力衰竭等严重伴随疾病',
        'Serious comorbidity such as arrhythmia or heart failure',
      ),
    ],
    downwardCriteria: [
      c(
        'COPD_DIAGNOSIS_CONFIRMED',
        '肺功能确诊（吸入支气管舒张剂后FEV₁/FVC<0.70），严重程度已评估',
        'Confirmed by spirometry (post-bronchodilator FEV₁/FVC <0.70), severity assessed',
      ),
      c(
        'COPD_EXACERBATION_RESOLVED',
        '急性加重已控制，症状恢复至基线，生命体征稳定',
        'Exacerbation controlled, symptoms back to baseline, vital signs stable',
      ),
      c(
        'COPD_REGIMEN_SET',
        '长期吸入治疗方案确定，患者已掌握吸入装置，所需药物基层可获得',
        'Long-term inhaled treatment set, inhaler technique mastered, drugs available at the primary institution',
      ),
    ],
    sources: [SOURCES.copdPlan, SOURCES.copd],
  },
  {
    covers: ['J45-J46'],
    nameZh: '支气管哮喘',
    nameEn: 'Asthma',
    specialtyCode: '03.01',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'ASTHMA_SEVERE_ATTACK',
        '重度急性发作：讲话不成句、呼吸频率>30次/分、SpO₂<90%、三凹征或意识改变',
        'Severe attack: cannot complete sentences, respiratory rate >30/min, SpO₂ <90%, recession or altered consciousness',
      ),
      c(
        'ASTHMA_POOR_RESPONSE',
        '急性发作经吸入短效支气管舒张剂等初始治疗1小时无改善',
        'Attack not improving 1 hour after initial treatment with inhaled short-acting bronchodilators',
      ),
      c(
        'ASTHMA_UNCONTROLLED',
        '中高剂量ICS/LABA规范治疗3个月仍未控制',
        'Uncontrolled after 3 months of medium-to-high dose ICS/LABA',
      ),
      c(
        'ASTHMA_DIAGNOSIS_NEEDED',
        '诊断不明确，需支气管舒张或激发试验',
        'Diagnosis unclear; bronchodilator or challenge testing needed',
      ),
      c(
        'ASTHMA_SPECIAL_POPULATION',
        '妊娠期哮喘，或合并其他严重疾病',
        'Asthma in pregnancy, or with another serious disease',
      ),
    ],
    downwardCriteria: [
      c(
        'ASTHMA_ATTACK_RESOLVED',
        '急性发作已控制，PEF恢复至预计值或个人最佳值的80%以上',
        'Attack controlled, PEF back above 80% of predicted or personal best',
      ),
      c('ASTHMA_CONTROLLED', '近4周哮喘控制评估为良好控制', 'Well controlled over the last 4 weeks'),
      c(
        'ASTHMA_PLAN_SET',
        '长期治疗方案确定，已掌握吸入技术并有书面哮喘行动计划',
        'Long-term treatment set, inhaler technique mastered, written asthma action plan given',
      ),
    ],
    sources: [SOURCES.shanxiReferralGuide, SOURCES.asthma],
  },
  {
    covers: ['J12-J18'],
    nameZh: '社区获得性肺炎',
    nameEn: 'Community-acquired pneumonia',
    specialtyCode: '03.01',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'CAP_SEVERE',
        'CURB-65评分≥2分（意识障碍、尿素>7 mmol/L、呼吸≥30次/分、收缩压<90或舒张压≤60 mmHg、年龄≥65岁）',
        'CURB-65 ≥2 (confusion, urea >7 mmol/L, respiratory rate ≥30/min, systolic <90 or diastolic ≤60 mmHg, age ≥65)',
      ),
      c('CAP_HYPOXAEMIA', 'SpO₂<90%或呼吸衰竭', 'SpO₂ <90% or respiratory failure'),
      c(
        'CAP_TREATMENT_FAILURE',
        '初始抗感染治疗48~72小时无改善或病情加重',
        'No improvement or worse 48–72 hours after starting antibiotics',
      ),
      c(
        'CAP_COMPLICATION',
        '出现胸腔积液、肺脓肿或脓毒症表现',
        'Pleural effusion, lung abscess or signs of sepsis',
      ),
      c(
        'CAP_HIGH_RISK_HOST',
        '免疫抑制、严重基础疾病或高龄衰弱',
        'Immunosuppression, serious underlying disease or frail old age',
      ),
    ],
    downwardCriteria: [
      c(
        'CAP_CLINICALLY_STABLE',
        '达到临床稳定：体温≤37.8℃、心率≤100次/分、呼吸≤24次/分、收缩压≥90 mmHg、SpO₂≥90%',
        'Clinically stable: temperature ≤37.8 ℃, heart rate ≤100/min, respiratory rate ≤24/min, systolic ≥90 mmHg, SpO₂ ≥90%',
      ),
      c('CAP_ORAL_THERAPY', '能经口进食，已转为口服抗感染治疗', 'Eating, and switched to oral antibiotics'),
      c('CAP_NO_COMPLICATION', '无需住院处理的并发症', 'No complication needing admission'),
    ],
    sources: [SOURCES.shanxiReferralGuide, SOURCES.pneumonia],
  },
  {
    covers: ['J00-J06'],
    nameZh: '急性上呼吸道感染',
    nameEn: 'Acute upper respiratory infection',
    specialtyCode: '02',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'URTI_AIRWAY_THREAT',
        '吸气性呼吸困难、喘鸣或流涎，疑似喉梗阻或会厌炎',
        'Inspiratory dyspnoea, stridor or drooling; suspected laryngeal obstruction or epiglottitis',
      ),
      c(
        'URTI_PERSISTENT_FEVER',
        '体温≥39℃持续3天以上，或症状10天以上无好转',
        'Temperature ≥39 ℃ for more than 3 days, or no improvement after 10 days',
      ),
      c(
        'URTI_LOWER_TRACT',
        '疑似合并肺炎等下呼吸道感染',
        'Suspected pneumonia or other lower respiratory infection',
      ),
      c(
        'URTI_COMPLICATION',
        '化脓性并发症（扁桃体周围脓肿、中耳炎、鼻窦炎），或胸闷心悸疑似心肌炎',
        'Suppurative complication (peritonsillar abscess, otitis media, sinusitis), or chest tightness and palpitations suggesting myocarditis',
      ),
      c(
        'URTI_OUTBREAK',
        '疑似新发突发呼吸道传染病或聚集性病例',
        'Suspected emerging respiratory infectious disease or a cluster of cases',
      ),
    ],
    downwardCriteria: [
      c('URTI_AFEBRILE', '体温正常≥24小时，症状好转', 'Afebrile for ≥24 hours, symptoms improving'),
      c('URTI_COMPLICATION_EXCLUDED', '并发症已排除或已处理', 'Complications excluded or treated'),
    ],
    sources: [SOURCES.shanxiReferralGuide, SOURCES.upperRespiratory],
  },
  {
    covers: ['A15-A19'],
    nameZh: '结核病（含疑似肺结核）',
    nameEn: 'Tuberculosis (including suspected pulmonary tuberculosis)',
    specialtyCode: '17',
    primaryManageable: false,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'TB_SUSPECTED_SYMPTOMS',
        '咳嗽、咳痰≥2周，或咯血、痰中带血（肺结核可疑症状），须转结核病定点医疗机构',
        'Cough and sputum ≥2 weeks, or haemoptysis (presumptive TB): refer to the designated TB institution',
      ),
      c('TB_IMAGING_SUSPECTED', '胸部影像学提示肺结核', 'Chest imaging suggesting pulmonary tuberculosis'),
      c(
        'TB_TREATMENT_PROBLEM',
        '治疗中出现严重不良反应（肝损害、视力下降、皮疹）、疗效不佳或疑似耐药',
        'Serious adverse reaction on treatment (liver injury, visual loss, rash), poor response or suspected drug resistance',
      ),
    ],
    downwardCriteria: [
      c(
        'TB_REGIMEN_SET',
        '诊断明确，抗结核治疗方案已制定并已登记管理',
        'Diagnosis confirmed, anti-TB regimen set and case registered',
      ),
      c(
        'TB_SUPERVISED_TREATMENT_READY',
        '病情稳定，可在基层督导服药并按期复查',
        'Stable enough for supervised treatment at the primary institution with scheduled reviews',
      ),
      c('TB_NO_SEVERE_ADVERSE', '无严重药物不良反应', 'No serious adverse drug reactions'),
    ],
    sources: [SOURCES.tuberculosisNorm, SOURCES.tuberculosis],
  },
];
