export * from './types.js';
export * from './migrations.js';
export * from './ingest.js';
export * from './report.js';
export * from './sqlite.js';
export * from './open.js';
