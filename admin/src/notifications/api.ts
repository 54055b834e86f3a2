import type { Identifier } from 'react-admin';
import { API_BASE, httpClient } from '../dataProvider';

export const markRead = (id: Identifier) => httpClient(`${API_BASE}/notifications/${id}/read`, { method: 'POST', body: '{}' });

export const markAllRead = async (): Promise<{ marked: number }> =>
  (await httpClient(`${API_BASE}/notifications/read-all`, { method: 'POST', body: '{}' })).json as { marked: number };
