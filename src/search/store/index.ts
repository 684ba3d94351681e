export * from './find.js';
export * from './write.js';
