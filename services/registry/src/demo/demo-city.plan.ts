import { residentIdCheckCharacter } from '@medgrid/kernel';
import {
  type InstitutionLevel,
  type InstitutionType,
} from '../organisation/domain/institution-classification';
import { type PopulationTag } from '../residents/domain/contract';
import { type TeamMemberRole } from '../workforce/domain/family-doctor-team';
import { type PractitionerTitle } from '../workforce/domain/practitioner';

/**
 * A realistic demo city, generated deterministically from a seed: Guangzhou
 * districts as grids, each with a tertiary lead hospital, a secondary
 * hospital, a nursing home and 6-12 primary institutions, their departments,
 * practitioners and "1+1+1" teams, and residents with valid GB 11643 numbers
 * whose age and chronic-disease mix follows national prevalence figures.
 */

/** Deterministic PRNG (mulberry32): the same seed gives the same city. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DISTRICTS = [
  {
    code: '440112',
    name: '黄埔',
    streets: ['黄埔', '红山', '鱼珠', '大沙', '文冲', '穗东', '联和', '萝岗', '夏港', '长洲', '南岗', '永和'],
  },
  {
    code: '440114',
    name: '花都',
    streets: ['新华', '秀全', '新雅', '花城', '花东', '花山', '炭步', '赤坭', '狮岭', '梯面', '芙蓉', '雅瑶'],
  },
  {
    code: '440113',
    name: '番禺',
    streets: [
      '市桥',
      '沙头',
      '东环',
      '桥南',
      '小谷围',
      '大石',
      '洛浦',
      '石壁',
      '钟村',
      '大龙',
      '南村',
      '石碁',
    ],
  },
  {
    code: '440111',
    name: '白云',
    streets: [
      '三元里',
      '松洲',
      '景泰',
      '同德',
      '黄石',
      '新市',
      '嘉禾',
      '均禾',
      '石井',
      '金沙',
      '云城',
      '鹤龙',
    ],
  },
  {
    code: '440106',
    name: '天河',
    streets: ['五山', '员村', '车陂', '沙河', '石牌', '天园', '猎德', '冼村', '林和', '兴华', '棠下', '龙洞'],
  },
];

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文辉玲红梅兰志成健斌宇浩凯鹏飞宁欣怡子涵梓萱雨轩佳琪俊杰';

const HOSPITAL_DEPARTMENTS: [string, string][] = [
  ['02', '全科医疗科'],
  ['03.01', '呼吸内科'],
  ['03.02', '消化内科'],
  ['03.03', '神经内科'],
  ['03.04', '心血管内科'],
  ['03.07', '内分泌科'],
  ['04', '外科'],
  ['05', '妇产科'],
  ['07', '儿科'],
  ['20', '急诊医学科'],
  ['21', '康复医学科'],
  ['30', '医学检验科'],
  ['32', '医学影像科'],
];
const PRIMARY_DEPARTMENTS: [string, string][] = [
  ['01', '预防保健科'],
  ['02', '全科医疗科'],
  ['21', '康复医学科'],
];

export interface PlannedInstitution {
  key: string;
  name: string;
  level: InstitutionLevel;
  type: InstitutionType;
  role: 'lead' | 'member';
  address: string;
  departments: [string, string][];
  practitioners: PlannedPractitioner[];
}

export interface PlannedPractitioner {
  licenceNumber: string;
  name: string;
  title: PractitionerTitle;
  specialtyCode: string;
}

export interface PlannedTeam {
  institutionKey: string;
  name: string;
  members: { institutionKey: string; licenceNumber: string; role: TeamMemberRole }[];
}

export interface PlannedGrid {
  code: string;
  name: string;
  regionCode: string;
  institutions: PlannedInstitution[];
  teams: PlannedTeam[];
}

export interface PlannedResident {
  residentIdNumber: string;
  name: string;
  phone: string;
  gridIndex: number;
  /** Index into the grid's teams, or null when not contracted. */
  teamIndex: number | null;
  tags: PopulationTag[];
}

export interface DemoCitySettings {
  seed: number;
  grids: number;
  residents: number;
  /** Share of residents with a family-doctor contract (national signing rate, ~45%). */
  contractRate: number;
}

export const DEFAULT_DEMO_CITY: DemoCitySettings = {
  seed: 20261123,
  grids: 3,
  residents: 100_000,
  contractRate: 0.45,
};

/** Age bands of China's 2020 census: 0-14 18%, 15-34 26%, 35-64 42.5%, 65+ 13.5%. */
const AGE_BANDS: [number, number, number][] = [
  [0.18, 0, 14],
  [0.26, 15, 34],
  [0.425, 35, 64],
  [0.135, 65, 95],
];

function sampleAge(random: () => number): number {
  let roll = random();
  for (const [share, from, to] of AGE_BANDS) {
    if (roll < share) return from + Math.floor(random() * (to - from + 1));
    roll -= share;
  }
  return 65 + Math.floor(random() * 31);
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function personName(random: () => number): string {
  const given = pick(random, [...GIVEN]) + (random() < 0.7 ? pick(random, [...GIVEN]) : '');
  return pick(random, [...SURNAMES]) + given;
}

/** The organisation of the demo city: grids, institutions, departments, practitioners, teams. */
export function planGrids(settings: DemoCitySettings): PlannedGrid[] {
  const random = seededRandom(settings.seed);
  let licence = 110440100000000;
  const practitioners = (
    count: number,
    specialties: [string, string][],
    primary: boolean,
  ): PlannedPractitioner[] =>
    Array.from({ length: count }, (_, i) => ({
      licenceNumber: String(++licence),
      name: personName(random),
      title: primary
        ? pick(random, ['resident', 'attending', 'attending', 'associate-chief', 'public-health'] as const)
        : pick(random, ['resident', 'attending', 'attending', 'associate-chief', 'chief', 'nurse'] as const),
      specialtyCode: specialties[i % specialties.length]![0],
    }));
  return DISTRICTS.slice(0, settings.grids).map((district, g) => {
    const primaries = 6 + Math.floor(random() * 7);
    const institutions: PlannedInstitution[] = [
      {
        key: `${g}-lead`,
        name: `广州市${district.name}区中心医院`,
        level: 'tertiary',
        type: 'general-hospital',
        role: 'lead',
        address: `广州市${district.name}区${district.streets[0]}路1号`,
        departments: HOSPITAL_DEPARTMENTS,
        practitioners: practitioners(60, HOSPITAL_DEPARTMENTS, false),
      },
      {
        key: `${g}-second`,
        name: `广州市${district.name}区第二人民医院`,
        level: 'secondary',
        type: 'general-hospital',
        role: 'member',
        address: `广州市${district.name}区${district.streets[1]}大道88号`,
        departments: HOSPITAL_DEPARTMENTS.slice(0, 9),
        practitioners: practitioners(30, HOSPITAL_DEPARTMENTS.slice(0, 9), false),
      },
      {
        key: `${g}-care`,
        name: `广州市${district.name}区颐康护理院`,
        level: 'secondary',
        type: 'nursing-home',
        role: 'member',
        address: `广州市${district.name}区${district.streets[2]}街12号`,
        departments: [['21', '康复医学科']],
        practitioners: practitioners(8, [['21', '康复医学科']], false),
      },
      ...Array.from({ length: primaries }, (_, p): PlannedInstitution => {
        const street = district.streets[p % district.streets.length]!;
        const township = p >= primaries - 2;
        return {
          key: `${g}-p${p}`,
          name: township
            ? `广州市${district.name}区${street}镇卫生院`
            : `${district.name}区${street}街社区卫生服务中心`,
          level: 'primary',
          type: township ? 'township-health-centre' : 'community-health-centre',
          role: 'member',
          address: `广州市${district.name}区${street}街${10 + p}号`,
          departments: PRIMARY_DEPARTMENTS,
          practitioners: practitioners(
            10,
            [
              ['02', '全科医疗科'],
              ['02', '全科医疗科'],
              ['01', '预防保健科'],
            ],
            true,
          ),
        };
      }),
    ];
    const lead = institutions[0]!;
    const teams: PlannedTeam[] = institutions
      .filter((i) => i.level === 'primary')
      .flatMap((centre) =>
        [0, 1, 2].map((t) => ({
          institutionKey: centre.key,
          name: `${centre.practitioners[t]!.name}家庭医生团队`,
          members: [
            {
              institutionKey: centre.key,
              licenceNumber: centre.practitioners[t]!.licenceNumber,
              role: 'general-practitioner' as const,
            },
            {
              institutionKey: lead.key,
              licenceNumber: pick(random, lead.practitioners).licenceNumber,
              role: 'specialist' as const,
            },
            {
              institutionKey: centre.key,
              licenceNumber: centre.practitioners[3 + t]!.licenceNumber,
              role: 'health-manager' as const,
            },
          ],
        })),
      );
    return {
      code: `GZ-${district.code}`,
      name: `${district.name}区网格`,
      regionCode: district.code,
      institutions,
      teams,
    };
  });
}

/**
 * Residents, generated one at a time so a million never sit in memory. Ages
 * follow a broad pyramid; hypertension and diabetes prevalence rise with age
 * (China: ~27% hypertension, ~12% diabetes in adults, far more among the elderly).
 * Everyone is born in `asOfYear - 1` at the latest (the Shanghai year the city is
 * loaded in), so no birth date is after today and the registry takes every number.
 */
export function* planResidents(
  settings: DemoCitySettings,
  grids: readonly PlannedGrid[],
  asOfYear: number,
): Generator<PlannedResident> {
  const random = seededRandom(settings.seed ^ 0x5eed);
  const used = new Set<string>();
  for (let i = 0; i < settings.residents; i++) {
    const gridIndex = i % grids.length;
    const grid = grids[gridIndex]!;
    const age = sampleAge(random);
    const year = asOfYear - 1 - age;
    let id: string;
    do {
      const month = 1 + Math.floor(random() * 12);
      const day = 1 + Math.floor(random() * 28);
      const order = 1 + Math.floor(random() * 998);
      const first17 = `${grid.regionCode}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(order).padStart(3, '0')}`;
      id = first17 + residentIdCheckCharacter(first17);
    } while (used.has(id));
    used.add(id);
    const tags: PopulationTag[] = [];
    if (age >= 35 && random() < (age >= 65 ? 0.55 : 0.2)) tags.push('hypertension');
    if (age >= 35 && random() < (age >= 65 ? 0.25 : 0.08)) tags.push('diabetes');
    if (random() < 0.02) tags.push('disabled');
    const contracted =
      random() <
      (age >= 65 || tags.length ? Math.min(1, settings.contractRate * 1.7) : settings.contractRate * 0.8);
    yield {
      residentIdNumber: id,
      name: personName(random),
      phone: `1${pick(random, ['3', '5', '7', '8', '9'])}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`,
      gridIndex,
      teamIndex: contracted ? Math.floor(random() * grid.teams.length) : null,
      tags,
    };
  }
}
