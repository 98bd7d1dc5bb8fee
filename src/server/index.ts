/** The HTTP server: re-exports only. */
export { buildApp, DEFAULT_WEB_ROOT, type AppOptions, type LogStream } from './app.js';
export { openApiDocument } from './openapi.js';
export { problem, ProblemError, PROBLEM_TYPES, PROBLEM_MEDIA_TYPE, type Problem, type ProblemField, type ProblemKind } from './problem.js';
export { mergeHistory, acceptedLines, canonicalJson } from './history.js';
export { timelineOf, type TimelinePoint } from './timeline.js';
