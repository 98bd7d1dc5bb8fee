// Pieces the pages share: status badges, problem display, the loading state.
import { h } from './dom.js';
import { t } from './i18n.js';

/** A status badge (in force, deleted …). */
export function statusBadge(status) {
  return h('span', { class: `badge status-${status}` }, t(`status.${status}`));
}

/** How an offending field is named: its path, and for a line of an uploaded file the line number. */
function fieldName(e) {
  if (typeof e.line === 'number') return `${t('error.line', { n: e.line })}${e.path ? ` · ${e.path}` : ''}`;
  return e.path || '(body)';
}

/** A problem document (RFC 9457) or any error, as a readable box naming each offending field. */
export function problemBox(err, heading) {
  const p = err && err.problem ? err.problem : { title: t('error.title'), detail: String(err && err.message ? err.message : err) };
  return h(
    'div',
    { class: 'problem', role: 'alert' },
    h('strong', {}, heading ?? p.title ?? t('error.title')),
    p.detail ? h('p', {}, p.detail) : null,
    Array.isArray(p.errors) && p.errors.length
      ? h('ul', { class: 'field-errors' }, p.errors.map((e) => h('li', { 'data-line': e.line }, h('code', {}, fieldName(e)), ' — ', e.detail)))
      : null,
  );
}

/** The loading line. */
export function loading() {
  return h('p', { class: 'loading', 'aria-busy': 'true' }, t('loading'));
}

/** The link to a code's page on a date. */
export function codeHref(code, at) {
  return `#/code/${encodeURIComponent(code)}${at ? `?at=${encodeURIComponent(at)}` : ''}`;
}

/** The link to a document, scrolled to an article. */
export function docHref(document, article) {
  return `#/document/${encodeURIComponent(document)}${article ? `?article=${encodeURIComponent(article)}` : ''}`;
}

/** A citation: "document, article" linking to the act. */
export function citation(source) {
  if (!source) return null;
  return h('a', { class: 'citation', href: docHref(source.document, source.article) }, `${source.document}, ${source.article}`);
}
