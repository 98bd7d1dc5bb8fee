// A code on a date: label, pair, value and fee, rules with their citations, and the timeline.
import { api } from '../api.js';
import { timelineChart } from '../chart.js';
import { citation, codeHref, docHref, loading, problemBox, statusBadge } from '../common.js';
import { h, mount, todayIso } from '../dom.js';
import { decimal, lang, money, t } from '../i18n.js';

function row(label, ...value) {
  return h('div', { class: 'row' }, h('dt', {}, label), h('dd', {}, ...value));
}

/** Surgical assistance and the anaesthesia category of the code on the date, each with its sentence. */
function derivedCard(d) {
  const item = (label, a, extra) =>
    h(
      'div',
      { class: 'derived', 'data-derived': a.id, 'data-status': a.status },
      h('h3', {}, label, ' ', h('span', { class: `badge derived-${a.status}` }, t(`derived.${a.status}`))),
      h('p', { class: 'reason', lang: 'en' }, a.reason),
      extra,
      h('blockquote', { class: 'act', lang: 'fr' }, a.source.text),
      h('p', { class: 'cite' }, citation(a.source)),
    );
  const sa = d.surgicalAssistance;
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, t('derived.title')),
    item(
      t('derived.assistance'),
      sa,
      sa.value ? h('p', {}, `${t('derived.value')} ${sa.value}`, sa.fee ? ` · ${t('derived.fee')} ${money(sa.fee)}` : '', sa.feeBasis ? h('span', { class: 'hint', lang: 'en' }, ` (${sa.feeBasis})`) : null) : null,
    ),
    item(t('derived.anaesthesia'), d.anaesthesia, null),
  );
}

/** The label in both languages: the Dutch one first in the Dutch interface (with a note when the corpus has none). */
function labels(label) {
  const fr = h('p', { class: 'label', lang: 'fr', 'data-lang': 'fr' }, label.fr ?? '—');
  const nl = label.nl ? h('p', { class: 'label', lang: 'nl', 'data-lang': 'nl' }, label.nl) : null;
  if (lang() !== 'nl') return [fr, nl];
  if (!nl) return [h('p', { class: 'hint' }, t('code.labelNl')), fr];
  return [nl, label.fr ? h('p', { class: 'label secondary', lang: 'fr', 'data-lang': 'fr' }, label.fr) : null];
}

/** Renders `#/code/{code}?at=…`. */
export async function codePage(main, code, params, isCurrent) {
  const at = params.get('at') || todayIso();
  mount(main, loading());
  let view;
  let history;
  let derived;
  try {
    // Derived values are an addition: the page stands without them.
    [view, history, derived] = await Promise.all([api.code(code, at), api.history(code), api.derived(code, at).catch(() => null)]);
  } catch (e) {
    if (isCurrent()) mount(main, h('h1', {}, code), problemBox(e));
    return;
  }
  if (!isCurrent()) return;

  const date = h('input', { id: 'code-at', type: 'date', value: at });
  const dateForm = h(
    'form',
    {
      class: 'inline',
      onsubmit: (e) => {
        e.preventDefault();
        if (date.value) location.hash = codeHref(code, date.value);
      },
    },
    h('label', { for: 'code-at' }, t('code.date')),
    date,
    h('button', { type: 'submit' }, '→'),
  );
  date.addEventListener('change', () => date.value && (location.hash = codeHref(code, date.value)));

  const pair = view.pair
    ? [
        h('a', { href: codeHref(view.pair.ambulatory, at), class: view.pair.ambulatory === code ? 'current' : '' }, view.pair.ambulatory),
        ' / ',
        h('a', { href: codeHref(view.pair.hospitalised, at), class: view.pair.hospitalised === code ? 'current' : '' }, view.pair.hospitalised),
      ]
    : [t('code.noPair')];

  const facts = h(
    'dl',
    { class: 'facts' },
    row(t('code.value'), view.keyLetter ? h('span', { class: 'value', 'data-testid': 'value' }, `${view.keyLetter} ${decimal(view.relativeValue)}`) : t('code.unknownValue')),
    row(t('code.fee'), h('span', { class: 'fee', 'data-testid': 'fee' }, view.fee ? money(view.fee) : t('code.unknownValue'))),
    view.reimbursement
      ? row(
          t('code.reimbursement'),
          h('span', {}, `${money(view.reimbursement.preferential)} (${t('code.preferential')})`),
          h('br'),
          h('span', {}, `${money(view.reimbursement.standard)} (${t('code.standard')})`),
        )
      : null,
    view.coefficient ? row(t('code.coefficient'), decimal(view.coefficient)) : null,
    view.feeReason ? row(t('code.feeReason'), h('span', { class: 'reason' }, view.feeReason)) : null,
    row(t('code.pair'), ...pair),
    row(t('code.setting'), t(`setting.${view.setting}`)),
    view.article ? row(t('code.article'), view.article) : null,
    view.convention ? row(t('code.convention'), view.convention) : null,
  );

  // An uncertain state lists every possible state and what each assumes; none is shown as the state.
  const candidates = view.status === 'uncertain' && view.candidates?.length
    ? h('section', { class: 'card candidates' }, h('h2', {}, t('code.candidates')),
      h('ul', {}, view.candidates.map((c) => h('li', { 'data-status': c.status },
        statusBadge(c.status), ' ',
        c.relativeValue !== null ? `${c.keyLetter ?? ''} ${decimal(c.relativeValue)}`.trim() : '',
        c.fee !== null ? ` · ${money(c.fee)}` : '',
        h('span', { class: 'hint' }, ` — ${t('code.assumes')} ${c.assumes}`)))),
      view.window?.reason ? h('p', { class: 'hint' }, view.window.reason) : null)
    : null;
  const chart = timelineChart(history.timeline, at);
  const changes = h(
    'table',
    { class: 'changes' },
    h('thead', {}, h('tr', {}, h('th', {}, t('col.date')), h('th', {}, t('col.change')), h('th', {}, t('col.label')), h('th', {}, t('col.source')))),
    h(
      'tbody',
      {},
      history.changes.map((c) =>
        h(
          'tr',
          {},
          h('td', {}, c.date ? h('a', { href: codeHref(code, c.date) }, c.date) : '—'),
          h('td', {}, t(`change.${c.change}`)),
          h('td', {}, c.description),
          h('td', {}, citation(c.source)),
        ),
      ),
    ),
  );

  const rules = view.rules.length
    ? h(
        'ol',
        { class: 'rules' },
        view.rules.map((r) => h('li', {}, h('blockquote', { lang: 'fr' }, r.text), h('p', { class: 'cite' }, citation(r.source)))),
      )
    : h('p', { class: 'empty' }, t('code.noRules'));

  mount(
    main,
    h(
      'header',
      { class: 'code-head' },
      h('h1', {}, h('span', { class: 'code-number' }, code), ' ', statusBadge(view.status)),
      ...labels(view.label),
      view.statusReason ? h('p', { class: 'hint' }, view.statusReason) : null,
      dateForm,
    ),
    h('section', { class: 'card' }, h('h2', {}, t('code.on', { at })), facts),
    candidates,
    h(
      'section',
      { class: 'card' },
      h('h2', {}, t('code.timeline')),
      chart ? h('div', { class: 'chart' }, chart) : null,
      h('p', { class: 'hint' }, t('code.timelineHint')),
      h('h3', {}, t('code.changes')),
      changes,
    ),
    derived ? derivedCard(derived) : null,
    h('section', { class: 'card' }, h('h2', {}, t('code.rules')), rules),
    h(
      'section',
      { class: 'card' },
      h('h2', {}, t('code.sources')),
      h(
        'ul',
        { class: 'sources' },
        view.sources.map((src) => h('li', {}, h('a', { href: docHref(src.document, src.article) }, `${src.document}, ${src.article}`), src.note ? ` (${src.note})` : '', src.text ? h('blockquote', { lang: 'fr' }, src.text) : null)),
      ),
    ),
  );
}
