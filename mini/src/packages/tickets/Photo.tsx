import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

import { getToken } from '../../services/request';

const BASE = process.env.TARO_ENV === 'h5' ? '/api' : API_BASE;

/** An uploaded photo (GET /api/uploads/:id needs the bearer token): download, then show the local copy. */
export function Photo({ id }: { id: number }) {
  const [src, setSrc] = useState('');
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') {
      fetch(`${BASE}/uploads/${id}`, { headers: { Authorization: `Bearer ${getToken()}` } })
        .then((r) => (r.ok ? r.blob() : null))
        .then((b) => b && setSrc(URL.createObjectURL(b)))
        .catch(() => undefined);
    } else {
      Taro.downloadFile({ url: `${BASE}/uploads/${id}`, header: { Authorization: `Bearer ${getToken()}` } })
        .then((r) => r.statusCode === 200 && setSrc(r.tempFilePath))
        .catch(() => undefined);
    }
  }, [id]);
  return src ? <Image className="photo" src={src} mode="aspectFill" /> : <View className="photo" />;
}

/** A ticket's photos in a row (nothing when there are none). */
export function Photos({ ids }: { ids: number[] }) {
  if (ids.length === 0) return null;
  return (
    <View className="photos">
      {ids.map((p) => (
        <Photo key={p} id={p} />
      ))}
    </View>
  );
}
