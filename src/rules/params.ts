/**
 * The parameter schemas of the rule kinds (zod): a rule's parameters are validated with them when
 * rules are compiled from documents and curated files (at ingest, and for `nomen rules`). The kinds
 * themselves import only the types, so that deciding from a compiled law loads no zod.
 */
import { z } from 'zod';
import { AUTHORITIES } from './approval.js';
import { CodeRefSchema, ContractKindSchema, NoteSchema } from './model-schema.js';
import type { RuleKindName } from './types.js';

// approval
export const ApprovalParams = z.object({ by: z.array(z.enum(AUTHORITIES)).min(1) }).strict();
export type ApprovalParams = z.infer<typeof ApprovalParams>;

// code-state
export const NoParams = z.object({}).strict();
export type NoParams = z.infer<typeof NoParams>;

// document
export const DocumentParams = z.object({ required: z.array(z.string().min(1)).min(1) }).strict();
export type DocumentParams = z.infer<typeof DocumentParams>;

// interval
export const IntervalParams = z
  .object({
    months: z.number().int().min(0),
    days: z.number().int().min(0),
    /** Only lines for the same lesion count ("pour une même lésion"). */
    sameLesion: z.boolean(),
    /** true: every code of the scope counts; false: only the same service (pair). */
    together: z.boolean(),
  })
  .strict();
export type IntervalParams = z.infer<typeof IntervalParams>;

// non-cumulation
export const NonCumulationParams = z
  .object({
    within: z.enum(['day', 'stay']),
    /** among: the services of the scope among themselves; against: the scope against `against`. */
    mode: z.enum(['among', 'against']),
    against: CodeRefSchema.optional(),
    /** against any other code (but `except` and the scope), e.g. "prestations techniques". */
    anyOther: z.boolean().optional(),
    except: CodeRefSchema.optional(),
    /** Only lines by the same provider (provider.id) conflict. */
    sameProvider: z.boolean().optional(),
    severity: z.enum(['violated', 'warning']),
  })
  .strict()
  .refine((p) => p.mode === 'among' || p.against !== undefined || p.anyOther === true, 'mode "against" needs `against` or `anyOther`');
export type NonCumulationParams = z.infer<typeof NonCumulationParams>;

// patient
export const PatientParams = z.union([
  z.object({ age: z.object({ under: z.number().int().min(1).optional(), atLeast: z.number().int().min(0).optional() }).strict() }).strict(),
  z.object({ sex: z.enum(['F', 'M']) }).strict(),
  z
    .object({
      services: z
        .object({
          allowed: z.array(z.string()).optional(),
          forbidden: z.array(z.string()).optional(),
          /** The text requires the patient to stay in a service: an ambulatory line violates it. */
          requireStay: z.boolean(),
          /** What a service outside `allowed` gives: violated, or warning when the text allows more than a service letter can say. */
          otherwise: z.enum(['violated', 'warning']),
          note: NoteSchema.optional(),
        })
        .strict(),
    })
    .strict(),
]);
export type PatientParams = z.infer<typeof PatientParams>;

// place
export const PlaceParams = z.object({ convention: z.string().min(1) }).strict();
export type PlaceParams = z.infer<typeof PlaceParams>;

// prerequisite
export const PrerequisiteParams = z
  .object({
    oneOf: CodeRefSchema,
    count: z.number().int().min(1),
    timing: z.enum(['before', 'before-or-same-day', 'same-day']),
    sameStay: z.boolean(),
    /** The required line must be ambulatory (no stay). */
    ambulatory: z.boolean(),
  })
  .strict();
export type PrerequisiteParams = z.infer<typeof PrerequisiteParams>;

// provider
const Who = z.object({ specialty: z.array(z.string()).min(1), qualifications: z.array(z.string()) }).strict();

export const ProviderParams = z
  .object({
    alternatives: z
      .array(Who.extend({ collaborator: Who.nullable() }).strict())
      .min(1),
  })
  .strict();
export type ProviderParams = z.infer<typeof ProviderParams>;

// tier
export const TierParams = z
  .object({
    fromDay: z.number().int().min(1),
    toDay: z.number().int().min(1).nullable(),
    endOfMonth: z.number().int().min(1).nullable(),
  })
  .strict();
export type TierParams = z.infer<typeof TierParams>;

// warning
export const WarningParams = z.object({ about: ContractKindSchema, note: NoteSchema }).strict();
export type WarningParams = z.infer<typeof WarningParams>;

// frequency
export const FrequencyParams = z
  .object({
    max: z.number().int().min(1),
    period: z.discriminatedUnion('unit', [
      z.object({ unit: z.literal('day') }).strict(),
      z.object({ unit: z.literal('year') }).strict(),
      z.object({ unit: z.literal('stay') }).strict(),
      z.object({ unit: z.literal('lifetime') }).strict(),
      z.object({ unit: z.literal('stay-period'), days: z.number().int().min(1) }).strict(),
      z.object({ unit: z.literal('since'), anchor: CodeRefSchema }).strict(),
    ]),
    /** true: all codes of the scope count together; false: each service (pair) counts on its own. */
    together: z.boolean(),
    /** Count per side (left/right), e.g. "au maximum une fois par sein". */
    perSide: z.boolean().optional(),
  })
  .strict();
export type FrequencyParams = z.infer<typeof FrequencyParams>;

/** Which impossible date a generic plausibility check looks for. */
export const PlausibilityParams = z.object({ check: z.enum(['birth', 'admission']) }).strict();
export type PlausibilityParams = z.infer<typeof PlausibilityParams>;

/** The schema of each kind's parameters (the indication kind carries its own: see PARAMS_OF). */
export const PARAMS: Readonly<Record<Exclude<RuleKindName, 'indication'>, z.ZodType>> = {
  'unknown-code': NoParams,
  'not-in-force': NoParams,
  setting: NoParams,
  place: PlaceParams,
  provider: ProviderParams,
  patient: PatientParams,
  approval: ApprovalParams,
  document: DocumentParams,
  tier: TierParams,
  prerequisite: PrerequisiteParams,
  frequency: FrequencyParams,
  interval: IntervalParams,
  'non-cumulation': NonCumulationParams,
  warning: WarningParams,
  plausibility: PlausibilityParams,
};
