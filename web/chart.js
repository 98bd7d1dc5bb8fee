// The timeline chart: a code's relative value (top) and fee (bottom) as step lines over time,
// hand-drawn in SVG. Each period's start is a point linking to the act behind the change.
import { s } from './dom.js';
import { decimal, money, t } from './i18n.js';

const DAY = 86_400_000;
const W = 760;
const LEFT = 64;
const RIGHT = 24;
const PANEL = 92;
const PANELS = [
  { key: 'relativeValue', top: 48, label: () => t('code.relativeValue') },
  { key: 'fee', top: 48 + PANEL + 44, label: () => t('code.feeAxis') },
];
const H = PANELS[1].top + PANEL + 34;

const dayOf = (iso) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
const isoOf = (day) => new Date(day * DAY).toISOString().slice(0, 10);

/** A round upper bound for an axis: 633 → 700, 1773.18 → 2000. */
function niceMax(v) {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v * 1.1) return m * p;
  return 10 * p;
}

/** Where a point's act is shown: its document page, scrolled to the article. */
export function actLink(source) {
  if (!source) return null;
  return `#/document/${encodeURIComponent(source.document)}?article=${encodeURIComponent(source.article)}`;
}

/**
 * The chart of `points` (the `timeline` of GET /v1/codes/{code}/history); `at` marks the date
 * the page shows. Returns an <svg>, or null when no period has a date.
 */
export function timelineChart(points, at) {
  const dated = points.filter((p) => p.date);
  if (dated.length === 0) return null;
  let lo = dayOf(dated[0].date);
  let hi = dayOf(dated[dated.length - 1].date);
  if (at) {
    lo = Math.min(lo, dayOf(at));
    hi = Math.max(hi, dayOf(at));
  }
  const pad = Math.max((hi - lo) * 0.12, 200);
  const x0 = lo - pad;
  const x1 = hi + pad;
  const x = (day) => LEFT + ((day - x0) / (x1 - x0)) * (W - LEFT - RIGHT);
  const periods = points.map((p) => ({
    p,
    start: p.date ? dayOf(p.date) : x0,
    end: p.until ? dayOf(p.until) : x1,
  }));

  const svg = s('svg', {
    class: 'timeline',
    viewBox: `0 0 ${W} ${H}`,
    role: 'img',
    'aria-label': t('code.timeline'),
    preserveAspectRatio: 'xMidYMid meet',
  });

  // Years along the bottom, about six of them.
  const years = [];
  const y0 = Number(isoOf(x0).slice(0, 4)) + 1;
  const y1 = Number(isoOf(x1).slice(0, 4));
  const step = Math.max(1, Math.ceil((y1 - y0 + 1) / 6));
  for (let y = y0; y <= y1; y += step) years.push(y);
  const grid = s('g', { class: 'grid' });
  for (const y of years) {
    const xx = x(dayOf(`${y}-01-01`));
    grid.append(
      s('line', { x1: xx, x2: xx, y1: PANELS[0].top - 6, y2: PANELS[1].top + PANEL }),
      s('text', { x: xx, y: H - 12, class: 'tick', 'text-anchor': 'middle' }, String(y)),
    );
  }
  svg.append(grid);

  for (const panel of PANELS) {
    // Only periods in force have a value to plot: a deleted or ended code's line stops.
    const values = periods.map(({ p }) => (p.status !== 'in-force' || p[panel.key] === null ? null : Number(p[panel.key])));
    const max = niceMax(Math.max(0, ...values.filter((v) => v !== null)));
    const y = (v) => panel.top + PANEL - (v / max) * PANEL;
    const g = s('g', { class: `panel panel-${panel.key}` });
    g.append(
      s('text', { x: LEFT, y: panel.top - 12, class: 'panel-title' }, panel.label()),
      s('line', { x1: LEFT, x2: W - RIGHT, y1: panel.top + PANEL, y2: panel.top + PANEL, class: 'axis' }),
      s('text', { x: LEFT - 8, y: y(max) + 4, class: 'tick', 'text-anchor': 'end' }, decimal(String(max))),
      s('text', { x: LEFT - 8, y: y(0) + 4, class: 'tick', 'text-anchor': 'end' }, '0'),
      s('line', { x1: LEFT, x2: W - RIGHT, y1: y(max), y2: y(max), class: 'axis faint' }),
    );
    // The step line: one horizontal run per known period, joined when periods touch.
    let d = '';
    let prev = null;
    periods.forEach(({ start, end }, i) => {
      const v = values[i];
      if (v === null) {
        prev = null;
        return;
      }
      const [xa, xb, yy] = [x(start), x(end), y(v)];
      d += prev !== null && prev.end === start ? ` V${yy.toFixed(1)} H${xb.toFixed(1)}` : ` M${xa.toFixed(1)} ${yy.toFixed(1)} H${xb.toFixed(1)}`;
      prev = { end };
    });
    if (d) g.append(s('path', { d: d.trim(), class: 'series' }));
    else g.append(s('text', { x: (LEFT + W - RIGHT) / 2, y: panel.top + PANEL / 2, class: 'tick', 'text-anchor': 'middle' }, t('code.unknownValue')));
    periods.forEach(({ p, start }, i) => {
      const v = values[i];
      // A point where this series starts or changes; a period that changed only the other series adds none here.
      if (v === null || (i > 0 && values[i - 1] === v && periods[i - 1].end === start)) return;
      const shown = panel.key === 'fee' ? money(p.fee) : `${p.keyLetter ?? ''} ${decimal(p.relativeValue)}`.trim();
      const when = p.date ?? t('code.before', { date: p.until ?? '' });
      const act = (panel.key === 'fee' ? p.feeSource : p.valueSource) ?? p.source;
      const title = `${when} — ${shown}${act ? ` — ${act.document}, ${act.article}` : ''}`;
      const cx = x(start);
      const cy = y(v);
      const dot = s('circle', { cx, cy, r: p.date ? 6 : 4, class: p.date ? 'dot' : 'dot open' });
      const label = s('text', { x: cx + 9, y: cy - 9, class: 'value-label' }, shown);
      const href = actLink(act);
      const item = href
        ? s('a', { href, class: 'point', 'data-date': p.date ?? '', 'data-series': panel.key }, s('title', {}, title), dot, label)
        : s('g', { class: 'point', 'data-date': p.date ?? '', 'data-series': panel.key }, s('title', {}, title), dot, label);
      g.append(item);
    });
    svg.append(g);
  }

  if (at) {
    const xa = x(dayOf(at));
    svg.append(
      s('g', { class: 'at-marker' },
        s('line', { x1: xa, x2: xa, y1: 16, y2: PANELS[1].top + PANEL }),
        s('text', { x: xa, y: 12, class: 'tick', 'text-anchor': 'middle' }, at)),
    );
  }
  return svg;
}
