/** Conventions: the catalogue of known conventions, the institution registry, obligations and compliance reports, quotes, indications, derived values, staffing. */
export * from './sources.js';
export * from './catalogue.js';
export * from './obligations/index.js';
export * from './registry.js';
export * from './csv.js';
export * from './compliance.js';
export * from './quotes.js';
export * from './indications.js';
export * from './derived.js';
export * from './staffing.js';
