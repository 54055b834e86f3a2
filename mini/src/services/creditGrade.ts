import { request } from './request';

/** A company's public credit standing (GET /api/public/credit/companies, issue 10): no personal data. */
export interface CompanyCredit {
  id: number;
  name: string;
  grade: string | null;
  scoreTenths: number | null;
  year: number | null;
  blacklisted: boolean;
}

/** The standing of the company named exactly `name` (the compound's company), or null when none is published. */
export async function getCompanyCredit(name: string): Promise<CompanyCredit | null> {
  const rows = await request<CompanyCredit[]>(`/public/credit/companies?q=${encodeURIComponent(name.slice(0, 40))}`, {
    auth: false,
    loading: false,
    toast: false,
  });
  return rows.find((r) => r.name === name) ?? null;
}

/** 黑名单 whatever the score (DOMAIN.md §5), else the grade; the score in points with one decimal. */
export function creditText(c: CompanyCredit): { grade: string; detail: string } {
  const score = c.scoreTenths === null ? '—' : (c.scoreTenths / 10).toFixed(1);
  return { grade: c.blacklisted ? '黑名单' : (c.grade ?? '未评级'), detail: `信用分 ${score}${c.year ? `（${c.year}年）` : ''}` };
}
