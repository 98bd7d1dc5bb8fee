// The clinical indications of the ablation convention (Art. 3): clinical facts → the indication
// matched with its sentence, or "not listed" with what the COM/CM must then do. A fact left empty
// is unknown: the server never decides on it silently.
import { api } from '../api.js';
import { citation, loading, problemBox } from '../common.js';
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';

/** The vocabulary of the facts (src/conventions/indications.ts), by organ. */
const TUMOURS = {
  kidney: ['renal-cell-carcinoma', 'other-malignant'],
  liver: ['hepatocellular-carcinoma', 'intrahepatic-cholangiocarcinoma', 'colorectal-metastasis', 'neuroendocrine-metastasis', 'metastasis-other-primary', 'other-malignant'],
  lung: ['primary-lung-tumour', 'lung-metastasis', 'other-malignant'],
  bone: ['osteoid-osteoma', 'osteoblastoma', 'eosinophilic-granuloma', 'aneurysmal-bone-cyst', 'chondroblastoma', 'other-benign', 'slow-growing-malignant', 'other-malignant'],
};
const YES_NO = ['eligibleForSurgery', 'eligibleForSbrt', 'singleKidney', 'alternativeToSystemic', 'palliative', 'nearCriticalStructures', 'combinedTreatment'];
const T_STAGES = ['T1a', 'T1b', 'T1c', 'T2', 'T2a', 'T2b', 'T3', 'T4'];

// The page's state outlives a re-render (language switch, navigation back).
const state = {
  facts: { organ: 'liver', tumour: '', sizeCm: '', count: '', tStage: '', gfr: '', predisposition: '', ...Object.fromEntries(YES_NO.map((k) => [k, ''])) },
  result: null,
};

/** The facts as the API reads them: empty fields are left out (unknown), yes/no as booleans. */
export function toFacts(f) {
  const out = { organ: f.organ };
  for (const k of ['tumour', 'sizeCm', 'tStage', 'gfr', 'predisposition']) if (f[k].trim()) out[k] = f[k].trim();
  if (f.count.trim()) out.count = /^\d+$/.test(f.count.trim()) ? Number(f.count.trim()) : f.count.trim();
  for (const k of YES_NO) if (f[k]) out[k] = f[k] === 'yes';
  return out;
}

const factName = (k) => t(`ind.fact.${k}`);

function fieldOf(label, id, control) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

function bind(el, key, event = 'input') {
  el.value = state.facts[key];
  el.addEventListener(event, () => (state.facts[key] = el.value));
  return el;
}

/** The sentence of a citation with its clause marked (text nodes only). */
function quoted(c) {
  const text = c.text;
  const at = c.clause ? text.indexOf(c.clause) : -1;
  if (at < 0) return h('blockquote', { class: 'act', lang: 'fr' }, text);
  return h('blockquote', { class: 'act', lang: 'fr' }, text.slice(0, at), h('mark', {}, c.clause), text.slice(at + c.clause.length));
}

const MARK = { true: '✓', false: '✗', unknown: '?' };

function trace(list) {
  return h(
    'ul',
    { class: 'trace' },
    list.map((c) =>
      h(
        'li',
        { class: `cond-${c.result}`, 'data-result': c.result },
        h('span', { class: 'mark', 'aria-label': c.result }, MARK[c.result]),
        ' ',
        c.text ? h('q', { lang: 'fr' }, c.text) : h('span', { lang: 'en' }, c.condition),
        c.given !== null ? h('span', { class: 'hint' }, ` (${t('ind.given')}: ${c.given})`) : c.fact ? h('span', { class: 'hint' }, ` (${t('ind.notGiven')})`) : null,
        c.any ? trace(c.any) : null,
      ),
    ),
  );
}

function resultView(a) {
  const badge = { listed: 'decision-accepted', undecided: 'outcome-warning', 'not-listed': 'decision-rejected' }[a.outcome];
  return [
    h('h2', {}, t('ind.result'), ' ', h('span', { class: `badge ${badge}`, 'data-outcome': a.outcome }, t(`ind.outcome.${a.outcome}`))),
    h('p', { class: 'message', lang: 'en' }, a.message),
    a.matched.map((m) =>
      h('article', { class: 'indication matched', 'data-indication': m.id }, h('h3', {}, t('ind.matched'), ': ', h('span', { lang: 'en' }, m.label)), quoted(m.citation), h('p', { class: 'cite' }, citation(m.citation)), trace(m.trace)),
    ),
    a.undecided.map((u) =>
      h(
        'article',
        { class: 'indication undecided', 'data-indication': u.id },
        h('h3', {}, t('ind.undecided'), ': ', h('span', { lang: 'en' }, u.label)),
        h('p', {}, t('ind.missing'), ' ', u.missing.map(factName).join(', ')),
        quoted(u.citation),
        h('p', { class: 'cite' }, citation(u.citation)),
      ),
    ),
    a.requirement ? h('section', { class: 'requirement' }, h('h3', {}, t('ind.requirement')), quoted(a.requirement), h('p', { class: 'cite' }, citation(a.requirement))) : null,
    a.rejected.length
      ? h(
          'details',
          { class: 'rejected' },
          h('summary', {}, t('ind.rejected', { n: a.rejected.length })),
          a.rejected.map((r) => h('article', { class: 'indication', 'data-indication': r.id }, h('h4', { lang: 'en' }, r.label), trace(r.trace.filter((x) => x.result !== 'true')), h('p', { class: 'cite' }, citation(r.citation)))),
        )
      : null,
  ];
}

/** Renders `#/indication`. */
export function indicationPage(main, _params, isCurrent) {
  const out = h('section', { class: 'indication-result', 'aria-live': 'polite' });
  const f = state.facts;
  const tumour = h('select', { id: 'ind-tumour', name: 'tumour' });
  const fillTumours = () => {
    if (f.tumour && !TUMOURS[f.organ].includes(f.tumour)) f.tumour = '';
    mount(tumour, h('option', { value: '' }, t('ind.unknown')), TUMOURS[f.organ].map((x) => h('option', { value: x, selected: x === f.tumour }, t(`tumour.${x}`))));
    tumour.value = f.tumour;
  };
  tumour.addEventListener('change', () => (f.tumour = tumour.value));
  const organ = h('select', { id: 'ind-organ', name: 'organ', required: true }, Object.keys(TUMOURS).map((o) => h('option', { value: o, selected: o === f.organ }, t(`organ.${o}`))));
  organ.addEventListener('change', () => {
    f.organ = organ.value;
    fillTumours();
  });
  fillTumours();
  const stages = h('datalist', { id: 'ind-stages' }, T_STAGES.map((s) => h('option', { value: s })));
  const yesNo = YES_NO.map((k) => {
    const el = bind(h('select', { id: `ind-${k}`, name: k }, h('option', { value: '' }, t('ind.unknown')), h('option', { value: 'yes' }, t('ind.yes')), h('option', { value: 'no' }, t('ind.no'))), k, 'change');
    return fieldOf(factName(k), `ind-${k}`, el);
  });

  const submit = async () => {
    mount(out, loading());
    try {
      state.result = { ok: true, answer: await api.indication(toFacts(f)) };
    } catch (e) {
      state.result = { ok: false, error: e };
    }
    if (isCurrent()) show();
  };
  const show = () => mount(out, ...(state.result.ok ? resultView(state.result.answer) : [problemBox(state.result.error)]));

  const form = h(
    'form',
    { class: 'indication-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); submit(); } },
    h(
      'div',
      { class: 'grid' },
      fieldOf(t('ind.organ'), 'ind-organ', organ),
      fieldOf(factName('tumour'), 'ind-tumour', tumour),
      fieldOf(factName('sizeCm'), 'ind-size', bind(h('input', { id: 'ind-size', name: 'sizeCm', inputmode: 'decimal', placeholder: '1,8' }), 'sizeCm')),
      fieldOf(factName('count'), 'ind-count', bind(h('input', { id: 'ind-count', name: 'count', type: 'number', min: 1, step: 1 }), 'count')),
      fieldOf(factName('tStage'), 'ind-tstage', bind(h('input', { id: 'ind-tstage', name: 'tStage', list: 'ind-stages', placeholder: 'T1a' }), 'tStage')),
      fieldOf(factName('gfr'), 'ind-gfr', bind(h('input', { id: 'ind-gfr', name: 'gfr', inputmode: 'decimal' }), 'gfr')),
      fieldOf(factName('predisposition'), 'ind-predisposition', bind(h('input', { id: 'ind-predisposition', name: 'predisposition', placeholder: 'von-hippel-lindau' }), 'predisposition')),
      yesNo,
    ),
    stages,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'indication-submit' }, t('ind.submit'))),
  );
  mount(main, h('h1', {}, t('ind.title')), h('p', { class: 'hint' }, t('ind.intro')), h('section', { class: 'card' }, form), out);
  // An answer given before a language switch is shown again with the new labels.
  if (state.result) show();
}
