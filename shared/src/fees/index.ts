export * from './enums';
export * from './billing';
export * from './allocation';
export * from './collection';
export * from './lateFee';
export * from './schemas';
export * from './unitPrice';
