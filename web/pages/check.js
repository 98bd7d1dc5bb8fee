// The claim checker: a form (or the contract's JSON), then one decision per line with its reasons
// and the sentence of the act behind each.
import { api } from '../api.js';
import { citation, codeHref, loading, problemBox } from '../common.js';
import { h, mount, todayIso } from '../dom.js';
import { lang, money, t } from '../i18n.js';

// The vocabulary of the built-in corpus (contract §4); other values may be typed in.
const SPECIALTIES = [
  'radiodiagnosis', 'urology', 'surgery', 'orthopaedic-surgery', 'neurosurgery', 'pneumology', 'gastroenterology',
  'medical-oncology', 'plastic-surgery', 'psychiatry', 'neuropsychiatry', 'general-practice', 'anaesthesiology',
];
const QUALIFICATIONS = ['interventional-radiology', 'oncology', 'perforator-flap'];
const DOCUMENTS = ['pre-ablation-report', 'mdt-approval', 'motivation', 'apnoea-pathology-proven'];
const CONVENTIONS = ['percutaneous-tumour-ablation', 'breast-reconstruction'];
const AUTHORITIES = ['college-of-medical-directors', 'medical-adviser', 'dental-technical-council'];

const blankLine = () => ({
  code: '', date: todayIso(), specialty: '', qualifications: '', collaborator: '', institution: '',
  hospitalised: false, admission: '', service: '', side: '', lesion: '', documents: '', approvalBy: '', approvalDate: '',
});

/** The contract's example (§4): an ablation in a convention hospital. */
const EXAMPLE = {
  beneficiary: { id: 'P-001', birthDate: '1958-03-14', sex: 'F', preferential: false },
  institutions: [{ id: 'H-71001', conventions: [{ convention: 'percutaneous-tumour-ablation', from: '2024-11-01', to: '2029-10-31' }] }],
  claims: [
    {
      id: 'L1', code: '587134', date: '2024-11-18',
      provider: { id: '10012345190', specialty: 'radiodiagnosis', qualifications: ['interventional-radiology'] },
      institution: 'H-71001', documents: ['pre-ablation-report', 'mdt-approval'],
    },
  ],
};

// The page's state outlives a re-render (language switch, navigation back).
const state = {
  mode: 'form',
  beneficiary: { id: '', birthDate: '', sex: '', preferential: false },
  institution: { id: '', convention: '', from: '', to: '' },
  lines: [blankLine()],
  // Parts of a pasted request the form cannot show, kept as they are.
  history: [],
  otherInstitutions: [],
  json: '',
  // The last answer: { ok, response, request, lang } or { ok: false, error }.
  result: null,
};

const list = (s) => s.split(',').map((x) => x.trim()).filter(Boolean);

/** The form's state as a contract request; empty fields are left out. */
export function toRequest() {
  const b = state.beneficiary;
  const beneficiary = {};
  if (b.id) beneficiary.id = b.id;
  if (b.birthDate) beneficiary.birthDate = b.birthDate;
  if (b.sex) beneficiary.sex = b.sex;
  if (b.preferential) beneficiary.preferential = true;
  const req = {};
  if (Object.keys(beneficiary).length) req.beneficiary = beneficiary;
  const i = state.institution;
  const institutions = [...state.otherInstitutions];
  if (i.id && i.convention) institutions.unshift({ id: i.id, conventions: [{ convention: i.convention, from: i.from || null, to: i.to || null }] });
  if (institutions.length) req.institutions = institutions;
  if (state.history.length) req.history = state.history;
  req.claims = state.lines.map((l, n) => {
    const c = { id: `L${n + 1}`, code: l.code.trim(), date: l.date };
    if (l.specialty || l.qualifications) c.provider = { ...(l.specialty ? { specialty: l.specialty } : {}), ...(l.qualifications ? { qualifications: list(l.qualifications) } : {}) };
    if (l.collaborator) c.collaborator = { specialty: l.collaborator };
    if (l.institution) c.institution = l.institution.trim();
    if (l.hospitalised) c.stay = { admission: l.admission || l.date, ...(l.service ? { service: l.service } : {}) };
    if (l.side) c.side = l.side;
    if (l.lesion) c.lesion = l.lesion.trim();
    if (l.documents) c.documents = list(l.documents);
    if (l.approvalBy) c.approvals = [{ by: l.approvalBy, date: l.approvalDate || l.date }];
    return c;
  });
  return req;
}

/** Loads a request into the form (what the form cannot show is kept aside and sent as is). */
function fromRequest(req) {
  const b = req.beneficiary ?? {};
  state.beneficiary = { id: b.id ?? '', birthDate: b.birthDate ?? '', sex: b.sex ?? '', preferential: b.preferential === true };
  const [first, ...rest] = req.institutions ?? [];
  const conv = first?.conventions?.[0];
  state.institution = first && conv ? { id: first.id, convention: conv.convention, from: conv.from ?? '', to: conv.to ?? '' } : { id: '', convention: '', from: '', to: '' };
  state.otherInstitutions = first && !conv ? [first, ...rest] : rest;
  state.history = req.history ?? [];
  state.lines = (req.claims ?? []).map((c) => ({
    code: c.code ?? '', date: c.date ?? '', specialty: c.provider?.specialty ?? '', qualifications: (c.provider?.qualifications ?? []).join(', '),
    collaborator: c.collaborator?.specialty ?? '', institution: c.institution ?? '', hospitalised: !!c.stay, admission: c.stay?.admission ?? '',
    service: c.stay?.service ?? '', side: c.side ?? '', lesion: c.lesion ?? '', documents: (c.documents ?? []).join(', '),
    approvalBy: c.approvals?.[0]?.by ?? '', approvalDate: c.approvals?.[0]?.date ?? '',
  }));
  if (state.lines.length === 0) state.lines = [blankLine()];
}

let uid = 0;
/** A labelled input bound to `obj[key]`. */
function field(label, obj, key, props = {}) {
  const id = `f${++uid}`;
  const type = props.type ?? 'text';
  const input = h('input', { id, type, ...props, value: type === 'checkbox' ? undefined : obj[key], checked: type === 'checkbox' ? obj[key] : undefined });
  input.addEventListener(type === 'checkbox' ? 'change' : 'input', () => (obj[key] = type === 'checkbox' ? input.checked : input.value));
  return h('div', { class: ['field', type === 'checkbox' ? 'check' : ''] }, type === 'checkbox' ? [input, h('label', { for: id }, label)] : [h('label', { for: id }, label), input]);
}

/** A labelled select bound to `obj[key]`; options are [value, text] pairs. */
function select(label, obj, key, options, props = {}) {
  const id = `f${++uid}`;
  const el = h('select', { id, ...props }, h('option', { value: '' }, t('check.none')), options.map(([v, text]) => h('option', { value: v, selected: obj[key] === v }, text)));
  el.value = obj[key];
  el.addEventListener('change', () => (obj[key] = el.value));
  return h('div', { class: 'field' }, h('label', { for: id }, label), el);
}

const same = (xs) => xs.map((x) => [x, x]);

function datalist(id, values) {
  return h('datalist', { id }, values.map((v) => h('option', { value: v })));
}

function lineEditor(line, n, rerender) {
  return h(
    'fieldset',
    { class: 'line', 'data-line': n + 1 },
    h('legend', {}, t('check.line', { n: n + 1 }), ` (L${n + 1})`),
    h(
      'div',
      { class: 'grid' },
      field(t('check.code'), line, 'code', { required: true, inputmode: 'numeric', pattern: '\\d{6}', name: 'code', placeholder: '587134' }),
      field(t('check.date'), line, 'date', { type: 'date', required: true, name: 'date' }),
      select(t('check.specialty'), line, 'specialty', same(SPECIALTIES), { name: 'specialty' }),
      field(t('check.qualifications'), line, 'qualifications', { list: 'qualifications', name: 'qualifications' }),
      select(t('check.collaborator'), line, 'collaborator', same(SPECIALTIES), { name: 'collaborator' }),
      field(t('check.institution'), line, 'institution', { name: 'institution', placeholder: 'H-71001' }),
      field(t('check.documents'), line, 'documents', { list: 'documents', name: 'documents' }),
      select(t('check.side'), line, 'side', [['left', t('check.left')], ['right', t('check.right')]], { name: 'side' }),
      field(t('check.lesion'), line, 'lesion', { name: 'lesion' }),
      select(t('check.approval'), line, 'approvalBy', same(AUTHORITIES), { name: 'approvalBy' }),
      field(t('check.approvalDate'), line, 'approvalDate', { type: 'date', name: 'approvalDate' }),
      field(t('check.hospitalised'), line, 'hospitalised', { type: 'checkbox', name: 'hospitalised' }),
      field(t('check.admission'), line, 'admission', { type: 'date', name: 'admission' }),
      field(t('check.service'), line, 'service', { name: 'service', placeholder: 'C' }),
    ),
    state.lines.length > 1
      ? h('button', { type: 'button', class: 'link', onclick: () => { state.lines.splice(n, 1); rerender(); } }, t('check.remove'))
      : null,
  );
}

function reasonItem(r) {
  return h(
    'li',
    { class: ['reason', `reason-${r.outcome}`], 'data-kind': r.kind, 'data-outcome': r.outcome },
    h('div', { class: 'reason-head' }, h('span', { class: `badge outcome-${r.outcome}` }, t(`outcome.${r.outcome}`)), ' ', h('span', { class: 'kind' }, t(`kind.${r.kind}`))),
    h('p', { class: 'message' }, r.message),
    r.source?.text ? h('blockquote', { class: 'act', lang: 'fr', title: t('check.act') }, r.source.text) : null,
    h('p', { class: 'cite' }, citation(r.source), r.rejection ? h('span', { class: 'rejection' }, ` · ${r.rejection}`) : null),
    r.outcome === 'violated' ? refusalCodes(r) : null,
  );
}

/**
 * The ecosystem's codes of a refusal (contract v1.1): the eFact code with its label in the
 * interface language (official FR/NL, the meaning in English) and the eTarif value; a code that
 * does not apply is shown as none, with why.
 */
function refusalCodes(r) {
  if (r.efact === undefined && r.etarif === undefined) return null;
  const efact = r.efact
    ? h('span', { class: 'efact', 'data-code': r.efact.code }, h('strong', {}, `eFact ${r.efact.code}`), ` ${r.efact.label[lang()] ?? r.efact.label.en}`)
    : h('span', { class: 'efact none', title: r.efactReason ?? '' }, t('check.efactNone'), r.efactReason ? h('small', {}, ` (${r.efactReason})`) : null);
  const etarif = r.etarif
    ? h('span', { class: 'etarif', 'data-code': r.etarif }, h('strong', {}, `eTarif ${r.etarif}`))
    : h('span', { class: 'etarif none', title: r.etarifReason ?? '' }, t('check.etarifNone'), r.etarifReason ? h('small', {}, ` (${r.etarifReason})`) : null);
  return h('p', { class: 'refusal-codes' }, efact, ' · ', etarif);
}

/** The decisions of a response, one card per line. */
function decisions(response, request) {
  const accepted = response.decisions.filter((d) => d.status === 'accepted').length;
  const dateOf = new Map(request.claims.map((c) => [c.id, c.date]));
  return [
    h('h2', {}, t('check.result')),
    h('p', { class: 'summary' }, t('check.summary', { accepted, rejected: response.decisions.length - accepted })),
    response.decisions.map((d) => {
      const order = { violated: 0, warning: 1, satisfied: 2 };
      const reasons = [...d.reasons].sort((a, b) => order[a.outcome] - order[b.outcome]);
      const main = reasons.filter((r) => r.outcome !== 'satisfied');
      const ok = reasons.filter((r) => r.outcome === 'satisfied');
      return h(
        'article',
        { class: ['decision', d.status], 'data-claim': d.claim },
        h(
          'header',
          {},
          h('h3', {}, `${d.claim} · `, h('a', { href: codeHref(d.code, dateOf.get(d.claim)) }, d.code), ' ', h('span', { class: `badge decision-${d.status}` }, t(`check.${d.status}`))),
          h(
            'p',
            { class: 'amounts' },
            `${t('check.fee')} ${money(d.fee)} · ${t('check.reimbursement')} ${money(d.reimbursement)}`,
            d.keyLetter ? ` · ${d.keyLetter} ${d.relativeValue}` : '',
            ` · ${t(`setting.${d.setting}`)}`,
          ),
          d.feeReason ? h('p', { class: 'hint' }, d.feeReason) : null,
        ),
        main.length ? h('ul', { class: 'reasons' }, main.map(reasonItem)) : null,
        ok.length ? h('details', {}, h('summary', {}, `${t('check.reasons')} — ${t('outcome.satisfied')} (${ok.length})`), h('ul', { class: 'reasons' }, ok.map(reasonItem))) : null,
      );
    }),
  ];
}

function showResult(r) {
  return r.ok ? decisions(r.response, r.request) : [problemBox(r.error, r.error.problem?.status === 422 ? t('check.invalid') : undefined)];
}

/** Renders `#/check`. */
export function checkPage(main, _params, isCurrent) {
  const out = h('section', { class: 'check-result', 'aria-live': 'polite' });
  const body = h('div');

  const render = () => {
    uid = 0;
    const tabs = h(
      'div',
      { class: 'tabs', role: 'tablist' },
      ['form', 'json'].map((m) =>
        h('button', { type: 'button', role: 'tab', 'aria-selected': state.mode === m ? 'true' : 'false', class: state.mode === m ? 'active' : '', 'data-mode': m, onclick: () => switchMode(m) }, t(`check.${m}`)),
      ),
      h('button', { type: 'button', class: 'link example', onclick: () => { fromRequest(EXAMPLE); state.json = JSON.stringify(EXAMPLE, null, 2); render(); } }, t('check.example')),
    );
    let editor;
    if (state.mode === 'json') {
      const area = h('textarea', { id: 'request-json', rows: 22, spellcheck: 'false', class: 'json' });
      area.value = state.json || JSON.stringify(toRequest(), null, 2);
      area.addEventListener('input', () => (state.json = area.value));
      editor = h('div', { class: 'field' }, h('label', { for: 'request-json' }, t('check.jsonLabel')), area);
    } else {
      const b = state.beneficiary;
      const i = state.institution;
      editor = h(
        'div',
        {},
        h(
          'fieldset',
          {},
          h('legend', {}, t('check.beneficiary')),
          h(
            'div',
            { class: 'grid' },
            field(t('check.beneficiaryId'), b, 'id', { name: 'beneficiary-id', autocomplete: 'off' }),
            field(t('check.birthDate'), b, 'birthDate', { type: 'date', name: 'birthDate' }),
            select(t('check.sex'), b, 'sex', [['F', 'F'], ['M', 'M'], ['X', 'X']], { name: 'sex' }),
            field(t('check.preferential'), b, 'preferential', { type: 'checkbox', name: 'preferential' }),
          ),
        ),
        h(
          'fieldset',
          {},
          h('legend', {}, t('check.institutions')),
          h(
            'div',
            { class: 'grid' },
            field(t('check.institutionId'), i, 'id', { name: 'institution-id', placeholder: 'H-71001' }),
            select(t('check.convention'), i, 'convention', same(CONVENTIONS), { name: 'convention' }),
            field(t('check.from'), i, 'from', { type: 'date', name: 'convention-from' }),
            field(t('check.to'), i, 'to', { type: 'date', name: 'convention-to' }),
          ),
        ),
        h('h2', {}, t('check.lines')),
        state.lines.map((l, n) => lineEditor(l, n, render)),
        h('button', { type: 'button', class: 'secondary', onclick: () => { state.lines.push(blankLine()); render(); } }, t('check.addLine')),
        datalist('qualifications', QUALIFICATIONS),
        datalist('documents', DOCUMENTS),
      );
    }
    mount(
      body,
      tabs,
      h('form', { class: 'checker', novalidate: true, onsubmit: (e) => { e.preventDefault(); submit(null); } }, editor, h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'check-submit' }, t('check.submit')))),
    );
    if (state.result) {
      // Decision messages come from the server in one language: ask again in the new one.
      if (state.result.ok && state.result.lang !== lang()) submit(state.result.request);
      else mount(out, ...showResult(state.result));
    }
  };

  const switchMode = (m) => {
    if (m === state.mode) return;
    if (m === 'json') {
      state.json = JSON.stringify(toRequest(), null, 2);
    } else {
      try {
        fromRequest(JSON.parse(state.json));
      } catch (e) {
        mount(out, problemBox(e, t('check.jsonInvalid', { message: e.message })));
        return;
      }
    }
    state.mode = m;
    render();
  };

  const submit = async (again) => {
    let request = again;
    if (request) {
      // A re-run of the last request.
    } else if (state.mode === 'json') {
      try {
        request = JSON.parse(state.json);
      } catch (e) {
        state.result = null;
        return mount(out, problemBox(e, t('check.jsonInvalid', { message: e.message })));
      }
    } else {
      request = toRequest();
    }
    mount(out, loading());
    const l = lang();
    try {
      state.result = { ok: true, response: await api.check(request, l), request, lang: l };
    } catch (e) {
      state.result = { ok: false, error: e };
    }
    if (isCurrent()) mount(out, ...showResult(state.result));
  };

  render();
  mount(main, h('h1', {}, t('check.title')), h('p', { class: 'hint' }, t('check.intro')), body, out);
}
