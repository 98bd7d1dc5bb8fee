/** The `nomen` command line. Each command lives in its own module; this file only assembles them. */
import { Command, CommanderError } from 'commander';
import { UserError, EXIT } from './common.js';
import { registerIngest } from './ingest.js';
import { registerCodeCommands } from './codes.js';
import { registerCheck } from './check.js';
import { registerConventionCommands } from './conventions.js';
import { registerServe } from './serve.js';
import { registerImpact, registerReplay } from './impact.js';

const program = new Command()
  .name('nomen')
  .description('The Belgian nomenclature of health services (INAMI/RIZIV) as executable law:\nthe state of every code on any date, its fee, its rules, and the act behind each.')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();

registerIngest(program);
registerCodeCommands(program);
registerCheck(program);
registerConventionCommands(program);
registerServe(program);
registerImpact(program);
registerReplay(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // --help and --version end here with code 0; usage errors were already printed.
    process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
  } else if (e instanceof UserError) {
    process.stderr.write(`nomen: ${e.message}\n`);
    process.exitCode = e.exitCode;
  } else {
    process.stderr.write(`nomen: internal error: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  }
}
