/**
 * The centre compliance report: over an institution's claim lines (NDJSON) and a window of
 * dates, each obligation of its conventions (read from the convention's text or curated with
 * citations: src/conventions/obligations/) as a figure with its threshold, its sentence and
 * pass / fail (or incomplete / not checkable, saying why). The report knows no convention:
 * it asks each obligation's kind for its figures.
 */
import { isIsoDate, type IsoDate } from '../date.js';
import { dec, type Decimal } from '../decimal.js';
import { isValidCode } from '../code.js';
import type { Nomenclature } from '../nomenclature/types.js';
import { builtinCatalogue, type ConventionCatalogue } from './catalogue.js';
import { InputError } from './csv.js';
import { OBLIGATION_KIND_IMPLS, type ComplianceLine, type Figure, type FigureStatus, type Obligation, type Room } from './obligations/index.js';
import { statusOn, validity, type Institution, type Validity } from './registry.js';

export type { ComplianceLine, Figure, FigureStatus, LineFinding, Room } from './obligations/index.js';
export { MAX_FINDINGS, percent, volumePeriods } from './obligations/index.js';
import { MAX_FINDINGS } from './obligations/index.js';

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

/** The report. */
export interface ComplianceReport {
  institution: { id: string; name: string | null };
  window: { from: IsoDate; to: IsoDate };
  /** Each convention of the institution: its period, whether it overlaps the window, its readable name. */
  conventions: (Validity & { overlapsWindow: boolean; title: string | null })[];
  lines: { read: number; otherInstitution: number; outsideWindow: number; considered: number; outsideConvention: number; notConcerned: number };
  figures: Figure[];
  summary: Record<FigureStatus, number>;
  interpretations: string[];
  warnings: string[];
}

export interface ComplianceOptions {
  /** For the fee of a line that does not state it (supplement cap). */
  nomenclature?: Nomenclature;
  /** The conventions known (default: the built-in documents'). */
  catalogue?: ConventionCatalogue;
}

/** The interpretation every report applies, stated in its output. */
export const INSTITUTION_INTERPRETATION = 'Lines that name another institution are ignored; lines that name none are taken as the institution\'s own.';

function summarise(figs: Figure[]): Record<FigureStatus, number> {
  const s: Record<FigureStatus, number> = { pass: 0, fail: 0, incomplete: 0, 'not-checkable': 0 };
  for (const f of figs) s[f.status]++;
  return s;
}

/** The codes whose supplement a report compares with their fee (to read their fees beforehand). */
export function cappedCodes(catalogue: ConventionCatalogue = builtinCatalogue()): string[] {
  return catalogue.entries.flatMap((e) => e.obligations.filter((o) => o.kind === 'supplement-cap').flatMap((o) => o.services));
}

/**
 * The compliance report of `institution` over `window` (both ends inclusive) from its claim
 * lines. Only the conventions the institution has, in force during the window, give figures.
 */
export function complianceReport(institution: Institution, lines: readonly ComplianceLine[], window: { from: IsoDate; to: IsoDate }, opts: ComplianceOptions = {}): ComplianceReport {
  if (!isIsoDate(window.from)) throw new InputError(null, 'from', `"${window.from}" is not a date in the form YYYY-MM-DD`, undefined, 'field');
  if (!isIsoDate(window.to)) throw new InputError(null, 'to', `"${window.to}" is not a date in the form YYYY-MM-DD`, undefined, 'field');
  if (window.to < window.from) throw new InputError(null, 'to', `${window.to} is before --from ${window.from}`, undefined, 'field');
  const catalogue = opts.catalogue ?? builtinCatalogue();
  const warnings: string[] = [];
  const ownLines = lines.filter((l) => l.institution === null || l.institution === institution.id);
  const inWindow = ownLines.filter((l) => l.date >= window.from && l.date <= window.to);
  const conventions = institution.conventions.map((c) => {
    const v = validity(c, catalogue);
    const overlapsWindow = !v.empty && v.from !== null && v.from <= window.to && (v.to === null || v.to >= window.from);
    for (const i of v.issues) warnings.push(`${c.convention}: ${i}`);
    return { ...v, overlapsWindow, title: catalogue.find(c.convention)?.title ?? null };
  });
  const figures: Figure[] = [];
  const used: Obligation[] = [];
  for (const v of conventions) {
    if (!v.overlapsWindow) continue;
    const obligations = catalogue.find(v.convention)?.obligations ?? [];
    if (obligations.length === 0) warnings.push(`${v.convention}: the system knows no obligation of this convention to report on`);
    for (const ob of obligations) {
      const figs = OBLIGATION_KIND_IMPLS[ob.kind].figures(ob, { validity: v, lines: ownLines, window, nomenclature: opts.nomenclature });
      figures.push(...figs);
      if (figs.length && !used.includes(ob)) used.push(ob);
    }
  }
  for (const c of institution.conventions) {
    if (!conventions.find((v) => v.convention === c.convention)?.overlapsWindow) warnings.push(`${c.convention}: not in force during the window ${window.from} to ${window.to}`);
  }
  if (institution.conventions.length === 0) warnings.push(`${institution.id} has no convention in the registry`);

  // Lines of a convention's obligations outside any period of that convention at this institution.
  const conventionOf = new Map<string, string>();
  for (const e of catalogue.entries) for (const o of e.obligations) for (const code of o.services) if (!conventionOf.has(code)) conventionOf.set(code, e.name);
  let outsideConvention = 0;
  let notConcerned = 0;
  for (const l of inWindow) {
    const conv = conventionOf.get(l.code);
    if (!conv) { notConcerned++; continue; }
    if (!institution.conventions.some((c) => c.convention === conv && statusOn(c, l.date, catalogue).inForce)) outsideConvention++;
  }
  if (outsideConvention) warnings.push(`${outsideConvention} lines in the window are services of a convention not in force at ${institution.id} on their date (they are not counted; \`check\` refuses them)`);

  const interpretations: string[] = [INSTITUTION_INTERPRETATION];
  for (const ob of used) for (const i of OBLIGATION_KIND_IMPLS[ob.kind].interpretations(ob)) if (!interpretations.includes(i)) interpretations.push(i);
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
  return unit.replace(/^(\p{L}+?)s\b/u, '$1');
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
      for (const a of f.also ?? []) out.push(`      also: [${a.document}, ${a.article}] « ${a.text} »`);
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
