/** `nomen diff` (what changed between two dates) and `nomen replay` (what a draft would change on claims): thin commands over src/impact. */
import type { Command } from 'commander';
import { withStore, dateOption, printJson, UserError, DB_HELP, type DbOptions } from './common.js';

type DiffOptions = DbOptions & { from?: string; to?: string; article?: string; prefix?: string; keyLetter?: string; json?: boolean; csv?: boolean; sentences?: boolean };

/** Registers `nomen diff` and `nomen replay`. */
export function registerImpact(program: Command): void {
  program
    .command('diff')
    .description('what changed in the nomenclature between two dates: codes inserted and deleted, values, key letters, labels, fees, rules added or removed, each with its act, article and sentence (a code uncertain on either date is listed as uncertain, with its candidates)')
    .requiredOption('--from <date>', 'first date, YYYY-MM-DD (the state on this day)')
    .requiredOption('--to <date>', 'second date, YYYY-MM-DD (on or after --from)')
    .option('--article <article>', 'only codes of this nomenclature article ("20" takes "20, § 1er, d)", not "22")')
    .option('--prefix <digits>', 'only codes starting with these digits')
    .option('--key-letter <letter>', 'only codes with this key letter on either date')
    .option('--no-sentences', 'text output: the act and article of each change without its sentence')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV (one row per change and source)')
    .option('--db <file>', DB_HELP)
    .action(async (opts: DiffOptions) => {
      const from = dateOption(opts.from, '--from');
      const to = dateOption(opts.to, '--to');
      if (from > to) throw new UserError(`--from ${from} is after --to ${to}: give the earlier date first`);
      if (opts.json && opts.csv) throw new UserError('--json and --csv: choose one');
      if (opts.prefix !== undefined && !/^\d{1,6}$/.test(opts.prefix)) throw new UserError(`--prefix: "${opts.prefix}" is not 1 to 6 digits`);
      if (opts.keyLetter !== undefined && !/^[A-Za-z]{1,3}$/.test(opts.keyLetter)) throw new UserError(`--key-letter: "${opts.keyLetter}" is not a key letter (K, N, I, …)`);
      if (opts.article !== undefined && opts.article.trim() === '') throw new UserError('--article: empty');
      const { diffStore, renderDiff, diffCsv } = await import('../impact/index.js');
      const filter = { article: opts.article, prefix: opts.prefix, keyLetter: opts.keyLetter };
      const result = await withStore(opts, (store) => diffStore(store, from, to, filter));
      if (opts.json) return printJson(result);
      if (opts.csv) return void process.stdout.write(diffCsv(result));
      process.stdout.write(renderDiff(result, opts.sentences !== false) + '\n');
    });
}
