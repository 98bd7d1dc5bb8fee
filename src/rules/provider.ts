/**
 * provider: the provider's specialty and qualifications must match one alternative; an
 * alternative may require a collaborator with a given specialty and qualifications
 * ("effectuées en collaboration avec un médecin spécialiste en radiodiagnostic …").
 * A request without the provider's specialty cannot be checked: warning.
 */
import type { CurrentLine, EvalContext, ProviderFacts } from './context.js';
import type { CompiledRule, RuleKind } from './kind.js';
import type { Outcome, ProviderAlternative } from './outcomes.js';
import type { ProviderParams } from './params.js';

type Rule = CompiledRule<ProviderParams, ProviderAlternative[]>;

function fits(who: ProviderFacts | null, spec: { specialty: string[]; qualifications: string[] }): boolean {
  if (who === null || who.specialty === null || !spec.specialty.includes(who.specialty)) return false;
  for (const q of spec.qualifications) if (!who.qualifications.includes(q)) return false;
  return true;
}

export const provider: RuleKind<ProviderParams, ProviderAlternative[]> = {
  name: 'provider',
  reports: () => 'provider',
  compile: (rule) => rule.params.alternatives,
  evaluate(line: CurrentLine, _ctx: EvalContext, rule: Rule): Outcome {
    const alts = rule.compiled;
    const who = line.provider;
    if (who === null || who.specialty === null) {
      return { outcome: 'warning', detail: { code: 'provider.missing', service: line.code, alternatives: alts } };
    }
    let needsCollaborator: ProviderAlternative | null = null;
    for (const alt of alts) {
      if (!fits(who, alt)) continue;
      if (alt.collaborator === null) {
        return { outcome: 'satisfied', detail: { code: 'provider.allowed', service: line.code, specialty: who.specialty, qualifications: [...who.qualifications], collaborator: null } };
      }
      if (fits(line.collaborator, alt.collaborator)) {
        return {
          outcome: 'satisfied',
          detail: { code: 'provider.allowed', service: line.code, specialty: who.specialty, qualifications: [...who.qualifications], collaborator: line.collaborator!.specialty },
        };
      }
      needsCollaborator ??= alt;
    }
    if (needsCollaborator !== null) {
      const c = line.collaborator;
      return {
        outcome: 'violated',
        detail: {
          code: 'provider.collaborator-missing',
          service: line.code,
          specialty: who.specialty,
          collaborator: needsCollaborator.collaborator!,
          given: c ? { specialty: c.specialty, qualifications: [...c.qualifications] } : null,
        },
      };
    }
    return {
      outcome: 'violated',
      detail: { code: 'provider.not-allowed', service: line.code, specialty: who.specialty, qualifications: [...who.qualifications], alternatives: alts },
    };
  },
};
