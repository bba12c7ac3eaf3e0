import { type DiseaseCriteriaInput } from '../disease-criteria';
import { criterion as c, SOURCES } from './criteria-sources';

export const DIGESTIVE_CRITERIA: readonly DiseaseCriteriaInput[] = [
  {
    covers: ['K29'],
    nameZh: '慢性胃炎',
    nameEn: 'Chronic gastritis',
    specialtyCode: '03.02',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'GAS_ALARM_FEATURES',
        '报警症状：消化道出血、进行性吞咽困难、不明原因体重下降、贫血或腹部包块',
        'Alarm features: GI bleeding, progressive dysphagia, unexplained weight loss, anaemia or abdominal mass',
      ),
      c(
        'GAS_ENDOSCOPY_NEEDED',
        '需胃镜检查（年龄≥45岁新发症状或有胃癌危险因素）',
        'Endoscopy needed (new symptoms at age ≥45 or gastric cancer risk factors)',
      ),
      c(
        'GAS_PRECANCEROUS',
        '萎缩性胃炎伴中重度肠化或异型增生，需内镜随访',
        'Atrophic gastritis with moderate-to-severe intestinal metaplasia or dysplasia needing endoscopic surveillance',
      ),
      c(
        'GAS_HP_REFRACTORY',
        '幽门螺杆菌根除治疗2次失败',
        'Two failed Helicobacter pylori eradication courses',
      ),
      c(
        'GAS_SYMPTOMS_REFRACTORY',
        '规范治疗8周症状无改善',
        'No symptom improvement after 8 weeks of adequate treatment',
      ),
    ],
    downwardCriteria: [
      c('GAS_MALIGNANCY_EXCLUDED', '已完成胃镜检查，排除恶性病变', 'Endoscopy done, malignancy excluded'),
      c(
        'GAS_PLAN_SET',
        '症状缓解，治疗及内镜随访计划明确',
        'Symptoms relieved; treatment and endoscopic follow-up planned',
      ),
    ],
    sources: [SOURCES.shanxiReferralGuide, SOURCES.gastritis],
  },
  {
    covers: ['K25-K27'],
    nameZh: '消化性溃疡',
    nameEn: 'Peptic ulcer',
    specialtyCode: '03.02',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c('PU_BLEEDING', '呕血、黑便或血红蛋白下降', 'Haematemesis, melaena or falling haemoglobin'),
      c(
        'PU_PERFORATION_SUSPECTED',
        '突发剧烈腹痛伴腹膜刺激征，疑似穿孔',
        'Sudden severe abdominal pain with peritonism, suspected perforation',
      ),
      c(
        'PU_OBSTRUCTION_SUSPECTED',
        '反复呕吐宿食，疑似幽门梗阻',
        'Repeated vomiting of retained food, suspected pyloric obstruction',
      ),
      c(
        'PU_REFRACTORY',
        '规范抑酸治疗8周未愈合或反复复发',
        'Not healed after 8 weeks of adequate acid suppression, or recurring',
      ),
      c(
        'PU_MALIGNANCY_SUSPECTED',
        '胃溃疡疑似恶变，需内镜活检',
        'Gastric ulcer suspicious for malignancy, biopsy needed',
      ),
    ],
    downwardCriteria: [
      c('PU_HEALED_BENIGN', '溃疡已愈合或活检证实为良性', 'Ulcer healed or proven benign on biopsy'),
      c(
        'PU_HP_ADDRESSED',
        '幽门螺杆菌根除治疗已完成或方案明确',
        'Helicobacter pylori eradicated or its treatment planned',
      ),
      c('PU_NO_COMPLICATION', '无出血、穿孔、梗阻等并发症', 'No bleeding, perforation or obstruction'),
    ],
    sources: [SOURCES.shanxiReferralGuide, SOURCES.pepticUlcer],
  },
  {
    covers: ['B18.0-B18.1'],
    nameZh: '慢性乙型病毒性肝炎',
    nameEn: 'Chronic hepatitis B',
    specialtyCode: '16.03',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c(
        'HBV_TREATMENT_ASSESSMENT',
        '新诊断或需评估抗病毒治疗指征（HBV DNA、ALT及肝纤维化评估）',
        'New diagnosis, or antiviral treatment indication to be assessed (HBV DNA, ALT, fibrosis staging)',
      ),
      c(
        'HBV_FLARE',
        'ALT>5倍正常上限或出现黄疸（肝炎急性发作）',
        'ALT >5× upper limit or jaundice (hepatitis flare)',
      ),
      c(
        'HBV_VIROLOGICAL_BREAKTHROUGH',
        '抗病毒治疗中病毒学突破或疑似耐药',
        'Virological breakthrough or suspected resistance on antiviral therapy',
      ),
      c(
        'HBV_HCC_SUSPECTED',
        '甲胎蛋白升高或影像学发现肝脏占位',
        'Raised alpha-fetoprotein or a liver mass on imaging',
      ),
      c(
        'HBV_SPECIAL_POPULATION',
        '妊娠、合并HIV或HCV感染，或需免疫抑制、化疗',
        'Pregnancy, HIV or HCV coinfection, or immunosuppression or chemotherapy planned',
      ),
    ],
    downwardCriteria: [
      c(
        'HBV_REGIMEN_SET',
        '抗病毒方案确定，HBV DNA低于检测下限或持续下降',
        'Antiviral regimen set, HBV DNA undetectable or falling steadily',
      ),
      c(
        'HBV_LIVER_STABLE',
        '肝功能稳定，无肝硬化失代偿表现',
        'Liver function stable, no decompensated cirrhosis',
      ),
      c(
        'HBV_SURVEILLANCE_PLAN',
        '每6个月甲胎蛋白及肝脏超声监测计划已制定',
        'Six-monthly alpha-fetoprotein and liver ultrasound surveillance planned',
      ),
    ],
    sources: [SOURCES.shanxiReferralGuide, SOURCES.hepatitisB],
  },
  {
    covers: ['K74', 'K70.3'],
    nameZh: '肝硬化',
    nameEn: 'Cirrhosis',
    specialtyCode: '03.02',
    primaryManageable: true,
    greenChannel: 'none',
    upwardIndications: [
      c('CIRR_VARICEAL_BLEEDING', '呕血、黑便等消化道出血表现', 'Haematemesis, melaena or other GI bleeding'),
      c(
        'CIRR_ENCEPHALOPATHY',
        '性格行为改变、扑翼样震颤或意识障碍等肝性脑病表现',
        'Hepatic encephalopathy: personality or behaviour change, asterixis or reduced consciousness',
      ),
      c(
        'CIRR_ASCITES',
        '新发或难治性腹水，或发热、腹痛疑似自发性细菌性腹膜炎',
        'New or refractory ascites, or fever and abdominal pain suggesting spontaneous bacterial peritonitis',
      ),
      c(
        'CIRR_HCC_SUSPECTED',
        '甲胎蛋白升高或影像学发现肝脏占位',
        'Raised alpha-fetoprotein or a liver mass on imaging',
      ),
      c(
        'CIRR_RENAL_ELECTROLYTE',
        '肾功能恶化或血钠<125 mmol/L',
        'Worsening renal function or sodium <125 mmol/L',
      ),
      c(
        'CIRR_VARICES_OR_TRANSPLANT',
        '需胃镜筛查食管胃静脉曲张或评估肝移植',
        'Endoscopic screening for varices or liver transplant assessment needed',
      ),
    ],
    downwardCriteria: [
      c(
        'CIRR_COMPENSATED',
        '处于代偿期，或失代偿并发症已控制',
        'Compensated, or decompensating events controlled',
      ),
      c(
        'CIRR_CAUSE_TREATED',
        '病因治疗（抗病毒、戒酒等）及用药方案已制定',
        'Treatment of the cause (antivirals, alcohol abstinence, etc.) and medication set',
      ),
      c(
        'CIRR_SURVEILLANCE_PLAN',
        '每6个月超声和甲胎蛋白监测及静脉曲张随访计划已制定',
        'Six-monthly ultrasound and alpha-fetoprotein surveillance and variceal follow-up planned',
      ),
    ],
    sources: [SOURCES.shanxiReferralGuide, SOURCES.cirrhosis],
  },
];
