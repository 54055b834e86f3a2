import { useEffect, useState } from 'react';
import { Box, Button, CircularProgress, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useRecordContext, useTranslate } from 'react-admin';
import { authHeaders } from '../../auth/session';
import { API_BASE } from '../../dataProvider';

/**
 * The scan-in code as it prints: the QR code with the compound's name and code under it (the
 * endpoint's ?format=svg). The endpoint needs the bearer token, so it is fetched as a blob, not linked.
 */
export const CompoundQrCode = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!record?.id) return;
    let objectUrl: string | null = null;
    const controller = new AbortController();
    setUrl(null);
    setFailed(false);
    fetch(`${API_BASE}/compounds/${encodeURIComponent(record.id)}/qrcode?format=svg`, {
      headers: authHeaders(),
      signal: controller.signal,
    })
      .then((res) => {
        if (!res.ok) throw new Error(String(res.status));
        return res.blob();
      })
      .then((blob) => {
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      })
      .catch((e) => {
        if (e?.name !== 'AbortError') setFailed(true);
      });
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [record?.id]);

  if (!record) return null;
  const download = () => {
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = `${record.name}（${record.code}）扫码入驻二维码.svg`;
    document.body.appendChild(a);
    a.click();
    a.remove();
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 1 }}>
      <Typography variant="subtitle2">{translate('app.compound.qrcode')}</Typography>
      <Box sx={{ width: 200, height: 234, display: 'flex', alignItems: 'center', justifyContent: 'center', border: 1, borderColor: 'divider' }}>
        {url ? (
          <img src={url} alt={translate('app.compound.qrcode')} width={200} height={234} data-testid="compound-qrcode" />
        ) : failed ? (
          <Typography color="error" variant="body2">
            {translate('app.compound.qrcode_error')}
          </Typography>
        ) : (
          <CircularProgress size={24} />
        )}
      </Box>
      <Typography variant="caption" color="text.secondary">
        {translate('app.compound.qrcode_hint')}
      </Typography>
      <Button variant="outlined" size="small" startIcon={<DownloadIcon />} onClick={download} disabled={!url}>
        {translate('app.compound.download_qrcode')}
      </Button>
    </Box>
  );
};
