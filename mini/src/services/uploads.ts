import Taro from '@tarojs/taro';
import { isUploadUrl, uploadedFileName, type UploadedFile } from '@baotou/shared';

import { getToken, uploadFile } from './request';

// Attachments of disclosures and scans of paper ballots (docs/API.md, issue 3): uploads referenced
// as {name, url} with url "/api/uploads/<id>". Reading one needs the bearer token, so files are
// downloaded first and shown from the local copy.

export type Attachment = UploadedFile;

const isH5 = process.env.TARO_ENV === 'h5';
const BASE = isH5 ? '/api' : API_BASE;

export const isUpload = isUploadUrl;
export const isPdf = (a: Attachment) => /\.pdf$/i.test(a.name);

/** Uploads one file (weapp: a local path; H5: a File) through POST /api/uploads; the wrapper toasts refusals. */
export async function uploadAttachment(source: string | Blob, name: string): Promise<Attachment> {
  const up = await uploadFile(source);
  // the name a person gave it, with the extension of the type the server found in the content
  return { name: uploadedFileName(name, up.mime), url: up.url };
}

function fail(message: string) {
  Taro.hideLoading();
  Taro.showToast({ title: message, icon: 'none', duration: 2500 });
}

/**
 * Opens an attachment: a photo in the image previewer, a PDF in the document viewer (H5: handed
 * to the browser as a download). An outside link cannot open inside the mini-program: it is copied.
 */
export async function openAttachment(a: Attachment): Promise<void> {
  if (!isUpload(a.url)) {
    if (isH5) window.open(a.url, '_blank', 'noopener');
    else Taro.setClipboardData({ data: a.url });
    return;
  }
  const url = BASE + a.url.slice('/api'.length);
  const header = { Authorization: `Bearer ${getToken()}` };
  Taro.showLoading({ title: '打开中', mask: true });
  try {
    if (isH5) {
      const res = await fetch(url, { headers: header });
      if (!res.ok) return fail(res.status === 404 ? '文件不存在或无权查看' : '文件打开失败');
      const blob = await res.blob();
      const href = URL.createObjectURL(blob);
      Taro.hideLoading();
      if (blob.type.startsWith('image/')) {
        Taro.previewImage({ urls: [href], current: href });
      } else {
        const link = document.createElement('a');
        link.href = href;
        link.download = a.name;
        link.className = 'attachment-download';
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(href), 60_000);
      }
      return;
    }
    const res = await Taro.downloadFile({ url, header });
    if (res.statusCode !== 200) return fail(res.statusCode === 404 ? '文件不存在或无权查看' : '文件打开失败');
    Taro.hideLoading();
    if (isPdf(a)) await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'pdf', showMenu: true });
    else await Taro.previewImage({ urls: [res.tempFilePath], current: res.tempFilePath });
  } catch {
    fail('网络异常，请稍后重试');
  }
}
