// Search: a code (or its first digits) or words of the label, on a date.
import { api } from '../api.js';
import { codeHref, loading, problemBox, statusBadge } from '../common.js';
import { h, mount, todayIso } from '../dom.js';
import { decimal, lang, t } from '../i18n.js';

const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** A hit's label: the Dutch one in the Dutch interface or when only it holds every word of the query, else the French one. */
function labelCell(hit, q) {
  const words = fold(q).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const has = (label) => label != null && words.every((w) => fold(label).includes(w));
  const useNl = hit.labelNl != null && (lang() === 'nl' || !hit.label || (!has(hit.label) && has(hit.labelNl)));
  return useNl ? h('td', { lang: 'nl' }, hit.labelNl) : h('td', { lang: 'fr' }, hit.label ?? '—');
}

/** Renders the search page for `#/?q=…&at=…`. */
export async function searchPage(main, params, isCurrent) {
  const q = params.get('q') ?? '';
  const at = params.get('at') || todayIso();
  const input = h('input', { id: 'q', name: 'q', type: 'search', value: q, placeholder: t('search.placeholder'), required: true, autocomplete: 'off' });
  const date = h('input', { id: 'at', name: 'at', type: 'date', value: at, required: true });
  const results = h('section', { class: 'results', 'aria-live': 'polite' });
  const form = h(
    'form',
    {
      class: 'search',
      role: 'search',
      onsubmit: (e) => {
        e.preventDefault();
        const u = new URLSearchParams({ q: input.value.trim(), at: date.value || todayIso() });
        location.hash = `#/?${u}`;
      },
    },
    h('div', { class: 'field grow' }, h('label', { for: 'q' }, t('search.query')), input),
    h('div', { class: 'field' }, h('label', { for: 'at' }, t('search.date')), date),
    h('button', { type: 'submit', class: 'primary' }, t('search.submit')),
  );
  mount(main, h('h1', {}, t('search.title')), form, h('p', { class: 'hint' }, t('search.hint')), results);
  if (!q.trim()) {
    input.focus();
    return;
  }
  mount(results, loading());
  try {
    const r = await api.search(q, at);
    if (!isCurrent()) return;
    if (r.results.length === 0) return mount(results, h('p', { class: 'empty' }, t('search.none', { q, at })));
    mount(
      results,
      h('p', { class: 'count' }, t('search.count', { n: r.results.length, at })),
      h(
        'table',
        { class: 'hits' },
        h('thead', {}, h('tr', {}, h('th', {}, t('col.code')), h('th', {}, t('col.status')), h('th', {}, t('col.value')), h('th', {}, t('col.label')))),
        h(
          'tbody',
          {},
          r.results.map((hit) =>
            h(
              'tr',
              {},
              h('td', {}, h('a', { href: codeHref(hit.code, at), class: 'code-link', 'data-code': hit.code }, hit.code)),
              h('td', {}, statusBadge(hit.status)),
              h('td', { class: 'num' }, hit.keyLetter ? `${hit.keyLetter} ${decimal(hit.relativeValue)}` : '—'),
              // the Dutch label in the Dutch interface, or when only it holds the words searched
              labelCell(hit, q),
            ),
          ),
        ),
      ),
    );
  } catch (e) {
    if (isCurrent()) mount(results, problemBox(e));
  }
}
