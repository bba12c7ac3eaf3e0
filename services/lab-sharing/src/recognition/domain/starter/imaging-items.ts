import { type CatalogueItem, type Modality, type RecognitionRule } from '../catalogue-item';

/**
 * Imaging items of the starter catalogue, by modality and body part: digital radiography (DX), mammography (MG),
 * CT and MR (plain and contrast-enhanced, angiography) and ultrasound. Platform defaults for a region to review:
 * CT, MR and radiographs are recognised region-wide for 30 days and mammography for 180 days, when the imaging
 * department had passed image quality control; ultrasound, which depends on the operator more than any other
 * modality, is recognised only inside the group, for 14 days. The items carry no LOINC code (LOINC's radiology
 * terms are matched per region when it enters its national codes).
 */
const IMAGE_QC = ['quality-control'] as const;

function image(
  code: string,
  name: string,
  modality: Modality,
  bodyPart: string,
  recognition: RecognitionRule,
): CatalogueItem {
  return {
    code,
    nationalCode: null,
    loinc: null,
    name,
    kind: 'imaging',
    modality,
    bodyPart,
    specimen: null,
    dataClass: 'general',
    recognition,
  };
}

const REGION_30: RecognitionRule = { validityDays: 30, scope: 'region', quality: IMAGE_QC };
const REGION_180: RecognitionRule = { validityDays: 180, scope: 'region', quality: IMAGE_QC };
const GROUP_14: RecognitionRule = { validityDays: 14, scope: 'group', quality: IMAGE_QC };

const xr = (part: string, bodyPart: string, name: string) =>
  image(`XR-${part}`, name, 'DX', bodyPart, REGION_30);
const ct = (part: string, bodyPart: string, name: string) =>
  image(`CT-${part}`, name, 'CT', bodyPart, REGION_30);
const mr = (part: string, bodyPart: string, name: string) =>
  image(`MR-${part}`, name, 'MR', bodyPart, REGION_30);
const us = (part: string, bodyPart: string, name: string) =>
  image(`US-${part}`, name, 'US', bodyPart, GROUP_14);

export const IMAGING_ITEMS: readonly CatalogueItem[] = [
  // X线 radiography
  xr('CHEST-PA', 'chest', '胸部正位片'),
  xr('CHEST-PA-LAT', 'chest', '胸部正侧位片'),
  xr('ABDOMEN-ERECT', 'abdomen', '立位腹部平片'),
  xr('KUB', 'abdomen', '泌尿系平片（KUB）'),
  xr('SKULL', 'skull', '头颅正侧位片'),
  xr('SINUS', 'paranasal-sinus', '鼻窦华氏位片'),
  xr('C-SPINE', 'cervical-spine', '颈椎正侧位片'),
  xr('C-SPINE-OBL', 'cervical-spine', '颈椎双斜位片'),
  xr('T-SPINE', 'thoracic-spine', '胸椎正侧位片'),
  xr('L-SPINE', 'lumbar-spine', '腰椎正侧位片'),
  xr('PELVIS', 'pelvis', '骨盆正位片'),
  xr('SHOULDER', 'shoulder', '肩关节正位片'),
  xr('CLAVICLE', 'clavicle', '锁骨正位片'),
  xr('HUMERUS', 'upper-arm', '肱骨正侧位片'),
  xr('ELBOW', 'elbow', '肘关节正侧位片'),
  xr('FOREARM', 'forearm', '尺桡骨正侧位片'),
  xr('WRIST', 'wrist', '腕关节正侧位片'),
  xr('HAND', 'hand', '手正斜位片'),
  xr('HIP', 'hip', '髋关节正位片'),
  xr('FEMUR', 'thigh', '股骨正侧位片'),
  xr('KNEE', 'knee', '膝关节正侧位片'),
  xr('TIBIA', 'lower-leg', '胫腓骨正侧位片'),
  xr('ANKLE', 'ankle', '踝关节正侧位片'),
  xr('FOOT', 'foot', '足正斜位片'),
  xr('RIBS', 'ribs', '肋骨斜位片'),
  image('MG-BILATERAL', '双侧乳腺X线摄影（钼靶）', 'MG', 'breast', REGION_180),
  // CT
  ct('HEAD', 'head', '颅脑CT平扫'),
  ct('HEAD-C', 'head', '颅脑CT增强'),
  ct('SINUS', 'paranasal-sinus', '鼻窦CT平扫'),
  ct('ORBIT', 'orbit', '眼眶CT平扫'),
  ct('TEMPORAL', 'temporal-bone', '颞骨CT平扫'),
  ct('NECK', 'neck', '颈部CT平扫'),
  ct('NECK-C', 'neck', '颈部CT增强'),
  ct('CHEST', 'chest', '胸部CT平扫'),
  ct('CHEST-C', 'chest', '胸部CT增强'),
  ct('CHEST-LD', 'chest', '低剂量胸部CT'),
  ct('ABDOMEN', 'abdomen', '上腹部CT平扫'),
  ct('ABDOMEN-C', 'abdomen', '上腹部CT增强'),
  ct('PELVIS', 'pelvis', '盆腔CT平扫'),
  ct('PELVIS-C', 'pelvis', '盆腔CT增强'),
  ct('URINARY', 'urinary-tract', '泌尿系CT平扫'),
  ct('CTU', 'urinary-tract', 'CT尿路造影'),
  ct('C-SPINE', 'cervical-spine', '颈椎CT平扫'),
  ct('T-SPINE', 'thoracic-spine', '胸椎CT平扫'),
  ct('L-SPINE', 'lumbar-spine', '腰椎CT平扫'),
  ct('SHOULDER', 'shoulder', '肩关节CT平扫'),
  ct('HIP', 'hip', '髋关节CT平扫'),
  ct('KNEE', 'knee', '膝关节CT平扫'),
  ct('ANKLE', 'ankle', '踝关节CT平扫'),
  ct('CTA-HEAD', 'head', '头颅CT血管成像'),
  ct('CTA-NECK', 'neck', '颈部CT血管成像'),
  ct('CTA-CORONARY', 'heart', '冠状动脉CT血管成像'),
  ct('CTA-PULMONARY', 'chest', '肺动脉CT血管成像'),
  ct('CTA-AORTA', 'aorta', '主动脉CT血管成像'),
  // 磁共振 MR
  mr('BRAIN', 'head', '颅脑MR平扫'),
  mr('BRAIN-C', 'head', '颅脑MR增强'),
  mr('BRAIN-DWI', 'head', '颅脑MR平扫+弥散加权成像'),
  mr('MRA-HEAD', 'head', '头颅MR血管成像'),
  mr('PITUITARY', 'pituitary', '垂体MR增强'),
  mr('ORBIT', 'orbit', '眼眶MR平扫'),
  mr('C-SPINE', 'cervical-spine', '颈椎MR平扫'),
  mr('T-SPINE', 'thoracic-spine', '胸椎MR平扫'),
  mr('L-SPINE', 'lumbar-spine', '腰椎MR平扫'),
  mr('SHOULDER', 'shoulder', '肩关节MR平扫'),
  mr('HIP', 'hip', '髋关节MR平扫'),
  mr('KNEE', 'knee', '膝关节MR平扫'),
  mr('ANKLE', 'ankle', '踝关节MR平扫'),
  mr('LIVER', 'abdomen', '肝脏MR平扫'),
  mr('LIVER-C', 'abdomen', '肝脏MR增强'),
  mr('MRCP', 'abdomen', '磁共振胰胆管成像'),
  mr('PELVIS', 'pelvis', '盆腔MR平扫'),
  mr('PROSTATE', 'prostate', '前列腺MR平扫+增强'),
  mr('BREAST', 'breast', '乳腺MR增强'),
  mr('HEART', 'heart', '心脏MR平扫+增强'),
  // 超声 ultrasound
  us('ABDOMEN', 'abdomen', '腹部超声（肝胆胰脾）'),
  us('URINARY', 'urinary-tract', '泌尿系超声'),
  us('PROSTATE', 'prostate', '前列腺超声'),
  us('THYROID', 'thyroid', '甲状腺超声'),
  us('BREAST', 'breast', '乳腺超声'),
  us('LYMPH', 'superficial-lymph-nodes', '浅表淋巴结超声'),
  us('GYN', 'pelvis', '妇科超声（经腹）'),
  us('GYN-TV', 'pelvis', '妇科超声（经阴道）'),
  us('OB', 'pelvis', '产科超声'),
  us('ECHO', 'heart', '超声心动图'),
  us('CAROTID', 'neck', '颈部血管超声'),
  us('LEG-VEIN', 'lower-limb', '下肢静脉超声'),
  us('LEG-ARTERY', 'lower-limb', '下肢动脉超声'),
  us('SCROTUM', 'scrotum', '阴囊超声'),
];
