export * from './types.js';
export * from './migrations.js';
export * from './ingest.js';
export * from './report.js';
export * from './refusal.js';
export * from './sqlite.js';
export * from './open.js';
