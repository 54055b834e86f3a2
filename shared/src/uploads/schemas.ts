import { z } from 'zod';
import { UPLOAD_MIME_TYPES } from './rules';

/** A reference to an upload, as records hold it: `/api/uploads/<id>` (the server checks whose it is). */
export const uploadUrlSchema = (message = '请先上传文件') =>
  z
    .string({ error: '文件地址必须是文字' })
    .max(100, '文件地址过长')
    .regex(/^\/api\/uploads\/\d{1,10}$/, message);

/** An upload or an outside https link (a public document a record may cite). */
export const uploadOrLinkUrlSchema = (message = '请上传文件或填写https链接') =>
  z
    .string({ error: '文件地址必须是文字' })
    .max(500, '文件地址过长')
    .regex(/^(\/api\/uploads\/\d{1,10}|https:\/\/\S+)$/, message);

/** What `POST /api/uploads` answers (201). */
export const uploadSchema = z.strictObject({
  id: z.number().int().positive(),
  mime: z.enum(UPLOAD_MIME_TYPES),
  size: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  url: z.string().regex(/^\/api\/uploads\/\d{1,10}$/),
});
export type Upload = z.infer<typeof uploadSchema>;
