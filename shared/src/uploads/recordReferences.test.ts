import { attachmentSchema } from '../disclosures/schemas';
import { acceptSchema } from '../fund/schemas';
import { renewalSurveySchema } from '../renewal/survey';

// Issue 15 "One set of rules": a fund document, a disclosure attachment and a survey photo refer to an
// upload through the one upload reference schema (./schemas.ts), keeping each record's own message.
const tooLong = '/api/uploads/12345678901'; // 11 digits: no upload id is that long
const issue = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? undefined : r.error?.issues[0].message);

const fundDocument = (url: unknown) => issue(acceptSchema.safeParse({ actualCostFen: 100, documents: [{ name: '验收单', url }] }));
const disclosureAttachment = (url: unknown) => issue(attachmentSchema.safeParse({ name: '公示', url }));
const surveyPhoto = (url: unknown) => issue(renewalSurveySchema.safeParse({ compoundId: 1, photos: [{ name: '门岗', url }] }));

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

test('survey photo: an upload passes; a link or an overlong id is refused with 照片须先上传', () => {
  expect(surveyPhoto('/api/uploads/7')).toBeUndefined();
  expect(surveyPhoto('https://gov.example.cn/a.jpg')).toBe('照片须先上传');
  expect(surveyPhoto(tooLong)).toBe('照片须先上传');
  expect(surveyPhoto(7)).toBe('文件地址必须是文字');
});
