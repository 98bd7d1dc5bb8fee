/**
 * The centre compliance report: over an institution's claim lines (NDJSON) and a window of
 * dates, each obligation of its conventions as a figure with its threshold, its source and
 * pass / fail (or incomplete / not checkable, saying why):
 *
 * - ablation volume (Art. 5.4): at least 60 ablations in the transition period
 *   [start, start + 3 years), then at least 30 per convention year;
 * - ablation billing delay (Art. 6, 6°): billed within two months of the service;
 * - breast reconstruction (Art. 1, 9): at least 40 % of interventions without a supplement;
 *   supplements at most 100 % of the art. 3 fee, only in a single room, none on the
 *   services of articles 4 and 5.
 */
import { addDays, addMonths, addYears, isIsoDate, maxDate, minDate, type IsoDate } from '../date.js';
import { cmp, dec, fmt, money, type Decimal } from '../decimal.js';
import { isValidCode } from '../code.js';
import type { Nomenclature } from '../nomenclature/types.js';
import { InputError } from './csv.js';
import { statusOn, validity, type Institution, type Validity } from './registry.js';
import { ABLATION, BREAST, CITE, type Citation } from './sources.js';

/** The ablation services (Art. 4.1.1), both codes of each pair. */
export const ABLATION_CODES: readonly string[] = ['587134', '587145', '587156', '587160', '587171', '587182', '587193', '587204'];
/** Breast reconstruction, article 3 (phase 1: the reconstruction itself). */
export const BREAST_ART3_CODES: readonly string[] = ['252652', '252663', '252674', '252685', '252696', '252700', '252711', '252722'];
/** Breast reconstruction, articles 4 and 5 (phases 2 and 3). */
export const BREAST_ART45_CODES: readonly string[] = ['252733', '252744', '252755', '252766', '252770', '252781', '252792', '252803', '252814', '252825'];

const ABLATION_SET = new Set(ABLATION_CODES);
const ART3_SET = new Set(BREAST_ART3_CODES);
const ART45_SET = new Set(BREAST_ART45_CODES);

export type Room = 'single' | 'double' | 'common';

/** One claim line of the compliance input. Other fields of a claim may be present and are ignored. */
export interface ComplianceLine {
  /** 1-based line number in the file. */
  line: number;
  id: string | null;
  code: string;
  /** Date of the service. */
  date: IsoDate;
  billedOn: IsoDate | null;
  /** Supplement of fees (euro, exact); null: the line does not say. */
  supplement: Decimal | null;
  room: Room | null;
  institution: string | null;
  units: number;
  /** The fee of the line when the file gives it (euro, exact); else it is read from the nomenclature. */
  fee: Decimal | null;
}

const ROOMS: Record<string, Room> = { single: 'single', individual: 'single', double: 'double', 'two-bed': 'double', common: 'common', shared: 'common' };

function money2(v: unknown, field: string, line: number): Decimal {
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) throw new InputError(line, field, `${v} is a binary floating-point number: give amounts as a decimal string ("${v.toFixed(2)}")`, undefined, 'field');
    return dec(String(v));
  }
  if (typeof v !== 'string' || !/^\d+(?:\.\d{1,2})?$/.test(v.trim())) {
    throw new InputError(line, field, `${JSON.stringify(v)} is not an amount in euro (a decimal string with at most two decimals, e.g. "1250.00")`, undefined, 'field');
  }
  return dec(v.trim());
}

function dateOf(v: unknown, field: string, line: number, required: boolean): IsoDate | null {
  if (v === undefined || v === null) {
    if (required) throw new InputError(line, field, 'missing (a date YYYY-MM-DD is required)', undefined, 'field');
    return null;
  }
  if (!isIsoDate(v)) throw new InputError(line, field, `${JSON.stringify(v)} is not a date in the form YYYY-MM-DD`, undefined, 'field');
  return v;
}

/** Reads one claim line object (`line`: its line number, for errors). */
export function readComplianceLine(o: unknown, line: number): ComplianceLine {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new InputError(line, null, 'not a JSON object (one claim line per line)');
  const r = o as Record<string, unknown>;
  if (r.code === undefined) throw new InputError(line, 'code', 'missing (a 6-digit nomenclature code is required)', undefined, 'field');
  const code = typeof r.code === 'number' ? String(r.code).padStart(6, '0') : r.code;
  if (typeof code !== 'string' || !/^\d{6}$/.test(code)) throw new InputError(line, 'code', `${JSON.stringify(r.code)} is not a 6-digit code`, undefined, 'field');
  if (!isValidCode(code)) throw new InputError(line, 'code', `${code} has an invalid check digit (the 6th digit is the first five mod 7)`, undefined, 'field');
  const date = dateOf(r.date, 'date', line, true)!;
  const billedOn = dateOf(r.billedOn, 'billedOn', line, false);
  const supplement = r.supplement === undefined || r.supplement === null ? null : money2(r.supplement, 'supplement', line);
  const fee = r.fee === undefined || r.fee === null ? null : money2(r.fee, 'fee', line);
  let room: Room | null = null;
  if (r.room !== undefined && r.room !== null) {
    const name = typeof r.room === 'string' ? r.room.trim().toLowerCase() : '';
    const k = Object.hasOwn(ROOMS, name) ? ROOMS[name] : undefined;
    if (!k) throw new InputError(line, 'room', `${JSON.stringify(r.room)} is not a room type (single, double, common)`, undefined, 'field');
    room = k;
  }
  let units = 1;
  if (r.units !== undefined) {
    if (typeof r.units !== 'number' || !Number.isInteger(r.units) || r.units < 1) throw new InputError(line, 'units', `${JSON.stringify(r.units)} is not a positive whole number`, undefined, 'field');
    units = r.units;
  }
  const id = r.id === undefined || r.id === null ? null : String(r.id);
  const inst = r.institution;
  if (inst !== undefined && inst !== null && typeof inst !== 'string') throw new InputError(line, 'institution', `${JSON.stringify(inst)} is not an institution id`, undefined, 'field');
  return { line, id, code, date, billedOn, supplement, room, institution: (inst as string | undefined) ?? null, units, fee };
}

/** Parses NDJSON claim lines; blank lines are skipped; every error names the line. */
export function parseClaimLines(text: string): ComplianceLine[] {
  const out: ComplianceLine[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, k) => {
    if (raw.trim() === '') return;
    let o: unknown;
    try {
      o = JSON.parse(raw);
    } catch (e) {
      throw new InputError(k + 1, null, `not valid JSON (${(e as Error).message})`);
    }
    out.push(readComplianceLine(o, k + 1));
  });
  return out;
}

export type FigureStatus = 'pass' | 'fail' | 'incomplete' | 'not-checkable';

/** A line that breaks an obligation, or could not be checked. */
export interface LineFinding {
  line: number;
  id: string | null;
  code: string;
  date: IsoDate;
  detail: string;
}

/** One figure of the report. */
export interface Figure {
  id: string;
  convention: string;
  title: string;
  /** The period the figure is about (both ends inclusive), and the part of it that was counted. */
  period: { from: IsoDate; to: IsoDate } | null;
  counted: { from: IsoDate; to: IsoDate } | null;
  /** The measured value, as text ("57", "42.86"), and its unit. */
  value: string;
  unit: string;
  threshold: { op: '>=' | '<=' | '='; value: string; unit: string };
  status: FigureStatus;
  /** How the figure was computed and, when not pass/fail, why. */
  note: string;
  source: Citation;
  /** Further sentences the figure rests on. */
  also?: Citation[];
  counts: Record<string, number>;
  /** Lines that break the obligation (or could not be checked), at most MAX_FINDINGS. */
  findings: LineFinding[];
  /** Per-period data for charts (e.g. per convention year). */
  series?: { label: string; from: IsoDate; to: IsoDate; value: number }[];
}

export const MAX_FINDINGS = 50;

/** The report. */
export interface ComplianceReport {
  institution: { id: string; name: string | null };
  window: { from: IsoDate; to: IsoDate };
  conventions: (Validity & { overlapsWindow: boolean })[];
  lines: { read: number; otherInstitution: number; outsideWindow: number; considered: number; outsideConvention: number; notConcerned: number };
  figures: Figure[];
  summary: Record<FigureStatus, number>;
  interpretations: string[];
  warnings: string[];
}

export interface ComplianceOptions {
  /** For the fee of a line that does not state it (supplement cap). */
  nomenclature?: Nomenclature;
}

/** The interpretations the report applies, stated in its output. */
export const INTERPRETATIONS = {
  transition: 'Ablation volume: the transition period is [start, start + 3 years), i.e. from the convention\'s start to the day before its third anniversary; after it, each convention year [start + n years, start + n + 1 years) must count at least 30. A period the window (or the convention\'s end) cuts is "incomplete" unless its threshold is already reached.',
  ablations: 'Ablations counted: lines of 587134-587145, 587156-587160, 587171-587182, 587193-587204 at the institution while its convention is in force, each line counting its units (default 1).',
  billing: '"Within two months of the service": billedOn ≤ service date + 2 calendar months (31 August + 2 months = 31 October; 31 December + 2 months = 28/29 February). A line without billedOn cannot be checked and is reported as such.',
  share: 'Share without supplement: interventions are the lines of the article 3 services (252652-252663, 252674-252685, 252696-252700, 252711-252722) in the window; "without supplement" means a supplement of 0.00; lines that do not state a supplement are not counted as either, and the figure is decided only if it holds whatever they are.',
  cap: 'Supplement cap: the supplement of an article 3 line may not exceed 100 % of that line\'s fee (the fee stated on the line, else the nomenclature\'s fee on the service date); a supplement on a service of articles 4 or 5 is counted as an "other supplement", which Art. 9 excludes.',
  room: 'Single room: a supplement (> 0) is allowed only when the line\'s room is "single".',
  institution: 'Lines that name another institution are ignored; lines that name none are taken as the institution\'s own.',
} as const;

function ctx(l: ComplianceLine, detail: string): LineFinding {
  return { line: l.line, id: l.id, code: l.code, date: l.date, detail };
}

function capFindings(list: LineFinding[]): LineFinding[] {
  return list.slice(0, MAX_FINDINGS);
}

/** n / d as a percentage with two decimals, rounded half-up, exactly ("42.86"). */
export function percent(n: number, d: number): string {
  if (d === 0) return '—';
  // round half-up of n × 10000 / d = floor((2 × n × 10000 + d) / (2 × d)), in whole numbers.
  const q = (2n * BigInt(n) * 10_000n + BigInt(d)) / (2n * BigInt(d));
  return fmt({ units: q, scale: 2 });
}

function summarise(figs: Figure[]): Record<FigureStatus, number> {
  const s: Record<FigureStatus, number> = { pass: 0, fail: 0, incomplete: 0, 'not-checkable': 0 };
  for (const f of figs) s[f.status]++;
  return s;
}

function within(d: IsoDate, from: IsoDate, to: IsoDate | null): boolean {
  return d >= from && (to === null || d <= to);
}

/** The periods of the ablation volume obligation for a convention starting `start` and ending `end`. */
export function volumePeriods(start: IsoDate, end: IsoDate | null): { label: string; from: IsoDate; to: IsoDate; min: number; truncatedByEnd: boolean; citation: Citation }[] {
  const out: { label: string; from: IsoDate; to: IsoDate; min: number; truncatedByEnd: boolean; citation: Citation }[] = [];
  const tEnd = addDays(addYears(start, 3), -1);
  out.push({ label: 'transition period (years 1–3)', from: start, to: end !== null ? minDate(tEnd, end) : tEnd, min: 60, truncatedByEnd: end !== null && end < tEnd, citation: CITE.ablationVolumeTransition });
  // Convention years after the transition; an open-ended convention is listed up to 50 years (the window limits it anyway).
  for (let k = 3; k < 50; k++) {
    const from = addYears(start, k);
    if (end !== null && from > end) break;
    const yEnd = addDays(addYears(start, k + 1), -1);
    out.push({ label: `convention year ${k + 1}`, from, to: end !== null ? minDate(yEnd, end) : yEnd, min: 30, truncatedByEnd: end !== null && end < yEnd, citation: CITE.ablationVolumeYearly });
    if (end === null && k > 12) break;
  }
  return out;
}

function ablationFigures(v: Validity, lines: ComplianceLine[], window: { from: IsoDate; to: IsoDate }): Figure[] {
  const figures: Figure[] = [];
  if (v.from === null || v.empty) return figures;
  const abl = lines.filter((l) => ABLATION_SET.has(l.code) && within(l.date, v.from!, v.to));

  // Volume, per period.
  const periods = volumePeriods(v.from, v.to).filter((p) => p.from <= window.to && p.to >= window.from);
  const series: { label: string; from: IsoDate; to: IsoDate; value: number }[] = [];
  for (const p of periods) {
    const cFrom = maxDate(p.from, window.from);
    const cTo = minDate(p.to, window.to);
    const n = abl.filter((l) => l.date >= cFrom && l.date <= cTo).reduce((s, l) => s + l.units, 0);
    const cutByWindow = cFrom !== p.from || cTo !== p.to;
    const fullTo = p.label.startsWith('transition') ? addDays(addYears(p.from, 3), -1) : addDays(addYears(p.from, 1), -1);
    let status: FigureStatus;
    let note: string;
    if (n >= p.min) {
      status = 'pass';
      note = cutByWindow ? `reached within the part counted (${cFrom} to ${cTo}), although the window cuts the ${p.label}` : `${p.label}: ${p.from} to ${p.to}, complete`;
    } else if (cutByWindow) {
      status = 'incomplete';
      note = `the window ${window.from} to ${window.to} cuts the ${p.label} (${p.from} to ${p.to}): counted ${cFrom} to ${cTo} only; ${n} of at least ${p.min} so far`;
    } else if (p.truncatedByEnd) {
      status = 'incomplete';
      note = `the convention ends ${v.to}, before the end of the ${p.label} (${fullTo}): ${n} in the part in force; the annual threshold is not decided for a partial year`;
    } else {
      status = 'fail';
      note = `${p.label}: ${p.from} to ${p.to}, complete: ${n} < ${p.min}`;
    }
    series.push({ label: p.label, from: cFrom, to: cTo, value: n });
    figures.push({
      id: p.label.startsWith('transition') ? 'ablation.volume.transition' : `ablation.volume.year-${p.label.replace(/\D+/g, '')}`,
      convention: ABLATION,
      title: `Ablations, ${p.label}`,
      period: { from: p.from, to: p.to },
      counted: { from: cFrom, to: cTo },
      value: String(n),
      unit: 'ablations',
      threshold: { op: '>=', value: String(p.min), unit: 'ablations' },
      status,
      note,
      source: p.citation,
      counts: { ablations: n, lines: abl.filter((l) => l.date >= cFrom && l.date <= cTo).length },
      findings: [],
    });
  }
  if (figures.length) figures[0].series = series;

  // Billing delay.
  const inWin = abl.filter((l) => l.date >= window.from && l.date <= window.to);
  const late: LineFinding[] = [];
  const unknown: LineFinding[] = [];
  const early: LineFinding[] = [];
  let onTime = 0;
  for (const l of inWin) {
    if (l.billedOn === null) { unknown.push(ctx(l, 'no billedOn: the billing delay cannot be checked')); continue; }
    const deadline = addMonths(l.date, 2);
    if (l.billedOn > deadline) late.push(ctx(l, `billed ${l.billedOn}, after the deadline ${deadline} (service ${l.date} + 2 months)`));
    else {
      onTime++;
      if (l.billedOn < l.date) early.push(ctx(l, `billed ${l.billedOn}, before the service date ${l.date} (data error?)`));
    }
  }
  const checked = onTime + late.length;
  let status: FigureStatus;
  let note: string;
  if (inWin.length === 0) { status = 'not-checkable'; note = 'no ablation line in the window'; }
  else if (late.length > 0) { status = 'fail'; note = `${late.length} of ${checked} lines checked were billed more than two months after the service${unknown.length ? `; ${unknown.length} lines have no billedOn and could not be checked` : ''}`; }
  else if (unknown.length > 0) { status = 'incomplete'; note = `${checked} lines billed in time; ${unknown.length} lines have no billedOn and could not be checked`; }
  else { status = 'pass'; note = `all ${checked} lines billed within two months of the service`; }
  if (early.length) note += `; ${early.length} lines are billed before their service date`;
  figures.push({
    id: 'ablation.billing-delay',
    convention: ABLATION,
    title: 'Ablations billed more than two months after the service',
    period: { from: maxDate(v.from, window.from), to: v.to === null ? window.to : minDate(v.to, window.to) },
    counted: { from: window.from, to: window.to },
    value: String(late.length),
    unit: 'lines billed late',
    threshold: { op: '=', value: '0', unit: 'lines billed late' },
    status,
    note,
    source: CITE.ablationBillingDelay,
    counts: { lines: inWin.length, checked, onTime, late: late.length, unknown: unknown.length, billedBeforeService: early.length },
    findings: capFindings([...late, ...unknown, ...early]),
  });
  return figures;
}

function feeFor(l: ComplianceLine, nom: Nomenclature | undefined): { fee: Decimal | null; why: string } {
  if (l.fee) return { fee: l.fee, why: 'stated on the line' };
  if (!nom) return { fee: null, why: 'no fee on the line and no nomenclature given' };
  const s = nom.state(l.code, l.date);
  if (s.fee) return { fee: dec(s.fee), why: `nomenclature fee on ${l.date}` };
  return { fee: null, why: `the nomenclature gives no fee for ${l.code} on ${l.date} (${s.status}${s.feeReason ? `: ${s.feeReason}` : ''})` };
}

function breastFigures(v: Validity, lines: ComplianceLine[], window: { from: IsoDate; to: IsoDate }, nom: Nomenclature | undefined): Figure[] {
  if (v.from === null || v.empty) return [];
  const from = maxDate(v.from, window.from);
  const to = v.to === null ? window.to : minDate(v.to, window.to);
  if (from > to) return [];
  const mine = lines.filter((l) => l.date >= from && l.date <= to);
  const art3 = mine.filter((l) => ART3_SET.has(l.code));
  const art45 = mine.filter((l) => ART45_SET.has(l.code));
  const period = { from, to };
  const figures: Figure[] = [];

  // Share of interventions without a supplement.
  const known = art3.filter((l) => l.supplement !== null);
  const unknownLines = art3.filter((l) => l.supplement === null);
  const without = known.filter((l) => l.supplement!.units === 0n).length;
  const total = known.length;
  const u = unknownLines.length;
  // At least 40 %: without × 100 ≥ 40 × total, in whole numbers. Decided only if it holds whatever the unknown lines are.
  const passesWorst = (without) * 100 >= 40 * (total + u);
  const passesBest = (without + u) * 100 >= 40 * (total + u);
  let status: FigureStatus;
  let note: string;
  if (art3.length === 0) { status = 'not-checkable'; note = 'no article 3 intervention in the window'; }
  else if (total === 0) { status = 'not-checkable'; note = `none of the ${u} interventions states its supplement`; }
  else if (passesWorst) { status = 'pass'; note = `${without} of ${total + u} interventions without supplement${u ? ` even if the ${u} lines without a supplement field all had one` : ''}`; }
  else if (!passesBest) { status = 'fail'; note = `${without} of ${total} interventions without supplement${u ? `; below 40 % even if the ${u} lines without a supplement field all had none` : ''}`; }
  else { status = 'incomplete'; note = `${without} of ${total} known interventions without supplement; ${u} lines do not state a supplement and decide the figure`; }
  figures.push({
    id: 'breast.share-without-supplement',
    convention: BREAST,
    title: 'Share of interventions without a supplement',
    period, counted: period,
    value: percent(without, total),
    unit: '%',
    threshold: { op: '>=', value: '40', unit: '%' },
    status, note,
    source: CITE.breastShareWithoutSupplement,
    counts: { interventions: art3.length, withoutSupplement: without, withSupplement: total - without, unknown: u },
    findings: capFindings(unknownLines.map((l) => ctx(l, 'no supplement field: not counted'))),
  });

  // Supplement at most 100 % of the fee.
  const over: LineFinding[] = [];
  const noFee: LineFinding[] = [];
  let capChecked = 0;
  const withSupp = art3.filter((l) => l.supplement !== null && l.supplement.units > 0n);
  for (const l of withSupp) {
    const { fee, why } = feeFor(l, nom);
    if (!fee) { noFee.push(ctx(l, `supplement ${money(l.supplement!)} EUR: fee unknown (${why})`)); continue; }
    capChecked++;
    if (cmp(l.supplement!, fee) > 0) over.push(ctx(l, `supplement ${money(l.supplement!)} EUR > 100 % of the fee ${money(fee)} EUR (${why})`));
  }
  if (withSupp.length === 0) { status = art3.length ? 'pass' : 'not-checkable'; note = art3.length ? 'no article 3 line carries a supplement' : 'no article 3 intervention in the window'; }
  else if (over.length) { status = 'fail'; note = `${over.length} of ${capChecked} supplements checked exceed 100 % of the fee`; }
  else if (noFee.length) { status = 'incomplete'; note = `${capChecked} supplements within 100 % of the fee; ${noFee.length} could not be checked (fee unknown)`; }
  else { status = 'pass'; note = `all ${capChecked} supplements are at most 100 % of the fee`; }
  figures.push({
    id: 'breast.supplement-cap',
    convention: BREAST,
    title: 'Supplements above 100 % of the article 3 fee',
    period, counted: period,
    value: String(over.length), unit: 'lines',
    threshold: { op: '=', value: '0', unit: 'lines above 100 % of the fee' },
    status, note,
    source: CITE.breastSupplementCap,
    counts: { withSupplement: withSupp.length, checked: capChecked, over: over.length, feeUnknown: noFee.length },
    findings: capFindings([...over, ...noFee]),
  });

  // No other supplement (articles 4 and 5).
  const other = art45.filter((l) => l.supplement !== null && l.supplement.units > 0n);
  figures.push({
    id: 'breast.no-other-supplement',
    convention: BREAST,
    title: 'Supplements on the services of articles 4 and 5',
    period, counted: period,
    value: String(other.length), unit: 'lines',
    threshold: { op: '=', value: '0', unit: 'lines' },
    status: art45.length === 0 ? 'not-checkable' : other.length ? 'fail' : 'pass',
    note: art45.length === 0 ? 'no article 4 or 5 line in the window' : other.length ? `${other.length} of ${art45.length} lines of articles 4–5 carry a supplement` : `none of the ${art45.length} lines of articles 4–5 carries a supplement`,
    source: CITE.breastNoOtherSupplement,
    counts: { lines: art45.length, withSupplement: other.length },
    findings: capFindings(other.map((l) => ctx(l, `supplement ${money(l.supplement!)} EUR on a service of article ${l.code < '252790' ? '4' : '5'}`))),
  });

  // Single room only.
  const supp = [...art3, ...art45].filter((l) => l.supplement !== null && l.supplement.units > 0n);
  const wrongRoom = supp.filter((l) => l.room !== null && l.room !== 'single');
  const noRoom = supp.filter((l) => l.room === null);
  if (supp.length === 0) { status = mine.length ? 'pass' : 'not-checkable'; note = supp.length === 0 && mine.length ? 'no line carries a supplement' : 'no line in the window'; }
  else if (wrongRoom.length) { status = 'fail'; note = `${wrongRoom.length} of ${supp.length} lines with a supplement are not in a single room`; }
  else if (noRoom.length) { status = 'incomplete'; note = `${supp.length - noRoom.length} lines with a supplement in a single room; ${noRoom.length} do not state the room`; }
  else { status = 'pass'; note = `all ${supp.length} lines with a supplement are in a single room`; }
  figures.push({
    id: 'breast.supplement-single-room',
    convention: BREAST,
    title: 'Supplements outside a single room',
    period, counted: period,
    value: String(wrongRoom.length), unit: 'lines',
    threshold: { op: '=', value: '0', unit: 'lines' },
    status, note,
    source: CITE.breastSupplementCap,
    also: [CITE.breastNoAestheticSupplement],
    counts: { withSupplement: supp.length, notSingle: wrongRoom.length, roomUnknown: noRoom.length },
    findings: capFindings([...wrongRoom.map((l) => ctx(l, `supplement ${money(l.supplement!)} EUR in a ${l.room} room`)), ...noRoom.map((l) => ctx(l, 'supplement without a room: cannot be checked'))]),
  });
  return figures;
}

/**
 * The compliance report of `institution` over `window` (both ends inclusive) from its claim
 * lines. Only the conventions the institution has, in force during the window, give figures.
 */
export function complianceReport(institution: Institution, lines: readonly ComplianceLine[], window: { from: IsoDate; to: IsoDate }, opts: ComplianceOptions = {}): ComplianceReport {
  if (!isIsoDate(window.from)) throw new InputError(null, 'from', `"${window.from}" is not a date in the form YYYY-MM-DD`, undefined, 'field');
  if (!isIsoDate(window.to)) throw new InputError(null, 'to', `"${window.to}" is not a date in the form YYYY-MM-DD`, undefined, 'field');
  if (window.to < window.from) throw new InputError(null, 'to', `${window.to} is before --from ${window.from}`, undefined, 'field');
  const warnings: string[] = [];
  const ownLines = lines.filter((l) => l.institution === null || l.institution === institution.id);
  const inWindow = ownLines.filter((l) => l.date >= window.from && l.date <= window.to);
  const conventions = institution.conventions.map((c) => {
    const v = validity(c);
    const overlapsWindow = !v.empty && v.from !== null && v.from <= window.to && (v.to === null || v.to >= window.from);
    for (const i of v.issues) warnings.push(`${c.convention}: ${i}`);
    return { ...v, overlapsWindow };
  });
  const figures: Figure[] = [];
  for (const v of conventions) {
    if (!v.overlapsWindow) continue;
    if (v.convention === ABLATION) figures.push(...ablationFigures(v, ownLines as ComplianceLine[], window));
    else if (v.convention === BREAST) figures.push(...breastFigures(v, inWindow as ComplianceLine[], window, opts.nomenclature));
    else warnings.push(`${v.convention}: the system knows no obligation of this convention to report on`);
  }
  for (const c of institution.conventions) {
    if (!conventions.find((v) => v.convention === c.convention)?.overlapsWindow) warnings.push(`${c.convention}: not in force during the window ${window.from} to ${window.to}`);
  }
  if (institution.conventions.length === 0) warnings.push(`${institution.id} has no convention in the registry`);

  // Lines of a convention's services outside any period of that convention at this institution.
  let outsideConvention = 0;
  let notConcerned = 0;
  for (const l of inWindow) {
    const conv = ABLATION_SET.has(l.code) ? ABLATION : ART3_SET.has(l.code) || ART45_SET.has(l.code) ? BREAST : null;
    if (!conv) { notConcerned++; continue; }
    if (!institution.conventions.some((c) => c.convention === conv && statusOn(c, l.date).inForce)) outsideConvention++;
  }
  if (outsideConvention) warnings.push(`${outsideConvention} lines in the window are services of a convention not in force at ${institution.id} on their date (they are not counted; \`check\` refuses them)`);

  const interpretations: string[] = [INTERPRETATIONS.institution];
  if (figures.some((f) => f.convention === ABLATION)) interpretations.push(INTERPRETATIONS.transition, INTERPRETATIONS.ablations, INTERPRETATIONS.billing);
  if (figures.some((f) => f.convention === BREAST)) interpretations.push(INTERPRETATIONS.share, INTERPRETATIONS.cap, INTERPRETATIONS.room);
  return {
    institution: { id: institution.id, name: institution.name },
    window,
    conventions,
    lines: {
      read: lines.length,
      otherInstitution: lines.length - ownLines.length,
      outsideWindow: ownLines.length - inWindow.length,
      considered: inWindow.length,
      outsideConvention,
      notConcerned,
    },
    figures,
    summary: summarise(figures),
    interpretations,
    warnings,
  };
}

const MARK: Record<FigureStatus, string> = { pass: 'PASS', fail: 'FAIL', incomplete: 'INCOMPLETE', 'not-checkable': 'NOT CHECKABLE' };

function singular(unit: string): string {
  return unit.replace(/^(lines|ablations)\b/, (w) => w.slice(0, -1));
}

/** A readable rendering of the report. */
export function renderCompliance(r: ComplianceReport): string {
  const out: string[] = [];
  out.push(`Compliance of ${r.institution.id}${r.institution.name ? ` (${r.institution.name})` : ''}, ${r.window.from} to ${r.window.to}`);
  out.push(`  lines: ${r.lines.read} read, ${r.lines.considered} of this institution in the window (${r.lines.otherInstitution} of other institutions, ${r.lines.outsideWindow} outside the window, ${r.lines.notConcerned} not services of a convention)`);
  for (const v of r.conventions) {
    out.push('');
    out.push(`${v.convention}: ${v.from ?? '?'} to ${v.to ?? 'indefinite'}${v.overlapsWindow ? '' : ' (not in force during the window)'}`);
    out.push(`  from: ${v.basis.from}`);
    out.push(`  to:   ${v.basis.to}`);
    for (const f of r.figures.filter((x) => x.convention === v.convention)) {
      const unit = f.unit === '%' ? ' %' : ` ${f.value === '1' ? singular(f.unit) : f.unit}`;
      out.push(`  [${MARK[f.status]}] ${f.title}: ${f.value}${unit} (threshold ${f.threshold.op} ${f.threshold.value}${f.threshold.unit === '%' ? ' %' : ` ${f.threshold.unit}`})`);
      out.push(`      ${f.note}`);
      out.push(`      source: [${f.source.document}, ${f.source.article}] « ${f.source.text} »`);
      for (const x of f.findings.slice(0, 10)) out.push(`      line ${x.line}${x.id ? ` (${x.id})` : ''}: ${x.code} on ${x.date}: ${x.detail}`);
      if (f.findings.length > 10) out.push(`      … ${f.findings.length - 10} more (see --json${f.findings.length >= MAX_FINDINGS ? `, which lists the first ${MAX_FINDINGS}` : ''})`);
    }
  }
  out.push('');
  out.push(`Summary: ${r.summary.pass} pass, ${r.summary.fail} fail, ${r.summary.incomplete} incomplete, ${r.summary['not-checkable']} not checkable`);
  if (r.warnings.length) {
    out.push('Warnings:');
    for (const w of r.warnings) out.push(`  - ${w}`);
  }
  out.push('Interpretations:');
  for (const i of r.interpretations) out.push(`  - ${i}`);
  return out.join('\n');
}
