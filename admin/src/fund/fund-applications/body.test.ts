import { toApplicationBody } from './body';

describe('fund application form → API body (DOMAIN.md §3: money is integer fen)', () => {
  test('yuan budgets become exact fen; picker-only fields are dropped', () => {
    expect(
      toApplicationBody({
        compoundId: 1,
        title: ' 1号楼2单元电梯维修 ',
        items: [
          { name: '更换曳引机', budgetYuan: '23800.50' },
          { name: '控制柜', budgetYuan: '0.29' },
        ],
        contractor: '电梯公司',
        scopeType: 'units',
        scopeIds: [2],
        unitBuildingId: 1,
        emergency: false,
        emergencyKind: 'lift_fault',
      }),
    ).toEqual({
      compoundId: 1,
      title: '1号楼2单元电梯维修',
      items: [
        { name: '更换曳引机', budgetFen: 2380050 },
        { name: '控制柜', budgetFen: 29 },
      ],
      contractor: '电梯公司',
      scopeType: 'units',
      scopeIds: [2],
      emergency: false,
      emergencyKind: null,
    });
  });

  test('a whole-compound emergency keeps its kind and sends no scope ids', () => {
    const body = toApplicationBody({
      compoundId: 3,
      title: '屋面',
      items: [{ name: '防水', budgetYuan: '8' }],
      contractor: 'x',
      scopeType: 'compound',
      scopeIds: [9],
      emergency: true,
      emergencyKind: 'roof_leak',
      description: '  ',
    });
    expect(body).toMatchObject({ scopeIds: [], emergency: true, emergencyKind: 'roof_leak', items: [{ name: '防水', budgetFen: 800 }] });
    expect(body).not.toHaveProperty('description');
  });
});
