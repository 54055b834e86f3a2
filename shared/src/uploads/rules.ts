/**
 * Uploads: files a person sends once (`POST /api/uploads`) and then references by URL
 * (`/api/uploads/<id>`) from tickets, disclosures, fund applications, surveys, evidence, inspections
 * and ballots (issue 3, issue 9 §7, issue 15 "One set of rules"). The rules here are used by the
 * server (routes, references), the console (file pickers) and the mini-program. Pure and without
 * zod, so a mini-program page that needs a URL check does not carry the schemas (./schemas.ts).
 */

/** The types an upload may be, told by its first bytes (sniffUploadMime), never by a name or a header. */
export const UPLOAD_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type UploadMime = (typeof UPLOAD_MIME_TYPES)[number];

/** Photos only (ticket photos, inspection photos): the image types. */
export const UPLOAD_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const satisfies readonly UploadMime[];

export const UPLOAD_MIME_LABELS: Record<UploadMime, string> = {
  'image/jpeg': 'JPEG图片',
  'image/png': 'PNG图片',
  'image/webp': 'WebP图片',
  'application/pdf': 'PDF文件',
};

const EXTENSIONS: Record<UploadMime, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' };

function assertUploadMime(mime: string): asserts mime is UploadMime {
  if (!(UPLOAD_MIME_TYPES as readonly string[]).includes(mime)) throw new Error(`not an upload type: ${mime}`);
}

/** The Chinese name of an upload type ("PDF文件"). Throws on a type outside UPLOAD_MIME_TYPES. */
export function uploadMimeLabel(mime: string): string {
  assertUploadMime(mime);
  return UPLOAD_MIME_LABELS[mime];
}

/** The file extension that says an upload's type ("pdf"). Throws on a type outside UPLOAD_MIME_TYPES. */
export function uploadExtension(mime: string): string {
  assertUploadMime(mime);
  return EXTENSIONS[mime];
}

/** What a file picker offers (the `accept` attribute): every upload type, or the images only. */
export const UPLOAD_ACCEPT = UPLOAD_MIME_TYPES.join(',');
export const UPLOAD_IMAGE_ACCEPT = UPLOAD_IMAGE_TYPES.join(',');

/** The refusal a person reads for a file of another type (400 UNSUPPORTED_FILE_TYPE). */
export const UNSUPPORTED_FILE_TYPE_MESSAGE = '只能上传JPEG、PNG、WebP图片或PDF文件';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/**
 * An upload's type from its first bytes (magic numbers): JPEG FF D8 FF, PNG's 8-byte signature,
 * WebP "RIFF....WEBP", PDF "%PDF-"; undefined for anything else (an empty file, HTML, an .exe named .jpg).
 */
export function sniffUploadMime(b: Uint8Array): UploadMime | undefined {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && PNG_SIGNATURE.every((v, i) => b[i] === v)) return 'image/png';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'image/webp';
  if (b.length >= 5 && ascii(b, 0, 5) === '%PDF-') return 'application/pdf';
  return undefined;
}

/** One request carries one file (Taro.uploadFile and the console send one each); more → 400 TOO_MANY_FILES. */
export const UPLOAD_MAX_FILES_PER_REQUEST = 1;
/** Longest file name a request may give (bytes of UTF-8 are not counted; characters are). */
export const UPLOAD_NAME_MAX = 255;

/** C0 controls and DEL: no file name holds them honestly. */
const NAME_CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * What is wrong with a file name a client sent, in Chinese, or undefined when it is fine: a control
 * character, a path separator ("/" or "\\": a name, not a path), or longer than UPLOAD_NAME_MAX.
 * An empty or absent name is fine (the server never uses the name to store a file).
 */
export function uploadNameProblem(name: string): string | undefined {
  if (NAME_CONTROL.test(name)) return '文件名含有不允许的控制字符';
  if (/[/\\]/.test(name)) return '文件名不能包含路径分隔符';
  if (name.length > UPLOAD_NAME_MAX) return `文件名不能超过${UPLOAD_NAME_MAX}个字`;
  return undefined;
}

const MAX_ID = 2147483647;
const UPLOAD_URL = /^\/api\/uploads\/(\d{1,12})$/;

/** Where an upload is read: `/api/uploads/<id>`. */
export const uploadUrl = (id: number) => `/api/uploads/${id}`;

/** The upload id a URL refers to, or undefined for an outside (https) link or a malformed one. */
export function uploadIdOf(url: string): number | undefined {
  const m = UPLOAD_URL.exec(url);
  if (!m) return undefined;
  const id = Number(m[1]);
  return id > 0 && id <= MAX_ID ? id : undefined;
}

/** Is this the URL of an upload (rather than an outside link)? */
export const isUploadUrl = (url: string) => uploadIdOf(url) !== undefined;

/** `/api/uploads/007` and `/api/uploads/7` are one file: store one spelling, so lookups by URL find it. */
export function canonicalUploadUrl(url: string): string {
  const id = uploadIdOf(url);
  return id ? uploadUrl(id) : url;
}

/** A named file on a record ({name, url}): what the console and the mini-program attach. */
export type UploadedFile = { name: string; url: string };

/** The name a person gave a file, with the extension of the type the server found in its content. */
export function uploadedFileName(name: string, mime: string): string {
  const base =
    name
      .replace(/\.[A-Za-z0-9]{1,5}$/, '')
      .trim()
      .slice(0, 90) || '附件';
  return `${base}.${uploadExtension(mime)}`;
}
