/**
 * Obligations: what a convention asks of a centre (rather than of a claim line), as data. Like
 * rules of application (src/rules/kind.ts), each obligation has a kind, parameters and a
 * citation; one implementation per kind (an `ObligationKind`) turns it into report figures; the
 * report never switches on the kind nor on the convention. Parameters are dated: each value
 * holds from a date, with the sentence that states it.
 */
import type { z } from 'zod';
import type { IsoDate } from '../../date.js';
import type { Decimal } from '../../decimal.js';
import type { Nomenclature } from '../../nomenclature/types.js';
import type { Validity } from '../registry.js';
import type { Citation } from '../sources.js';

export const OBLIGATION_KINDS = ['volume', 'billing-delay', 'supplement-share', 'supplement-cap', 'other-supplement', 'single-room', 'quote-delay', 'deposit-cap', 'staffing'] as const;
export type ObligationKindName = (typeof OBLIGATION_KINDS)[number];

/** A parameter value that holds from `from` (null: from the convention's start), with the sentence that states it. */
export interface Dated<T> {
  from: IsoDate | null;
  value: T;
  citation?: Citation;
}

/** The value of a dated parameter on a date (the latest entry that has started), or undefined. */
export function valueAt<T>(list: readonly Dated<T>[], date: IsoDate): Dated<T> | undefined {
  let out: Dated<T> | undefined;
  for (const e of list) if (e.from === null || e.from <= date) if (!out || (out.from ?? '') <= (e.from ?? '')) out = e;
  return out;
}

/** One obligation of a convention. */
export interface Obligation<P = unknown> {
  /** Prefix of the figures' ids ("ablation.volume", "breast.supplement-cap"). */
  id: string;
  kind: ObligationKindName;
  /** Machine name of the convention. */
  convention: string;
  /** The services concerned (every code, both of each pair). */
  services: string[];
  /** The services as the text writes them ("587134-587145, …"), for explanations. */
  servicesText: string;
  /** What one service is called in titles ("ablation"), from the text. */
  noun: string;
  params: P;
  citation: Citation;
  also?: Citation[];
  origin: 'extracted' | 'curated';
}

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

export type FigureStatus = 'pass' | 'fail' | 'incomplete' | 'not-checkable';

/** A line that breaks an obligation, or could not be checked. */
export interface LineFinding {
  line: number;
  id: string | null;
  code: string;
  date: IsoDate;
  detail: string;
}

/** What a figure measures, as data (code + fields); titles are rendered from it per locale. */
export type FigureDetail =
  | { code: 'volume.transition'; noun: string; min: number; years: number }
  | { code: 'volume.year'; noun: string; min: number; year: number }
  | { code: 'billing-delay'; noun: string; months: number }
  | { code: 'supplement-share'; minPercent: number }
  | { code: 'supplement-cap'; maxPercent: number; feeOf: string }
  | { code: 'other-supplement'; servicesOf: string }
  | { code: 'single-room' };

/** One figure of the report. */
export interface Figure {
  id: string;
  convention: string;
  title: string;
  detail: FigureDetail;
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

/** What an obligation is evaluated on. */
export interface ObligationContext {
  validity: Validity;
  /** The institution's own lines (any date). */
  lines: readonly ComplianceLine[];
  window: { from: IsoDate; to: IsoDate };
  nomenclature?: Nomenclature;
}

export interface ObligationKind<P = any> {
  readonly name: ObligationKindName;
  /** Parameter schema (curated YAML is validated with it). */
  readonly params: z.ZodType<P>;
  /** The figures of the obligation over the context. */
  figures(ob: Obligation<P>, ctx: ObligationContext): Figure[];
  /** The interpretations the figures apply, stated in the report. */
  interpretations(ob: Obligation<P>): string[];
}
