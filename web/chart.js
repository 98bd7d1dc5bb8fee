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

  // A change of unknown date: its window is drawn as a hatched band across both panels, with
  // every possible value; no line runs through it as if one of them were certain.
  for (const { p, start, end } of periods) {
    if (p.status !== 'uncertain') continue;
    const xa = x(start);
    const xb = x(end);
    const values = (p.candidates ?? []).map((c) => (c.status === 'in-force' && c.relativeValue !== null ? `${c.keyLetter ?? ''} ${decimal(c.relativeValue)}`.trim() : t(`status.${c.status}`)));
    const title = `${t('code.uncertainWindow', { from: p.date ?? '…', to: p.until ?? '…' })}: ${values.join(' / ')}${p.reason ? ` — ${p.reason}` : ''}`;
    svg.append(s('g', { class: 'uncertain', 'data-from': p.date ?? '', 'data-until': p.until ?? '' },
      s('title', {}, title),
      s('rect', { x: xa, y: PANELS[0].top - 6, width: Math.max(xb - xa, 3), height: PANELS[1].top + PANEL - PANELS[0].top + 6, class: 'uncertain-band' }),
      s('text', { x: xa + 4, y: PANELS[0].top + 10, class: 'uncertain-label' }, `${t('code.uncertain')}: ${values.join(' / ')}`)));
  }

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

// --- bar charts of the compliance report ------------------------------------------------------

const BW = 640;
const B_LEFT = 56;
const B_RIGHT = 64;
const B_TOP = 26;
const B_PLOT = 170;
const BH = B_TOP + B_PLOT + 46;

/**
 * A bar chart of one figure's series: one bar per period, coloured by its status, and each bar's
 * threshold as a dashed line over its slot (labelled where it changes), so that "29 against at
 * least 30" reads at a glance. `bars`: [{ label, sublabel, value, threshold, op, status, title }];
 * `max` fixes the axis (100 for a percentage); `format` writes a value.
 */
export function barChart(bars, { id, title, max, format = (v) => String(v) }) {
  const highest = Math.max(0, ...bars.map((b) => Math.max(b.value, b.threshold ?? 0)));
  const yMax = max ?? niceMax(highest || 1);
  const y = (v) => B_TOP + B_PLOT - (Math.min(Math.max(v, 0), yMax) / yMax) * B_PLOT;
  // One bar needs less width: a narrower drawing keeps its text at the size of the others.
  const W = bars.length === 1 ? 360 : BW;
  const slot = (W - B_LEFT - B_RIGHT) / Math.max(bars.length, 1);
  const barW = Math.min(slot * 0.55, 84);
  const svg = s('svg', { class: bars.length === 1 ? 'bars single' : 'bars', viewBox: `0 0 ${W} ${BH}`, role: 'img', 'aria-label': title, 'data-figure': id, preserveAspectRatio: 'xMidYMid meet' });
  svg.append(s('title', {}, title));

  const axis = s('g', { class: 'axis-y' });
  for (const v of [0, yMax / 2, yMax]) {
    axis.append(
      s('line', { x1: B_LEFT, x2: W - B_RIGHT, y1: y(v), y2: y(v), class: v === 0 ? 'axis' : 'axis faint' }),
      s('text', { x: B_LEFT - 8, y: y(v) + 4, class: 'tick', 'text-anchor': 'end' }, format(v)),
    );
  }
  svg.append(axis);

  bars.forEach((b, i) => {
    const cx = B_LEFT + slot * (i + 0.5);
    const g = s('g', { class: 'bar', 'data-status': b.status, 'data-value': b.value, 'data-label': b.label });
    g.append(
      s('title', {}, b.title ?? `${b.label}: ${format(b.value)}`),
      s('rect', { x: cx - barW / 2, y: y(b.value), width: barW, height: Math.max(y(0) - y(b.value), 0), rx: 2, class: `bar-fill fill-${b.status}` }),
      s('text', { x: cx, y: y(b.value) - 6, class: 'value-label', 'text-anchor': 'middle' }, format(b.value)),
      s('text', { x: cx, y: B_TOP + B_PLOT + 18, class: 'bar-label', 'text-anchor': 'middle' }, b.label),
      b.sublabel ? s('text', { x: cx, y: B_TOP + B_PLOT + 34, class: 'tick', 'text-anchor': 'middle' }, b.sublabel) : null,
    );
    svg.append(g);
  });

  // Thresholds after the bars: the line stays visible across a bar that reaches past it.
  const marks = s('g', { class: 'thresholds' });
  bars.forEach((b, i) => {
    if (b.threshold === null || b.threshold === undefined) return;
    const x0 = B_LEFT + slot * i + slot * 0.04;
    const x1 = B_LEFT + slot * (i + 1) - slot * 0.04;
    marks.append(s('line', { x1: x0, x2: x1, y1: y(b.threshold), y2: y(b.threshold), class: 'threshold', 'data-value': b.threshold }));
    const next = bars[i + 1];
    if (!next || next.threshold !== b.threshold) {
      marks.append(s('text', { x: x1 + 4, y: y(b.threshold) + 4, class: 'threshold-label' }, `${b.op ?? '≥'} ${format(b.threshold)}`));
    }
  });
  svg.append(marks);
  return svg;
}

// --- convention periods of an institution -----------------------------------------------------

const PW = 760;
const P_LEFT = 240;
const P_RIGHT = 24;
const P_TOP = 26;
const P_ROW = 30;

/**
 * The periods of an institution's conventions on one time axis, with the chosen date marked:
 * `rows`: [{ label, from, to, inForce }] (`to` null: indefinite, drawn open to the right edge).
 * Returns null when no row has a start.
 */
export function periodChart(rows, at, title) {
  const dated = rows.filter((r) => r.from);
  if (dated.length === 0) return null;
  const days = [...dated.map((r) => dayOf(r.from)), ...dated.filter((r) => r.to).map((r) => dayOf(r.to)), dayOf(at)];
  let lo = Math.min(...days);
  let hi = Math.max(...days);
  // An open end needs room to show it goes on.
  if (dated.some((r) => !r.to)) hi = Math.max(hi, dayOf(at) + 365);
  const pad = Math.max((hi - lo) * 0.06, 60);
  const x0 = lo - pad;
  const x1 = hi + pad;
  const x = (day) => P_LEFT + ((day - x0) / (x1 - x0)) * (PW - P_LEFT - P_RIGHT);
  const H = P_TOP + rows.length * P_ROW + 30;
  const svg = s('svg', { class: 'periods', viewBox: `0 0 ${PW} ${H}`, role: 'img', 'aria-label': title, preserveAspectRatio: 'xMidYMid meet' });
  svg.append(s('title', {}, title));

  const grid = s('g', { class: 'grid' });
  const y0 = Number(isoOf(x0).slice(0, 4)) + 1;
  const y1 = Number(isoOf(x1).slice(0, 4));
  const step = Math.max(1, Math.ceil((y1 - y0 + 1) / 8));
  for (let yr = y0; yr <= y1; yr += step) {
    const xx = x(dayOf(`${yr}-01-01`));
    grid.append(s('line', { x1: xx, x2: xx, y1: P_TOP - 8, y2: H - 24 }), s('text', { x: xx, y: H - 8, class: 'tick', 'text-anchor': 'middle' }, String(yr)));
  }
  svg.append(grid);

  rows.forEach((r, i) => {
    const yy = P_TOP + i * P_ROW;
    const g = s('g', { class: ['period', r.inForce ? 'in-force' : 'not-in-force'].join(' '), 'data-convention': r.label, 'data-in-force': String(r.inForce) });
    g.append(s('text', { x: P_LEFT - 10, y: yy + 15, class: 'row-label', 'text-anchor': 'end' }, r.label));
    if (r.from) {
      const xa = x(dayOf(r.from));
      const xb = r.to ? x(dayOf(r.to) + 1) : PW - P_RIGHT;
      g.append(
        s('title', {}, `${r.label}: ${r.from} → ${r.to ?? '…'}`),
        s('rect', { x: xa, y: yy + 4, width: Math.max(xb - xa, 2), height: P_ROW - 12, rx: 3, class: r.to ? 'span' : 'span open' }),
      );
      if (!r.to) g.append(s('path', { d: `M${xb} ${yy + 2} l10 ${(P_ROW - 8) / 2} l-10 ${(P_ROW - 8) / 2} z`, class: 'span open' }));
    }
    svg.append(g);
  });

  const xa = x(dayOf(at));
  svg.append(s('g', { class: 'at-marker' }, s('line', { x1: xa, x2: xa, y1: 14, y2: H - 24 }), s('text', { x: xa, y: 10, class: 'tick', 'text-anchor': 'middle' }, at)));
  return svg;
}
