/**
 * The HTTP API's inputs and outputs as zod schemas. The check request and response are the
 * engine's own schemas (the CLI validates with the same ones); the rest describes what the read
 * operations of `queries.ts` and the store return. `openapi.ts` turns them into /openapi.json, and
 * the route modules type their answers with `z.infer` of these, so a drift fails to compile.
 */
import { z } from 'zod';
import { CheckRequest, CheckResponse, IsoDateSchema } from '../engine/schema.js';

// --- parameters ------------------------------------------------------------------------------

/** `?at=`: the date of the query (default: today). */
export const AtParam = IsoDateSchema.describe('Date of the query, YYYY-MM-DD (default: today)');

/** `?lang=`: the language of the messages (else `Accept-Language`, else English). */
export const LangParam = z.enum(['en', 'fr', 'nl']).describe('Language of the decision messages (default: from Accept-Language, else en)');

/** `?details=false`: reasons without their `detail` data and `interpretation` (smaller answers). */
export const DetailsParam = z.enum(['true', 'false']).describe('Include each reason\'s `detail` data and `interpretation` (default true, as the CLI)');

/** `{code}`: a nomenclature code (its check digit is verified by the handler, with a proposal). */
export const CodeParam = z.string().describe('6-digit nomenclature code; the 6th digit is the first five mod 7').meta({ example: '587134' });

/** `?q=`: French words of the label (accents and case ignored) or the first digits of a code. */
export const QueryParam = z.string().trim().min(1, 'expected words or the first digits of a code').describe('French words of the label (accent- and case-insensitive), or a code prefix').meta({ example: 'ablation' });

/** `?limit=`: at most this many search results. */
export const LimitParam = z.coerce.number().int().min(1).max(500).describe('At most this many results (default 50)');

/** `{id}`: a document id (NUMAC, convention id). */
export const DocumentIdParam = z.string().min(1).describe('Document id: the NUMAC of an act, or the convention id').meta({ example: '1994022370' });

/** `{id}`: a beneficiary id. */
export const BeneficiaryIdParam = z.string().min(1).describe('Beneficiary id, as sent in `beneficiary.id`');

// --- shared parts ----------------------------------------------------------------------------

const DateOut = z.string().meta({ format: 'date' });

/** A reference to the act behind a fact. */
export const SourceRefSchema = z
  .object({
    document: z.string(),
    article: z.string(),
    text: z.string().optional(),
    note: z.string().optional(),
  })
  .describe('A reference to the act behind a fact: document id, article, the sentence, and how it was derived.');

const ValueSchema = z.object({ keyLetter: z.string(), relativeValue: z.string() });
const PairSchema = z.object({ ambulatory: z.string(), hospitalised: z.string() });

// --- check -------------------------------------------------------------------------------------

/** The body of `POST /v1/check`: the contract's request, plus `commit`. */
export const HttpCheckRequest = CheckRequest.safeExtend({
  commit: z
    .boolean()
    .optional()
    .describe(
      'Record the accepted lines as the beneficiary\'s history held by the server (needs `beneficiary.id`, and the bearer token when one is configured). Line ids are idempotency keys: a retried request records nothing twice.',
    ),
}).describe('The contract\'s check request (§4). The server adds the lines it holds for `beneficiary.id` to `history`.');

/** What a commit did. */
export const CommitResultSchema = z
  .object({
    recorded: z.array(z.string()).describe('Line ids recorded now'),
    duplicates: z.array(z.string()).describe('Line ids already held for this beneficiary: nothing was written for them'),
  })
  .describe('What `commit` recorded.');

/** The answer of `POST /v1/check`: the contract's response, plus what the server-held history did. */
export const HttpCheckResponse = CheckResponse.extend({
  storedLines: z
    .number()
    .int()
    .nullable()
    .describe('How many lines of the server-held history counted as history; null when it was not consulted (no beneficiary id, or not authenticated while a token is configured)'),
  committed: CommitResultSchema.optional(),
}).describe('One decision per claim line, in the order of the request (contract §4).');

/** `GET /v1/beneficiaries/{id}/history`. */
export const BeneficiaryHistorySchema = z.object({
  beneficiary: z.string(),
  lines: z.array(z.object({ id: z.string(), date: DateOut, claim: z.record(z.string(), z.unknown()) })),
});

// --- codes -------------------------------------------------------------------------------------

const RuleRefSchema = z.object({ id: z.string(), kind: z.string(), text: z.string(), source: SourceRefSchema });

/** `GET /v1/codes/{code}` (contract §3). */
export const CodeViewSchema = z
  .object({
    code: z.string(),
    at: DateOut,
    status: z.enum(['in-force', 'deleted', 'not-yet-in-force', 'referenced', 'unknown']),
    statusReason: z.string().nullable(),
    pair: PairSchema.nullable(),
    setting: z.enum(['ambulatory', 'hospitalised', 'any']),
    article: z.string().nullable(),
    keyLetter: z.string().nullable(),
    relativeValue: z.string().nullable(),
    label: z.object({ fr: z.string().nullable(), nl: z.string().nullable() }),
    coefficient: z.string().nullable(),
    fee: z.string().nullable().describe('Euro, two decimals, as a decimal string'),
    feeReason: z.string().nullable(),
    reimbursement: z.object({ preferential: z.string().nullable(), standard: z.string().nullable() }).nullable(),
    convention: z.string().nullable(),
    sources: z.array(SourceRefSchema),
    rules: z.array(RuleRefSchema),
  })
  .describe('The state of one code on a date (contract §3). Unknown fields are null, never invented.');

const HistoryEntrySchema = z.object({
  date: DateOut.nullable(),
  change: z.enum(['inserted', 'value', 'label', 'deleted', 'ended', 'fee', 'referenced']),
  description: z.string(),
  value: ValueSchema.nullable().optional(),
  from: ValueSchema.nullable().optional(),
  label: z.string().nullable().optional(),
  fee: z.string().nullable().optional(),
  source: SourceRefSchema,
});

/** One point of the timeline chart: the state from `date` until the next point. */
export const TimelinePointSchema = z
  .object({
    date: DateOut.nullable().describe('First day of the period; null: since before any date the corpus knows'),
    until: DateOut.nullable().describe('First day of the next period; null: open'),
    status: CodeViewSchema.shape.status,
    keyLetter: z.string().nullable(),
    relativeValue: z.string().nullable(),
    fee: z.string().nullable(),
    change: z.string().nullable().describe('The change that starts the period (inserted, value, fee …), or null'),
    source: SourceRefSchema.nullable().describe('The act behind the change'),
    valueSource: SourceRefSchema.nullable().describe('The act that sets the relative value of the period'),
    feeSource: SourceRefSchema.nullable().describe('The act that sets the fee of the period (fee table row or coefficient)'),
  })
  .describe('The relative value and fee of a code over one period.');

/** `GET /v1/codes/{code}/history`: the CLI's history, plus the timeline of value and fee. */
export const CodeHistorySchema = z.object({
  code: z.string(),
  pair: PairSchema.nullable(),
  changes: z.array(HistoryEntrySchema),
  timeline: z.array(TimelinePointSchema),
});

/** `GET /v1/search`. */
export const SearchResultSchema = z.object({
  query: z.string(),
  at: DateOut,
  results: z.array(
    z.object({
      code: z.string(),
      status: CodeViewSchema.shape.status,
      keyLetter: z.string().nullable(),
      relativeValue: z.string().nullable(),
      label: z.string().nullable(),
    }),
  ),
});

// --- documents --------------------------------------------------------------------------------

const ExtractedSchema = z.object({
  services: z.number().int(),
  valueChanges: z.number().int(),
  labelChanges: z.number().int(),
  deletions: z.number().int(),
  rules: z.number().int(),
  fees: z.number().int(),
  amendments: z.number().int(),
});

const IssueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  where: z.string(),
  message: z.string(),
  code: z.string(),
  proposal: z.string().optional(),
});

const UnparsedSchema = z.object({ where: z.string(), text: z.string() });

const reportShape = {
  document: z.string(),
  kind: z.enum(['royal-decree', 'convention', 'coefficients']),
  status: z.enum(['ingested', 'unchanged', 'replaced']),
  file: z.string(),
  title: z.string(),
  entryIntoForce: DateOut.nullable(),
  entryIntoForceBasis: z.string(),
  published: DateOut.nullable(),
  ingestedAt: z.string(),
  extracted: ExtractedSchema,
  issues: z.array(IssueSchema),
};

/** What `nomen ingest --json` prints for one document (contract §2). */
export const IngestReportSchema = z.object({ ...reportShape, unparsed: z.array(UnparsedSchema) }).describe('The ingest report of one document (contract §2).');

/** The body of `POST /v1/documents` as JSON (raw text bodies are accepted too). */
export const DocumentsUpload = z
  .strictObject({
    documents: z
      .array(
        z.strictObject({
          name: z.string().min(1).optional().describe('A file name, for messages and the report\'s `file`'),
          text: z.string().describe('The document\'s text (UTF-8)'),
        }),
      )
      .min(1, 'at least one document'),
  })
  .describe('Documents to ingest in one transaction: all or none are stored.');

/** `POST /v1/documents`. */
export const IngestResultSchema = z.object({ documents: z.array(IngestReportSchema) });

/** `GET /v1/documents`: like `nomen documents --json` (unparsed sentences counted). */
export const DocumentListSchema = z.object({
  documents: z.array(z.object({ ...reportShape, unparsed: z.number().int() })),
});

/** One fact a parser extracted, located in the text. */
export const ExtractedFactSchema = z.object({
  kind: z.enum(['service', 'fee', 'amendment', 'rule', 'coefficient']),
  /** The amendment's operation, for amendments. */
  op: z.string().optional(),
  article: z.string(),
  span: z.tuple([z.number().int(), z.number().int()]).nullable().describe('[start, end) of the sentence in `text`, or null'),
  codes: z.array(z.string()),
  summary: z.string().describe('What was extracted, in a line'),
  text: z.string().describe('The sentence (or table row) of the act'),
});

/** `GET /v1/documents/{id}`. */
export const DocumentViewSchema = z.object({
  ...IngestReportSchema.shape,
  format: z.string(),
  url: z.string().nullable(),
  convention: z.string().nullable(),
  text: z.string().describe('The act\'s text as ingested'),
  facts: z.array(ExtractedFactSchema),
});

// --- system ------------------------------------------------------------------------------------

/** `GET /health`. */
export const HealthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  store: z.enum(['sqlite', 'postgres']),
  documents: z.number().int().nullable(),
  uptime: z.number().describe('Seconds since start'),
});

/** A problem document (RFC 9457). */
export const ProblemSchema = z
  .object({
    type: z.string().describe('URI reference naming the kind of problem (served at that path)'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(
        z.object({
          in: z.enum(['body', 'query', 'path', 'header']),
          path: z.string().describe('The field, as the CLI names it: `claims[2].date`'),
          pointer: z.string().optional().describe('JSON Pointer (URI fragment) into the body'),
          detail: z.string(),
        }),
      )
      .optional(),
  })
  .catchall(z.unknown())
  .describe('RFC 9457 problem details.');

/** `GET /problems/{kind}`. */
export const ProblemTypeSchema = z.object({ type: z.string(), title: z.string(), status: z.number().int(), description: z.string() });
