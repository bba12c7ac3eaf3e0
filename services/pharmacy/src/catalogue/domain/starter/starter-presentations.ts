import { type DosageForm, type InsuranceCategory } from '../drug';

/**
 * One presentation of the starter catalogue: a generic (real name, in Chinese as prescribed) in a form and strength,
 * its ATC subgroup, whether it is on the national essential medicines list and whether it was bought by national
 * volume-based procurement, its insurance category, pack, and two illustrative prices per pack in fen: the listed
 * price and the price the group pays (the winning bid of a volume-based product). Prices are orders of magnitude
 * for tests and demonstrations, not any province's figures: a group loads its own.
 */
export interface StarterPresentation {
  readonly genericName: string;
  readonly atc: string;
  readonly essential: boolean;
  readonly volumeBased: boolean;
  readonly category: InsuranceCategory;
  readonly form: DosageForm;
  readonly strength: string;
  readonly packSize: number;
  readonly unit: string;
  readonly packUnit: string;
  readonly listFen: number;
  readonly priceFen: number;
  /** Kept to secondary and tertiary hospitals (initiated by a specialist); every level otherwise. */
  readonly hospitalOnly: boolean;
}

type Row = [
  genericName: string,
  atc: string,
  essential: 0 | 1,
  volumeBased: 0 | 1,
  category: InsuranceCategory,
  form: DosageForm,
  strength: string,
  packSize: number,
  unit: string,
  packUnit: string,
  listFen: number,
  priceFen: number,
  hospitalOnly?: 'hospital',
];

// One presentation a line reads as the table it is.
// prettier-ignore
const ROWS: readonly Row[] = [
  // Hypertension and heart failure
  ['苯磺酸氨氯地平', 'C08CA', 1, 1, 'A', 'tablet', '5mg', 28, '片', '盒', 5620, 196],
  ['苯磺酸左氨氯地平', 'C08CA', 0, 1, 'B', 'tablet', '2.5mg', 14, '片', '盒', 2890, 312],
  ['硝苯地平', 'C08CA', 1, 0, 'A', 'sustained-release-tablet', '20mg', 30, '片', '盒', 1260, 1080],
  ['硝苯地平', 'C08CA', 1, 1, 'A', 'controlled-release-tablet', '30mg', 7, '片', '盒', 3350, 1260],
  ['非洛地平', 'C08CA', 0, 1, 'B', 'sustained-release-tablet', '5mg', 10, '片', '盒', 2470, 320],
  ['卡托普利', 'C09AA', 1, 0, 'A', 'tablet', '25mg', 100, '片', '瓶', 450, 390],
  ['马来酸依那普利', 'C09AA', 1, 1, 'A', 'tablet', '10mg', 16, '片', '盒', 1580, 146],
  ['盐酸贝那普利', 'C09AA', 0, 1, 'B', 'tablet', '10mg', 14, '片', '盒', 3420, 532],
  ['培哚普利叔丁胺', 'C09AA', 0, 0, 'B', 'tablet', '4mg', 30, '片', '盒', 6650, 5980],
  ['厄贝沙坦', 'C09CA', 0, 1, 'A', 'tablet', '150mg', 7, '片', '盒', 2980, 156],
  ['缬沙坦', 'C09CA', 1, 1, 'A', 'capsule', '80mg', 14, '粒', '盒', 3880, 392],
  ['氯沙坦钾', 'C09CA', 0, 1, 'B', 'tablet', '50mg', 7, '片', '盒', 3650, 210],
  ['替米沙坦', 'C09CA', 0, 1, 'B', 'tablet', '40mg', 14, '片', '盒', 3320, 238],
  ['坎地沙坦酯', 'C09CA', 0, 1, 'B', 'tablet', '8mg', 14, '片', '盒', 4120, 406],
  ['奥美沙坦酯', 'C09CA', 0, 1, 'B', 'tablet', '20mg', 7, '片', '盒', 3780, 364],
  ['厄贝沙坦氢氯噻嗪', 'C09DA', 0, 1, 'B', 'tablet', '150mg/12.5mg', 14, '片', '盒', 4960, 518],
  ['沙库巴曲缬沙坦钠', 'C09DX', 0, 0, 'B', 'tablet', '100mg', 14, '片', '盒', 9880, 9300, 'hospital'],
  ['酒石酸美托洛尔', 'C07AB', 1, 0, 'A', 'tablet', '25mg', 20, '片', '盒', 420, 380],
  ['琥珀酸美托洛尔', 'C07AB', 0, 1, 'B', 'sustained-release-tablet', '47.5mg', 7, '片', '盒', 2210, 496],
  ['富马酸比索洛尔', 'C07AB', 1, 1, 'A', 'tablet', '5mg', 10, '片', '盒', 2380, 168],
  ['阿替洛尔', 'C07AB', 1, 0, 'A', 'tablet', '25mg', 100, '片', '瓶', 560, 480],
  ['氢氯噻嗪', 'C03AA', 1, 0, 'A', 'tablet', '25mg', 100, '片', '瓶', 380, 320],
  ['吲达帕胺', 'C03BA', 1, 0, 'A', 'tablet', '2.5mg', 30, '片', '盒', 620, 540],
  ['吲达帕胺', 'C03BA', 0, 1, 'B', 'sustained-release-tablet', '1.5mg', 10, '片', '盒', 2860, 290],
  ['螺内酯', 'C03DA', 1, 0, 'A', 'tablet', '20mg', 100, '片', '瓶', 760, 650],
  ['呋塞米', 'C03CA', 1, 0, 'A', 'tablet', '20mg', 100, '片', '瓶', 520, 450],
  ['盐酸特拉唑嗪', 'C02CA', 0, 0, 'B', 'tablet', '2mg', 14, '片', '盒', 1680, 1460],
  // Diabetes
  ['盐酸二甲双胍', 'A10BA', 1, 1, 'A', 'tablet', '0.5g', 48, '片', '盒', 1680, 250],
  ['盐酸二甲双胍', 'A10BA', 0, 1, 'A', 'sustained-release-tablet', '0.5g', 30, '片', '盒', 2650, 376],
  ['格列本脲', 'A10BB', 1, 0, 'A', 'tablet', '2.5mg', 100, '片', '瓶', 420, 360],
  ['格列齐特', 'A10BB', 1, 1, 'A', 'sustained-release-tablet', '30mg', 30, '片', '盒', 4260, 564],
  ['格列美脲', 'A10BB', 1, 1, 'A', 'tablet', '2mg', 30, '片', '盒', 5380, 472],
  ['格列吡嗪', 'A10BB', 1, 0, 'A', 'tablet', '5mg', 48, '片', '盒', 980, 850],
  ['阿卡波糖', 'A10BF', 1, 1, 'B', 'tablet', '50mg', 30, '片', '盒', 6580, 550],
  ['伏格列波糖', 'A10BF', 0, 1, 'B', 'tablet', '0.2mg', 30, '片', '盒', 3860, 425],
  ['瑞格列奈', 'A10BX', 0, 1, 'B', 'tablet', '1mg', 30, '片', '盒', 4250, 396],
  ['盐酸吡格列酮', 'A10BG', 0, 1, 'B', 'tablet', '15mg', 14, '片', '盒', 3180, 238],
  ['磷酸西格列汀', 'A10BH', 0, 1, 'B', 'tablet', '100mg', 7, '片', '盒', 5250, 630],
  ['沙格列汀', 'A10BH', 0, 1, 'B', 'tablet', '5mg', 7, '片', '盒', 5410, 588],
  ['利格列汀', 'A10BH', 0, 0, 'B', 'tablet', '5mg', 7, '片', '盒', 4960, 4480],
  ['达格列净', 'A10BK', 0, 1, 'B', 'tablet', '10mg', 14, '片', '盒', 6220, 826],
  ['恩格列净', 'A10BK', 0, 1, 'B', 'tablet', '10mg', 10, '片', '盒', 5380, 690],
  ['精蛋白生物合成人胰岛素（预混30R）', 'A10AD', 1, 1, 'A', 'injection', '3ml:300IU', 1, '支', '支', 6580, 2150],
  ['甘精胰岛素', 'A10AE', 0, 1, 'B', 'injection', '3ml:300U', 1, '支', '支', 17_900, 7200],
  ['门冬胰岛素', 'A10AB', 0, 1, 'B', 'injection', '3ml:300U', 1, '支', '支', 8860, 3980],
  ['利拉鲁肽', 'A10BJ', 0, 0, 'B', 'pre-filled-pen', '3ml:18mg', 1, '支', '支', 41_000, 37_800, 'hospital'],
  // Lipids
  ['阿托伐他汀钙', 'C10AA', 1, 1, 'A', 'tablet', '20mg', 7, '片', '盒', 4420, 186],
  ['阿托伐他汀钙', 'C10AA', 1, 1, 'A', 'tablet', '10mg', 7, '片', '盒', 2580, 112],
  ['辛伐他汀', 'C10AA', 1, 1, 'A', 'tablet', '20mg', 14, '片', '盒', 2160, 198],
  ['瑞舒伐他汀钙', 'C10AA', 0, 1, 'B', 'tablet', '10mg', 7, '片', '盒', 4820, 126],
  ['普伐他汀钠', 'C10AA', 0, 1, 'B', 'tablet', '20mg', 7, '片', '盒', 3950, 420],
  ['匹伐他汀钙', 'C10AA', 0, 1, 'B', 'tablet', '2mg', 7, '片', '盒', 4380, 392],
  ['非诺贝特', 'C10AB', 0, 1, 'B', 'capsule', '200mg', 10, '粒', '盒', 3150, 330],
  ['依折麦布', 'C10AX', 0, 1, 'B', 'tablet', '10mg', 10, '片', '盒', 8120, 680],
  // Antiplatelets and anticoagulants
  ['阿司匹林', 'B01AC', 1, 1, 'A', 'enteric-coated-tablet', '100mg', 30, '片', '盒', 1550, 198],
  ['硫酸氢氯吡格雷', 'B01AC', 1, 1, 'A', 'tablet', '75mg', 7, '片', '盒', 11_860, 224],
  ['替格瑞洛', 'B01AC', 0, 1, 'B', 'tablet', '90mg', 14, '片', '盒', 9780, 790],
  ['西洛他唑', 'B01AC', 0, 1, 'B', 'tablet', '50mg', 12, '片', '盒', 2440, 268],
  ['华法林钠', 'B01AA', 1, 0, 'A', 'tablet', '2.5mg', 60, '片', '瓶', 1580, 1380],
  ['利伐沙班', 'B01AF', 0, 1, 'B', 'tablet', '10mg', 10, '片', '盒', 18_850, 1780],
  ['达比加群酯', 'B01AE', 0, 1, 'B', 'capsule', '110mg', 10, '粒', '盒', 9960, 1640],
  // Angina, arrhythmia, heart failure
  ['硝酸甘油', 'C01DA', 1, 0, 'A', 'sublingual-tablet', '0.5mg', 100, '片', '瓶', 620, 540],
  ['单硝酸异山梨酯', 'C01DA', 1, 1, 'A', 'sustained-release-tablet', '40mg', 24, '片', '盒', 3860, 560],
  ['硝酸异山梨酯', 'C01DA', 1, 0, 'A', 'tablet', '10mg', 100, '片', '瓶', 580, 500],
  ['地高辛', 'C01AA', 1, 0, 'A', 'tablet', '0.25mg', 100, '片', '瓶', 680, 590],
  ['盐酸曲美他嗪', 'C01EB', 0, 1, 'B', 'sustained-release-tablet', '35mg', 30, '片', '盒', 4650, 830],
  ['盐酸胺碘酮', 'C01BD', 1, 0, 'A', 'tablet', '0.2g', 10, '片', '盒', 1720, 1500, 'hospital'],
  // Asthma and COPD
  ['硫酸沙丁胺醇', 'R03AC', 1, 0, 'A', 'inhalation-aerosol', '100μg/揿×200揿', 1, '瓶', '盒', 2380, 2050],
  ['布地奈德', 'R03BA', 1, 0, 'B', 'inhalation-aerosol', '200μg/揿×100揿', 1, '瓶', '盒', 6850, 6200],
  ['吸入用布地奈德混悬液', 'R03BA', 0, 1, 'B', 'inhalation-solution', '2ml:1mg', 5, '支', '盒', 5680, 1260],
  ['布地奈德福莫特罗', 'R03AK', 0, 0, 'B', 'inhalation-powder', '160μg/4.5μg×60吸', 1, '支', '盒', 19_800, 18_600],
  ['沙美特罗替卡松', 'R03AK', 0, 0, 'B', 'inhalation-powder', '50μg/250μg×60吸', 1, '支', '盒', 22_600, 20_900],
  ['噻托溴铵', 'R03BB', 0, 0, 'B', 'inhalation-powder', '18μg×30粒', 1, '盒', '盒', 16_200, 15_100],
  ['异丙托溴铵', 'R03BB', 1, 0, 'A', 'inhalation-aerosol', '20μg/揿×200揿', 1, '瓶', '盒', 3960, 3580],
  ['孟鲁司特钠', 'R03DC', 0, 1, 'B', 'tablet', '10mg', 5, '片', '盒', 3350, 186],
  ['氨茶碱', 'R03DA', 1, 0, 'A', 'tablet', '0.1g', 100, '片', '瓶', 360, 310],
  ['茶碱', 'R03DA', 1, 0, 'A', 'sustained-release-tablet', '0.1g', 24, '片', '盒', 980, 850],
  ['盐酸氨溴索', 'R05CB', 1, 1, 'A', 'tablet', '30mg', 20, '片', '盒', 1860, 176],
  // Stomach and bowel
  ['奥美拉唑', 'A02BC', 1, 1, 'A', 'enteric-coated-capsule', '20mg', 14, '粒', '盒', 3380, 196],
  ['雷贝拉唑钠', 'A02BC', 0, 1, 'B', 'enteric-coated-tablet', '10mg', 14, '片', '盒', 5560, 392],
  ['泮托拉唑钠', 'A02BC', 0, 1, 'B', 'enteric-coated-tablet', '40mg', 7, '片', '盒', 3260, 240],
  ['法莫替丁', 'A02BA', 1, 0, 'A', 'tablet', '20mg', 24, '片', '盒', 560, 480],
  ['多潘立酮', 'A03FA', 1, 0, 'A', 'tablet', '10mg', 30, '片', '盒', 1860, 1620],
  ['枸橼酸莫沙必利', 'A03FA', 0, 1, 'B', 'tablet', '5mg', 24, '片', '盒', 3120, 286],
  // Pain and inflammation
  ['布洛芬', 'M01AE', 1, 1, 'A', 'sustained-release-capsule', '0.3g', 20, '粒', '盒', 1280, 150],
  ['对乙酰氨基酚', 'N02BE', 1, 0, 'A', 'tablet', '0.5g', 12, '片', '盒', 380, 320],
  ['塞来昔布', 'M01AH', 0, 1, 'B', 'capsule', '0.2g', 6, '粒', '盒', 3320, 108],
  ['双氯芬酸钠', 'M01AB', 1, 0, 'A', 'sustained-release-tablet', '75mg', 10, '片', '盒', 1260, 1080],
  // Infections
  ['阿莫西林', 'J01CA', 1, 1, 'A', 'capsule', '0.25g', 24, '粒', '盒', 680, 188],
  ['阿莫西林克拉维酸钾', 'J01CR', 1, 1, 'A', 'tablet', '0.375g', 12, '片', '盒', 2150, 389],
  ['头孢呋辛酯', 'J01DC', 1, 1, 'A', 'tablet', '0.25g', 12, '片', '盒', 2860, 420],
  ['头孢克洛', 'J01DC', 0, 1, 'B', 'capsule', '0.25g', 12, '粒', '盒', 2380, 350],
  ['头孢拉定', 'J01DB', 1, 0, 'A', 'capsule', '0.25g', 24, '粒', '盒', 860, 740],
  ['阿奇霉素', 'J01FA', 1, 1, 'A', 'tablet', '0.25g', 6, '片', '盒', 2250, 156],
  ['左氧氟沙星', 'J01MA', 1, 1, 'A', 'tablet', '0.5g', 4, '片', '盒', 2460, 132],
  ['甲硝唑', 'P01AB', 1, 0, 'A', 'tablet', '0.2g', 100, '片', '瓶', 420, 360],
  // Thyroid, gout, bone
  ['左甲状腺素钠', 'H03AA', 1, 0, 'A', 'tablet', '50μg', 100, '片', '瓶', 2960, 2650],
  ['甲巯咪唑', 'H03BB', 1, 0, 'A', 'tablet', '10mg', 50, '片', '盒', 2180, 1920],
  ['别嘌醇', 'M04AA', 1, 0, 'A', 'tablet', '0.1g', 100, '片', '瓶', 480, 420],
  ['非布司他', 'M04AA', 0, 1, 'B', 'tablet', '40mg', 16, '片', '盒', 6280, 690],
  ['阿仑膦酸钠', 'M05BA', 0, 1, 'B', 'tablet', '70mg', 4, '片', '盒', 4860, 386],
  ['醋酸泼尼松', 'H02AB', 1, 0, 'A', 'tablet', '5mg', 100, '片', '瓶', 620, 540],
  // Nervous system and mental health
  ['甲钴胺', 'B03BA', 0, 0, 'B', 'tablet', '0.5mg', 20, '片', '盒', 2160, 1880],
  ['盐酸舍曲林', 'N06AB', 0, 1, 'B', 'tablet', '50mg', 14, '片', '盒', 5960, 358],
  ['草酸艾司西酞普兰', 'N06AB', 0, 1, 'B', 'tablet', '10mg', 7, '片', '盒', 4680, 294],
  ['阿普唑仑', 'N05BA', 1, 0, 'A', 'tablet', '0.4mg', 20, '片', '盒', 320, 280],
  ['艾司唑仑', 'N05CD', 1, 0, 'A', 'tablet', '1mg', 20, '片', '盒', 300, 260],
  ['盐酸多奈哌齐', 'N06DA', 0, 1, 'B', 'tablet', '5mg', 7, '片', '盒', 5120, 238],
  ['左乙拉西坦', 'N03AX', 0, 1, 'B', 'tablet', '0.5g', 30, '片', '盒', 14_600, 1240, 'hospital'],
  ['丙戊酸钠', 'N03AG', 1, 0, 'A', 'sustained-release-tablet', '0.5g', 30, '片', '盒', 6680, 5980, 'hospital'],
  ['卡马西平', 'N03AF', 1, 0, 'A', 'tablet', '0.1g', 100, '片', '瓶', 1120, 980, 'hospital'],
  ['多巴丝肼', 'N04BA', 1, 0, 'A', 'tablet', '0.25g', 40, '片', '瓶', 6860, 6120, 'hospital'],
  ['奥氮平', 'N05AH', 1, 1, 'A', 'tablet', '5mg', 28, '片', '盒', 26_800, 1960, 'hospital'],
  ['利培酮', 'N05AX', 1, 1, 'A', 'tablet', '1mg', 20, '片', '盒', 4260, 212, 'hospital'],
  // Urology, allergy, eyes and skin
  ['盐酸坦索罗辛', 'G04CA', 0, 1, 'B', 'sustained-release-capsule', '0.2mg', 10, '粒', '盒', 3860, 326],
  ['非那雄胺', 'G04CB', 0, 1, 'B', 'tablet', '5mg', 10, '片', '盒', 5260, 456],
  ['氯雷他定', 'R06AX', 1, 1, 'A', 'tablet', '10mg', 6, '片', '盒', 1980, 96],
  ['盐酸西替利嗪', 'R06AE', 0, 1, 'B', 'tablet', '10mg', 12, '片', '盒', 2280, 168],
  ['左氧氟沙星', 'S01AE', 1, 0, 'A', 'eye-drops', '5ml:24.4mg', 1, '支', '盒', 1860, 1620],
  ['莫匹罗星', 'D06AX', 0, 0, 'B', 'ointment', '2%:5g', 1, '支', '盒', 2160, 1890],
];

export const STARTER_PRESENTATIONS: readonly StarterPresentation[] = ROWS.map(
  ([
    genericName,
    atc,
    essential,
    volumeBased,
    category,
    form,
    strength,
    packSize,
    unit,
    packUnit,
    listFen,
    priceFen,
    hospitalOnly,
  ]) => ({
    genericName,
    atc,
    essential: essential === 1,
    volumeBased: volumeBased === 1,
    category,
    form,
    strength,
    packSize,
    unit,
    packUnit,
    listFen,
    priceFen,
    hospitalOnly: hospitalOnly === 'hospital',
  }),
);
