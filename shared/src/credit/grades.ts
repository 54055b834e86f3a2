/** Grades, best first (DOMAIN.md §5; Yantai 烟建住房〔2022〕13号). */
export const CREDIT_GRADES = ['AAA', 'AA', 'A', 'B', 'C'] as const;
export type CreditGrade = (typeof CREDIT_GRADES)[number];
export const CREDIT_GRADE_LABELS: Record<CreditGrade, string> = { AAA: 'AAA级', AA: 'AA级', A: 'A级', B: 'B级', C: 'C级' };
