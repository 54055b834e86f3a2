/** The workforce part of `quality` (issue 12): staff registry, trainings, training rates, imports. */
export * from './workforceEnums';
export * from './workforceSchemas';
export * from './trainingRates';
export * from './workforceImport';
