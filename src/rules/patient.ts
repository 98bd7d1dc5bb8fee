/**
 * patient: one condition on the beneficiary — age in completed years on the date of the
 * service, sex, or the hospital service of the stay (allowed / forbidden letters, case
 * sensitive: "N" and "n" are different services). Missing data gives a warning.
 */
import { ageOn } from '../date.js';
import type { CurrentLine, EvalContext } from './context.js';
import type { CompiledRule, RuleKind } from './kind.js';
import type { Outcome } from './outcomes.js';
import type { PatientParams } from './params.js';

type Rule = CompiledRule<PatientParams, null>;

export const patient: RuleKind<PatientParams, null> = {
  name: 'patient',
  reports: () => 'patient',
  compile: () => null,
  evaluate(line: CurrentLine, ctx: EvalContext, rule: Rule): Outcome | null {
    const p = rule.rule.params;
    const service = line.code;
    if ('age' in p) {
      const under = p.age.under ?? null;
      const atLeast = p.age.atLeast ?? null;
      const birth = ctx.beneficiary.birthDate;
      if (birth === null) return { outcome: 'warning', detail: { code: 'patient.birth-date-missing', service, under, atLeast } };
      const age = ageOn(birth, line.date);
      const ok = (under === null || age < under) && (atLeast === null || age >= atLeast);
      return { outcome: ok ? 'satisfied' : 'violated', detail: { code: ok ? 'patient.age-met' : 'patient.age-not-met', service, age, under, atLeast, birthDate: birth } };
    }
    if ('sex' in p) {
      const sex = ctx.beneficiary.sex;
      if (sex === null) return { outcome: 'warning', detail: { code: 'patient.sex-missing', service, sex: p.sex } };
      const ok = sex === p.sex;
      return { outcome: ok ? 'satisfied' : 'violated', detail: { code: ok ? 'patient.sex-met' : 'patient.sex-not-met', service, sex, required: p.sex } };
    }
    const s = p.services;
    const allowed = s.allowed ?? [];
    const forbidden = s.forbidden ?? [];
    if (line.stay === null) {
      return s.requireStay ? { outcome: 'violated', detail: { code: 'patient.no-stay', service, allowed } } : null;
    }
    const hs = line.hospitalService;
    if (hs === null) return { outcome: 'warning', detail: { code: 'patient.service-missing', service, allowed, forbidden } };
    if (forbidden.includes(hs)) return { outcome: 'violated', detail: { code: 'patient.service-forbidden', service, hospitalService: hs, forbidden } };
    if (allowed.length > 0 && !allowed.includes(hs)) {
      return { outcome: s.otherwise, detail: { code: 'patient.service-not-allowed', service, hospitalService: hs, allowed, note: s.note ?? null } };
    }
    return { outcome: 'satisfied', detail: { code: 'patient.service-ok', service, hospitalService: hs, allowed, forbidden } };
  },
};
