import { type DiseaseCriteriaInput } from '../disease-criteria';
import { criterion as c, SOURCES } from './criteria-sources';

export const MENTAL_HEALTH_CRITERIA: readonly DiseaseCriteriaInput[] = [
  {
    covers: ['F32-F33'],
    nameZh: '抑郁障碍',
    nameEn: 'Depressive disorder',
    specialtyCode: '15',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'DEP_SUICIDE_RISK',
        '有自杀意念、计划或行为（需紧急转诊）',
        'Suicidal ideation, plans or acts (urgent referral)',
      ),
      c(
        'DEP_PSYCHOTIC_OR_BIPOLAR',
        '伴精神病性症状，或既往有躁狂、轻躁狂发作疑似双相障碍',
        'Psychotic features, or past mania or hypomania suggesting bipolar disorder',
      ),
      c(
        'DEP_SEVERE',
        '重度抑郁（PHQ-9≥20分），或严重影响进食、睡眠和社会功能',
        'Severe depression (PHQ-9 ≥20), or eating, sleep and social functioning seriously affected',
      ),
      c(
        'DEP_TREATMENT_RESISTANT',
        '两种抗抑郁药足量足疗程（各4~6周）治疗效果不佳',
        'Poor response to two antidepressants at adequate dose and duration (4–6 weeks each)',
      ),
      c(
        'DEP_SPECIAL_POPULATION',
        '儿童青少年、妊娠期或产后，或共病复杂的老年患者',
        'Child or adolescent, pregnant or postpartum, or older patient with complex comorbidity',
      ),
    ],
    downwardCriteria: [
      c(
        'DEP_IMPROVED',
        '症状缓解或明显改善（如PHQ-9<10分）',
        'Symptoms remitted or much improved (e.g. PHQ-9 <10)',
      ),
      c('DEP_NO_SUICIDE_RISK', '评估无自杀风险', 'No suicide risk on assessment'),
      c(
        'DEP_MAINTENANCE_PLAN',
        '巩固及维持治疗方案和随访计划明确',
        'Continuation and maintenance treatment and follow-up planned',
      ),
    ],
    sources: [SOURCES.shanxiReferralGuide, SOURCES.depression],
  },
  {
    covers: ['F20'],
    nameZh: '精神分裂症',
    nameEn: 'Schizophrenia',
    specialtyCode: '15.01',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'SCZ_RELAPSE',
        '病情复发或加重（幻觉妄想加重、兴奋躁动、拒食）',
        'Relapse or worsening (more hallucinations or delusions, agitation, refusing food)',
      ),
      c(
        'SCZ_DANGER',
        '危险性评估≥3级，或有自伤自杀、冲动伤人风险',
        'Risk assessment grade ≥3, or risk of self-harm, suicide or violence',
      ),
      c(
        'SCZ_DRUG_ADVERSE',
        '严重药物不良反应（恶性综合征、严重锥体外系反应、粒细胞减少）',
        'Serious adverse drug reaction (neuroleptic malignant syndrome, severe extrapyramidal effects, neutropenia)',
      ),
      c(
        'SCZ_NON_ADHERENCE',
        '拒绝服药，基层干预无效',
        'Refusing medication despite primary-care intervention',
      ),
    ],
    downwardCriteria: [
      c(
        'SCZ_SYMPTOMS_STABLE',
        '精神症状基本消失或稳定，自知力部分恢复',
        'Psychotic symptoms largely resolved or stable, insight partly regained',
      ),
      c('SCZ_RISK_LOW', '危险性评估为0~1级', 'Risk assessment grade 0–1'),
      c(
        'SCZ_MAINTENANCE_PLAN',
        '维持治疗方案确定，已纳入社区严重精神障碍患者管理',
        'Maintenance treatment set and patient enrolled in community severe-mental-disorder management',
      ),
    ],
    sources: [SOURCES.severeMentalDisorderNorm, SOURCES.shanxiReferralGuide],
  },
];
