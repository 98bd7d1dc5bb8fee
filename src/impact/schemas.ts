/**
 * The HTTP API of impact as zod schemas: `GET /v1/diff` and `POST /v1/replay`. The route module
 * types its answers with `z.infer` of these (a drift fails to compile) and the OpenAPI document
 * is generated from them, as for every other route.
 */
import { z } from 'zod';
import { IsoDateSchema, ReasonSchema } from '../engine/schema.js';
import { CodeViewSchema, SourceRefSchema } from '../server/schemas.js';
import { CHANGE_KINDS } from './diff.js';

const DateOut = z.string().meta({ format: 'date' });
const Money = z.string().describe('Euro, a decimal string with two decimals');

// --- diff ------------------------------------------------------------------------------------

export const DiffFromParam = IsoDateSchema.describe('First date: the state on this day');
export const DiffToParam = IsoDateSchema.describe('Second date (on or after `from`): the state on this day');
export const DiffArticleParam = z.string().trim().min(1).max(100).describe('Only codes of this nomenclature article ("20" takes "20, § 1er, d)", not "22")');
export const DiffPrefixParam = z.string().regex(/^\d{1,6}$/, 'expected 1 to 6 digits').describe('Only codes starting with these digits');
export const DiffKeyLetterParam = z.string().regex(/^[A-Za-z]{1,3}$/, 'expected a key letter such as K, N, I').describe('Only codes with this key letter on either date');

const SnapshotSchema = z.object({
  status: CodeViewSchema.shape.status,
  article: z.string().nullable(),
  keyLetter: z.string().nullable(),
  relativeValue: z.string().nullable(),
  label: z.object({ fr: z.string().nullable(), nl: z.string().nullable() }),
  fee: z.string().nullable(),
  reimbursement: z.object({ preferential: z.string().nullable(), standard: z.string().nullable() }).nullable(),
  rules: z.array(z.string()).describe('Ids of the rules in force that name the code'),
});

const ChangeSchema = z.object({
  change: z.enum(CHANGE_KINDS),
  from: z.string().nullable().describe('The state before, as shown ("K 30", a fee, a label, a status; the rule id of a removed rule)'),
  to: z.string().nullable(),
  language: z.enum(['fr', 'nl']).optional().describe('Labels only: the language of the label that changed'),
  sources: z.array(SourceRefSchema).describe('Document, article and sentence of each act behind the change'),
});

export const CodeDiffSchema = z.object({
  code: z.string(),
  article: z.string().nullable(),
  certain: z.boolean().describe('false: the code is `uncertain` on either date (a change of unknown date); no value, label or fee change is then stated'),
  changes: z.array(ChangeSchema),
  before: SnapshotSchema,
  after: SnapshotSchema,
  uncertain: z.object({
    from: CodeViewSchema.shape.candidates.unwrap().nullable(),
    to: CodeViewSchema.shape.candidates.unwrap().nullable(),
    reason: z.string(),
  }).optional().describe('Uncertain codes only: the possible states on each uncertain date, and why'),
});

export const DiffResultSchema = z
  .object({
    from: DateOut,
    to: DateOut,
    filter: z.object({ article: z.string().optional(), prefix: z.string().optional(), keyLetter: z.string().optional() }),
    codes: z.array(CodeDiffSchema),
    totals: z.object({
      codes: z.number().int(),
      uncertain: z.number().int(),
      changes: z.record(z.enum(CHANGE_KINDS), z.number().int()),
      acts: z.array(z.object({ document: z.string(), article: z.string(), codes: z.number().int() })).describe('Codes changed per act article'),
    }),
  })
  .describe('What changed between two dates: every code whose state differs, each change with its acts.');

// --- replay ----------------------------------------------------------------------------------

export const ReplayRequest = z
  .strictObject({
    drafts: z
      .array(z.strictObject({
        name: z.string().min(1).max(200).optional().describe('A file name, for messages'),
        text: z.string().describe('The draft\'s text: anything `POST /v1/documents` reads (an amending act, a coefficient table, a convention), dated as its text says'),
      }))
      .min(1, 'at least one draft'),
    requests: z.array(z.unknown()).min(1, 'at least one request').describe('Check requests (contract §4, as `POST /v1/check` takes them; server-held history is not read)'),
  })
  .describe('Claims to decide twice: on the current law, and with the drafts ingested in a scratch copy (the database is not touched).');

const OutcomeSchema = z.object({
  status: z.enum(['accepted', 'rejected']),
  keyLetter: z.string().nullable(),
  relativeValue: z.string().nullable(),
  fee: z.string().nullable(),
  reimbursement: z.string().nullable(),
});

const CauseSchema = z.union([
  z.object({
    kind: z.literal('rule'), change: z.enum(['now', 'no-longer']), rule: z.string(), ruleKind: ReasonSchema.shape.kind,
    outcome: z.enum(['violated', 'warning']), message: z.string(), source: z.object({ document: z.string(), article: z.string(), text: z.string() }),
  }),
  z.object({ kind: z.enum(['value', 'fee']), from: z.string().nullable(), to: z.string().nullable(), feeReason: z.string().nullable() }),
]);

export const LineChangeSchema = z.object({
  line: z.number().int().describe('The request (1-based) the line is in'),
  beneficiary: z.string().nullable(),
  claim: z.string(),
  code: z.string(),
  date: DateOut,
  institution: z.string().nullable(),
  before: OutcomeSchema,
  after: OutcomeSchema,
  delta: z.object({ fee: Money.nullable(), reimbursement: Money.nullable() }).describe('after − before of the accepted fee (0 when rejected) and of the reimbursement; null when unknown'),
  because: z.array(CauseSchema).describe('The rules that now fail (or no longer do), or the value or fee that changed'),
});

const TallySchema = z.object({
  lines: z.number().int(),
  decisions: z.number().int().describe('Lines whose decision (accepted / rejected) changes'),
  fee: z.object({ before: Money, after: Money, delta: Money }),
  reimbursement: z.object({ before: Money, after: Money, delta: Money }),
  unknown: z.object({ fee: z.number().int(), reimbursement: z.number().int() }).describe('Lines whose amount is unknown on either side: not in the sums'),
});

export const ReplayResultSchema = z
  .object({
    changes: z.array(LineChangeSchema),
    totals: z.object({
      requests: z.number().int(),
      claims: z.number().int(),
      errors: z.number().int(),
      changed: TallySchema,
      byCode: z.record(z.string(), TallySchema),
      byMonth: z.record(z.string(), TallySchema),
      byInstitution: z.record(z.string(), TallySchema).describe('"" : lines without an institution'),
    }),
    drafts: z.array(z.object({ document: z.string(), status: z.string(), entryIntoForce: DateOut.nullable(), file: z.string() })).describe('What ingesting each draft would have reported (nothing was stored)'),
  })
  .describe('Every claim line whose decision, fee or reimbursement changes under the drafts, and the totals.');
