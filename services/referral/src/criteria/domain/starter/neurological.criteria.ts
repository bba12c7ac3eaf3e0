import { type DiseaseCriteriaInput } from '../disease-criteria';
import { criterion as c, SOURCES } from './criteria-sources';

export const NEUROLOGICAL_CRITERIA: readonly DiseaseCriteriaInput[] = [
  {
    covers: ['I60-I64'],
    nameZh: '急性脑卒中',
    nameEn: 'Acute stroke',
    specialtyCode: '03.03',
    primaryManageable: false,
    greenChannel: 'stroke',
    upwardIndications: [
      c(
        'STROKE_FOCAL_DEFICIT',
        '突发一侧面部或肢体无力、麻木，言语不清，视物模糊或失衡（BE-FAST阳性）',
        'Sudden one-sided facial or limb weakness or numbness, slurred speech, visual loss or imbalance (BE-FAST positive)',
      ),
      c(
        'STROKE_IN_TIME_WINDOW',
        '发病（或最后正常时间）在24小时内，可能适合静脉溶栓或血管内取栓',
        'Onset (or last known well) within 24 hours, possibly eligible for thrombolysis or thrombectomy',
      ),
      c(
        'STROKE_HAEMORRHAGE_SUSPECTED',
        '突发剧烈头痛伴呕吐，疑似脑出血或蛛网膜下腔出血',
        'Sudden severe headache with vomiting, suspected intracerebral or subarachnoid haemorrhage',
      ),
      c(
        'STROKE_REDUCED_CONSCIOUSNESS',
        '意识障碍、抽搐或生命体征不稳定',
        'Reduced consciousness, seizures or unstable vital signs',
      ),
    ],
    downwardCriteria: [
      c(
        'STROKE_ACUTE_PHASE_DONE',
        '急性期治疗结束，生命体征平稳，神经功能缺损无进展',
        'Acute treatment finished, vital signs stable, neurological deficit not progressing',
      ),
      c(
        'STROKE_COMPLICATIONS_CONTROLLED',
        '肺部感染、吞咽障碍、深静脉血栓等并发症已控制',
        'Complications such as pneumonia, dysphagia and deep-vein thrombosis controlled',
      ),
      c(
        'STROKE_PREVENTION_REHAB_SET',
        '病因分型明确，二级预防及康复方案已制定',
        'Cause classified; secondary prevention and rehabilitation planned',
      ),
    ],
    sources: [SOURCES.cerebrovascularPlan, SOURCES.ischaemicStroke],
  },
  {
    covers: ['G45'],
    nameZh: '短暂性脑缺血发作',
    nameEn: 'Transient ischaemic attack',
    specialtyCode: '03.03',
    primaryManageable: false,
    greenChannel: 'stroke',
    upwardIndications: [
      c(
        'TIA_RECENT',
        '7天内发生的短暂性局灶性神经功能缺损',
        'Transient focal neurological deficit within the last 7 days',
      ),
      c(
        'TIA_HIGH_RISK',
        'ABCD²评分≥4分，或反复、渐频发作',
        'ABCD² score ≥4, or repeated and increasingly frequent attacks',
      ),
      c(
        'TIA_NOT_RESOLVED',
        '症状未完全缓解（按急性卒中处理）',
        'Symptoms not fully resolved (manage as acute stroke)',
      ),
    ],
    downwardCriteria: [
      c(
        'TIA_WORKUP_DONE',
        '已完成病因评估（血管影像、心电及心脏评估）',
        'Cause assessed (vascular imaging, ECG and cardiac assessment)',
      ),
      c(
        'TIA_PREVENTION_SET',
        '抗栓及危险因素控制方案已制定',
        'Antithrombotic therapy and risk-factor control planned',
      ),
      c('TIA_NO_RECURRENCE', '评估期间无再发作', 'No recurrence during assessment'),
    ],
    sources: [SOURCES.cerebrovascularPlan, SOURCES.ischaemicStroke],
  },
  {
    covers: ['I69'],
    nameZh: '脑卒中恢复期及后遗症',
    nameEn: 'Stroke recovery and sequelae',
    specialtyCode: '21',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'STROKE_SEQ_NEW_DEFICIT',
        '出现新的神经功能缺损或原有症状突然加重（疑似复发，按卒中绿色通道处理）',
        'New neurological deficit or sudden worsening (suspected recurrence: stroke green channel)',
      ),
      c(
        'STROKE_SEQ_REHAB_BEYOND_PRIMARY',
        '需要基层无法提供的康复治疗（强化康复、吞咽或言语专项康复、矫形器适配）',
        'Rehabilitation the primary institution cannot give (intensive, swallowing or speech therapy, orthoses)',
      ),
      c(
        'STROKE_SEQ_COMPLICATION',
        '出现癫痫发作、严重痉挛、肩手综合征、卒中后抑郁或认知障碍，需专科评估',
        'Seizures, severe spasticity, shoulder-hand syndrome, post-stroke depression or cognitive impairment needing a specialist',
      ),
      c(
        'STROKE_SEQ_RISK_NOT_CONTROLLED',
        '血压、血糖、血脂或房颤抗凝等危险因素规范治疗后仍不达标',
        'Blood pressure, glucose, lipids or AF anticoagulation not at target despite adequate treatment',
      ),
    ],
    downwardCriteria: [
      c(
        'STROKE_SEQ_FUNCTION_STABLE',
        '神经功能稳定，无需住院康复',
        'Neurological function stable, no inpatient rehabilitation needed',
      ),
      c('STROKE_SEQ_REHAB_PLAN', '社区或居家康复计划已制定', 'Community or home rehabilitation plan written'),
      c('STROKE_SEQ_PREVENTION_SET', '二级预防用药方案明确', 'Secondary prevention medication set'),
    ],
    sources: [SOURCES.cerebrovascularPlan, SOURCES.shanxiReferralGuide],
  },
  {
    covers: ['G20'],
    nameZh: '帕金森病',
    nameEn: "Parkinson's disease",
    specialtyCode: '03.03',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'PD_DIAGNOSIS_NEEDED',
        '初诊疑似帕金森病，需明确诊断并与帕金森综合征鉴别',
        "Suspected Parkinson's disease needing confirmation and distinction from parkinsonism",
      ),
      c(
        'PD_MOTOR_COMPLICATIONS',
        '出现剂末现象、异动症等运动并发症，需调整方案',
        'Motor complications (wearing-off, dyskinesia) needing a new regimen',
      ),
      c(
        'PD_NON_MOTOR_SEVERE',
        '严重非运动症状（幻觉、体位性低血压、吞咽困难）',
        'Severe non-motor symptoms (hallucinations, orthostatic hypotension, dysphagia)',
      ),
      c('PD_FALLS', '反复跌倒或冻结步态', 'Recurrent falls or freezing of gait'),
      c('PD_DBS_ASSESSMENT', '需评估脑深部电刺激（DBS）', 'Deep brain stimulation (DBS) to be assessed'),
    ],
    downwardCriteria: [
      c('PD_DIAGNOSIS_CONFIRMED', '诊断明确', 'Diagnosis confirmed'),
      c('PD_REGIMEN_STABLE', '药物方案稳定，症状控制满意', 'Stable drug regimen, symptoms well controlled'),
      c('PD_REHAB_PLAN', '康复及随访计划已制定', 'Rehabilitation and follow-up planned'),
    ],
    sources: [SOURCES.shanxiReferralGuide, SOURCES.parkinson],
  },
  {
    covers: ['F00-F03', 'G30'],
    nameZh: '痴呆（含阿尔茨海默病）',
    nameEn: "Dementia (including Alzheimer's disease)",
    specialtyCode: '03.03',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'DEM_DIAGNOSIS_NEEDED',
        '认知筛查阳性（MMSE或MoCA低于界值），需明确诊断与病因分型',
        'Positive cognitive screen (MMSE or MoCA below cut-off) needing diagnosis and cause',
      ),
      c(
        'DEM_RAPID_DECLINE',
        '数周至数月内认知快速下降或伴新发局灶体征，需排除可逆病因',
        'Rapid decline over weeks to months or new focal signs; reversible causes to be excluded',
      ),
      c(
        'DEM_BPSD',
        '激越、攻击、幻觉妄想等精神行为症状基层难以控制',
        'Agitation, aggression, hallucinations or delusions beyond primary control',
      ),
      c('DEM_DELIRIUM', '急性意识模糊或谵妄', 'Acute confusion or delirium'),
      c('DEM_YOUNG_ONSET', '65岁以前起病', 'Onset before 65'),
    ],
    downwardCriteria: [
      c(
        'DEM_DIAGNOSIS_CONFIRMED',
        '诊断及分型明确，可逆病因已排除',
        'Diagnosis and type confirmed, reversible causes excluded',
      ),
      c('DEM_BEHAVIOUR_STABLE', '精神行为症状稳定', 'Behavioural and psychological symptoms stable'),
      c(
        'DEM_CARE_PLAN',
        '用药、照护及随访方案已制定，照护者已接受指导',
        'Medication, care and follow-up planned; carers instructed',
      ),
    ],
    sources: [SOURCES.shanxiReferralGuide, SOURCES.alzheimer],
  },
  {
    covers: ['G40-G41'],
    nameZh: '癫痫',
    nameEn: 'Epilepsy',
    specialtyCode: '03.03',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'EPI_STATUS',
        '癫痫持续状态，或发作后意识不能恢复',
        'Status epilepticus, or consciousness not regained after a seizure',
      ),
      c(
        'EPI_FIRST_SEIZURE',
        '首次发作，需脑电图、头颅MRI明确诊断和病因',
        'First seizure needing EEG and brain MRI for diagnosis and cause',
      ),
      c(
        'EPI_UNCONTROLLED',
        '规范用药后发作仍未控制或频率增加',
        'Seizures uncontrolled or more frequent despite adequate treatment',
      ),
      c(
        'EPI_DRUG_ADVERSE',
        '抗癫痫药物严重不良反应（重症皮疹、肝损害、血细胞减少）',
        'Serious antiseizure drug reaction (severe rash, liver injury, cytopenia)',
      ),
      c('EPI_PREGNANCY', '妊娠或计划妊娠', 'Pregnant or planning pregnancy'),
    ],
    downwardCriteria: [
      c('EPI_DIAGNOSIS_CONFIRMED', '诊断及发作类型明确', 'Diagnosis and seizure type confirmed'),
      c('EPI_CONTROLLED', '用药方案确定，发作控制稳定', 'Regimen set, seizures controlled'),
      c(
        'EPI_MONITORING_PLAN',
        '血药浓度及不良反应监测计划明确',
        'Drug level and adverse-effect monitoring planned',
      ),
    ],
    sources: [SOURCES.shanxiReferralGuide, SOURCES.epilepsy],
  },
];
