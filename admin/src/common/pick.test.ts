import { pick } from './pick';

// Issue 15 "One set of rules": the one transform every console form sends through.
test('keeps the writable fields only, drops undefined ones, and sends an emptied input as null', () => {
  const send = pick(['name', 'phone', 'note', 'count']);
  expect(send({ id: 7, name: '张三', phone: '', note: undefined, count: 0, createdAt: '2026-11-30' })).toEqual({ name: '张三', phone: null, count: 0 });
});
