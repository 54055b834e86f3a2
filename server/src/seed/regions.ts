/** Baotou's district-level divisions, and streets and communities for the demo city. */
export const CITY = { code: '150200', name: '包头市' };

export function districts(highTechZoneCode: string) {
  return [
    { code: '150202', name: '东河区' },
    { code: '150203', name: '昆都仑区' },
    { code: '150204', name: '青山区' },
    { code: '150205', name: '石拐区' },
    { code: '150206', name: '白云鄂博矿区' },
    { code: '150207', name: '九原区' },
    { code: '150221', name: '土默特右旗' },
    { code: '150222', name: '固阳县' },
    { code: '150223', name: '达尔罕茂明安联合旗' },
    { code: highTechZoneCode, name: '稀土高新区' },
  ];
}

/** Streets (with their communities) of the four central districts; 昆都仑区 first, where the demo street and community accounts sit. */
export const STREET_DISTRICTS = ['150203', '150204', '150202', '150207'] as const;
export const STREETS: Record<string, { name: string; communities: string[] }[]> = {
  '150203': [
    { name: '沼潭街道', communities: ['沼潭社区', '胜利社区', '阿尔丁社区'] },
    { name: '林荫路街道', communities: ['林荫社区', '青年社区'] },
    { name: '少先路街道', communities: ['少先社区', '友谊社区', '乌兰社区'] },
  ],
  '150204': [
    { name: '富强路街道', communities: ['富强社区', '文化社区'] },
    { name: '幸福路街道', communities: ['幸福社区', '和平社区', '北沙梁社区'] },
    { name: '先锋道街道', communities: ['先锋社区', '光荣社区'] },
  ],
  '150202': [
    { name: '西脑包街道', communities: ['西脑包社区', '财神庙社区'] },
    { name: '南门外街道', communities: ['南门外社区', '东门社区', '工业社区'] },
    { name: '和平路街道', communities: ['和平路社区', '乔家金街社区'] },
  ],
  '150207': [
    { name: '沙河街道', communities: ['沙河社区', '滨河社区', '新建社区'] },
    { name: '赛汗街道', communities: ['赛汗社区', '建华社区'] },
    { name: '白音席勒街道', communities: ['白音席勒社区', '万达社区'] },
  ],
};
