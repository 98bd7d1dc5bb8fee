// The centre compliance report: an institution of the registry, a window of dates and its claim
// lines (NDJSON, pasted or read from a file) → each figure with its threshold, the sentence it
// rests on and pass / fail, and a bar chart of each series against its threshold.
import { api } from '../api.js';
import { barChart } from '../chart.js';
import { citation, loading, problemBox } from '../common.js';
import { h, mount } from '../dom.js';
import { decimal, lang, t } from '../i18n.js';
import { conventionName, institutionHref } from './institutions.js';

// The page's state outlives a re-render (language switch, navigation back).
const state = { institution: '', from: '', to: '', ndjson: '', fileName: '', result: null };

const OPS = { '>=': '≥', '<=': '≤', '=': '=' };

/** The words of the text a title quotes, in the interface language where the text's are English data ("article 3"). */
function localWords(v) {
  if (typeof v !== 'string') return v;
  const l = lang();
  if (l === 'nl') return v.replace(/\barticles\b/g, 'artikelen').replace(/\barticle\b/g, 'artikel').replace(/\band\b/g, 'en');
  if (l === 'fr') return v.replace(/\band\b/g, 'et');
  return v;
}

/** A figure's title in the interface language, rendered from its detail (code + fields); the server's English title when none. */
function figureTitle(f) {
  const d = f.detail;
  if (!d || !d.code) return f.title;
  const key = `figure.${d.code}`;
  const params = {};
  for (const [k, v] of Object.entries(d)) if (k !== 'code') params[k] = localWords(v);
  // The noun in the plural, capitalised at the start of the title: the language's own word for a
  // known noun (noun.<noun>.plural: "ablaties"), else the text's own noun ("nodules").
  if (typeof d.noun === 'string') {
    const k = `noun.${d.noun}.plural`;
    const p = t(k);
    const plural = p === k ? `${d.noun}s` : p;
    params.Nouns = `${plural.charAt(0).toUpperCase()}${plural.slice(1)}`;
  }
  const text = t(key, params);
  return text === key ? f.title : text;
}

/** A unit in the interface language ("ablations", "lines billed late" …), singular for a value of 1. */
function unit(u, value) {
  if (u === '%') return '%';
  const key = String(value) === '1' ? `unit.${u}.one` : `unit.${u}`;
  const text = t(key);
  return text === key ? u : text;
}

const showValue = (v, u) => (u === '%' ? `${decimal(v)} %` : `${decimal(v)} ${unit(u, v)}`);

/** A period label of the volume series, short enough to stand under a bar. */
function periodLabel(label) {
  const transition = /^transition period \(years 1–(\d+)\)/.exec(label);
  if (transition) return t('compliance.transition', { years: transition[1] });
  const y = /year (\d+)/.exec(label);
  return y ? t('compliance.year', { n: y[1] }) : label;
}

const years = (p) => (p.from.slice(0, 4) === p.to.slice(0, 4) ? p.from.slice(0, 4) : `${p.from.slice(0, 4)}–${p.to.slice(0, 4)}`);

/**
 * The charts of one figure: its series (each period against the threshold of that period, taken
 * from the figure of the period), or for a percentage the share against its threshold.
 */
function chartsOf(f, figures) {
  if (f.series && f.series.length) {
    const bars = f.series.map((p) => {
      const own = figures.find((x) => x.convention === f.convention && x.counted && x.counted.from === p.from && x.unit === f.unit) ?? f;
      const threshold = Number(own.threshold.value);
      return {
        label: periodLabel(p.label),
        sublabel: years(p),
        value: p.value,
        threshold,
        op: OPS[own.threshold.op],
        status: own.status,
        title: `${periodLabel(p.label)} (${p.from} → ${p.to}): ${p.value} ${unit(f.unit, p.value)} — ${t('compliance.threshold')} ${OPS[own.threshold.op]} ${threshold} · ${t(`fstatus.${own.status}`)}`,
      };
    });
    return barChart(bars, { id: f.id, title: t('compliance.chartSeries', { title: figureTitle(f) }) });
  }
  if (f.unit === '%' && f.value !== '—') {
    const value = Number(f.value);
    const threshold = Number(f.threshold.value);
    const where = f.counted ?? f.period;
    const bar = {
      label: t('compliance.window'),
      sublabel: where ? years(where) : '',
      value,
      threshold,
      op: OPS[f.threshold.op],
      status: f.status,
      title: `${figureTitle(f)}: ${decimal(f.value)} % — ${t('compliance.threshold')} ${OPS[f.threshold.op]} ${threshold} % · ${t(`fstatus.${f.status}`)}`,
    };
    return barChart([bar], { id: f.id, title: figureTitle(f), max: 100, format: (v) => `${decimal(String(v))} %` });
  }
  return null;
}

function figureCard(f, figures) {
  const chart = chartsOf(f, figures);
  const th = f.threshold;
  return h(
    'article',
    { class: ['figure', `figure-${f.status}`], 'data-figure': f.id, 'data-status': f.status },
    h('h3', {}, figureTitle(f), ' ', h('span', { class: `badge fstatus-${f.status}` }, t(`fstatus.${f.status}`))),
    h(
      'p',
      { class: 'measure' },
      h('span', { class: 'value', 'data-testid': 'figure-value' }, showValue(f.value, f.unit)),
      h('span', { class: 'threshold-text', 'data-testid': 'threshold' }, ` · ${t('compliance.threshold')} ${OPS[th.op]} ${th.unit === '%' ? `${decimal(th.value)} %` : `${decimal(th.value)} ${unit(th.unit, th.value)}`}`),
      f.period ? h('span', { class: 'hint' }, ` · ${f.period.from} → ${f.period.to}`) : null,
    ),
    h('p', { class: 'note', lang: 'en' }, f.note),
    chart ? h('div', { class: 'chart' }, chart) : null,
    h('blockquote', { class: 'act', lang: 'fr', title: t('check.act') }, f.source.text),
    h('p', { class: 'cite' }, citation(f.source)),
    (f.also ?? []).map((c) => [h('blockquote', { class: 'act', lang: 'fr' }, c.text), h('p', { class: 'cite' }, citation(c))]),
    f.findings.length
      ? h(
          'details',
          { class: 'findings' },
          h('summary', {}, t('compliance.findings', { n: f.findings.length })),
          h(
            'table',
            {},
            h('thead', {}, h('tr', {}, h('th', {}, t('compliance.line')), h('th', {}, 'id'), h('th', {}, t('col.code')), h('th', {}, t('col.date')), h('th', {}, t('compliance.detail')))),
            h('tbody', {}, f.findings.map((x) => h('tr', {}, h('td', { class: 'num' }, String(x.line)), h('td', {}, x.id ?? '—'), h('td', {}, x.code), h('td', {}, x.date), h('td', { lang: 'en' }, x.detail)))),
          ),
        )
      : null,
  );
}

/** The report: lines read, then each convention with its figures, then warnings and interpretations. */
function reportView(r) {
  const s = r.summary;
  const l = r.lines;
  return [
    h('h2', {}, t('compliance.reportOf', { id: r.institution.id, from: r.window.from, to: r.window.to })),
    h(
      'p',
      { class: 'summary' },
      ['pass', 'fail', 'incomplete', 'not-checkable'].map((k) => h('span', { class: `badge fstatus-${k}`, 'data-summary': k }, `${s[k]} ${t(`fstatus.${k}`)}`)).flatMap((b) => [b, ' ']),
    ),
    h('p', { class: 'hint lines' }, t('compliance.lines', { read: l.read, considered: l.considered, other: l.otherInstitution, outside: l.outsideWindow, none: l.notConcerned })),
    r.conventions.map((v) =>
      h(
        'section',
        { class: 'card', 'data-convention': v.convention },
        h('h2', {}, conventionName(v.convention, v.title), h('span', { class: 'hint' }, ` · ${v.from ?? '?'} → ${v.to ?? t('inst.indefinite')}`), v.overlapsWindow ? null : h('span', { class: 'badge' }, ` ${t('compliance.notInWindow')}`)),
        r.figures.filter((f) => f.convention === v.convention).map((f) => figureCard(f, r.figures)),
      ),
    ),
    r.warnings.length ? h('section', { class: 'card' }, h('h3', {}, t('compliance.warnings')), h('ul', { class: 'issues' }, r.warnings.map((w) => h('li', { lang: 'en' }, w)))) : null,
    h('details', { class: 'card' }, h('summary', {}, t('compliance.interpretations')), h('ul', {}, r.interpretations.map((x) => h('li', { lang: 'en' }, x)))),
  ];
}

const lineCount = (text) => text.split(/\r?\n/).filter((x) => x.trim()).length;

/** Renders `#/compliance?institution=…&from=…&to=…`. */
export async function compliancePage(main, params, isCurrent) {
  for (const k of ['institution', 'from', 'to']) if (params.get(k)) state[k] = params.get(k);
  mount(main, h('h1', {}, t('compliance.title')), loading());
  let list;
  try {
    list = await api.institutions();
  } catch (e) {
    if (isCurrent()) mount(main, h('h1', {}, t('compliance.title')), problemBox(e));
    return;
  }
  if (!isCurrent()) return;
  if (!state.institution && list.institutions.length) state.institution = list.institutions[0].id;

  const out = h('section', { class: 'compliance-result', 'aria-live': 'polite' });
  const select = h(
    'select',
    { id: 'compliance-institution', name: 'institution', required: true },
    list.institutions.map((i) => h('option', { value: i.id, selected: i.id === state.institution }, i.name ? `${i.id} — ${i.name}` : i.id)),
  );
  const seeInstitution = h('a', { class: 'to-institution' });
  const link = () => {
    seeInstitution.href = institutionHref(state.institution);
    seeInstitution.textContent = t('compliance.seeInstitution', { id: state.institution });
  };
  select.addEventListener('change', () => {
    state.institution = select.value;
    link();
  });
  link();
  const from = h('input', { id: 'compliance-from', type: 'date', name: 'from', value: state.from });
  from.addEventListener('input', () => (state.from = from.value));
  const to = h('input', { id: 'compliance-to', type: 'date', name: 'to', value: state.to });
  to.addEventListener('input', () => (state.to = to.value));
  const count = h('p', { class: 'hint', id: 'claims-count' });
  const showCount = () => (count.textContent = state.ndjson.trim() ? t('compliance.count', { n: lineCount(state.ndjson), file: state.fileName || t('compliance.pasted') }) : '');
  const area = h('textarea', { id: 'claims', rows: 10, spellcheck: 'false', class: 'json', placeholder: '{"code":"587134","date":"2025-01-10","billedOn":"2025-02-20"}' });
  area.value = state.ndjson;
  area.addEventListener('input', () => {
    state.ndjson = area.value;
    state.fileName = '';
    showCount();
  });
  const file = h('input', { id: 'claims-file', type: 'file', accept: '.ndjson,.jsonl,.json,.txt,application/x-ndjson' });
  file.addEventListener('change', async () => {
    const f = file.files && file.files[0];
    if (!f) return;
    // Read in the browser: the file goes to the server only with the report request.
    state.ndjson = await f.text();
    state.fileName = f.name;
    area.value = state.ndjson;
    showCount();
  });
  showCount();

  const submit = async () => {
    if (!state.institution) return;
    mount(out, loading());
    try {
      state.result = { ok: true, report: await api.compliance(state.ndjson, { institution: state.institution, from: state.from, to: state.to }) };
    } catch (e) {
      state.result = { ok: false, error: e };
    }
    if (isCurrent()) show();
  };
  const show = () => mount(out, ...(state.result.ok ? reportView(state.result.report) : [problemBox(state.result.error, state.result.error.problem?.status === 422 ? t('compliance.invalid') : undefined)]));

  const form = list.institutions.length
    ? h(
        'form',
        { class: 'compliance', novalidate: true, onsubmit: (e) => { e.preventDefault(); submit(); } },
        h(
          'div',
          { class: 'grid' },
          h('div', { class: 'field' }, h('label', { for: 'compliance-institution' }, t('compliance.institution')), select),
          h('div', { class: 'field' }, h('label', { for: 'compliance-from' }, t('compliance.from')), from),
          h('div', { class: 'field' }, h('label', { for: 'compliance-to' }, t('compliance.to')), to),
        ),
        h('p', { class: 'hint' }, t('compliance.windowHint')),
        h('div', { class: 'field' }, h('label', { for: 'claims' }, t('compliance.claims')), area),
        h('div', { class: 'field' }, h('label', { for: 'claims-file' }, t('compliance.file')), file),
        count,
        h('p', { class: 'hint' }, t('compliance.format')),
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'compliance-submit' }, t('compliance.submit'))),
      )
    : h('p', { class: 'empty' }, t('inst.none'));

  mount(
    main,
    h('h1', {}, t('compliance.title')),
    h('p', { class: 'hint' }, t('compliance.intro')),
    state.institution ? h('p', {}, seeInstitution) : null,
    h('section', { class: 'card' }, form),
    out,
  );
  // A report computed before a language switch is drawn again with the new labels (its notes are the server's, in English).
  if (state.result) show();
}
