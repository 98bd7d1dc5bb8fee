/** Nomenclature codes: 6 digits, the 6th a check digit (first five digits mod 7). */

const SIX_DIGITS = /^\d{6}$/;

/** The check digit of a five-digit stem: stem mod 7. */
export function checkDigit(stem: string | number): number {
  return Number(stem) % 7;
}

/** Appends the check digit to a five-digit stem. */
export function withCheckDigit(stem: number): string {
  return String(stem).padStart(5, '0') + String(checkDigit(stem));
}

/** True when `code` is six digits whose last is the check digit of the first five. */
export function isValidCode(code: string): boolean {
  return SIX_DIGITS.test(code) && checkDigit(code.slice(0, 5)) === Number(code[5]);
}

/** The hospitalised twin of an ambulatory code: stem + 1, with its own check digit. */
export function hospitalisedTwinOf(ambulatory: string): string {
  return withCheckDigit(Number(ambulatory.slice(0, 5)) + 1);
}

/** The ambulatory twin of a hospitalised code: stem − 1, with its own check digit. */
export function ambulatoryTwinOf(hospitalised: string): string {
  return withCheckDigit(Number(hospitalised.slice(0, 5)) - 1);
}

/** True when `b` is the hospitalised twin of `a`. */
export function isPair(a: string, b: string): boolean {
  return isValidCode(a) && isValidCode(b) && hospitalisedTwinOf(a) === b;
}

/** What is wrong with a written code or pair; null when it is sound. */
export type CodeProblem =
  | { code: 'invalid-check-digit'; written: string; expected: string }
  | { code: 'broken-pair'; written: string; expected: string }
  | { code: 'not-a-code'; written: string };

/** Checks one written code; proposes the code with the right check digit. */
export function checkCode(written: string): CodeProblem | null {
  if (!SIX_DIGITS.test(written)) return { code: 'not-a-code', written };
  if (isValidCode(written)) return null;
  return { code: 'invalid-check-digit', written, expected: withCheckDigit(Number(written.slice(0, 5))) };
}

/**
 * Checks a written pair "A-B": each check digit, and that B is A's hospitalised twin.
 * Returns every problem found, each with a proposed correction (never applied silently).
 */
export function checkPair(ambulatory: string, hospitalised: string): CodeProblem[] {
  const problems: CodeProblem[] = [];
  for (const c of [ambulatory, hospitalised]) {
    const p = checkCode(c);
    if (p) problems.push(p);
  }
  if (isValidCode(ambulatory) && hospitalisedTwinOf(ambulatory) !== hospitalised) {
    problems.push({ code: 'broken-pair', written: `${ambulatory}-${hospitalised}`, expected: `${ambulatory}-${hospitalisedTwinOf(ambulatory)}` });
  }
  return problems;
}
