import type { HomeResponse } from '@baotou/shared';
import { API_BASE, httpClient } from '../dataProvider';

export const fetchHome = async (): Promise<HomeResponse> => (await httpClient(`${API_BASE}/home`)).json as HomeResponse;

/** The list a home figure counts, with the very filter the server counted under. */
export const listLink = (resource: string, filter: Record<string, unknown>) => `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
