import { BLACKLIST_REASONS, blacklistCreateSchema, terminationLetters } from './blacklist';

const input = {
  company: { name: '包头市某物业服务有限公司', creditCode: '91150200MA0000000X' },
  reason: 'fund_misappropriation' as const,
  document: '包住建罚〔2026〕12号',
  listedOn: '2026-11-03',
  facts: '挪用维修资金。',
  authority: '包头市住房和城乡建设局',
  compounds: [
    { name: '沼潭小区', address: '昆都仑区沼潭路1号', ownersCommittee: true },
    { name: '青年小区', address: '青山区青年路2号', ownersCommittee: false },
  ],
};

describe('terminationLetters (DOMAIN.md §5 "Blacklist": a written recommendation to the developer or the owners\' assembly)', () => {
  test("one letter per compound, to the owners' assembly where a committee is in office, else the developer", () => {
    const letters = terminationLetters(input);
    expect(letters.map((l) => [l.compoundName, l.addressee, l.to])).toEqual([
      ['沼潭小区', 'owners_assembly', '沼潭小区业主大会（业主委员会）：'],
      ['青年小区', 'developer', '青年小区开发建设单位：'],
    ]);
  });
  test('the letter names the company, the reason, the document and the date in Chinese', () => {
    const [l] = terminationLetters(input);
    expect(l.paragraphs[0]).toContain('包头市某物业服务有限公司');
    expect(l.paragraphs[0]).toContain('骗取、挪用或侵占维修资金');
    expect(l.paragraphs[0]).toContain('包住建罚〔2026〕12号');
    expect(l.date).toBe('2026年11月3日');
    expect(l.signature).toBe('包头市住房和城乡建设局');
  });
  test('a company serving no compound gets no letters; an unknown reason or bad date throws', () => {
    expect(terminationLetters({ ...input, compounds: [] })).toEqual([]);
    expect(() => terminationLetters({ ...input, reason: 'late_fees' as never })).toThrow();
    expect(() => terminationLetters({ ...input, listedOn: '3 Nov' })).toThrow();
  });
});

describe('blacklistCreateSchema', () => {
  const ok = {
    companyId: 1,
    reason: 'bid_collusion',
    document: '文号',
    listedOn: '2026-11-01',
    facts: '串标',
    evidence: [{ name: '决定书.pdf', url: '/api/uploads/3' }],
  };
  test('every reason of the enum is accepted; others refused on the field in Chinese', () => {
    for (const reason of BLACKLIST_REASONS) expect(blacklistCreateSchema.safeParse({ ...ok, reason }).success).toBe(true);
    const bad = blacklistCreateSchema.safeParse({ ...ok, reason: 'late' });
    expect(bad.error!.issues[0]).toMatchObject({ path: ['reason'], message: '列入事由的取值无效' });
  });
  test('evidence and a document number are required', () => {
    expect(blacklistCreateSchema.safeParse({ ...ok, evidence: [] }).error!.issues[0].message).toBe('请上传至少一份证据材料');
    expect(blacklistCreateSchema.safeParse({ ...ok, document: ' ' }).error!.issues[0].path).toEqual(['document']);
  });
});
