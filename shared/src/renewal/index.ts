export * from './enums';
export * from './survey';
export * from './classify';
export * from './coverage';
