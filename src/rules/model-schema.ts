/** zod schemas of the rule model (curated YAML is validated with them). */
import { z } from 'zod';
import { isIsoDate } from '../date.js';
import { CONTRACT_KINDS } from './types.js';

const code = z.string().regex(/^\d{6}$/, 'a 6-digit code');
const isoDate = z.string().refine((s) => isIsoDate(s), 'a real ISO date (YYYY-MM-DD)');

export const CodeRefSchema = z
  .object({
    pairs: z.array(z.tuple([code, code])).optional(),
    codes: z.array(code).optional(),
    ranges: z.array(z.tuple([code, code])).optional(),
    articles: z.array(z.string()).optional(),
  })
  .strict();

export const CitationSchema = z.object({ document: z.string().min(1), article: z.string(), text: z.string().min(1) }).strict();

export const ExceptionSchema = z.union([
  z.object({ document: z.string().min(1) }).strict(),
  z.object({ approval: z.object({ by: z.array(z.string()).min(1) }).strict() }).strict(),
]);

export const NoteSchema = z.object({ en: z.string().min(1), fr: z.string().optional(), nl: z.string().optional() }).strict();

export const ContractKindSchema = z.enum(CONTRACT_KINDS);

/** A rule as written in rules/*.yaml (params validated afterwards by the kind's own schema). */
export const CuratedRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'lower-case id: letters, digits, dots, hyphens'),
    kind: z.enum([...CONTRACT_KINDS, 'warning', 'indication']),
    validity: z.object({ from: isoDate.nullable(), to: isoDate.nullable() }).strict().optional(),
    scope: CodeRefSchema,
    params: z.unknown(),
    exceptions: z.array(ExceptionSchema).optional(),
    citation: CitationSchema,
    convention: z.string().nullable().optional(),
    interpretation: z.string().optional(),
  })
  .strict();

export type CuratedRuleInput = z.infer<typeof CuratedRuleSchema>;

/** A coverage entry of rules/*.yaml: a normative sentence no rule encodes, and why. */
export const CoverageReasonSchema = z
  .object({
    document: z.string().min(1),
    /** A fragment of the sentence (squashed, exact) that identifies it. */
    match: z.string().min(1),
    reason: z.string().min(1),
    /** Category of the reason: compliance report, not a claim condition, … */
    category: z.enum(['compliance', 'structural', 'definition', 'procedure', 'scope-of-fee', 'permission', 'derived-value', 'outside-corpus', 'indication', 'covered-elsewhere']),
  })
  .strict();

export type CoverageReason = z.infer<typeof CoverageReasonSchema>;

export const CuratedFileSchema = z
  .object({
    rules: z.array(z.unknown()).optional(),
    coverage: z.array(CoverageReasonSchema).optional(),
  })
  .strict();
