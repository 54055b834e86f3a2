import { useEffect, useState } from 'react';
import { uploadIdOf } from '@baotou/shared';
import { Link as MuiLink, Typography } from '@mui/material';
import { authHeaders } from '../../auth/session';
import { API_BASE } from '../../dataProvider';

/**
 * One attachment of a disclosure. An upload needs the bearer token, so it is fetched as a blob and
 * linked through an object URL (as CompoundQrCode does); an outside https link is linked as is.
 * The server serves a published disclosure's files to staff in jurisdiction (uploads/access.ts).
 */
export const AttachmentLink = ({ name, url }: { name: string; url: string }) => {
  const uploadId = uploadIdOf(url);
  const [href, setHref] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (uploadId === undefined) return;
    let objectUrl: string | null = null;
    const controller = new AbortController();
    setHref(null);
    setFailed(false);
    fetch(`${API_BASE}/uploads/${uploadId}`, { headers: authHeaders(), signal: controller.signal })
      .then((res) => {
        if (!res.ok) throw new Error(String(res.status));
        return res.blob();
      })
      .then((blob) => {
        objectUrl = URL.createObjectURL(blob);
        setHref(objectUrl);
      })
      .catch((e) => {
        if (e?.name !== 'AbortError') setFailed(true);
      });
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [uploadId]);

  if (uploadId === undefined) {
    return (
      <MuiLink href={url} target="_blank" rel="noopener noreferrer">
        {name}
      </MuiLink>
    );
  }
  if (failed) {
    return (
      <Typography variant="body2" color="text.secondary">
        {name}（无法读取：文件不存在或无权查看，草稿的附件仅上传者可见）
      </Typography>
    );
  }
  if (!href) {
    return (
      <Typography variant="body2" color="text.secondary">
        {name}（读取中…）
      </Typography>
    );
  }
  return (
    <MuiLink href={href} target="_blank" rel="noopener" download={name} data-testid="disclosure-attachment">
      {name}
    </MuiLink>
  );
};
