// The institution registry: every institution and whether each of its conventions is in force on
// a chosen date; one institution's conventions with their periods, how each end was computed, and
// the sentences of the convention they follow from.
import { api } from '../api.js';
import { periodChart } from '../chart.js';
import { citation, loading, problemBox } from '../common.js';
import { h, mount, todayIso } from '../dom.js';
import { t } from '../i18n.js';

/** The link to an institution on a date. */
export function institutionHref(id, at) {
  return `#/institution/${encodeURIComponent(id)}${at ? `?at=${encodeURIComponent(at)}` : ''}`;
}

/** A convention's name in the interface language (the machine name when the interface has none). */
export function conventionName(convention, title) {
  const key = `convention.${convention}`;
  const name = t(key);
  // A convention without a translated name shows its readable name, from its own title.
  return name === key ? (title ?? convention) : name;
}

/** The in-force badge of one convention on the date. */
function forceBadge(inForce) {
  return h('span', { class: `badge ${inForce ? 'status-in-force' : 'status-deleted'}`, 'data-in-force': String(inForce) }, t(inForce ? 'inst.inForce' : 'inst.notInForce'));
}

/** A date form that moves the page to another date (the hash carries it). */
function dateForm(at, go) {
  const date = h('input', { id: 'inst-at', type: 'date', value: at });
  const submit = (e) => {
    e.preventDefault();
    if (date.value) go(date.value);
  };
  date.addEventListener('change', () => date.value && go(date.value));
  return h('form', { class: 'inline', onsubmit: submit }, h('label', { for: 'inst-at' }, t('inst.date')), date, h('button', { type: 'submit' }, '→'));
}

const period = (v) => `${v.from ?? '?'} → ${v.to ?? t('inst.indefinite')}`;

/** Renders `#/institutions?at=…`. */
export async function institutionsPage(main, params, isCurrent) {
  const at = params.get('at') || todayIso();
  mount(main, h('h1', {}, t('inst.title')), loading());
  let list;
  try {
    list = await api.institutions(at);
  } catch (e) {
    if (isCurrent()) mount(main, h('h1', {}, t('inst.title')), problemBox(e));
    return;
  }
  if (!isCurrent()) return;
  const go = (d) => (location.hash = `#/institutions?at=${encodeURIComponent(d)}`);
  const body = list.institutions.length
    ? h(
        'table',
        { class: 'institutions' },
        h('thead', {}, h('tr', {}, h('th', {}, t('inst.id')), h('th', {}, t('inst.name')), h('th', {}, t('inst.conventions', { at })))),
        h(
          'tbody',
          {},
          list.institutions.map((i) =>
            h(
              'tr',
              { 'data-institution': i.id },
              h('td', {}, h('a', { href: institutionHref(i.id, at), class: 'institution-link' }, i.id)),
              h('td', {}, i.name ?? '—'),
              h(
                'td',
                {},
                i.status.length
                  ? h('ul', { class: 'plain' }, i.status.map((s) => h('li', { 'data-convention': s.convention }, forceBadge(s.inForce), ' ', conventionName(s.convention, s.title), h('span', { class: 'hint' }, ` · ${period(s.validity)}`))))
                  : h('span', { class: 'empty' }, t('inst.noConvention')),
              ),
            ),
          ),
        ),
      )
    : h('p', { class: 'empty' }, t('inst.none'));
  mount(main, h('h1', {}, t('inst.title')), h('p', { class: 'hint' }, t('inst.intro')), dateForm(at, go), h('section', { class: 'card' }, body));
}

/** Renders `#/institution/{id}?at=…`. */
export async function institutionPage(main, id, params, isCurrent) {
  const at = params.get('at') || todayIso();
  mount(main, h('h1', {}, id), loading());
  let inst;
  try {
    inst = await api.institution(id, at);
  } catch (e) {
    if (isCurrent()) mount(main, h('h1', {}, id), problemBox(e));
    return;
  }
  if (!isCurrent()) return;
  const go = (d) => (location.hash = institutionHref(id, d));
  const chart = periodChart(
    inst.status.map((s) => ({ label: conventionName(s.convention, s.title), from: s.validity.from, to: s.validity.to, inForce: s.inForce })),
    at,
    t('inst.periods'),
  );
  const cards = inst.status.map((s) => {
    const v = s.validity;
    return h(
      'section',
      { class: 'card convention', 'data-convention': s.convention, 'data-in-force': String(s.inForce) },
      h('h2', {}, conventionName(s.convention, s.title), ' ', forceBadge(s.inForce)),
      s.title ? h('p', { class: 'hint', lang: 'en' }, s.title) : null,
      h(
        'dl',
        { class: 'facts' },
        h('div', { class: 'row' }, h('dt', {}, t('inst.period')), h('dd', { class: 'period-text' }, period(v))),
        h('div', { class: 'row' }, h('dt', {}, t('inst.fromBasis')), h('dd', { lang: 'en' }, v.basis.from)),
        h('div', { class: 'row' }, h('dt', {}, t('inst.toBasis')), h('dd', { lang: 'en' }, v.basis.to)),
        h('div', { class: 'row' }, h('dt', {}, t('inst.onDate', { at })), h('dd', { class: 'reason', lang: 'en' }, s.reason)),
        s.terms ? h('div', { class: 'row' }, h('dt', {}, t('inst.terms')), h('dd', { lang: 'en' }, s.terms)) : null,
        h('div', { class: 'row' }, h('dt', {}, t('inst.record')), h('dd', {}, h('code', {}, recordText(s.record)))),
      ),
      v.issues.length ? h('ul', { class: 'issues' }, v.issues.map((x) => h('li', { lang: 'en' }, h('span', { class: 'badge severity-warning' }, t('severity.warning')), ' ', x))) : null,
      v.sources.length
        ? [h('h3', {}, t('inst.sources')), h('ul', { class: 'sources' }, v.sources.map((c) => h('li', {}, h('blockquote', { lang: 'fr', class: 'act' }, c.text), h('p', { class: 'cite' }, citation(c)))))]
        : h('p', { class: 'empty' }, t('inst.noTerms')),
    );
  });
  mount(
    main,
    h('header', { class: 'code-head' }, h('h1', {}, id), inst.name ? h('p', { class: 'label' }, inst.name) : null, dateForm(at, go)),
    h('p', {}, h('a', { href: '#/institutions' }, `← ${t('inst.title')}`), ' · ', h('a', { href: `#/compliance?institution=${encodeURIComponent(id)}`, class: 'to-compliance' }, t('inst.compliance'))),
    inst.issues.length ? h('ul', { class: 'issues' }, inst.issues.map((x) => h('li', { lang: 'en' }, h('span', { class: 'badge severity-warning' }, t('severity.warning')), ' ', x))) : null,
    chart ? h('section', { class: 'card' }, h('h2', {}, t('inst.periods')), h('div', { class: 'chart' }, chart)) : null,
    cards.length ? cards : h('p', { class: 'empty' }, t('inst.noConvention')),
  );
}

/** The registry record as recorded (what the computed period started from). */
function recordText(r) {
  const parts = [`from ${r.from}`, `to ${r.to ?? '—'}`];
  if (r.signed) parts.push(`signed ${r.signed}`);
  if (r.noticeSent) parts.push(`noticeSent ${r.noticeSent}`);
  return parts.join(', ');
}
