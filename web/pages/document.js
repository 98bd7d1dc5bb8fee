// An act: its text with every extracted fact highlighted (click one to see what was extracted),
// its issues and its unparsed sentences; and the list of acts.
import { api } from '../api.js';
import { codeHref, docHref, loading, problemBox } from '../common.js';
import { h, mount } from '../dom.js';
import { lang, t } from '../i18n.js';

const KINDS = ['service', 'fee', 'amendment', 'rule', 'coefficient'];
const norm = (s) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Cuts `text` at every fact boundary; each piece knows the facts covering it, so nested and
 * overlapping facts (a rule inside an amendment) are all reachable.
 */
function segments(text, facts) {
  const cuts = new Set([0, text.length]);
  facts.forEach((f) => {
    if (f.span && f.span[0] < f.span[1] && f.span[1] <= text.length) {
      cuts.add(f.span[0]);
      cuts.add(f.span[1]);
    }
  });
  const points = [...cuts].sort((a, b) => a - b);
  const located = facts.map((f, i) => ({ f, i })).filter(({ f }) => f.span && f.span[0] < f.span[1] && f.span[1] <= text.length);
  const out = [];
  for (let k = 0; k < points.length - 1; k++) {
    const [a, b] = [points[k], points[k + 1]];
    const covering = located.filter(({ f }) => f.span[0] <= a && b <= f.span[1]).map(({ i }) => i);
    out.push({ a, b, covering });
  }
  return out;
}

function factCard(f) {
  return h(
    'li',
    { class: `fact-card fact-${f.kind}` },
    h('span', { class: `badge fact-${f.kind}` }, t(`fact.${f.kind}`)),
    ' ',
    h('strong', {}, f.article),
    h('p', {}, f.summary),
    f.codes.length ? h('p', { class: 'codes' }, f.codes.slice(0, 40).map((c) => [h('a', { href: codeHref(c) }, c), ' '])) : null,
  );
}

/** One text of an act with its facts highlighted (click one to see what was extracted), and the legend. */
function renderText(text, detail) {
  const facts = text.facts;
  const textBox = h('div', { class: 'act-text', lang: text.language ?? 'fr' });
  const marks = [];
  for (const seg of segments(text.text, facts)) {
    const piece = text.text.slice(seg.a, seg.b);
    if (seg.covering.length === 0) {
      textBox.append(piece);
      continue;
    }
    // The innermost fact (the shortest span) gives the colour; all are shown on click.
    const inner = seg.covering.reduce((x, y) => (facts[y].span[1] - facts[y].span[0] < facts[x].span[1] - facts[x].span[0] ? y : x));
    const f = facts[inner];
    const mark = h('mark', { class: `fact fact-${f.kind}`, title: f.summary, 'data-article': f.article, 'data-facts': seg.covering.join(' '), tabindex: '0' }, piece);
    const show = () => {
      for (const m of textBox.querySelectorAll('mark.selected')) m.classList.remove('selected');
      mark.classList.add('selected');
      mount(detail, h('h3', {}, t('doc.extracted')), h('ul', {}, seg.covering.map((i) => factCard(facts[i]))));
    };
    mark.addEventListener('click', show);
    mark.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), show()));
    marks.push(mark);
    textBox.append(mark);
  }
  const counts = Object.fromEntries(KINDS.map((k) => [k, facts.filter((f) => f.kind === k).length]));
  const legend = h(
    'div',
    { class: 'legend' },
    h('span', {}, t('doc.legend')),
    KINDS.filter((k) => counts[k]).map((k) => {
      const box = h('input', { type: 'checkbox', checked: true, id: `show-${k}` });
      box.addEventListener('change', () => textBox.classList.toggle(`hide-${k}`, !box.checked));
      return h('label', { for: `show-${k}`, class: `legend-item fact-${k}` }, box, ` ${t(`fact.${k}`)} (${counts[k]})`);
    }),
  );
  return { textBox, legend, marks };
}

/** How many amendment items each text holds and how many were understood, and the sentences of the others (nothing when not measured). */
function coverageCard(coverage) {
  const entries = Object.entries(coverage ?? {}).filter(([, c]) => c);
  if (entries.length === 0) return null;
  return h(
    'section',
    { class: 'card coverage', 'data-testid': 'coverage' },
    h('h2', {}, t('doc.coverage')),
    entries.map(([language, c]) =>
      h(
        'div',
        { class: 'coverage-text', 'data-lang': language },
        h(
          'p',
          {},
          entries.length > 1 ? h('strong', {}, `${t(`doc.lang.${language}`)} : `) : null,
          h('span', { class: 'coverage-count' }, t('doc.coverageLine', { understood: c.understood, items: c.items })),
          ' ',
          h('meter', { min: 0, max: c.items || 1, value: c.understood }),
        ),
        c.missed.length
          ? h('div', {}, h('h3', {}, t('doc.missed'), ` (${c.missed.length})`), h('ul', { class: 'unparsed missed' }, c.missed.map((m) => h('li', {}, h('strong', {}, m.where), ' — ', h('span', { lang: language }, m.text)))))
          : null,
      ),
    ),
  );
}

/** Renders `#/document/{id}?article=…`. */
export async function documentPage(main, id, params, isCurrent) {
  mount(main, loading());
  let doc;
  try {
    doc = await api.document(id);
  } catch (e) {
    if (isCurrent()) mount(main, h('h1', {}, id), problemBox(e));
    return;
  }
  if (!isCurrent()) return;
  // Every text of the act (its French and Dutch texts when both are held), each with what was read from it.
  const texts = doc.texts?.length ? doc.texts : [{ language: null, title: doc.title, text: doc.text, facts: doc.facts, coverage: null }];
  const detail = h('aside', { class: 'fact-detail', 'aria-live': 'polite' });
  const body = h('div', { class: 'doc-text' });
  let marks = [];
  const show = (k) => {
    const r = renderText(texts[k], detail);
    marks = r.marks;
    mount(body, r.legend, h('div', { class: 'doc-columns' }, r.textBox, detail));
    for (const b of tabs?.querySelectorAll('button') ?? []) b.setAttribute('aria-pressed', b.dataset.index === String(k) ? 'true' : 'false');
  };
  // The text in the interface's language first, when the act has one.
  const first = Math.max(0, texts.findIndex((x) => x.language === lang()));
  const tabs =
    texts.length > 1
      ? h('div', { class: 'doc-tabs', role: 'group', 'aria-label': t('doc.texts') }, texts.map((x, k) => h('button', { type: 'button', 'data-index': String(k), 'data-lang': x.language ?? '', onclick: () => show(k) }, x.language ? t(`doc.lang.${x.language}`) : String(k + 1))))
      : null;
  show(first);
  const facts = texts[first].facts;

  const issues = doc.issues.length
    ? h('ul', { class: 'issues' }, doc.issues.map((i) => h('li', { class: `issue ${i.severity}` }, h('span', { class: `badge severity-${i.severity}` }, t(`severity.${i.severity}`)), ' ', h('strong', {}, i.where), ' — ', i.message, i.proposal ? h('em', {}, ` (${i.proposal})`) : null)))
    : h('p', { class: 'empty' }, t('doc.noIssues'));

  mount(
    main,
    h(
      'header',
      { class: 'doc-head' },
      h('h1', { lang: doc.languages?.[0] ?? 'fr' }, doc.title),
      texts.length > 1 ? h('p', { class: 'hint', lang: texts[1].language }, texts[1].title) : null,
      h(
        'dl',
        { class: 'facts' },
        doc.name ? h('div', { class: 'row' }, h('dt', {}, t('doc.name')), h('dd', { 'data-testid': 'doc-name' }, doc.name)) : null,
        h('div', { class: 'row' }, h('dt', {}, 'id'), h('dd', {}, h('code', {}, doc.document), ` · ${t(`doc.kind.${doc.kind}`)} · ${doc.format}`)),
        h('div', { class: 'row' }, h('dt', {}, t('doc.entry')), h('dd', {}, doc.entryIntoForce ?? '—', h('span', { class: 'hint' }, ` — ${doc.entryIntoForceBasis}`))),
        doc.published ? h('div', { class: 'row' }, h('dt', {}, t('doc.published')), h('dd', {}, doc.published)) : null,
        // The official address, as text: the interface never loads or links outside this server.
        doc.url ? h('div', { class: 'row' }, h('dt', {}, t('doc.source')), h('dd', {}, h('code', { class: 'url' }, doc.url))) : null,
        h('div', { class: 'row' }, h('dt', {}, t('doc.extracted')), h('dd', {}, t('doc.facts', { n: facts.length }))),
      ),
    ),
    h('section', { class: 'card' }, h('h2', {}, t('doc.issues'), ` (${doc.issues.length})`), issues),
    coverageCard(doc.coverage),
    h('section', { class: 'card doc-body' }, h('h2', {}, t('doc.text')), tabs, body),
    doc.unparsed.length
      ? h('section', { class: 'card' }, h('h2', {}, t('doc.unparsed'), ` (${doc.unparsed.length})`), h('ul', { class: 'unparsed' }, doc.unparsed.map((u) => h('li', {}, h('strong', {}, u.language ? `(${u.language}) ` : '', u.where), ' — ', h('span', { lang: u.language ?? 'fr' }, u.text)))))
      : null,
  );

  // Opened from a citation: show the first fact of that article.
  const article = params.get('article');
  if (article) {
    const want = norm(article);
    const target = marks.find((m) => norm(m.dataset.article) === want) ?? marks.find((m) => norm(m.dataset.article).startsWith(want) || want.startsWith(norm(m.dataset.article)));
    if (target) {
      target.click();
      target.classList.add('flash');
      target.scrollIntoView({ block: 'center' });
    }
  }
}

/** Renders `#/documents`. */
export async function documentsPage(main, _params, isCurrent) {
  mount(main, loading());
  let list;
  try {
    list = await api.documents();
  } catch (e) {
    if (isCurrent()) mount(main, problemBox(e));
    return;
  }
  if (!isCurrent()) return;
  mount(
    main,
    h('h1', {}, t('doc.list')),
    h(
      'table',
      { class: 'documents' },
      h('thead', {}, h('tr', {}, h('th', {}, 'id'), h('th', {}, t('col.kind')), h('th', {}, t('col.title')), h('th', {}, t('col.entry')), h('th', {}, t('col.coverage')), h('th', {}, t('col.issues')))),
      h(
        'tbody',
        {},
        list.documents.map((d) =>
          h(
            'tr',
            {},
            // The readable name links the document; the hash id stays beside it as the stable reference.
            h('td', {}, h('a', { href: docHref(d.document), 'data-id': d.document }, d.name ?? d.document), d.name ? h('code', { class: 'hint' }, ` ${d.document}`) : null, d.languages?.length > 1 ? h('span', { class: 'hint' }, ` ${d.languages.join(' + ')}`) : null),
            h('td', {}, t(`doc.kind.${d.kind}`)),
            h('td', { lang: d.languages?.[0] ?? 'fr' }, d.title),
            h('td', {}, d.entryIntoForce ?? '—'),
            // per language, "understood/items"; nothing when not measured
            h('td', { class: 'num coverage' }, Object.entries(d.coverage ?? {}).map(([l, c]) => `${Object.keys(d.coverage).length > 1 ? `${l} ` : ''}${c.understood}/${c.items}`).join(' · ') || '—'),
            h('td', { class: 'num' }, String(d.issues.length)),
          ),
        ),
      ),
    ),
  );
}
