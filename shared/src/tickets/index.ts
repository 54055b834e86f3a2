export * from './enums';
export * from './transitions';
export * from './timeLimits';
export * from './escalation';
export * from './confirmation';
export * from './privacy';
export * from './stats';
export * from './schemas';
