import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { UPLOAD_ACCEPT } from '@baotou/shared';

import { openAttachment, uploadAttachment, type Attachment } from '../../services/uploads';
import { FileInput } from '../../components/FileInput';

const isH5 = process.env.TARO_ENV === 'h5';
export const MAX_ATTACHMENTS = 20; // disclosureSchema: at most 20
const ACCEPT = UPLOAD_ACCEPT;

type Update = (f: (list: Attachment[]) => Attachment[]) => void;

/**
 * Adds files to `list` one by one as they finish uploading (weapp: from the album or camera, or a
 * PDF from a chat; H5: a file input). `max` files at most.
 */
export function useUploader(update: Update, room: number) {
  const [busy, setBusy] = useState(false);
  const add = async (files: { source: string | Blob; name: string }[]) => {
    setBusy(true);
    try {
      for (const f of files.slice(0, room)) {
        const a = await uploadAttachment(f.source, f.name).catch(() => null);
        if (a) update((list) => (list.some((x) => x.url === a.url) ? list : [...list, a]));
      }
    } finally {
      setBusy(false);
    }
  };
  const pickImages = async () => {
    const res = await Taro.chooseImage({ count: Math.min(room, 9), sizeType: ['compressed'] }).catch(() => null);
    await add((res?.tempFilePaths ?? []).map((path, i) => ({ source: path, name: `照片${i + 1}` })));
  };
  const pickFiles = async () => {
    const res = await Taro.chooseMessageFile({ count: room, type: 'file', extension: ['pdf', 'jpg', 'jpeg', 'png', 'webp'] }).catch(() => null);
    await add((res?.tempFiles ?? []).map((f) => ({ source: f.path, name: f.name })));
  };
  const onInput = async (e: { target: { files: FileList | null; value: string } }) => {
    const files = Array.from(e.target.files ?? []);
    e.target.value = '';
    await add(files.map((f) => ({ source: f, name: f.name })));
  };
  return { busy, pickImages, pickFiles, onInput };
}

/** The choosers: two buttons on weapp, a file input on H5 (as the tickets pages do). */
export function FilePicker({
  update,
  room,
  multiple = true,
  photoLabel = '+ 拍照或选照片',
  fileLabel = '+ 从聊天选择PDF',
}: {
  update: Update;
  room: number;
  multiple?: boolean;
  photoLabel?: string;
  fileLabel?: string;
}) {
  const { busy, pickImages, pickFiles, onInput } = useUploader(update, room);
  if (room <= 0) return null;
  if (isH5) {
    return (
      <View className="file-picker">
        <FileInput
          label={multiple ? '+ 选择照片或PDF文件' : '+ 选择照片或PDF文件（1个）'}
          accept={ACCEPT}
          multiple={multiple}
          disabled={busy}
          onChange={onInput}
        />
        {busy && <Text className="muted">上传中…</Text>}
      </View>
    );
  }
  return (
    <View className="file-picker">
      {/* Handlers stay bound while uploading (Taro's weapp runtime trips over a tap handler removed mid-update). */}
      <Text className="add-line file-pick" onClick={() => !busy && pickImages()}>
        {photoLabel}
      </Text>
      <Text className="add-line file-pick" onClick={() => !busy && pickFiles()}>
        {fileLabel}
      </Text>
      {busy && <Text className="muted">上传中…</Text>}
    </View>
  );
}

/** The server's refusal of an attachment (field `attachments.<i>.url`), shown under the list. */
export const attachmentError = (errors: Record<string, string>): string | undefined => Object.entries(errors).find(([k]) => k.startsWith('attachments'))?.[1];

/** Photos and PDFs attached to a disclosure before publishing: a list with remove, and the choosers. */
export function AttachmentsField({ value, update }: { value: Attachment[]; update: Update }) {
  return (
    <View className="card attachments">
      <Text className="section-title">附件（照片或PDF，选填）</Text>
      {value.map((a) => (
        <View key={a.url} className="attachment">
          <Text className="attachment-name link" onClick={() => openAttachment(a)}>
            {a.name}
          </Text>
          <Text className="attachment-remove" onClick={() => update((list) => list.filter((x) => x.url !== a.url))}>
            移除
          </Text>
        </View>
      ))}
      <FilePicker update={update} room={MAX_ATTACHMENTS - value.length} />
      <View className="muted">{`JPEG、PNG、WebP图片或PDF，每个不超过5MB，最多${MAX_ATTACHMENTS}个；公开后本小区业主可查看。`}</View>
    </View>
  );
}
