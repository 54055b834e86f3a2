/** A small seeded PRNG (mulberry32): the demo city is the same on every machine. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}
export type Random = ReturnType<typeof createRandom>;

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强海燕玉兰晓东春梅红梅丽娟文博子涵浩然欣怡宇轩梓萱俊杰思远雅琴振华国庆利民淑珍凤英德胜';

export function chineseName(r: Random): string {
  const given = Array.from(GIVEN);
  const n = r.chance(0.6) ? 2 : 1;
  let name = r.pick(Array.from(SURNAMES));
  for (let i = 0; i < n; i++) name += r.pick(given);
  return name;
}

export function mobile(r: Random): string {
  const prefixes = [
    '130',
    '131',
    '132',
    '133',
    '135',
    '136',
    '137',
    '138',
    '139',
    '150',
    '151',
    '152',
    '155',
    '156',
    '158',
    '159',
    '176',
    '177',
    '180',
    '181',
    '185',
    '186',
    '187',
    '188',
    '189',
    '199',
  ];
  return r.pick(prefixes) + String(r.int(0, 99999999)).padStart(8, '0');
}

/** A syntactically valid resident ID number (GB 11643 check digit) born in the given district. */
export function idNumber(r: Random, districtCode: string): string {
  const birth = `${r.int(1945, 2000)}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}`;
  const body = `${districtCode}${birth}${String(r.int(0, 999)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = Array.from(body).reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}
