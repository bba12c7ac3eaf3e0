import { type DiseaseCriteriaInput } from '../disease-criteria';
import { criterion as c, SOURCES } from './criteria-sources';

export const CARDIOVASCULAR_CRITERIA: readonly DiseaseCriteriaInput[] = [
  {
    covers: ['I10-I13', 'I15'],
    nameZh: '高血压',
    nameEn: 'Hypertension',
    specialtyCode: '03.04',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'HTN_SEVERE',
        '规律治疗下多次测量血压仍≥180/110 mmHg',
        'BP ≥180/110 mmHg on repeated readings despite regular treatment',
      ),
      c(
        'HTN_UNCONTROLLED',
        '按治疗方案规范用药2~3个月血压仍不达标',
        'BP not at target after 2–3 months of adequate treatment',
      ),
      c(
        'HTN_EMERGENCY',
        '疑似高血压急症或亚急症：血压显著升高伴剧烈头痛、胸痛、呼吸困难或神经系统症状',
        'Suspected hypertensive emergency or urgency: markedly raised BP with severe headache, chest pain, dyspnoea or neurological symptoms',
      ),
      c(
        'HTN_SECONDARY_SUSPECTED',
        '怀疑继发性高血压（如年轻起病、低血钾、阵发性血压升高伴心悸多汗、夜间打鼾伴呼吸暂停）',
        'Suspected secondary hypertension (e.g. young onset, hypokalaemia, paroxysms with palpitations and sweating, sleep apnoea)',
      ),
      c(
        'HTN_TARGET_ORGAN_DAMAGE',
        '新发或加重的靶器官损害（左心室肥厚、蛋白尿或肾功能下降、眼底出血渗出）需评估',
        'New or worsening target-organ damage (left ventricular hypertrophy, proteinuria or falling renal function, retinal haemorrhage or exudates) needing assessment',
      ),
      c('HTN_PREGNANCY', '妊娠期或哺乳期妇女血压升高', 'Raised BP in a pregnant or breastfeeding woman'),
      c(
        'HTN_LABILE',
        '血压控制平稳后再度升高或波动大，基层处理困难',
        'BP rising again or fluctuating widely after being controlled, beyond primary management',
      ),
      c(
        'HTN_DRUG_ADVERSE',
        '出现不能解释或难以处理的降压药物不良反应',
        'Unexplained or unmanageable adverse effects of antihypertensive drugs',
      ),
    ],
    downwardCriteria: [
      c(
        'HTN_DIAGNOSIS_CONFIRMED',
        '高血压诊断明确，继发性因素已排除或已处理',
        'Diagnosis confirmed; secondary causes excluded or treated',
      ),
      c(
        'HTN_BP_AT_TARGET',
        '在稳定用药方案下血压控制在目标值以下（一般<140/90 mmHg）≥2周',
        'BP below target (usually <140/90 mmHg) for ≥2 weeks on a stable regimen',
      ),
      c(
        'HTN_NO_ACUTE_COMPLICATION',
        '无急性并发症，伴随临床疾患已稳定',
        'No acute complications; associated clinical conditions stable',
      ),
      c(
        'HTN_DRUGS_AVAILABLE',
        '治疗方案已写明，所需药物在基层可获得',
        'Treatment plan written down and its drugs available at the primary institution',
      ),
    ],
    sources: [SOURCES.hypertensionPlan, SOURCES.guangdongCommonDiseases, SOURCES.primaryHypertension],
  },
  {
    covers: ['I20', 'I25'],
    nameZh: '冠心病（稳定型心绞痛、慢性缺血性心脏病）',
    nameEn: 'Coronary heart disease (stable angina, chronic ischaemic heart disease)',
    specialtyCode: '03.04',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'CHD_DIAGNOSIS_NEEDED',
        '首次发现疑似冠心病，需负荷试验、冠脉CTA或造影明确诊断',
        'Suspected coronary disease needing stress testing, CT coronary angiography or angiography to confirm',
      ),
      c(
        'CHD_ANGINA_WORSENING',
        '心绞痛发作频率、程度或持续时间增加，或活动耐量下降（静息胸痛≥20分钟按急性冠脉综合征走胸痛绿色通道）',
        'Angina more frequent, severe or prolonged, or exercise tolerance falling (rest pain ≥20 min: treat as ACS via the chest-pain green channel)',
      ),
      c(
        'CHD_REVASCULARISATION',
        '需评估血运重建（PCI/CABG）或术后出现症状',
        'Revascularisation (PCI/CABG) to be assessed, or symptoms after it',
      ),
      c(
        'CHD_HF_ARRHYTHMIA',
        '出现心力衰竭、严重心律失常或晕厥',
        'Heart failure, serious arrhythmia or syncope',
      ),
      c(
        'CHD_RISK_NOT_AT_TARGET',
        '规范治疗3个月LDL-C、血压或血糖仍未达标',
        'LDL-C, BP or glucose not at target after 3 months of adequate treatment',
      ),
      c(
        'CHD_ANTIPLATELET_BLEEDING',
        '抗血小板或抗凝治疗中出现出血等严重不良反应',
        'Bleeding or other serious adverse effects of antiplatelet or anticoagulant therapy',
      ),
    ],
    downwardCriteria: [
      c(
        'CHD_SYMPTOMS_STABLE',
        '心绞痛症状稳定（CCS I~II级），近4周无加重',
        'Angina stable (CCS class I–II), no worsening for 4 weeks',
      ),
      c(
        'CHD_SECONDARY_PREVENTION_SET',
        '诊断明确，二级预防方案（抗血小板、他汀、β受体阻滞剂等）已确定',
        'Diagnosis confirmed; secondary prevention (antiplatelet, statin, beta-blocker, etc.) set',
      ),
      c(
        'CHD_NO_COMPLICATION',
        '无需专科处理的心力衰竭、心律失常等并发症；血运重建术后（如有）恢复平稳',
        'No heart failure, arrhythmia or other complication needing a specialist; recovered after any revascularisation',
      ),
    ],
    sources: [SOURCES.ischaemicHeartPlan, SOURCES.countyCoronaryPlan, SOURCES.stableCoronary],
  },
  {
    covers: ['I20.0', 'I21-I22', 'I24'],
    nameZh: '急性冠脉综合征',
    nameEn: 'Acute coronary syndrome',
    specialtyCode: '03.04',
    primaryManageable: false,
    greenChannel: 'chest-pain',
    upwardIndications: [
      c(
        'ACS_ISCHAEMIC_CHEST_PAIN',
        '持续≥20分钟的缺血性胸痛或胸闷，含服硝酸甘油不能缓解',
        'Ischaemic chest pain or tightness lasting ≥20 minutes, not relieved by nitroglycerin',
      ),
      c(
        'ACS_ECG_CHANGES',
        '心电图ST段抬高、新发左束支传导阻滞或动态ST-T改变',
        'ECG with ST elevation, new left bundle branch block or dynamic ST-T changes',
      ),
      c(
        'ACS_TROPONIN_RISE',
        '心肌肌钙蛋白升高（含床旁快速检测）',
        'Raised cardiac troponin (point-of-care test included)',
      ),
      c(
        'ACS_UNSTABLE',
        '伴血流动力学不稳定、恶性心律失常或急性心力衰竭',
        'Haemodynamic instability, malignant arrhythmia or acute heart failure',
      ),
    ],
    downwardCriteria: [
      c(
        'ACS_ACUTE_PHASE_DONE',
        '急性期治疗（再灌注/血运重建或药物保守治疗）已完成，无再发缺血症状',
        'Acute treatment (reperfusion/revascularisation or medical) completed, no recurrent ischaemia',
      ),
      c(
        'ACS_NO_COMPLICATION',
        '无心力衰竭、恶性心律失常等需专科处理的并发症',
        'No heart failure, malignant arrhythmia or other complication needing a specialist',
      ),
      c(
        'ACS_FOLLOW_UP_PLAN',
        '二级预防用药（双联抗血小板疗程、他汀等）、心脏康复及复诊计划已制定',
        'Secondary prevention (dual antiplatelet duration, statin, etc.), cardiac rehabilitation and follow-up planned',
      ),
    ],
    sources: [SOURCES.ischaemicHeartPlan, SOURCES.chestPainCentre, SOURCES.stemi],
  },
  {
    covers: ['I50'],
    nameZh: '慢性心力衰竭',
    nameEn: 'Chronic heart failure',
    specialtyCode: '03.04',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'HF_DECOMPENSATED',
        '急性失代偿：静息或夜间阵发性呼吸困难、端坐呼吸、SpO₂<90%或水肿明显加重',
        'Acute decompensation: dyspnoea at rest or paroxysmal nocturnal dyspnoea, orthopnoea, SpO₂ <90% or markedly worse oedema',
      ),
      c(
        'HF_DIAGNOSIS_NEEDED',
        '初诊疑似心力衰竭，需超声心动图、NT-proBNP明确病因和分型',
        'Suspected heart failure needing echocardiography and NT-proBNP to establish cause and type',
      ),
      c(
        'HF_REFRACTORY',
        '规范治疗后仍为NYHA III~IV级，或半年内因心衰再住院',
        'NYHA class III–IV despite adequate treatment, or readmitted for heart failure within 6 months',
      ),
      c('HF_ARRHYTHMIA_SYNCOPE', '新发心律失常或晕厥', 'New arrhythmia or syncope'),
      c(
        'HF_LABS_ABNORMAL',
        '血钾<3.5或>5.5 mmol/L，或血肌酐进行性升高',
        'Potassium <3.5 or >5.5 mmol/L, or creatinine rising progressively',
      ),
      c(
        'HF_DEVICE_ASSESSMENT',
        '需评估器械治疗（CRT、ICD）或心脏移植',
        'Device therapy (CRT, ICD) or heart transplantation to be assessed',
      ),
    ],
    downwardCriteria: [
      c(
        'HF_COMPENSATED',
        '症状稳定（NYHA I~II级），无容量超负荷，体重稳定',
        'Symptoms stable (NYHA class I–II), euvolaemic, weight stable',
      ),
      c(
        'HF_GDMT_SET',
        '指南导向药物治疗已确定，并已滴定至目标剂量或最大耐受剂量',
        'Guideline-directed medical therapy set and titrated to target or maximum tolerated doses',
      ),
      c('HF_LABS_STABLE', '电解质和肾功能稳定', 'Electrolytes and renal function stable'),
    ],
    sources: [SOURCES.shanxiReferralGuide, SOURCES.heartFailure],
  },
  {
    covers: ['I48'],
    nameZh: '心房颤动',
    nameEn: 'Atrial fibrillation',
    specialtyCode: '03.04',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'AF_NEW_ONSET',
        '新发房颤，需评估病因、卒中风险及节律控制策略',
        'New atrial fibrillation needing assessment of cause, stroke risk and rhythm strategy',
      ),
      c(
        'AF_UNSTABLE',
        '静息心室率>110次/分，或伴低血压、胸痛、急性心力衰竭',
        'Resting ventricular rate >110/min, or with hypotension, chest pain or acute heart failure',
      ),
      c(
        'AF_ANTICOAGULATION_PROBLEM',
        '抗凝治疗中出血，或华法林INR反复不在2.0~3.0范围内',
        'Bleeding on anticoagulation, or warfarin INR repeatedly outside 2.0–3.0',
      ),
      c(
        'AF_EMBOLISM_SUSPECTED',
        '疑似外周血栓栓塞事件（疑似卒中按卒中绿色通道处理）',
        'Suspected peripheral thromboembolism (suspected stroke: stroke green channel)',
      ),
      c(
        'AF_RHYTHM_CONTROL',
        '症状明显，需评估复律或导管消融',
        'Symptomatic despite rate control; cardioversion or catheter ablation to be assessed',
      ),
    ],
    downwardCriteria: [
      c(
        'AF_RATE_CONTROLLED',
        '静息心室率<110次/分，症状稳定',
        'Resting ventricular rate <110/min, symptoms stable',
      ),
      c(
        'AF_ANTICOAGULATION_SET',
        '已完成CHA₂DS₂-VASc及HAS-BLED评估，抗凝方案确定（服华法林者INR稳定于2.0~3.0）',
        'CHA₂DS₂-VASc and HAS-BLED assessed, anticoagulation set (on warfarin: INR stable at 2.0–3.0)',
      ),
      c('AF_NO_ACUTE_ISSUE', '无需住院处理的并发症', 'No complication needing admission'),
    ],
    sources: [SOURCES.shanxiReferralGuide, SOURCES.atrialFibrillation],
  },
  {
    covers: ['E78'],
    nameZh: '血脂异常',
    nameEn: 'Dyslipidaemia',
    specialtyCode: '03.04',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'LIPID_FAMILIAL_SUSPECTED',
        '疑似家族性高胆固醇血症（LDL-C≥4.9 mmol/L伴早发心血管病家族史，或有黄色瘤）',
        'Suspected familial hypercholesterolaemia (LDL-C ≥4.9 mmol/L with premature cardiovascular disease in the family, or xanthomas)',
      ),
      c(
        'LIPID_SEVERE_TG',
        '甘油三酯≥5.6 mmol/L，有急性胰腺炎风险',
        'Triglycerides ≥5.6 mmol/L, at risk of acute pancreatitis',
      ),
      c(
        'LIPID_NOT_AT_TARGET',
        '中等强度他汀规范治疗3个月LDL-C仍未达标，需联合或强化降脂',
        'LDL-C not at target after 3 months of moderate-intensity statin, needing combination or intensified therapy',
      ),
      c(
        'LIPID_DRUG_ADVERSE',
        '疑似他汀相关肌病（肌痛伴CK>4倍正常上限）或转氨酶>3倍正常上限',
        'Suspected statin myopathy (myalgia with CK >4× upper limit) or transaminases >3× upper limit',
      ),
      c(
        'LIPID_SECONDARY_SUSPECTED',
        '疑似继发性血脂异常（如甲状腺功能减退、肾病综合征）需查因',
        'Suspected secondary dyslipidaemia (e.g. hypothyroidism, nephrotic syndrome) needing work-up',
      ),
    ],
    downwardCriteria: [
      c(
        'LIPID_AT_TARGET',
        'LDL-C连续2次复查达到危险分层对应的目标值',
        'LDL-C at the target for the risk category on 2 consecutive checks',
      ),
      c(
        'LIPID_REGIMEN_SET',
        '降脂方案确定，无明显不良反应',
        'Lipid-lowering regimen set, no significant adverse effects',
      ),
    ],
    sources: [SOURCES.shanxiReferralGuide, SOURCES.dyslipidaemia],
  },
];
