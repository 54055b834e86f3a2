import { attachmentSchema } from '../disclosures/schemas';
import { acceptSchema } from '../fund/schemas';
import { itemResultSchema } from '../quality/schemas';
import { renewalSurveySchema } from '../renewal/survey';
import { hazardRectifySchema } from '../supervision/hazards';
import { itemResultInputSchema } from '../supervision/inspections';

// Issue 15 "One set of rules": a fund document, a disclosure attachment and a survey photo refer to an
// upload through the one upload reference schema (./schemas.ts), keeping each record's own message.
const tooLong = '/api/uploads/12345678901'; // 11 digits: no upload id is that long
const issue = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? undefined : r.error?.issues[0].message);

const fundDocument = (url: unknown) => issue(acceptSchema.safeParse({ actualCostFen: 100, documents: [{ name: '验收单', url }] }));
const disclosureAttachment = (url: unknown) => issue(attachmentSchema.safeParse({ name: '公示', url }));
const surveyPhoto = (url: unknown) => issue(renewalSurveySchema.safeParse({ compoundId: 1, photos: [{ name: '门岗', url }] }));
const inspectionPhoto = (url: unknown) => issue(itemResultInputSchema.safeParse({ itemId: 1, result: 'failed', photos: [url] }));
const rectificationPhoto = (url: unknown) => issue(hazardRectifySchema.safeParse({ photos: [url], note: '已整改' }));
const assessmentPhoto = (url: unknown) => issue(itemResultSchema.safeParse({ item: 0, met: true, photos: [url] }));

test.each([
  ['fund document', fundDocument, '文件地址无效'],
  ['disclosure attachment', disclosureAttachment, '附件地址无效'],
])('%s: an upload or an https link passes; anything else is refused with its own message', (_, parse, message) => {
  expect(parse('/api/uploads/7')).toBeUndefined();
  expect(parse('https://gov.example.cn/notice.pdf')).toBeUndefined();
  expect(parse('http://gov.example.cn/notice.pdf')).toBe(message);
  expect(parse('/api/uploads/7?x=1')).toBe(message);
  expect(parse(tooLong)).toBe(message);
  expect(parse(`https://${'a'.repeat(500)}`)).toBe('文件地址过长');
  expect(parse(7)).toBe('文件地址必须是文字');
});

test.each([
  ['survey photo', surveyPhoto],
  ['inspection photo', inspectionPhoto],
  ['hazard rectification photo', rectificationPhoto],
  ['level assessment photo', assessmentPhoto],
])('%s: an upload passes; a link or an overlong id is refused with 照片须先上传', (_, parse) => {
  expect(parse('/api/uploads/7')).toBeUndefined();
  expect(parse('https://gov.example.cn/a.jpg')).toBe('照片须先上传');
  expect(parse(tooLong)).toBe('照片须先上传');
  expect(parse(`/api/uploads/${'1'.repeat(100)}`)).toBe('文件地址过长');
  expect(parse(7)).toBe('文件地址必须是文字');
});
