export * from './indicators';
export * from './targets';
