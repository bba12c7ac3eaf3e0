import { type DiseaseCriteriaInput } from '../disease-criteria';
import { criterion as c, SOURCES } from './criteria-sources';

export const ENDOCRINE_CRITERIA: readonly DiseaseCriteriaInput[] = [
  {
    covers: ['E11'],
    nameZh: '2型糖尿病',
    nameEn: 'Type 2 diabetes',
    specialtyCode: '03.07',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'T2DM_TYPE_UNCLEAR',
        '初次发现血糖异常，病因和分型不明确',
        'Newly found hyperglycaemia with unclear cause or type',
      ),
      c(
        'T2DM_ACUTE_COMPLICATION',
        '疑似糖尿病酮症酸中毒、高渗高血糖状态或乳酸酸中毒',
        'Suspected diabetic ketoacidosis, hyperosmolar hyperglycaemic state or lactic acidosis',
      ),
      c('T2DM_HYPOGLYCAEMIA', '严重低血糖或反复低血糖', 'Severe or recurrent hypoglycaemia'),
      c(
        'T2DM_NOT_AT_TARGET',
        '调整治疗3个月以上HbA1c仍未达个体化目标（一般<7.0%），或血糖波动大',
        'HbA1c not at the individual target (usually <7.0%) after 3 months of adjusted treatment, or glucose fluctuating widely',
      ),
      c(
        'T2DM_CHRONIC_COMPLICATION',
        '新发现慢性并发症（视网膜、肾脏、神经、足部或大血管病变）需评估',
        'Newly found chronic complication (retinal, renal, neurological, foot or macrovascular) needing assessment',
      ),
      c('T2DM_PREGNANCY', '妊娠或哺乳期血糖异常', 'Hyperglycaemia during pregnancy or breastfeeding'),
      c(
        'T2DM_DRUG_ADVERSE',
        '出现严重降糖药物不良反应，或需起始胰岛素而基层无条件',
        'Serious adverse effects of glucose-lowering drugs, or insulin to be started beyond primary capability',
      ),
    ],
    downwardCriteria: [
      c('T2DM_DIAGNOSIS_CONFIRMED', '诊断和分型明确', 'Diagnosis and type confirmed'),
      c(
        'T2DM_REGIMEN_SET',
        '治疗方案确定，血糖、血压、血脂达标或稳定',
        'Treatment set; glucose, BP and lipids at target or stable',
      ),
      c('T2DM_NO_ACUTE_COMPLICATION', '急性并发症已纠正', 'Acute complications resolved'),
      c(
        'T2DM_COMPLICATIONS_ASSESSED',
        '慢性并发症已评估且病情稳定',
        'Chronic complications assessed and stable',
      ),
    ],
    sources: [SOURCES.diabetesPlan, SOURCES.guangdongCommonDiseases, SOURCES.type2Diabetes],
  },
  {
    // Refines the E11 entry: a coded chronic complication is referred on its own criteria.
    covers: ['E11.2-E11.5', 'E11.7'],
    nameZh: '2型糖尿病慢性并发症',
    nameEn: 'Chronic complications of type 2 diabetes',
    specialtyCode: '03.07',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'DMC_NEPHROPATHY_PROGRESSING',
        'eGFR<30 ml/min/1.73m²、一年内下降>25%，或尿白蛋白/肌酐比>300 mg/g',
        'eGFR <30 ml/min/1.73m², a fall >25% within a year, or urine albumin/creatinine ratio >300 mg/g',
      ),
      c(
        'DMC_RETINOPATHY_SIGHT_THREATENING',
        '增殖期视网膜病变、黄斑水肿或视力突然下降',
        'Proliferative retinopathy, macular oedema or sudden loss of vision',
      ),
      c(
        'DMC_FOOT_ULCER',
        '新发足溃疡、足部感染或坏疽（Wagner 1级及以上）',
        'New foot ulcer, foot infection or gangrene (Wagner grade 1 or higher)',
      ),
      c(
        'DMC_LIMB_ISCHAEMIA',
        '下肢严重缺血：静息痛或踝肱指数≤0.4',
        'Critical limb ischaemia: rest pain or ankle-brachial index ≤0.4',
      ),
      c(
        'DMC_NEUROPATHY_SEVERE',
        '痛性神经病变控制不佳，或自主神经病变（体位性低血压、胃轻瘫）',
        'Painful neuropathy poorly controlled, or autonomic neuropathy (orthostatic hypotension, gastroparesis)',
      ),
    ],
    downwardCriteria: [
      c(
        'DMC_STAGED',
        '并发症已经专科评估分期，治疗及复查计划已制定',
        'Complication staged by a specialist; treatment and review planned',
      ),
      c(
        'DMC_STABLE',
        '并发症稳定：溃疡已愈合、eGFR稳定≥3个月、眼底病变已完成专科处理',
        'Complication stable: ulcer healed, eGFR stable ≥3 months, retinopathy treated by a specialist',
      ),
      c(
        'DMC_GLYCAEMIA_STABLE',
        '血糖控制平稳，治疗方案在基层可执行',
        'Glucose stable on a regimen the primary institution can deliver',
      ),
    ],
    sources: [SOURCES.diabetesPlan, SOURCES.type2Diabetes],
  },
  {
    covers: ['E03'],
    nameZh: '甲状腺功能减退症',
    nameEn: 'Hypothyroidism',
    specialtyCode: '03.07',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'HYPOT_MYXOEDEMA_COMA',
        '疑似黏液性水肿昏迷（意识障碍、低体温、心动过缓）',
        'Suspected myxoedema coma (reduced consciousness, hypothermia, bradycardia)',
      ),
      c(
        'HYPOT_CENTRAL_OR_UNCLEAR',
        '疑似中枢性甲减或病因不明',
        'Suspected central hypothyroidism or unclear cause',
      ),
      c('HYPOT_PREGNANCY', '妊娠期或计划妊娠', 'Pregnant or planning pregnancy'),
      c(
        'HYPOT_CARDIAC',
        '合并冠心病等心脏病，替代治疗起始或加量困难',
        'Coronary or other heart disease making replacement hard to start or increase',
      ),
      c(
        'HYPOT_NOT_AT_TARGET',
        '规范替代治疗6个月TSH仍不达标',
        'TSH not at target after 6 months of adequate replacement',
      ),
    ],
    downwardCriteria: [
      c(
        'HYPOT_DIAGNOSIS_CONFIRMED',
        '诊断及病因明确（原发性甲减）',
        'Diagnosis and cause confirmed (primary hypothyroidism)',
      ),
      c(
        'HYPOT_DOSE_STABLE',
        '左甲状腺素剂量稳定，连续2次复查TSH达标',
        'Stable levothyroxine dose, TSH at target on 2 consecutive checks',
      ),
    ],
    sources: [SOURCES.shanxiReferralGuide, SOURCES.hypothyroidism],
  },
  {
    covers: ['E05'],
    nameZh: '甲状腺功能亢进症',
    nameEn: 'Hyperthyroidism',
    specialtyCode: '03.07',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'HYPER_THYROID_STORM',
        '疑似甲状腺危象（高热、心率>140次/分、烦躁或谵妄）',
        'Suspected thyroid storm (high fever, heart rate >140/min, agitation or delirium)',
      ),
      c(
        'HYPER_NEW_DIAGNOSIS',
        '初诊甲亢，需明确病因并选择治疗方式（药物、碘-131或手术）',
        'New hyperthyroidism needing cause and choice of treatment (drugs, radioiodine or surgery)',
      ),
      c(
        'HYPER_DRUG_ADVERSE',
        '抗甲状腺药物严重不良反应：中性粒细胞<1.5×10⁹/L、肝功能损害或严重皮疹',
        'Serious antithyroid drug reaction: neutrophils <1.5×10⁹/L, liver injury or severe rash',
      ),
      c(
        'HYPER_COMPLICATION',
        '合并甲亢性心脏病、房颤、周期性麻痹或中重度甲状腺眼病',
        'Thyrotoxic heart disease, atrial fibrillation, periodic paralysis or moderate-to-severe thyroid eye disease',
      ),
      c('HYPER_PREGNANCY', '妊娠期或计划妊娠', 'Pregnant or planning pregnancy'),
    ],
    downwardCriteria: [
      c('HYPER_PLAN_SET', '病因明确，治疗方案确定', 'Cause established, treatment set'),
      c(
        'HYPER_FUNCTION_STABLE',
        '甲状腺功能稳定或持续好转，药物剂量稳定',
        'Thyroid function stable or steadily improving on a stable dose',
      ),
      c('HYPER_NO_SEVERE_ADVERSE', '无严重药物不良反应', 'No serious adverse drug reactions'),
    ],
    sources: [SOURCES.shanxiReferralGuide, SOURCES.hyperthyroidism],
  },
];
