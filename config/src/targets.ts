/** Yearly targets of the action plan (包府办发〔2022〕73号 三、工作目标). Add a year as a row, no code. */
export interface YearlyTargets {
  /** Owners'-committee formation rate, percent. */
  committeeFormationPct: number;
  /** Average property-management coverage, per mille (91.5% = 915). */
  managementCoveragePermille: number;
  projectsAtLevel2OrAbove: number;
  excellentProjects: number;
  aaaCompanies: number;
  preJobTrainingPct: number;
  continuingEducationPct: number;
}

export const YEARLY_TARGETS: Readonly<Record<number, YearlyTargets>> = {
  2022: {
    committeeFormationPct: 60,
    managementCoveragePermille: 910,
    projectsAtLevel2OrAbove: 50,
    excellentProjects: 30,
    aaaCompanies: 10,
    preJobTrainingPct: 60,
    continuingEducationPct: 50,
  },
  2023: {
    committeeFormationPct: 70,
    managementCoveragePermille: 915,
    projectsAtLevel2OrAbove: 55,
    excellentProjects: 34,
    aaaCompanies: 11,
    preJobTrainingPct: 80,
    continuingEducationPct: 60,
  },
  2024: {
    committeeFormationPct: 80,
    managementCoveragePermille: 920,
    projectsAtLevel2OrAbove: 60,
    excellentProjects: 36,
    aaaCompanies: 12,
    preJobTrainingPct: 100,
    continuingEducationPct: 70,
  },
};

/** The target in force for a year: its own row, else the latest earlier one. */
export function targetFor(year: number): YearlyTargets | undefined {
  const years = Object.keys(YEARLY_TARGETS)
    .map(Number)
    .filter((y) => y <= year)
    .sort((a, b) => b - a);
  return years.length ? YEARLY_TARGETS[years[0]] : undefined;
}
