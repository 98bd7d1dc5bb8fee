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

/** `?q=`: French or Dutch words of the label (accents and case ignored) or the first digits of a code. */
export const QueryParam = z.string().trim().min(1, 'expected words or the first digits of a code').describe('French or Dutch words of the label (accent- and case-insensitive), or a code prefix').meta({ example: 'ablation' });

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
    language: z.enum(['fr', 'nl']).optional().describe('The language of the sentence, when the act was read from its FR and NL texts'),
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

const CandidateSchema = z
  .object({
    assumes: z.string().describe('The changes of unknown date this candidate takes as in force, or not yet'),
    status: z.enum(['in-force', 'deleted', 'not-yet-in-force', 'referenced']),
    statusReason: z.string().nullable(),
    article: z.string().nullable(),
    keyLetter: z.string().nullable(),
    relativeValue: z.string().nullable(),
    label: z.object({ fr: z.string().nullable(), nl: z.string().nullable() }),
    fee: z.string().nullable(),
    feeReason: z.string().nullable(),
    sources: z.array(SourceRefSchema),
  })
  .describe('One possible state of a code on a date inside the window of a change of unknown date.');

const BoundsSchema = z
  .object({
    earliest: DateOut.nullable().describe('The earliest possible date; null: unknown'),
    latest: DateOut.nullable().describe('The latest possible date; null: open'),
    reason: z.string(),
  })
  .describe('What is known of a date the sources do not fix.');

/** `GET /v1/codes/{code}` (contract §3). */
export const CodeViewSchema = z
  .object({
    code: z.string(),
    at: DateOut,
    status: z.enum(['in-force', 'deleted', 'not-yet-in-force', 'referenced', 'unknown', 'uncertain'])
      .describe('`uncertain`: the date falls in the window of a change whose entry into force the sources do not fix; see `candidates`'),
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
    candidates: z.array(CandidateSchema).optional().describe('Status `uncertain` only: the state before and after each change of unknown date'),
    window: BoundsSchema.optional().describe('Status `uncertain` only: the window of the change of unknown date'),
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
  labelNl: z.string().nullable().optional().describe('The Dutch label, when the act gives one'),
  fee: z.string().nullable().optional(),
  source: SourceRefSchema,
  window: BoundsSchema.optional().describe('A change of unknown date (`date` null): the window it takes effect in'),
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
    candidates: z
      .array(z.object({ status: z.string(), keyLetter: z.string().nullable(), relativeValue: z.string().nullable(), fee: z.string().nullable(), assumes: z.string() }))
      .optional()
      .describe('Status uncertain only: each possible state in the period (a change of unknown date may or may not be in force)'),
    reason: z.string().optional().describe('Status uncertain only: why the date of the change is not known'),
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
      label: z.string().nullable().describe('French label'),
      labelNl: z.string().nullable().describe('Dutch label (null: not in the corpus)'),
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

const LanguageSchema = z.enum(['fr', 'nl']);

const UnparsedSchema = z.object({ where: z.string(), text: z.string(), language: LanguageSchema.optional().describe('The text it is in, for an act read from its FR and NL texts') });

const CoverageSchema = z
  .object({
    items: z.number().int().describe('Amendment items the text holds (its numbered points, or the article itself)'),
    understood: z.number().int().describe('Items that produced a structured amendment'),
    missed: z.array(UnparsedSchema).describe('The sentences of the other items'),
  })
  .describe('How much of an amending act\'s text was understood');

const reportShape = {
  document: z.string(),
  kind: z.enum(['royal-decree', 'convention', 'coefficients']),
  status: z.enum(['ingested', 'unchanged', 'replaced', 'merged']).describe('merged: the act\'s text in another language joined the document (same NUMAC)'),
  file: z.string(),
  title: z.string(),
  entryIntoForce: DateOut.nullable(),
  entryIntoForceBasis: z.string(),
  published: DateOut.nullable(),
  ingestedAt: z.string(),
  extracted: ExtractedSchema,
  issues: z.array(IssueSchema),
  languages: z.array(LanguageSchema).optional().describe('The languages of the act\'s texts, the primary one first'),
  coverage: z.object({ fr: CoverageSchema.optional(), nl: CoverageSchema.optional() }).optional().describe('Per language: the amendment items understood (absent: not measured)'),
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
  documents: z.array(z.object({ ...reportShape, name: z.string().describe('A short readable name (the id stays the stable reference)'), unparsed: z.number().int() })),
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
  language: LanguageSchema.optional().describe('The text the sentence is in (`span` is an offset into it), for an act read from its FR and NL texts'),
});

/** `GET /v1/documents/{id}`. */
export const DocumentViewSchema = z.object({
  ...IngestReportSchema.shape,
  name: z.string().describe('A short readable name (the id stays the stable reference)'),
  format: z.string(),
  url: z.string().nullable(),
  convention: z.string().nullable(),
  text: z.string().describe('The act\'s text as ingested (its primary text: French when both languages are held)'),
  facts: z.array(ExtractedFactSchema),
  texts: z
    .array(
      z.object({
        language: LanguageSchema.nullable(),
        title: z.string(),
        text: z.string(),
        facts: z.array(ExtractedFactSchema).describe('What was read from this text, located in it'),
        coverage: CoverageSchema.nullable(),
      }),
    )
    .describe('Every text of the document (an act\'s FR and NL texts), the primary one first'),
});

// --- conventions -----------------------------------------------------------------------------

/** `{id}`: an institution id, as the CLI accepts it. */
export const InstitutionIdParam = z
  .string()
  .max(100, 'at most 100 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, 'expected an institution id: letters, digits, and . _ : / -')
  .describe('Institution id (e.g. its INAMI number)')
  .meta({ example: 'H-71001' });

/** The exact sentence of an act a value rests on (the conventions module's `Citation`). */
export const CitationSchema = z
  .object({
    document: z.string().describe('Document id (NUMAC, or conv- + hash)'),
    article: z.string(),
    text: z.string().describe('The sentence, exactly as in the act (whitespace normalised)'),
    clause: z.string().optional().describe('The fragment of `text` that states the very condition'),
  })
  .describe('The exact sentence of an act: document, article, text.');

const DateOrNull = DateOut.nullable();

/** One convention of an institution as recorded (both ends inclusive; `to` null: indefinite). */
export const InstitutionConventionSchema = z.object({
  convention: z.string(),
  from: DateOut,
  to: DateOrNull,
  signed: DateOrNull.optional(),
  noticeSent: DateOrNull.optional(),
});

/** The effective period of a convention record: the record intersected with the convention's own terms. */
export const ConventionValiditySchema = z
  .object({
    convention: z.string(),
    from: DateOrNull.describe('First day in force, inclusive; null: cannot be known from the record'),
    to: DateOrNull.describe('Last day in force, inclusive; null: indefinite'),
    empty: z.boolean().describe('No day in force (the end is before the start)'),
    basis: z.object({ from: z.string(), to: z.string() }).describe('How each end was obtained'),
    issues: z.array(z.string()).describe('Discrepancies between the record and the convention\'s own terms'),
    sources: z.array(CitationSchema).describe('The sentences the period follows from'),
  })
  .describe('The effective period of one convention of an institution, each end with how it was computed and the sentences it rests on.');

/** `GET /v1/institutions/{id}`: like `nomen institutions show --json`, each convention with its terms and record. */
export const InstitutionViewSchema = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    conventions: z.array(InstitutionConventionSchema).describe('The records of the registry'),
    at: DateOut,
    status: z.array(
      z.object({
        convention: z.string(),
        title: z.string().nullable().describe('The convention\'s title; null when its terms are unknown to the system'),
        terms: z.string().nullable().describe('How the convention\'s period follows from its text'),
        record: InstitutionConventionSchema,
        inForce: z.boolean().describe('In force on `at`'),
        reason: z.string(),
        validity: ConventionValiditySchema,
      }),
    ).describe('One entry per record, in the order of `conventions`'),
    issues: z.array(z.string()).describe('Registry inconsistencies (overlapping periods of one convention)'),
  })
  .describe('An institution of the registry and its conventions on a date.');

/** `GET /v1/institutions`. */
export const InstitutionListSchema = z.object({ at: DateOut, institutions: z.array(InstitutionViewSchema) });

const optionalDate = (what: string) => IsoDateSchema.nullable().optional().describe(what);

/** One convention of an institution to register; the ends left out are derived from the convention's terms. */
export const ConventionInputSchema = z.strictObject({
  convention: z.string().min(1).describe('Convention name (lower-case words joined by "-"), e.g. percutaneous-tumour-ablation, breast-reconstruction').meta({ example: 'percutaneous-tumour-ablation' }),
  from: optionalDate('First day in force (default: the convention\'s own start, or the first day of the month after `signed`)'),
  to: optionalDate('Last day in force, inclusive (default: the convention\'s own end, or the end of the notice)'),
  signed: optionalDate('Date of signature (breast reconstruction: in force from the first day of the next month)'),
  noticeSent: optionalDate('Date the registered letter of notice was sent (breast reconstruction: 6 months from the first day of the next month)'),
});

/** The body of `PUT /v1/institutions/{id}`. */
export const InstitutionUpload = z
  .strictObject({
    name: z.string().trim().min(1).max(200).nullable().optional().describe('Name of the institution; absent: the registered name is kept; null: removed'),
    conventions: z.array(ConventionInputSchema).max(100).describe('Every convention of the institution: they replace the registered ones'),
  })
  .describe('An institution and all its conventions, like one institution of `nomen institutions import`.');

/** One claim line of the compliance input, as `nomen compliance` reads it (other claim fields are ignored). */
export const ComplianceClaimSchema = z
  .looseObject({
    id: z.string().optional(),
    code: z.string().describe('6-digit nomenclature code').meta({ example: '587134' }),
    date: IsoDateSchema.describe('Date of the service'),
    billedOn: IsoDateSchema.nullable().optional().describe('Date the line was billed (ablation: within two months of the service)'),
    supplement: z.string().nullable().optional().describe('Supplement of fees, euro, decimal string ("1500.00"; "0.00": none); absent: not stated'),
    room: z.enum(['single', 'individual', 'double', 'two-bed', 'common', 'shared']).nullable().optional(),
    institution: z.string().nullable().optional().describe('Lines naming another institution are ignored; none: the institution\'s own'),
    units: z.number().int().min(1).optional(),
    fee: z.string().nullable().optional().describe('Fee of the line, euro (else the nomenclature\'s fee on the date)'),
  })
  .describe('One claim line of a compliance report.');

/** The body of `POST /v1/compliance` as JSON (an NDJSON body carries the lines only; the rest is in the query). */
export const ComplianceRequest = z
  .strictObject({
    institution: InstitutionIdParam.describe('Institution id of the registry'),
    from: IsoDateSchema.optional().describe('First day of the window (default: the start of the institution\'s earliest convention)'),
    to: IsoDateSchema.optional().describe('Last day of the window, inclusive (default: today)'),
    claims: z.array(ComplianceClaimSchema).describe('The claim lines; a finding\'s `line` is the 1-based position in this list'),
  })
  .describe('A centre compliance report request.');

const FigureStatusSchema = z.enum(['pass', 'fail', 'incomplete', 'not-checkable']);
const PeriodSchema = z.object({ from: DateOut, to: DateOut });

/** One figure of the compliance report. */
export const FigureSchema = z
  .object({
    id: z.string().meta({ example: 'ablation.volume.transition' }),
    convention: z.string(),
    title: z.string(),
    detail: z.object({ code: z.string() }).loose().describe('What the figure measures, as data: a code (volume.transition, volume.year, billing-delay, supplement-share, supplement-cap, other-supplement, single-room) and its fields (noun, min, years, year, months, minPercent, maxPercent, feeOf, servicesOf); titles are rendered from it in FR/NL/EN'),
    period: PeriodSchema.nullable().describe('The period the figure is about, both ends inclusive'),
    counted: PeriodSchema.nullable().describe('The part of the period that was counted (the window may cut it)'),
    value: z.string().describe('The measured value, as text ("57", "42.86")'),
    unit: z.string(),
    threshold: z.object({ op: z.enum(['>=', '<=', '=']), value: z.string(), unit: z.string() }),
    status: FigureStatusSchema,
    note: z.string().describe('How the figure was computed and, when not pass/fail, why'),
    source: CitationSchema,
    also: z.array(CitationSchema).optional(),
    counts: z.record(z.string(), z.number().int()),
    findings: z.array(z.object({ line: z.number().int(), id: z.string().nullable(), code: z.string(), date: DateOut, detail: z.string() })).describe('Lines that break the obligation or could not be checked (at most 50)'),
    series: z.array(z.object({ label: z.string(), from: DateOut, to: DateOut, value: z.number() })).optional().describe('Per-period values, for charts'),
  })
  .describe('A figure with its threshold, its source and pass/fail.');

/** `POST /v1/compliance`: what `nomen compliance --json` prints. */
export const ComplianceReportSchema = z
  .object({
    institution: z.object({ id: z.string(), name: z.string().nullable() }),
    window: PeriodSchema,
    conventions: z.array(ConventionValiditySchema.extend({ overlapsWindow: z.boolean(), title: z.string().nullable().describe('The convention\'s readable name, from its title (null: unknown to the system)') })),
    lines: z.object({
      read: z.number().int(),
      otherInstitution: z.number().int(),
      outsideWindow: z.number().int(),
      considered: z.number().int(),
      outsideConvention: z.number().int(),
      notConcerned: z.number().int(),
    }),
    figures: z.array(FigureSchema),
    summary: z.object({ pass: z.number().int(), fail: z.number().int(), incomplete: z.number().int(), 'not-checkable': z.number().int() }),
    interpretations: z.array(z.string()),
    warnings: z.array(z.string()),
  })
  .describe('The centre compliance report.');

const YesNo = z.union([z.boolean(), z.string()]).optional();
const Amount = z.union([z.number().nonnegative(), z.string()]).optional();

/** The body of `POST /v1/indication`: the clinical facts (`nomen indication --facts`); a fact left out is unknown. */
export const IndicationRequest = z
  .strictObject({
    organ: z.enum(['kidney', 'liver', 'lung', 'bone']),
    tumour: z.string().optional().describe(
      'kidney: renal-cell-carcinoma, other-malignant; liver: hepatocellular-carcinoma, intrahepatic-cholangiocarcinoma, colorectal-metastasis, neuroendocrine-metastasis, metastasis-other-primary, other-malignant; lung: primary-lung-tumour, lung-metastasis, other-malignant; bone: osteoid-osteoma, osteoblastoma, eosinophilic-granuloma, aneurysmal-bone-cyst, chondroblastoma, other-benign, slow-growing-malignant, other-malignant',
    ),
    sizeCm: Amount.describe('Largest diameter of the largest tumour, cm ("2.5" or 2.5)'),
    count: z.union([z.number().int().min(1), z.string()]).optional().describe('Number of tumours / metastases'),
    tStage: z.string().optional().describe('TNM T category (T1a, T1b …)'),
    eligibleForSurgery: YesNo,
    eligibleForSbrt: YesNo,
    gfr: Amount.describe('Glomerular filtration rate, ml/min'),
    singleKidney: YesNo,
    predisposition: z.string().nullable().optional().describe('A specific predisposition to multiple malignant kidney tumours (e.g. von-hippel-lindau)'),
    alternativeToSystemic: YesNo,
    palliative: YesNo,
    nearCriticalStructures: YesNo,
    combinedTreatment: YesNo,
  })
  .describe('Clinical facts; yes/no facts are booleans or yes/no, oui/non, ja/nee. Unknown facts are refused.');

/** How one condition of an indication came out on the facts (recursive: `any` holds the alternatives). */
export const ConditionTraceSchema = z.object({
  condition: z.string(),
  text: z.string().nullable().describe('The exact words of the convention the condition renders'),
  fact: z.string().nullable(),
  given: z.string().nullable(),
  result: z.enum(['true', 'false', 'unknown']),
  get any(): z.ZodOptional<z.ZodArray<typeof ConditionTraceSchema>> {
    return z.array(ConditionTraceSchema).optional();
  },
});

/** One indication of Art. 3 evaluated on the facts. */
export const IndicationResultSchema = z.object({
  id: z.string(),
  label: z.string(),
  result: z.enum(['true', 'false', 'unknown']),
  missing: z.array(z.string()).describe('Facts whose absence leaves the indication undecided'),
  trace: z.array(ConditionTraceSchema),
  citation: CitationSchema,
});

/** `POST /v1/indication`: what `nomen indication --json` prints. */
export const IndicationAnswerSchema = z
  .object({
    facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    outcome: z.enum(['listed', 'undecided', 'not-listed']),
    matched: z.array(IndicationResultSchema),
    undecided: z.array(IndicationResultSchema),
    rejected: z.array(IndicationResultSchema),
    message: z.string(),
    requirement: CitationSchema.nullable().describe('For not-listed (and undecided): what the COM/CM must then do'),
  })
  .describe('The indication of Art. 3 of the ablation convention matched, with its citation, or "not listed".');

const DerivedStatusSchema = z.enum(['applies', 'does-not-apply', 'unknown']);
const thresholdAnswer = {
  id: z.string(),
  status: DerivedStatusSchema,
  minimum: z.record(z.string(), z.string()).describe('The minimum relative value for each key letter the threshold names (rules/derived/)'),
  threshold: z.string().nullable().describe('The minimum for the code\'s key letter ("K 120")'),
  reason: z.string(),
  source: CitationSchema,
};

/** `GET /v1/codes/{code}/derived`: what `nomen derived --json` prints. */
export const DerivedValuesSchema = z
  .object({
    code: z.string(),
    at: DateOut,
    status: CodeViewSchema.shape.status,
    keyLetter: z.string().nullable(),
    relativeValue: z.string().nullable(),
    coefficient: z.string().nullable(),
    surgicalAssistance: z.object({
      ...thresholdAnswer,
      value: z.string().nullable().describe('The assistant\'s relative value ("K 63.3")'),
      fee: z.string().nullable().describe('Euro, rounded half-up to the cent; null when unknown'),
      feeBasis: z.string().nullable(),
      warnings: z.array(z.object({
        code: z.enum(['assistance-surgical-only', 'assistance-not-endoscopy', 'fee-covers-role']),
        text: z.string().describe('The message in English (FR/NL by its code)'),
        fields: z.record(z.string(), z.string()),
        source: CitationSchema,
      })).describe('What cannot be decided from the code alone, or why the value does not apply'),
    }),
    anaesthesia: z.object(thresholdAnswer),
  })
  .describe('Surgical assistance (decree 1994 Art. 6) and the anaesthesia category of the ablation convention (4.1.3) of a code on a date.');

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
          line: z.number().int().optional().describe('1-based line of an NDJSON body (`path` then names the field on that line)'),
          detail: z.string(),
        }),
      )
      .optional(),
  })
  .catchall(z.unknown())
  .describe('RFC 9457 problem details.');

/** `GET /problems/{kind}`. */
export const ProblemTypeSchema = z.object({ type: z.string(), title: z.string(), status: z.number().int(), description: z.string() });
