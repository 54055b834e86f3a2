import { useEffect, useState } from 'react';
import { authHeaders } from '../auth/session';

/** Uploads are served only with the bearer token, which an <img src> cannot send: fetch, then show. */
export const AuthImage = ({ id, size = 96 }: { id: number; size?: number }) => {
  const [url, setUrl] = useState<string | null>(null);
  const [mime, setMime] = useState<string>('');
  useEffect(() => {
    let revoked = false;
    let objectUrl: string | null = null;
    fetch(`/api/uploads/${id}`, { headers: authHeaders() })
      .then(async (res) => {
        if (!res.ok) return;
        const blob = await res.blob();
        if (revoked) return;
        objectUrl = URL.createObjectURL(blob);
        setMime(blob.type);
        setUrl(objectUrl);
      })
      .catch(() => undefined);
    return () => {
      revoked = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [id]);
  if (!url) return <span style={{ display: 'inline-block', width: size, height: size, background: '#eee', marginRight: 8 }} />;
  if (mime === 'application/pdf')
    return (
      <a href={url} download={`upload-${id}.pdf`} style={{ marginRight: 8 }}>
        PDF 附件 {id}
      </a>
    );
  return (
    <a href={url} target="_blank" rel="noreferrer">
      <img src={url} alt={`照片 ${id}`} className="ticket-photo" style={{ width: size, height: size, objectFit: 'cover', marginRight: 8, borderRadius: 4 }} />
    </a>
  );
};
