/**
 * `POST /v1/documents` (the CLI's `ingest`), `GET /v1/documents` (`documents`), and
 * `GET /v1/documents/{id}`: the act's text with every extracted fact located in it, and its issues.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formatPath } from '../../engine/schema.js';
import type { CodeSet, ParsedDocument, Provenance } from '../../facts.js';
import type { IngestInput } from '../../store/types.js';
import { IngestRefused } from '../../store/refusal.js';
import { documentName } from '../../corpus/name.js';
import { parseParams, type RouteDeps } from '../common.js';
import { ProblemError, pointerOf, type ProblemField } from '../problem.js';
import {
  DocumentIdParam, DocumentsUpload, type DocumentListSchema, type DocumentViewSchema, type ExtractedFactSchema, type IngestResultSchema,
} from '../schemas.js';

type Fact = z.infer<typeof ExtractedFactSchema>;

const codesOf = (c: CodeSet): string[] => (c.kind === 'pair' ? [c.ambulatory, c.hospitalised] : [c.code]);
const showCodes = (c: CodeSet): string => (c.kind === 'pair' ? `${c.ambulatory}-${c.hospitalised}` : c.code);

function fact(kind: Fact['kind'], p: Provenance, codes: string[], summary: string, op?: string): Fact {
  const f: Fact = { kind, article: p.article, span: p.span, codes, summary, text: p.text };
  if (op) f.op = op;
  if (p.language) f.language = p.language;
  return f;
}

/** Every fact a parser extracted from a document, in text order (unlocated ones last). */
export function factsOf(doc: ParsedDocument): Fact[] {
  const out: Fact[] = [];
  for (const s of doc.services) {
    out.push(fact('service', s.provenance, codesOf(s.codes), `${showCodes(s.codes)}${s.value ? ` ${s.value.keyLetter} ${s.value.relativeValue}` : ''}${s.label ? ` — ${s.label}` : ''}`));
  }
  for (const f of doc.fees) {
    out.push(fact('fee', f.provenance, codesOf(f.codes), `${showCodes(f.codes)}: ${f.keyLetter} ${f.relativeValue} × ${f.coefficient} = ${f.fee}`));
  }
  for (const a of doc.amendments) {
    let codes: string[] = [];
    let what = '';
    switch (a.op) {
      case 'insert-service':
        codes = codesOf(a.service.codes);
        what = `${showCodes(a.service.codes)}${a.service.value ? ` ${a.service.value.keyLetter} ${a.service.value.relativeValue}` : ''}`;
        break;
      case 'delete-service':
        codes = codesOf(a.codes);
        what = showCodes(a.codes);
        break;
      case 'change-value':
        codes = codesOf(a.codes);
        what = `${showCodes(a.codes)}: ${a.from ? `${a.from.keyLetter} ${a.from.relativeValue}` : '?'} → ${a.to.keyLetter} ${a.to.relativeValue}`;
        break;
      case 'change-label':
        codes = codesOf(a.codes);
        what = `${showCodes(a.codes)}: « ${a.label} »`;
        break;
      default:
        codes = a.codes;
        what = a.codes.join(', ');
    }
    out.push(fact('amendment', a.provenance, codes, `${a.op}${what ? ` ${what}` : ''}${a.effective ? ` (from ${a.effective})` : ''}`, a.op));
  }
  for (const r of doc.rules) out.push(fact('rule', r.provenance, r.codes, `rule of application naming ${r.codes.length} code${r.codes.length === 1 ? '' : 's'}`));
  for (const c of doc.coefficients ?? []) {
    out.push(fact('coefficient', c.provenance, c.codes ?? [], `${c.keyLetter} = ${c.coefficient} from ${c.from}${c.to ? ` to ${c.to}` : ''}${c.codes ? '' : ` (every ${c.keyLetter} code)`}`));
  }
  const start = (f: Fact) => (f.span ? f.span[0] : Number.MAX_SAFE_INTEGER);
  return out.sort((a, b) => start(a) - start(b));
}

/** Registers the document routes. */
export async function documentRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const { store, engines, auth } = deps;
  // Raw documents as bytes (decoded and checked for binary content below); JSON for several at once.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(['text/plain', 'text/markdown', 'text/csv', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: deps.documentBodyLimit }, (_req, body, done) => done(null, body));

  // Without a token, a write must not be possible from a web page of another site: such a page can
  // post text/plain (a CORS "simple" request) without the server being asked, but not JSON,
  // text/markdown, text/csv or application/octet-stream (the browser asks first, and is refused).
  const preflightFree = (req: FastifyRequest) => !auth.enabled && /^text\/plain\b/i.test(req.headers['content-type'] ?? '');
  const onRequest = (req: FastifyRequest, _reply: unknown, done: (e?: Error) => void) =>
    done(preflightFree(req) ? new ProblemError('unsupported-media-type', 'text/plain is refused while the server has no token (NOMEN_TOKEN): a web page of any site could post it; send the text as text/markdown, text/csv or application/octet-stream, or as JSON') : undefined);

  app.post('/v1/documents', { bodyLimit: deps.documentBodyLimit, onRequest }, async (req, reply): Promise<z.infer<typeof IngestResultSchema>> => {
    auth.require(req, 'ingesting documents');
    // Loaded on demand, as in the CLI: serving queries does not need the parsers.
    const { decodeText, parseDocument, DocumentError } = await import('../../corpus/detect.js');
    const uploads: { name: string; bytes: Uint8Array; path: string }[] = [];
    if (Buffer.isBuffer(req.body)) {
      const { name } = parseParams('query', req.query, { name: z.string().min(1).max(200) });
      uploads.push({ name: name ?? 'upload', bytes: req.body, path: '' });
    } else {
      const r = DocumentsUpload.safeParse(req.body);
      if (!r.success) {
        const errors: ProblemField[] = r.error.issues.map((i) => {
          const path = formatPath(i.path);
          return { in: 'body', path, pointer: pointerOf(path), detail: i.message };
        });
        throw new ProblemError('invalid-request', errors.map((e) => `${e.path || '(body)'}: ${e.detail}`).join('; '), errors);
      }
      r.data.documents.forEach((d, i) => uploads.push({ name: d.name ?? `documents[${i}]`, bytes: Buffer.from(d.text, 'utf8'), path: `documents[${i}].text` }));
    }
    // ?force=true: a replacement that states less, or a second convention of one title, is stored anyway
    const { force } = parseParams('query', { force: (req.query as Record<string, unknown> | undefined)?.force }, { force: z.enum(['true', 'false']) });
    // Parse everything first: one bad document and nothing is stored.
    const inputs: IngestInput[] = [];
    for (const u of uploads) {
      try {
        const raw = decodeText(u.bytes, u.name);
        inputs.push({ file: u.name, raw, doc: parseDocument(raw, u.name), ...(force === 'true' ? { force: true } : {}) });
      } catch (e) {
        if (e instanceof DocumentError) {
          throw new ProblemError('invalid-document', `${e.message}; nothing was ingested`, [{ in: 'body', path: u.path, pointer: pointerOf(u.path), detail: e.message }], undefined, { reason: e.code });
        }
        throw e;
      }
    }
    let reports;
    try {
      reports = await store.ingest(inputs);
    } catch (e) {
      if (!(e instanceof IngestRefused)) throw e;
      // the documents would stop the engine: nothing was stored, the engine in use stays
      const at = uploads.find((u) => u.name === e.file)?.path ?? '';
      throw new ProblemError('invalid-document', e.message, [{ in: 'body', path: at, pointer: pointerOf(at), detail: e.message }], undefined, {
        reason: e.reason, ...(e.sentence ? { sentence: e.sentence } : {}), ...(e.lost.length ? { lost: e.lost } : {}),
      });
    }
    const changed = reports.some((r) => r.status !== 'unchanged');
    // The next check must see the new rules and values: rebuild before answering.
    if (changed) {
      await engines.rebuild();
      deps.onDocumentsChanged?.();
    }
    reply.code(changed ? 201 : 200);
    return { documents: reports };
  });

  app.get('/v1/documents', async (): Promise<z.infer<typeof DocumentListSchema>> => {
    const docs = await store.documents();
    // Each document by its stable id and a readable name (src/corpus/name.ts), as `nomen documents`.
    const signed = new Map((await store.parsedDocuments()).map((p) => [p.id, p.dates.signed]));
    return { documents: docs.map(({ unparsed, ...d }) => ({ ...d, name: documentName({ id: d.document, kind: d.kind, title: d.title, signed: signed.get(d.document) ?? null }), file: fileName(d.file), unparsed: unparsed.length })) };
  });

  app.get('/v1/documents/:id', async (req): Promise<z.infer<typeof DocumentViewSchema>> => {
    const { id } = parseParams('path', req.params, { id: DocumentIdParam }, ['id']);
    const d = await store.document(id!);
    if (!d) throw new ProblemError('not-found', `no document ${JSON.stringify(id)} in the database`, [{ in: 'path', path: 'id', detail: 'unknown document' }]);
    const p = d.parsed;
    // The merged document's facts located in its primary text (those read from the other text only
    // are listed with it); each text lists what was read from it.
    const own = (f: { language?: string }) => f.language === undefined || f.language === p.language;
    const texts = d.texts.map((t) => ({ language: t.language, title: t.parsed.title, text: t.raw, facts: factsOf(t.parsed), coverage: t.parsed.coverage ?? null }));
    return { ...d.report, file: fileName(d.report.file), name: documentName({ id: p.id, kind: d.report.kind, title: d.report.title, signed: p.dates.signed }), format: p.format, url: p.url, convention: p.convention, text: d.raw, facts: factsOf(p).filter(own), texts };
  });
}

/** The name of a document's file without the folders: where the server keeps its files is none of a client's business. */
function fileName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
