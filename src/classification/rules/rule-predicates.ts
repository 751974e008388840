/**
 * Small predicates shared by the two rulebooks, so each rulebook row reads as one line of the decision table.
 * Missing booleans count as "no" and a missing public-service level as "none"; missing counts are not guessed
 * (see the gaps in each rulebook).
 */
import type {
  ClassificationFacts,
  InfoType,
  InfrastructureScope,
  NationalSecurityHarm,
  SystemType,
  WorksGrade,
} from './classification.types';

type Facts = ClassificationFacts;

export const isType = (facts: Facts, type: SystemType): boolean => facts.systemType === type;

export const hasInfo = (facts: Facts, type: InfoType): boolean => (facts.infoTypes ?? []).includes(type);

export const onlyPublicInfo = (facts: Facts): boolean => (facts.infoTypes ?? []).length > 0 && facts.infoTypes.every((t) => t === 'PUBLIC');

export const hasPrivateOrPersonal = (facts: Facts): boolean => hasInfo(facts, 'PRIVATE') || hasInfo(facts, 'PERSONAL');

/** ND85 Art. 9.1–11.1 / ND331 Art. 13.1–15.1 cover state-secret systems and systems serving defence/security. */
export const isSecretOrDefence = (facts: Facts): boolean => hasInfo(facts, 'STATE_SECRET') || facts.defenceSecuritySystem === true;

export const harmIs = (facts: Facts, harm: NationalSecurityHarm): boolean =>
  isSecretOrDefence(facts) && facts.nationalSecurityHarm === harm;

/** A harm declared for a system the harm criteria do not cover: accepted, and ignored with a note (not a contradiction). */
export const harmWithoutSecretOrDefence = (facts: Facts): boolean =>
  !isSecretOrDefence(facts) && facts.nationalSecurityHarm !== undefined && facts.nationalSecurityHarm !== 'NONE';

/**
 * A citizen/business system with people counted but only public information: the counting criteria are about people
 * whose private or personal information is processed, so the counts change nothing (and the answer is valid).
 */
export const countedWithoutPrivateData = (
  facts: Facts,
  counts: readonly ('users' | 'basicPersonalDataSubjects' | 'sensitivePersonalDataSubjects')[],
): boolean => isCitizen(facts) && !hasPrivateOrPersonal(facts) && counts.some((field) => (facts[field] ?? 0) > 0);

export const isCitizen = (facts: Facts): boolean => isType(facts, 'CITIZEN_BUSINESS');

export const infraScopeIs = (facts: Facts, scope: InfrastructureScope): boolean =>
  isType(facts, 'INFRASTRUCTURE') && facts.infrastructureScope === scope;

export const worksGradeIn = (facts: Facts, grades: readonly WorksGrade[]): boolean =>
  isType(facts, 'INDUSTRIAL_CONTROL') && facts.worksGrade !== undefined && grades.includes(facts.worksGrade);

/** Industrial control system whose works grade is unknown or that does not run a construction works. */
export const worksGradeMissing = (facts: Facts): boolean => isType(facts, 'INDUSTRIAL_CONTROL') && facts.worksGrade === undefined;

export const worksNotConstruction = (facts: Facts): boolean => isType(facts, 'INDUSTRIAL_CONTROL') && facts.worksGrade === 'NONE';

export const infraScopeMissing = (facts: Facts): boolean => isType(facts, 'INFRASTRUCTURE') && facts.infrastructureScope === undefined;
