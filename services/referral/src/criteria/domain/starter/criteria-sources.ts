import { type CriteriaSource, type ReferralCriterion } from '../disease-criteria';

/*
 * Guides the starter catalogue is drawn from. The tiered-care guides
 * (national 分级诊疗技术方案, Shanxi's 265-disease referral guide, Guangdong's
 * 18-disease standard; see docs/domain.md) say which diseases are referred
 * and on what grounds; the professional guidelines supply the thresholds.
 * The criterion texts summarise them, they do not quote them: a group's
 * medical department reviews the catalogue against the current texts before
 * it is used for real referrals.
 */

const national = (issuer: string, title: string): CriteriaSource => ({ kind: 'national', issuer, title });
const provincial = (issuer: string, title: string): CriteriaSource => ({ kind: 'provincial', issuer, title });
const professional = (issuer: string, title: string): CriteriaSource => ({
  kind: 'professional',
  issuer,
  title,
});

const NHFPC_2015 = '国家卫生计生委办公厅、国家中医药管理局办公室';
const NHC = '国家卫生健康委办公厅';
const CMA = '中华医学会';

export const SOURCES = {
  hypertensionPlan: national(NHFPC_2015, '高血压分级诊疗技术方案'),
  diabetesPlan: national(NHFPC_2015, '糖尿病分级诊疗技术方案'),
  ischaemicHeartPlan: national(NHFPC_2015, '缺血性心脏病分级诊疗技术方案'),
  copdPlan: national(NHFPC_2015, '慢性阻塞性肺疾病分级诊疗技术方案'),
  cerebrovascularPlan: national(NHFPC_2015, '脑血管疾病分级诊疗技术方案'),
  countyCoronaryPlan: national(NHC, '县域冠状动脉粥样硬化性心脏病分级诊疗技术方案'),
  countyCkdPlan: national(NHC, '县域慢性肾脏病分级诊疗技术方案'),
  chestPainCentre: national('国家卫生计生委办公厅', '胸痛中心建设与管理指导原则（试行）'),
  tuberculosisNorm: national(NHC, '中国结核病预防控制工作技术规范（2020年版）'),
  severeMentalDisorderNorm: national('国家卫生健康委', '严重精神障碍管理治疗工作规范（2018年版）'),
  pregnancyRiskNorm: national('国家卫生计生委办公厅', '孕产妇妊娠风险评估与管理工作规范'),
  shanxiReferralGuide: provincial('山西省卫生健康委员会', '山西省县乡医疗机构常见病种双向转诊指南（试行）'),
  guangdongCommonDiseases: provincial('广东省卫生健康委员会', '广东省分级诊疗常见病种目录相关标准（试行）'),

  primaryHypertension: professional('国家心血管病中心', '国家基层高血压防治管理指南'),
  type2Diabetes: professional('中华医学会糖尿病学分会', '中国2型糖尿病防治指南（2020年版）'),
  stableCoronary: professional(CMA, '稳定性冠心病基层诊疗指南'),
  stemi: professional('中华医学会心血管病学分会', '急性ST段抬高型心肌梗死诊断和治疗指南'),
  heartFailure: professional(CMA, '慢性心力衰竭基层诊疗指南'),
  atrialFibrillation: professional(CMA, '心房颤动基层诊疗指南'),
  dyslipidaemia: professional(CMA, '血脂异常基层诊疗指南'),
  ischaemicStroke: professional('中华医学会神经病学分会', '中国急性缺血性脑卒中诊治指南'),
  parkinson: professional(CMA, '帕金森病基层诊疗指南'),
  alzheimer: professional(CMA, '阿尔茨海默病基层诊疗指南'),
  epilepsy: professional('中国抗癫痫协会', '临床诊疗指南·癫痫病分册'),
  copd: professional(CMA, '慢性阻塞性肺疾病基层诊疗指南'),
  asthma: professional(CMA, '支气管哮喘基层诊疗指南'),
  pneumonia: professional(CMA, '社区获得性肺炎基层诊疗指南'),
  upperRespiratory: professional(CMA, '急性上呼吸道感染基层诊疗指南'),
  tuberculosis: professional(CMA, '肺结核基层诊疗指南'),
  hypothyroidism: professional(CMA, '甲状腺功能减退症基层诊疗指南'),
  hyperthyroidism: professional(CMA, '甲状腺功能亢进症基层诊疗指南'),
  gout: professional(CMA, '痛风及高尿酸血症基层诊疗指南'),
  osteoporosis: professional(CMA, '原发性骨质疏松症基层诊疗指南'),
  osteoarthritis: professional('中华医学会骨科学分会', '骨关节炎诊疗指南'),
  lumbarDisc: professional('中华医学会骨科学分会', '腰椎间盘突出症诊疗指南'),
  gastritis: professional(CMA, '慢性胃炎基层诊疗指南'),
  pepticUlcer: professional(CMA, '消化性溃疡基层诊疗指南'),
  hepatitisB: professional(CMA, '慢性乙型肝炎基层诊疗指南'),
  cirrhosis: professional(CMA, '肝硬化基层诊疗指南'),
  depression: professional(CMA, '抑郁症基层诊疗指南'),
  urology: professional('中华医学会泌尿外科学分会', '中国泌尿外科和男科疾病诊断治疗指南'),
  pregnancyHypertension: professional('中华医学会妇产科学分会', '妊娠期高血压疾病诊治指南'),
  allergicRhinitis: professional('中华医学会耳鼻咽喉头颈外科学分会', '中国变应性鼻炎诊断和治疗指南'),
  otitisMedia: professional('中华医学会耳鼻咽喉头颈外科学分会', '中耳炎临床分类和手术分型指南'),
} as const;

/** Shorthand for the criteria tables: code, Chinese text, English text. */
export function criterion(code: string, zh: string, en: string): ReferralCriterion {
  return { code, zh, en };
}
