import { type DiseaseCriteriaInput } from '../disease-criteria';
import { criterion as c, SOURCES } from './criteria-sources';

export const EYE_ENT_OBSTETRIC_CRITERIA: readonly DiseaseCriteriaInput[] = [
  {
    covers: ['H25-H26'],
    nameZh: '白内障',
    nameEn: 'Cataract',
    specialtyCode: '10',
    // The only treatment is surgery; primary care screens and follows up.
    primaryManageable: false,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'CAT_VISION_IMPAIRED',
        '最佳矫正视力低于0.5或视力下降影响日常生活，需评估手术',
        'Best corrected acuity below 0.5 (20/40) or vision limiting daily life; surgery to be assessed',
      ),
      c(
        'CAT_LENS_COMPLICATION',
        '过熟期白内障，或晶状体源性青光眼、葡萄膜炎',
        'Hypermature cataract, or lens-induced glaucoma or uveitis',
      ),
      c(
        'CAT_ACUTE_SYMPTOMS',
        '突发视力下降伴眼痛、眼红，需排除急性青光眼等急症',
        'Sudden visual loss with eye pain and redness; acute glaucoma and other emergencies to be excluded',
      ),
      c(
        'CAT_FUNDUS_DISEASE',
        '合并糖尿病视网膜病变等眼底病需评估',
        'Coexisting retinal disease such as diabetic retinopathy to be assessed',
      ),
    ],
    downwardCriteria: [
      c(
        'CAT_POST_OP_STABLE',
        '术后复查无感染，眼压正常，视力恢复',
        'Post-operative review: no infection, normal intraocular pressure, vision recovered',
      ),
      c('CAT_FOLLOW_UP_PLAN', '术后用药及复查计划明确', 'Post-operative medication and reviews planned'),
    ],
    sources: [SOURCES.shanxiReferralGuide],
  },
  {
    covers: ['H66.1-H66.3'],
    nameZh: '慢性化脓性中耳炎',
    nameEn: 'Chronic suppurative otitis media',
    specialtyCode: '11.01',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'COM_INTRACRANIAL',
        '头痛、发热、呕吐或意识改变，疑似颅内并发症（需急诊处理）',
        'Headache, fever, vomiting or altered consciousness suggesting an intracranial complication (emergency)',
      ),
      c(
        'COM_EXTRACRANIAL',
        '出现面瘫、眩晕或耳后红肿等颅外并发症',
        'Facial palsy, vertigo or postauricular swelling (extracranial complication)',
      ),
      c(
        'COM_CHOLESTEATOMA_SUSPECTED',
        '恶臭脓液或松弛部穿孔，疑似胆脂瘤',
        'Foul discharge or attic perforation, suspected cholesteatoma',
      ),
      c(
        'COM_TREATMENT_FAILED',
        '规范局部治疗后仍流脓或反复发作',
        'Discharge persisting or recurring despite adequate topical treatment',
      ),
      c(
        'COM_SURGERY_ASSESSMENT',
        '需听力评估或鼓室成形等手术评估',
        'Hearing assessment or tympanoplasty to be assessed',
      ),
    ],
    downwardCriteria: [
      c('COM_DRY_EAR', '已干耳，或术后恢复良好', 'Ear dry, or recovered well after surgery'),
      c('COM_FOLLOW_UP_PLAN', '随访及复查计划明确', 'Follow-up and reviews planned'),
    ],
    sources: [SOURCES.shanxiReferralGuide, SOURCES.otitisMedia],
  },
  {
    covers: ['J30.1-J30.4'],
    nameZh: '变应性鼻炎',
    nameEn: 'Allergic rhinitis',
    specialtyCode: '11.02',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'AR_UNCONTROLLED',
        '鼻用糖皮质激素等规范治疗2~4周症状仍控制不佳',
        'Symptoms poorly controlled after 2–4 weeks of intranasal corticosteroids or other adequate treatment',
      ),
      c('AR_WITH_ASTHMA', '合并哮喘或下气道症状', 'Coexisting asthma or lower airway symptoms'),
      c(
        'AR_IMMUNOTHERAPY',
        '需过敏原检测或评估特异性免疫治疗',
        'Allergen testing or allergen immunotherapy to be assessed',
      ),
      c(
        'AR_ATYPICAL',
        '单侧鼻塞、涕中带血或嗅觉丧失，需排除鼻息肉、肿瘤等',
        'One-sided obstruction, blood-stained discharge or loss of smell; polyps or tumours to be excluded',
      ),
    ],
    downwardCriteria: [
      c('AR_CONTROLLED', '症状控制良好', 'Symptoms well controlled'),
      c('AR_PLAN_SET', '治疗及随访方案明确', 'Treatment and follow-up planned'),
    ],
    sources: [SOURCES.shanxiReferralGuide, SOURCES.allergicRhinitis],
  },
  {
    covers: ['O10-O11', 'O13-O16'],
    nameZh: '妊娠期高血压疾病',
    nameEn: 'Hypertensive disorders of pregnancy',
    specialtyCode: '05.02',
    // A high-risk pregnancy: antenatal care stays with a secondary or tertiary obstetric unit.
    primaryManageable: false,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'PIH_NEW_DIAGNOSIS',
        '妊娠期血压≥140/90 mmHg（含妊娠20周后新发高血压）需评估',
        'BP ≥140/90 mmHg in pregnancy (including new hypertension after 20 weeks) needing assessment',
      ),
      c('PIH_SEVERE_BP', '收缩压≥160 mmHg或舒张压≥110 mmHg', 'Systolic ≥160 mmHg or diastolic ≥110 mmHg'),
      c(
        'PIH_PREECLAMPSIA',
        '蛋白尿，或头痛、视物模糊、上腹痛等子痫前期表现',
        'Proteinuria, or headache, blurred vision or epigastric pain suggesting pre-eclampsia',
      ),
      c('PIH_ECLAMPSIA', '抽搐（子痫），需急诊转运', 'Seizure (eclampsia): emergency transfer'),
      c(
        'PIH_FETAL_CONCERN',
        '胎动减少或疑似胎儿生长受限',
        'Reduced fetal movements or suspected fetal growth restriction',
      ),
    ],
    downwardCriteria: [
      c(
        'PIH_POSTPARTUM_STABLE',
        '产后血压控制稳定，无子痫前期症状',
        'Postpartum BP controlled and stable, no pre-eclampsia symptoms',
      ),
      c(
        'PIH_FOLLOW_UP_PLAN',
        '产后随访及远期心血管风险管理计划已制定',
        'Postpartum follow-up and long-term cardiovascular risk management planned',
      ),
    ],
    sources: [SOURCES.pregnancyRiskNorm, SOURCES.pregnancyHypertension],
  },
];
