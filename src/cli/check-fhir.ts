/**
 * `nomen check --fhir FILE`: an HL7 Belgium eTariff Claim (or a Bundle holding one) decided on the
 * database, answered with a ClaimResponse on stdout. A file that is not a readable Claim: its
 * OperationOutcome on stdout (the FHIR answer, naming each element), each issue on stderr, exit 2.
 */
import type { Limits } from '../engine/limits.js';
import type { Locale } from '../engine/messages/types.js';
import { readTextInput, UserError, withStore, type DbOptions } from './common.js';

export async function checkFhir(file: string, opts: DbOptions, locale: Locale, limits?: Limits): Promise<void> {
  const text = readTextInput(file, 'FHIR resource', locale);
  const { operationOutcome, submitClaim } = await import('../fhir/index.js');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const outcome = operationOutcome([{ expression: '', detail: { problem: 'not-json', message: (e as Error).message } }], locale);
    process.stdout.write(JSON.stringify(outcome, null, 2) + '\n');
    throw new UserError(`${file}: ${outcome.issue[0].diagnostics}`);
  }
  const { engineFromStore } = await import('../pipeline.js');
  const result = await withStore(opts, async (store) => submitClaim(value, await engineFromStore(store, { locale }), { locale, limits }));
  process.stdout.write(JSON.stringify(result.resource, null, 2) + '\n');
  if (!result.ok) {
    const lines = result.resource.issue.map((i) => `  ${i.expression?.[0] ?? '(resource)'}: ${i.diagnostics}`);
    throw new UserError(`${file}: not a readable eTariff Claim (OperationOutcome on stdout):\n${lines.join('\n')}`);
  }
}
