/** `nomen show`, `nomen history`, `nomen search`. */
import type { Command } from 'commander';
import { showCode, codeHistory, searchCodes, CodeError, type CodeView } from '../queries.js';
import { withStore, dateOption, codeArgument, printJson, UserError, EXIT, DB_HELP, type DbOptions } from './common.js';
import type { HistoryEntry } from '../nomenclature/consolidate.js';
import { windowText } from '../nomenclature/uncertain.js';
import { parseQuery } from '../nomenclature/memory.js';
import { fold } from '../text.js';
import { say } from './messages.js';

async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof CodeError) throw new UserError(e.message, EXIT.badCode);
    throw e;
  }
}

function renderShow(v: CodeView): string {
  const lines: string[] = [];
  const twin = v.pair ? ` (${v.setting}; pair ${v.pair.ambulatory}-${v.pair.hospitalised})` : v.setting === 'any' ? ' (no ambulatory/hospitalised twin)' : '';
  lines.push(`${v.code}  ${v.status} on ${v.at}${twin}`);
  if (v.statusReason) lines.push(`  ${v.statusReason}`);
  if (v.candidates?.length) {
    lines.push('  candidates:');
    for (const c of v.candidates) {
      lines.push(`    ${c.status}${c.keyLetter ? ` · value ${c.keyLetter} ${c.relativeValue}` : ''}${c.fee ? ` · fee ${c.fee} EUR` : ''} — if ${c.assumes}`);
    }
  }
  if (v.label.fr) lines.push(`  « ${v.label.fr} »`);
  if (v.label.nl) lines.push(`  « ${v.label.nl} » (nl)`);
  const value = v.keyLetter ? `${v.keyLetter} ${v.relativeValue}` : 'unknown';
  lines.push(`  article ${v.article ?? 'unknown'} · value ${value}`);
  lines.push(`  fee ${v.fee ? `${v.fee} EUR` : 'unknown'}${v.feeReason ? ` — ${v.feeReason}` : ''}`);
  if (v.reimbursement) lines.push(`  reimbursement: preferential ${v.reimbursement.preferential ?? '—'} EUR, standard ${v.reimbursement.standard ?? '—'} EUR`);
  if (v.rules.length) {
    lines.push('  rules:');
    for (const r of v.rules) lines.push(`    [${r.id}] ${r.text}`);
  }
  lines.push('  sources:');
  for (const s of v.sources) lines.push(`    ${s.document}, ${s.article}${s.note ? ` (${s.note})` : ''}`);
  return lines.join('\n');
}

function renderHistory(code: string, changes: HistoryEntry[]): string {
  const lines = [`history of ${code}:`];
  for (const c of changes) {
    lines.push(`  ${(c.date ?? '(undated)').padEnd(10)}  ${c.change.padEnd(10)}  ${c.description}  [${c.source.document}, ${c.source.article}]`);
    if (c.window) lines.push(`              date unknown: ${windowText(c.window)} — ${c.window.reason}`);
  }
  return lines.join('\n');
}

/** Registers the code commands. */
export function registerCodeCommands(program: Command): void {
  program
    .command('show')
    .description('the state of a nomenclature code on a date: status, value, fee, rules, and the acts behind them')
    .argument('<code>', '6-digit nomenclature code (the 6th digit is a check digit); 587.134, "587 134" and the pair form 587134-587145 are read as 587134')
    .option('--at <date>', 'date to query, YYYY-MM-DD (default: today)')
    .option('--db <file>', DB_HELP)
    .option('--json', 'print JSON (contract §3)')
    .action(async (arg: string, opts: DbOptions & { at?: string; json?: boolean }) => {
      const code = codeArgument(arg);
      const at = dateOption(opts.at);
      const view = await withStore(opts, (store) => guard(() => showCode(store, code, at)));
      if (opts.json) printJson(view);
      else process.stdout.write(renderShow(view) + '\n');
    });

  program
    .command('history')
    .description('every change of a code over time, with the act behind it')
    .argument('<code>', '6-digit nomenclature code')
    .option('--db <file>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (arg: string, opts: DbOptions & { json?: boolean }) => {
      const code = codeArgument(arg);
      const h = await withStore(opts, (store) => guard(() => codeHistory(store, code)));
      if (opts.json) printJson(h);
      else process.stdout.write(renderHistory(code, h.changes) + '\n');
    });

  program
    .command('search')
    .description('find codes by French or Dutch words of their label (accent- and case-insensitive) or by a code prefix')
    .argument('<query...>', 'words, or the first digits of a code')
    .option('--at <date>', 'date of the labels to search, YYYY-MM-DD (default: today)')
    .option('--limit <n>', 'at most this many results', '50')
    .option('--db <file>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (query: string[], opts: DbOptions & { at?: string; limit: string; json?: boolean }) => {
      const at = dateOption(opts.at);
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new UserError(`--limit: "${opts.limit}" is not a positive whole number`);
      // one more than asked: whether the list was cut at the limit
      const found = await withStore(opts, (store) => searchCodes(store, query.join(' '), at, limit + 1));
      const truncated = found.length > limit;
      const hits = found.slice(0, limit);
      if (truncated) process.stderr.write(`nomen: ${say().searchCut(limit)}\n`);
      if (opts.json) printJson({ query: query.join(' '), at, results: hits, truncated });
      else if (hits.length === 0) process.stdout.write(`no code matches "${query.join(' ')}" on ${at}\n`);
      else {
        for (const h of hits) {
          // The label of the language the words were found in: French unless only the Dutch one has them.
          const words = parseQuery(query.join(' ')).words;
          const inFr = h.label !== null && words.every((w) => fold(h.label!).includes(w));
          const label = !inFr && h.labelNl !== null ? `${h.labelNl} (nl)` : h.label ?? (h.labelNl !== null ? `${h.labelNl} (nl)` : '');
          process.stdout.write(`${h.code}  ${h.status.padEnd(16)} ${(h.keyLetter ? `${h.keyLetter} ${h.relativeValue}` : '').padEnd(9)} ${label}\n`);
        }
      }
    });
}
