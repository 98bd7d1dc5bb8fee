/** `nomen ingest <file>…`: parse every file first, then store them all in one transaction. */
import { documentName } from '../corpus/name.js';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { IngestInput, IngestReport } from '../store/types.js';
import { IngestRefused } from '../store/refusal.js';
import { withStore, printJson, UserError, DB_HELP, type DbOptions } from './common.js';

/** Reads and parses files; any unreadable or unknown file aborts before the database is touched. */
export async function readDocuments(files: string[]): Promise<IngestInput[]> {
  // Loaded on demand so that other commands start without the parsers.
  const { decodeText, parseDocument, DocumentError } = await import('../corpus/detect.js');
  return files.map((file) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
      throw new UserError(`${file}: cannot read the file (${why}); nothing was ingested`);
    }
    try {
      const raw = decodeText(bytes, file);
      return { file, raw, doc: parseDocument(raw, file) };
    } catch (e) {
      if (e instanceof DocumentError) throw new UserError(`${e.message}; nothing was ingested`);
      throw e;
    }
  });
}

/** The coverage lines of a report: "amendment items: 7 of 9 understood" (per language for an act held in both), then the missed sentences. */
export function coverageLines(r: Pick<IngestReport, 'coverage'>, missed = true): string[] {
  const entries = Object.entries(r.coverage ?? {}).filter((e): e is [string, NonNullable<(typeof e)[1]>] => e[1] !== undefined);
  const lines: string[] = [];
  for (const [language, c] of entries) {
    lines.push(`  amendment items${entries.length > 1 ? ` (${language})` : ''}: ${c.understood} of ${c.items} understood`);
    if (missed) for (const m of c.missed) lines.push(`    missed ${m.where}: ${m.text.length > 110 ? m.text.slice(0, 107) + '…' : m.text}`);
  }
  return lines;
}

function render(r: IngestReport): string {
  const x = r.extracted;
  const lines = [
    `${r.document}  ${r.kind}  ${r.status}  (${r.file})${r.languages && r.languages.length > 1 ? `  texts: ${r.languages.join(' + ')}` : ''}`,
    `  ${r.title}`,
    `  entry into force: ${r.entryIntoForce ?? 'unknown'} — ${r.entryIntoForceBasis}`,
    `  extracted: ${x.services} services, ${x.valueChanges} value changes, ${x.labelChanges} label changes, ${x.deletions} deletions, ${x.rules} rules, ${x.fees} fee rows`,
    ...coverageLines(r),
  ];
  if (r.issues.length) {
    lines.push(`  issues (${r.issues.length}):`);
    for (const i of r.issues) lines.push(`    ${i.severity.padEnd(7)} ${i.where}: ${i.message}${i.proposal ? ` (proposal: ${i.proposal})` : ''}`);
  }
  if (r.unparsed.length) {
    lines.push(`  unparsed normative sentences (${r.unparsed.length}):`);
    for (const u of r.unparsed) lines.push(`    ${u.language ? `(${u.language}) ` : ''}${u.where}: ${u.text.length > 110 ? u.text.slice(0, 107) + '…' : u.text}`);
  }
  return lines.join('\n');
}

/** Registers `nomen ingest`. */
export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('add legal documents (Justel acts in Markdown, French or Dutch, INAMI convention texts): the format is detected; an act\'s FR and NL texts (same NUMAC) make one document; all files or none are stored')
    .argument('<file...>', 'documents to ingest')
    .option('--db <file>', DB_HELP)
    .option('--json', 'print one JSON object per document and per line (contract §2)')
    .option('--force', 'replace a held text even if the new one states less (services, amendments, its entry into force), and keep a convention whose title another held one has')
    .action(async (files: string[], opts: DbOptions & { json?: boolean; force?: boolean }) => {
      const inputs = (await readDocuments(files)).map((i) => (opts.force ? { ...i, force: true } : i));
      const reports = await withStore(opts, (store) => store.ingest(inputs)).catch((e: unknown) => {
        // documents that would stop the engine: refused before anything was written
        throw e instanceof IngestRefused ? new UserError(e.message) : e;
      });
      if (opts.json) for (const r of reports) process.stdout.write(JSON.stringify(r) + '\n');
      else process.stdout.write(reports.map(render).join('\n\n') + '\n');
    });

  program
    .command('documents')
    .description('list the documents in the database')
    .option('--db <file>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (opts: DbOptions & { json?: boolean }) => {
      const { docs, signed } = await withStore(opts, async (store) => ({
        docs: await store.documents(),
        signed: new Map((await store.parsedDocuments()).map((p) => [p.id, p.dates.signed])),
      }));
      // Each document by its stable id and its readable name (src/corpus/name.ts).
      const nameOf = (d: (typeof docs)[number]) => documentName({ id: d.document, kind: d.kind, title: d.title, signed: signed.get(d.document) ?? null });
      if (opts.json) printJson(docs.map(({ unparsed, ...d }) => ({ ...d, name: nameOf({ unparsed, ...d }), unparsed: unparsed.length })));
      else {
        for (const d of docs) {
          const texts = d.languages && d.languages.length > 1 ? `  texts: ${d.languages.join(' + ')}` : '';
          process.stdout.write(`${d.document}  ${d.kind.padEnd(13)} in force ${d.entryIntoForce ?? 'unknown'}  ingested ${d.ingestedAt}  ${nameOf(d)}${texts}\n`);
          for (const l of coverageLines(d, false)) process.stdout.write(`${l}\n`);
        }
      }
    });
}
