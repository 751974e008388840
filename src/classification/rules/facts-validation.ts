/**
 * Checks raw classification facts before evaluation. The output becomes the `errors` of a 422 problem+json,
 * so every message is Vietnamese and every field is a path such as `facts.components[0].users`.
 *
 * Fields of the other regime (e.g. handlesAdminProcedures under ND85) are accepted; the evaluator ignores
 * them with a note. Unknown fields and null values are rejected: null would be read as a number by the rules.
 * Exception: the Decree 331 Art. 16 criteria are refused under Decree 85, as they would change the procedure
 * (Art. 20.4), not only a note — a check of the regime's questions, not of one fact against another.
 *
 * Cross-field checks refuse only what contradicts the criteria (see `checkHarmDeclared`); everything else is
 * evaluated, with a rulebook note where a fact does not count.
 */
import {
  FACT_FIELDS,
  INFO_TYPES,
  INFRASTRUCTURE_SCOPES,
  NATIONAL_SECURITY_CONSEQUENCES,
  NATIONAL_SECURITY_CRITERIA,
  NATIONAL_SECURITY_FIELDS,
  NATIONAL_SECURITY_HARMS,
  PM_DESIGNATED_LEVELS,
  PUBLIC_SERVICE_LEVELS,
  REGIMES,
  SECURITY_LEVELS,
  SYSTEM_TYPES,
  WORKS_GRADES,
  isOneOf,
  type Regime,
} from './classification.types';

export interface FactsError {
  field: string;
  message: string;
}

/** Nesting of component subsystems: facts.components[i].components[j].components[k] at most. */
export const MAX_COMPONENT_DEPTH = 3;
/** Component subsystems in the whole tree, all levels counted. */
export const MAX_COMPONENTS = 50;

const BOOLEAN_FIELDS = [
  'defenceSecuritySystem',
  'handlesAdminProcedures',
  'conditionalBusiness',
  'nationalEgov24x7',
  'criticalNationalDataStorage',
] as const;

const ENUM_FIELDS: readonly (readonly [string, readonly string[]])[] = [
  ['nationalSecurityHarm', NATIONAL_SECURITY_HARMS],
  ['publicServiceLevel', PUBLIC_SERVICE_LEVELS],
  ['infrastructureScope', INFRASTRUCTURE_SCOPES],
  ['worksGrade', WORKS_GRADES],
];

const COUNT_FIELDS = ['users', 'basicPersonalDataSubjects', 'sensitivePersonalDataSubjects'] as const;

const LEVEL_FIELDS: readonly (readonly [string, readonly number[]])[] = [
  ['riskAssessedLevel', SECURITY_LEVELS],
  ['riskFrameworkLevel', SECURITY_LEVELS],
  ['pmDesignatedLevel', PM_DESIGNATED_LEVELS],
];

/** ND331 Art. 16 (with Law 116/2025 Art. 9.2): lists of values, asked and accepted under Decree 331 only. */
const NATIONAL_SECURITY_LIST_FIELDS: readonly (readonly [string, readonly string[]])[] = [
  ['nationalSecurityCriteria', NATIONAL_SECURITY_CRITERIA],
  ['nationalSecurityFields', NATIONAL_SECURITY_FIELDS],
  ['nationalSecurityConsequences', NATIONAL_SECURITY_CONSEQUENCES],
];

interface Context {
  errors: FactsError[];
  components: number;
  regime: Regime;
}

export function validateFacts(input: unknown, regime: Regime): FactsError[] {
  const ctx: Context = { errors: [], components: 0, regime };
  if (!isOneOf(REGIMES, regime)) {
    // The regime may come from user input too; the rulebooks themselves accept each other's fields.
    ctx.errors.push({ field: 'regime', message: `Nghị định áp dụng không hợp lệ. Giá trị được chấp nhận: ${REGIMES.join(', ')}.` });
  }
  validateNode(input, 'facts', 0, ctx);
  return ctx.errors;
}

function validateNode(input: unknown, path: string, depth: number, ctx: Context): void {
  const err = (field: string, message: string): void => {
    ctx.errors.push({ field: `${path}${field === '' ? '' : `.${field}`}`, message });
  };
  if (!isPlainObject(input)) {
    err('', 'Phải là một đối tượng mô tả hệ thống thông tin.');
    return;
  }
  const facts = input;

  for (const key of Object.keys(facts)) {
    if (!isOneOf(FACT_FIELDS, key)) err(key, 'Trường không được hỗ trợ.');
    else if (facts[key] === null) err(key, 'Không được để giá trị null; bỏ trường này nếu không có thông tin.');
  }

  if (facts.systemType === undefined) err('systemType', 'Bắt buộc khai báo loại hình hệ thống thông tin.');
  else if (facts.systemType !== null && !isOneOf(SYSTEM_TYPES, facts.systemType)) err('systemType', enumMessage(SYSTEM_TYPES));

  const infoTypes = validateInfoTypes(facts.infoTypes, (field, message) => err(field, message));

  for (const [field, allowed] of ENUM_FIELDS) {
    const value = facts[field];
    if (value !== undefined && value !== null && !isOneOf(allowed, value)) err(field, enumMessage(allowed));
  }
  for (const field of BOOLEAN_FIELDS) {
    const value = facts[field];
    if (value !== undefined && value !== null && typeof value !== 'boolean') err(field, 'Phải là true hoặc false.');
  }
  for (const field of COUNT_FIELDS) {
    const value = facts[field];
    if (value !== undefined && value !== null && !isCount(value)) err(field, 'Phải là số nguyên không âm.');
  }
  for (const [field, allowed] of LEVEL_FIELDS) {
    const value = facts[field];
    if (value !== undefined && value !== null && !isOneOf(allowed, value)) {
      err(field, `Cấp độ phải là số nguyên từ ${allowed[0]} đến ${allowed[allowed.length - 1]}.`);
    }
  }

  if (infoTypes) checkHarmDeclared(facts, infoTypes, err);
  checkNationalSecurityList(facts, ctx.regime, err);

  const components = facts.components;
  if (components === undefined || components === null) return;
  if (!Array.isArray(components)) {
    err('components', 'Phải là một danh sách các hệ thống thành phần.');
    return;
  }
  if (depth + 1 > MAX_COMPONENT_DEPTH) {
    err('components', `Hệ thống thành phần chỉ được lồng nhau tối đa ${MAX_COMPONENT_DEPTH} cấp.`);
    return;
  }
  for (const [i, component] of components.entries()) {
    ctx.components += 1;
    if (ctx.components > MAX_COMPONENTS) {
      ctx.errors.push({ field: 'facts.components', message: `Tối đa ${MAX_COMPONENTS} hệ thống thành phần (tính cả các cấp lồng nhau).` });
      return;
    }
    validateNode(component, `${path}.components[${i}]`, depth + 1, ctx);
  }
}

/** Returns the info types when they are valid, so the contradiction checks can rely on them. */
function validateInfoTypes(value: unknown, err: (field: string, message: string) => void): string[] | undefined {
  if (value === undefined) {
    err('infoTypes', 'Bắt buộc khai báo loại thông tin được xử lý.');
    return undefined;
  }
  if (value === null) return undefined;
  if (!Array.isArray(value)) {
    err('infoTypes', 'Phải là một danh sách loại thông tin.');
    return undefined;
  }
  if (value.length === 0) {
    err('infoTypes', 'Phải chọn ít nhất một loại thông tin.');
    return undefined;
  }
  let valid = true;
  value.forEach((item, i) => {
    if (!isOneOf(INFO_TYPES, item)) {
      err(`infoTypes[${i}]`, enumMessage(INFO_TYPES));
      valid = false;
    } else if (value.indexOf(item) !== i) {
      err(`infoTypes[${i}]`, 'Loại thông tin bị lặp lại.');
      valid = false;
    }
  });
  return valid ? (value as string[]) : undefined;
}

/**
 * The cross-field checks, kept to what cannot be evaluated (docs/legal/proposal-floor.md, point 7 of issue 19). A
 * fact the criteria do not use for this system (people counted with only public information, a harm for a system
 * that is neither secret nor defence, an Art. 16.3 consequence without its field) is a valid answer: the rulebook
 * evaluates normally and says, in a note, that it was not counted.
 */
function checkHarmDeclared(facts: Record<string, unknown>, infoTypes: string[], err: (field: string, message: string) => void): void {
  const harm = facts.nationalSecurityHarm ?? undefined;
  // An unknown value already has its own error.
  if (harm !== undefined && !isOneOf(NATIONAL_SECURITY_HARMS, harm)) return;
  // ND85 Art. 9.1–11.1 / ND331 Art. 13.1–15.1 grade a state-secret system by its harm alone, and neither decree
  // gives a level to one whose sabotage harms nothing (decision-table edge case): "none" contradicts the criteria.
  if (infoTypes.includes('STATE_SECRET') && (harm === undefined || harm === 'NONE')) {
    err(
      'nationalSecurityHarm',
      'Hệ thống xử lý thông tin bí mật nhà nước phải chọn mức độ tổn hại tới quốc phòng, an ninh quốc gia khi bị phá hoại: gây tổn hại, tổn hại nghiêm trọng hoặc tổn hại đặc biệt nghiêm trọng (Khoản 1 Điều 9, 10, 11 Nghị định 85/2016/NĐ-CP; Khoản 1 Điều 13, 14, 15 Nghị định 331/2026/NĐ-CP).',
    );
  } else if (facts.defenceSecuritySystem === true && harm === undefined) {
    // The same articles grade a defence/security system by its harm: without it no level can be given, not even a floor.
    err(
      'nationalSecurityHarm',
      'Hệ thống phục vụ quốc phòng, an ninh phải chọn mức độ tổn hại tới quốc phòng, an ninh quốc gia khi bị phá hoại (có thể là không gây tổn hại).',
    );
  }
}

function checkNationalSecurityList(facts: Record<string, unknown>, regime: Regime, err: (field: string, message: string) => void): void {
  const given = NATIONAL_SECURITY_LIST_FIELDS.filter(([field]) => facts[field] !== undefined && facts[field] !== null);
  if (regime === 'ND85') {
    for (const [field] of given) {
      err(
        field,
        'Tiêu chí hệ thống thông tin quan trọng về an ninh quốc gia (Điều 16 Nghị định 331/2026/NĐ-CP) không áp dụng cho hồ sơ theo Nghị định 85/2016/NĐ-CP; bỏ trường này.',
      );
    }
    return;
  }
  for (const [field, allowed] of given) {
    const value = facts[field];
    if (!Array.isArray(value)) {
      err(field, 'Phải là một danh sách (có thể để trống).');
      continue;
    }
    for (const [i, item] of value.entries()) {
      if (isOneOf(allowed, item) && value.indexOf(item) === i) continue;
      err(`${field}[${i}]`, isOneOf(allowed, item) ? 'Giá trị bị lặp lại.' : enumMessage(allowed));
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function enumMessage(allowed: readonly string[]): string {
  return `Giá trị không hợp lệ. Các giá trị được chấp nhận: ${allowed.join(', ')}.`;
}
