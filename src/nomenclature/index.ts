export * from './types.js';
export * from './code-facts.js';
export * from './consolidate.js';
export * from './memory.js';
export * from './builtin.js';
