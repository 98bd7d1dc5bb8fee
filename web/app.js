// The web interface: a hash router over its pages, and the language switch.
import { h, mount } from './dom.js';
import { LANGS, lang, setLang, t } from './i18n.js';
import { problemBox } from './common.js';
import { searchPage } from './pages/search.js';
import { codePage } from './pages/code.js';
import { checkPage } from './pages/check.js';
import { documentPage, documentsPage } from './pages/document.js';
import { institutionPage, institutionsPage } from './pages/institutions.js';
import { compliancePage } from './pages/compliance.js';
import { indicationPage } from './pages/indication.js';
import { diffPage, replayPage } from './pages/impact.js';

const main = document.getElementById('main');
let generation = 0;

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), params };
}

function renderHeader(section) {
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  // A detail page belongs to its list's section in the navigation.
  const current = { institution: 'institutions', document: 'documents' }[section] ?? section;
  for (const a of document.querySelectorAll('nav a[data-section]')) {
    if (a.dataset.section === current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  mount(
    document.getElementById('langs'),
    LANGS.map((l) =>
      h('button', { type: 'button', lang: l, 'data-lang': l, 'aria-pressed': l === lang() ? 'true' : 'false', onclick: () => { setLang(l); render(); } }, l.toUpperCase()),
    ),
  );
}

/** Renders the page the hash names. A page that finishes after the user moved on draws nothing. */
async function render() {
  const mine = ++generation;
  const isCurrent = () => mine === generation;
  const { parts, params } = parseHash();
  const [section = 'search', arg] = parts;
  renderHeader(section);
  try {
    if (section === 'search') await searchPage(main, params, isCurrent);
    else if (section === 'code' && arg) {
      document.title = `${arg} — nomen`;
      await codePage(main, arg, params, isCurrent);
    } else if (section === 'check') checkPage(main, params, isCurrent);
    else if (section === 'documents') await documentsPage(main, params, isCurrent);
    else if (section === 'document' && arg) await documentPage(main, arg, params, isCurrent);
    else if (section === 'institutions') await institutionsPage(main, params, isCurrent);
    else if (section === 'institution' && arg) await institutionPage(main, arg, params, isCurrent);
    else if (section === 'compliance') await compliancePage(main, params, isCurrent);
    else if (section === 'indication') indicationPage(main, params, isCurrent);
    else if (section === 'diff') await diffPage(main, params, isCurrent);
    else if (section === 'replay') replayPage(main, params, isCurrent);
    else mount(main, h('h1', {}, t('error.notFound')));
  } catch (e) {
    if (isCurrent()) mount(main, problemBox(e));
  }
  if (isCurrent()) document.body.dataset.ready = section;
}

setLang(lang());
window.addEventListener('hashchange', render);
render();
