import {
  canonicalUploadUrl,
  sniffUploadMime,
  uploadExtension,
  uploadIdOf,
  uploadMimeLabel,
  uploadNameProblem,
  uploadOrLinkUrlSchema,
  uploadedFileName,
  uploadUrlSchema,
} from '.';

// Issue 9 §7 and issue 15 "One set of rules": the upload rules shared by server, console and mini.
const bytes = (...parts: (number[] | string)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

test.each([
  ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
  ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image/png'],
  ['WebP', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image/webp'],
  ['PDF', bytes('%PDF-1.7'), 'application/pdf'],
  ['a PNG cut short', bytes([0x89, 0x50, 0x4e, 0x47]), undefined],
  ['RIFF but WAVE', bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '), undefined],
  ['HTML', bytes('<html>'), undefined],
  ['an executable', bytes('MZ', [0x90, 0]), undefined],
  ['nothing', bytes(), undefined],
])('sniffUploadMime: %s → %s', (_, b, mime) => expect(sniffUploadMime(b)).toBe(mime));

test.each([
  ['照片.jpg', undefined],
  ['', undefined],
  ['scan (1).pdf', undefined],
  ['a\u0000.png', '文件名含有不允许的控制字符'],
  ['a\nb.png', '文件名含有不允许的控制字符'],
  ['a\u007f.png', '文件名含有不允许的控制字符'],
  ['../../etc/passwd', '文件名不能包含路径分隔符'],
  ['C:\\photos\\a.jpg', '文件名不能包含路径分隔符'],
  ['x'.repeat(256), '文件名不能超过255个字'],
])('uploadNameProblem(%j) → %s', (name, problem) => expect(uploadNameProblem(name)).toBe(problem));

test.each([
  ['/api/uploads/7', 7],
  ['/api/uploads/007', 7],
  ['/api/uploads/0', undefined],
  ['/api/uploads/2147483648', undefined],
  ['/api/uploads/7/../8', undefined],
  ['https://example.com/a.pdf', undefined],
])('uploadIdOf(%s) → %s', (url, id) => expect(uploadIdOf(url)).toBe(id));

test('canonical URLs: one spelling per upload; links unchanged', () => {
  expect(canonicalUploadUrl('/api/uploads/007')).toBe('/api/uploads/7');
  expect(canonicalUploadUrl('https://gov.cn/a.pdf')).toBe('https://gov.cn/a.pdf');
});

test('labels and extensions: Chinese, and a type outside the list throws', () => {
  expect(uploadMimeLabel('application/pdf')).toBe('PDF文件');
  expect(uploadExtension('image/webp')).toBe('webp');
  expect(uploadedFileName('合同.jpeg', 'application/pdf')).toBe('合同.pdf');
  expect(uploadedFileName('', 'image/png')).toBe('附件.png');
  expect(() => uploadMimeLabel('text/html')).toThrow();
  expect(() => uploadExtension('image/gif')).toThrow();
});

test('reference schemas: an upload URL, or an upload or an https link', () => {
  expect(uploadUrlSchema().safeParse('/api/uploads/12').success).toBe(true);
  expect(uploadUrlSchema().safeParse('https://x.cn/a').success).toBe(false);
  expect(uploadUrlSchema('照片须先上传').safeParse('x').error?.issues[0].message).toBe('照片须先上传');
  expect(uploadOrLinkUrlSchema().safeParse('https://x.cn/a').success).toBe(true);
  expect(uploadOrLinkUrlSchema().safeParse('http://x.cn/a').success).toBe(false);
  expect(uploadOrLinkUrlSchema().safeParse(7).success).toBe(false);
});
