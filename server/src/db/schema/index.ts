export * from './auth';
export * from './places';
export * from './companies';
export * from './audit';
