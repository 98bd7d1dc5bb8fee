/** Impact: what changed between two dates (diff), and what a draft act would change on claims (replay). */
export * from './diff.js';
export * from './render.js';
export * from './store.js';
export * from './replay.js';
export * from './scratch.js';
export * from './run.js';
