export * from './rules';
export * from './workingDays';
export * from './items';
export * from './grades';
export * from './score';
export * from './schemas';
