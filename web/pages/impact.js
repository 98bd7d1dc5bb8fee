// Impact: what changed between two dates (#/diff), and what draft documents would change on a
// set of claims (#/replay), with bar charts of the changed lines and of the fee difference.
import { api } from '../api.js';
import { barChart } from '../chart.js';
import { citation, codeHref, loading, problemBox } from '../common.js';
import { h, isIsoDate, mount } from '../dom.js';
import { decimal, money, t } from '../i18n.js';

// --- diff ------------------------------------------------------------------------------------

const diffState = { from: '1994-12-31', to: '1995-01-01', article: '', prefix: '', keyLetter: '', result: null };

const showValue = (s) => (s.keyLetter ? `${s.keyLetter} ${decimal(s.relativeValue)}` : null);

/** What a change was and became, as shown: statuses translated, fees as money. */
function sides(c) {
  const status = (v) => (v && /^[a-z-]+$/.test(v) && !/^\d/.test(v) ? t(`status.${v}`) : v);
  if (c.change === 'fee') return [money(c.from), money(c.to)];
  if (c.change === 'inserted' || c.change === 'deleted' || c.change === 'status') return [status(c.from) ?? '—', status(c.to) ?? '—'];
  return [c.from ?? '—', c.to ?? '—'];
}

function changeRows(d) {
  const rows = [];
  if (!d.certain) {
    const possible = (list, when) => (list ?? []).map((c) => h('li', {}, t('diff.possible', { when, state: `${t(`status.${c.status}`)}${c.keyLetter ? ` ${c.keyLetter} ${decimal(c.relativeValue)}` : ''}${c.fee ? ` · ${money(c.fee)}` : ''}`, assumes: c.assumes })));
    rows.push(h('tr', { class: 'uncertain', 'data-code': d.code, 'data-change': 'uncertain' },
      h('td', {}, h('a', { href: codeHref(d.code) }, d.code)), h('td', {}, d.article ?? '—'),
      h('td', {}, h('span', { class: 'badge status-uncertain' }, t('change.uncertain'))),
      h('td', { colspan: 3 }, h('p', { lang: 'en' }, d.uncertain.reason), h('ul', {}, possible(d.uncertain.from, diffState.from), possible(d.uncertain.to, diffState.to)))));
  }
  for (const c of d.changes) {
    const [before, after] = sides(c);
    rows.push(h('tr', { 'data-code': d.code, 'data-change': c.change },
      h('td', {}, h('a', { href: codeHref(d.code, diffState.to) }, d.code)),
      h('td', {}, d.article ?? '—'),
      h('td', {}, t(`change.${c.change}`), c.language ? ` (${c.language})` : ''),
      h('td', { class: 'before' }, before),
      h('td', { class: 'after' }, after),
      h('td', {}, c.sources.map((s) => h('div', {}, citation(s), s.text ? h('details', {}, h('summary', {}, t('check.act')), h('blockquote', { class: 'act', lang: 'fr' }, s.text)) : null)))));
  }
  return rows;
}

function diffView(r) {
  const tot = r.totals;
  if (tot.codes === 0) return [h('p', { class: 'empty' }, t('diff.none', { from: r.from, to: r.to }))];
  const kinds = Object.entries(tot.changes).filter(([, n]) => n > 0).map(([k, n]) => h('span', { class: 'badge', 'data-kind': k }, `${n} ${t(`change.${k}`)}`)).flatMap((b) => [b, ' ']);
  const csv = `/v1/diff?${new URLSearchParams(Object.entries({ from: r.from, to: r.to, ...r.filter }).filter(([, v]) => v)).toString()}`;
  return [
    h('h2', { 'data-testid': 'diff-summary' }, t('diff.summary', { codes: tot.codes, from: r.from, to: r.to }), tot.uncertain ? ` (${t('diff.uncertainCount', { n: tot.uncertain })})` : ''),
    h('p', { class: 'summary' }, kinds),
    h('p', {}, h('a', { class: 'csv', href: csv, 'data-accept': 'text/csv', onclick: (e) => { e.preventDefault(); downloadCsv(csv); } }, t('diff.csv'))),
    h('table', { class: 'diff' },
      h('thead', {}, h('tr', {}, h('th', {}, t('col.code')), h('th', {}, t('col.article')), h('th', {}, t('col.change')), h('th', {}, t('col.before')), h('th', {}, t('col.after')), h('th', {}, t('col.source')))),
      h('tbody', {}, r.codes.flatMap(changeRows))),
    h('section', { class: 'card acts' }, h('h3', {}, t('diff.acts', { n: tot.acts.length })),
      h('ul', {}, tot.acts.map((a) => h('li', { 'data-act': `${a.document}, ${a.article}` }, citation(a), ` — ${t('diff.actCodes', { n: a.codes })}`)))),
  ];
}

/** The CSV of the same query, fetched with Accept: text/csv and saved. */
async function downloadCsv(url) {
  const res = await fetch(url, { headers: { accept: 'text/csv' } });
  const blob = new Blob([await res.text()], { type: 'text/csv' });
  const a = h('a', { href: URL.createObjectURL(blob), download: 'nomen-diff.csv' });
  document.body.append(a);
  a.click();
  a.remove();
}

/** Renders `#/diff?from=…&to=…&article=…&prefix=…&keyLetter=…`. */
export async function diffPage(main, params, isCurrent) {
  for (const k of ['from', 'to', 'article', 'prefix', 'keyLetter']) if (params.get(k) !== null) diffState[k] = params.get(k);
  const out = h('section', { class: 'diff-result', 'aria-live': 'polite' });
  const input = (key, type, extra = {}) => {
    const el = h('input', { id: `diff-${key}`, name: key, type, value: diffState[key], ...extra });
    el.addEventListener('input', () => (diffState[key] = el.value.trim()));
    return h('div', { class: 'field' }, h('label', { for: `diff-${key}` }, t(`diff.${key}`)), el);
  };
  const run = async () => {
    if (!isIsoDate(diffState.from) || !isIsoDate(diffState.to) || diffState.from > diffState.to) {
      mount(out, problemBox(new Error(t('diff.order'))));
      return;
    }
    const hash = `#/diff?${new URLSearchParams(Object.entries({ from: diffState.from, to: diffState.to, article: diffState.article, prefix: diffState.prefix, keyLetter: diffState.keyLetter }).filter(([, v]) => v)).toString()}`;
    if (location.hash !== hash) history.replaceState(null, '', hash);
    mount(out, loading());
    try {
      diffState.result = { ok: true, value: await api.diff(diffState) };
    } catch (e) {
      diffState.result = { ok: false, error: e };
    }
    if (isCurrent()) show();
  };
  const show = () => mount(out, ...(diffState.result.ok ? diffView(diffState.result.value) : [problemBox(diffState.result.error)]));
  mount(
    main,
    h('h1', {}, t('diff.title')),
    h('p', { class: 'hint' }, t('diff.intro')),
    h('section', { class: 'card' }, h('form', { class: 'diff', novalidate: true, onsubmit: (e) => { e.preventDefault(); run(); } },
      h('div', { class: 'grid' }, input('from', 'date'), input('to', 'date'), input('article', 'text', { placeholder: '20' }), input('prefix', 'text', { inputmode: 'numeric', placeholder: '4745' }), input('keyLetter', 'text', { placeholder: 'K', size: 3 })),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'diff-submit' }, t('diff.submit'))))),
    out,
  );
  // a query in the address is run (it may differ from the last one); else the last result is shown again
  const asked = ['from', 'to', 'article', 'prefix', 'keyLetter'].some((k) => params.get(k) !== null);
  if (diffState.result && !asked) show();
  else await run();
}

// --- replay ----------------------------------------------------------------------------------

const replayState = { ndjson: '', drafts: [], draftText: '', result: null };

/** The requests of an NDJSON text; a line that is not JSON is named. */
export function parseRequests(text) {
  const requests = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    try {
      requests.push(JSON.parse(lines[i]));
    } catch (e) {
      throw new Error(t('replay.badLine', { n: i + 1, message: e.message }));
    }
  }
  return requests;
}

const signed = (v) => (v.startsWith('-') ? `−${money(v.slice(1))}` : `+${money(v)}`);

function because(c) {
  return c.because.map((x) => {
    if (x.kind === 'rule') {
      const outcome = t(`outcome.${x.outcome}`);
      return h('div', { 'data-cause': 'rule' }, `${t(x.change === 'now' ? 'replay.now' : 'replay.noLonger', { outcome })}: `, h('code', {}, x.rule), ' ', citation(x.source));
    }
    const from = x.kind === 'fee' ? money(x.from) : x.from ?? '—';
    const to = x.kind === 'fee' ? money(x.to) : x.to ?? '—';
    return h('div', { 'data-cause': x.kind }, t(`replay.${x.kind}`, { from, to }));
  });
}

function totalsTable(title, group) {
  const entries = Object.entries(group);
  if (entries.length === 0) return null;
  return h('section', { class: 'card' }, h('h3', {}, title), h('table', { class: 'totals' },
    h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, t('replay.lines')), h('th', {}, t('replay.decisions')), h('th', {}, t('replay.feeBefore')), h('th', {}, t('replay.feeAfter')), h('th', {}, t('replay.feeDelta')), h('th', {}, t('replay.reimbursementDelta')))),
    h('tbody', {}, entries.map(([k, s]) => h('tr', { 'data-key': k },
      h('td', {}, k || t('replay.noInstitution')), h('td', { class: 'num' }, String(s.lines)), h('td', { class: 'num' }, String(s.decisions)),
      h('td', { class: 'num' }, money(s.fee.before)), h('td', { class: 'num' }, money(s.fee.after)), h('td', { class: 'num', 'data-delta': s.fee.delta }, signed(s.fee.delta)),
      h('td', { class: 'num' }, signed(s.reimbursement.delta), s.unknown.reimbursement ? h('span', { class: 'hint' }, ` (${t('replay.unknown', { n: s.unknown.reimbursement })})`) : null)))),
  ));
}

function charts(totals) {
  const months = Object.entries(totals.byMonth);
  const codes = Object.entries(totals.byCode).sort((a, b) => b[1].lines - a[1].lines).slice(0, 12);
  const out = [];
  if (months.length) {
    out.push(barChart(months.map(([m, s]) => ({ label: m, value: s.lines, status: 'incomplete', title: `${m}: ${s.lines}` })), { id: 'replay-lines-month', title: t('replay.chartLines') }));
    // the chart draws heights: a decrease is drawn by its size, in red, its sign under the bar
    out.push(barChart(months.map(([m, s]) => ({
      label: m, sublabel: signed(s.fee.delta), value: Math.abs(Number(s.fee.delta)), status: s.fee.delta.startsWith('-') ? 'fail' : 'pass', title: `${m}: ${signed(s.fee.delta)}`,
    })), { id: 'replay-fee-month', title: t('replay.chartFee'), format: (v) => decimal(String(Math.round(v))) }));
  }
  if (codes.length) out.push(barChart(codes.map(([c, s]) => ({ label: c, value: s.lines, status: 'incomplete', title: `${c}: ${s.lines}` })), { id: 'replay-lines-code', title: t('replay.chartCodes') }));
  return out.map((svg) => h('figure', { class: 'chart' }, h('figcaption', {}, svg.getAttribute('aria-label')), svg));
}

const SHOWN = 500;

function replayView(r) {
  const tot = r.totals;
  return [
    h('h2', { 'data-testid': 'replay-summary' }, t('replay.summary', { requests: tot.requests, claims: tot.claims, lines: tot.changed.lines, decisions: tot.changed.decisions })),
    h('ul', { class: 'drafts' }, r.drafts.map((d) => h('li', {}, t('replay.draftsRead', { document: d.document, status: d.status, date: d.entryIntoForce ?? '?' })))),
    tot.changed.lines === 0 ? h('p', { class: 'empty' }, t('replay.none')) : [
      h('p', { class: 'measure' }, `${t('replay.feeDelta')}: `, h('strong', { 'data-testid': 'fee-delta' }, signed(tot.changed.fee.delta)),
        tot.changed.unknown.fee ? h('span', { class: 'hint' }, ` · ${t('replay.unknown', { n: tot.changed.unknown.fee })}`) : null),
      charts(tot),
      totalsTable(t('replay.perCode'), tot.byCode),
      totalsTable(t('replay.perMonth'), tot.byMonth),
      totalsTable(t('replay.perInstitution'), tot.byInstitution),
      h('h3', {}, t('replay.changes')),
      h('table', { class: 'replay' },
        h('thead', {}, h('tr', {}, h('th', {}, t('replay.line')), h('th', {}, t('replay.claim')), h('th', {}, t('col.code')), h('th', {}, t('col.date')), h('th', {}, t('replay.decision')), h('th', {}, t('check.fee')), h('th', {}, t('replay.because')))),
        h('tbody', {}, r.changes.slice(0, SHOWN).map((c) => h('tr', { 'data-claim': c.claim },
          h('td', { class: 'num' }, String(c.line)), h('td', {}, c.claim), h('td', {}, h('a', { href: codeHref(c.code, c.date) }, c.code)), h('td', {}, c.date),
          h('td', {}, c.before.status === c.after.status ? t(`check.${c.after.status}`) : `${t(`check.${c.before.status}`)} → ${t(`check.${c.after.status}`)}`),
          h('td', { class: 'num' }, c.delta.fee === null ? '—' : signed(c.delta.fee)),
          h('td', {}, because(c)))))),
      r.changes.length > SHOWN ? h('p', { class: 'hint' }, t('replay.more', { n: r.changes.length - SHOWN })) : null,
    ],
  ];
}

/** Renders `#/replay`. */
export function replayPage(main, _params, isCurrent) {
  const out = h('section', { class: 'replay-result', 'aria-live': 'polite' });
  const area = h('textarea', { id: 'replay-claims', rows: 8, spellcheck: 'false', class: 'json', placeholder: '{"claims":[{"id":"L1","code":"355751","date":"2024-07-01"}]}' });
  area.value = replayState.ndjson;
  area.addEventListener('input', () => (replayState.ndjson = area.value));
  const claimsFile = h('input', { id: 'replay-claims-file', type: 'file', accept: '.ndjson,.jsonl,.json,.txt,application/x-ndjson' });
  claimsFile.addEventListener('change', async () => {
    const f = claimsFile.files && claimsFile.files[0];
    if (!f) return;
    replayState.ndjson = await f.text();
    area.value = replayState.ndjson;
  });
  const draftsFile = h('input', { id: 'replay-drafts', type: 'file', multiple: true, accept: '.md,.txt,.json,.csv' });
  draftsFile.addEventListener('change', async () => {
    // read in the browser: the texts go to the server only with the replay request
    replayState.drafts = await Promise.all([...(draftsFile.files ?? [])].map(async (f) => ({ name: f.name, text: await f.text() })));
  });
  const draftArea = h('textarea', { id: 'replay-draft-text', rows: 6, spellcheck: 'false' });
  draftArea.value = replayState.draftText;
  draftArea.addEventListener('input', () => (replayState.draftText = draftArea.value));

  const run = async () => {
    const drafts = [...replayState.drafts, ...(replayState.draftText.trim() ? [{ name: 'draft', text: replayState.draftText }] : [])];
    try {
      if (drafts.length === 0) throw new Error(t('replay.needDraft'));
      const requests = parseRequests(replayState.ndjson);
      if (requests.length === 0) throw new Error(t('replay.needClaims'));
      mount(out, loading());
      replayState.result = { ok: true, value: await api.replay({ drafts, requests }) };
    } catch (e) {
      replayState.result = { ok: false, error: e };
    }
    if (isCurrent()) show();
  };
  const show = () => mount(out, ...(replayState.result.ok ? replayView(replayState.result.value) : [problemBox(replayState.result.error)]));
  mount(
    main,
    h('h1', {}, t('replay.title')),
    h('p', { class: 'hint' }, t('replay.intro')),
    h('section', { class: 'card' }, h('form', { class: 'replay', novalidate: true, onsubmit: (e) => { e.preventDefault(); run(); } },
      h('div', { class: 'field' }, h('label', { for: 'replay-drafts' }, t('replay.drafts')), draftsFile),
      h('div', { class: 'field' }, h('label', { for: 'replay-draft-text' }, t('replay.draftText')), draftArea),
      h('div', { class: 'field' }, h('label', { for: 'replay-claims' }, t('replay.claims')), area),
      h('div', { class: 'field' }, h('label', { for: 'replay-claims-file' }, t('replay.claimsFile')), claimsFile),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'replay-submit' }, t('replay.submit'))))),
    out,
  );
  if (replayState.result) show();
}
