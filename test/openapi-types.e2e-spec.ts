import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { seedDemoActivity } from '../seeds/demo-activity';
import { createTestApp, TestApp } from './support/test-app';

type Schema = Record<string, unknown>;

/**
 * Every place in the components' schemas where a client generator would have to fall back to "any object": a schema
 * typed `object` (or with no type at all) that says nothing of its shape — no `properties`, no `additionalProperties`,
 * no `$ref`, no composition. Such a field is either a scalar whose TypeScript type (`string | null`, `number | null`)
 * the Swagger plugin could not read, or a nested object that deserves its own DTO.
 */
function shapelessSchemas(schema: Schema, path: string, out: string[]): string[] {
  if (!schema || typeof schema !== 'object' || '$ref' in schema) return out;
  const composed = ['allOf', 'oneOf', 'anyOf'].some((k) => Array.isArray(schema[k]));
  const typed = 'type' in schema || 'enum' in schema || composed;
  const shapeless = !typed || (schema.type === 'object' && !composed && !('properties' in schema) && !('additionalProperties' in schema));
  if (shapeless) out.push(`${path} ${JSON.stringify(schema)}`);
  for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
    shapelessSchemas(property, `${path}.${name}`, out);
  }
  if (schema.items) shapelessSchemas(schema.items as Schema, `${path}[]`, out);
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    shapelessSchemas(schema.additionalProperties as Schema, `${path}{}`, out);
  }
  for (const k of ['allOf', 'oneOf', 'anyOf']) {
    for (const [i, part] of ((schema[k] ?? []) as Schema[]).entries()) shapelessSchemas(part, `${path}.${k}[${i}]`, out);
  }
  return out;
}

/**
 * What a generated client would trip over in a real answer: a value of another type than declared, a declared required
 * field missing, null where the schema does not allow it, or a field the schema does not declare at all (a nested DTO
 * that does not match what the mapper returns). Returns one line per mismatch, with its JSON path.
 */
function mismatches(doc: { components: { schemas: Record<string, Schema> } }, value: unknown, schema: Schema, path: string): string[] {
  const ref = schema.$ref as string | undefined;
  if (ref) return mismatches(doc, value, doc.components.schemas[ref.replace('#/components/schemas/', '')], path);
  if (value === null) return schema.nullable ? [] : [`${path}: null but not nullable`];
  const out: string[] = [];
  for (const part of (schema.allOf ?? []) as Schema[]) out.push(...mismatches(doc, value, part, path));
  if (Array.isArray(schema.oneOf) && !(schema.oneOf as Schema[]).some((part) => mismatches(doc, value, part, path).length === 0)) {
    out.push(`${path}: matches none of oneOf`);
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) out.push(`${path}: ${JSON.stringify(value)} not in enum`);
  const actual = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  const type = schema.type as string | undefined;
  if (type && !(actual === type || (type === 'number' && actual === 'integer'))) {
    return [...out, `${path}: ${actual} ${JSON.stringify(value)?.slice(0, 60)} but declared ${type}`];
  }
  if (typeof value === 'string' && schema.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value))
    out.push(`${path}: ${value} is not a date`);
  if (typeof value === 'string' && schema.format === 'date-time' && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
    out.push(`${path}: ${value} is not a date-time`);
  }
  if (Array.isArray(value) && schema.items)
    value.forEach((v, i) => out.push(...mismatches(doc, v, schema.items as Schema, `${path}[${i}]`)));
  if (actual === 'object' && !Array.isArray(value) && (schema.properties || schema.type === 'object')) {
    const record = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required ?? []) as string[]) if (!(name in record)) out.push(`${path}.${name}: required but missing`);
    for (const [name, v] of Object.entries(record)) {
      if (properties[name]) out.push(...mismatches(doc, v, properties[name], `${path}.${name}`));
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        out.push(...mismatches(doc, v, schema.additionalProperties as Schema, `${path}.${name}`));
      } else if (!schema.additionalProperties && !schema.allOf) out.push(`${path}.${name}: not declared`);
    }
  }
  return out;
}

/** Every class of src/ the Swagger module may turn into a schema, with the schema name it gets (`@ApiSchema({ name })` or its own). */
function schemaClasses(dir: string, out: { file: string; name: string }[] = []): { file: string; name: string }[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) schemaClasses(path, out);
    else if (path.endsWith('.ts') && !path.endsWith('.spec.ts')) {
      const source = readFileSync(path, 'utf8');
      if (!source.includes('@nestjs/swagger')) continue;
      for (const m of source.matchAll(/(?:@ApiSchema\(\{ name: '(\w+)' \}\)\s*)?export class (\w+)/g))
        out.push({ file: path, name: m[1] ?? m[2] });
    }
  }
  return out;
}

describe('OpenAPI document: every DTO field has its real type (issue 23, point 5)', () => {
  let t: TestApp;
  let doc: { components: { schemas: Record<string, Schema> } };

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.http().get('/api/docs-json').expect(200)).body;
    // CAPDO_OPENAPI_OUT=/path/openapi.json keeps the document for a look with `npx redocly lint`.
    if (process.env.CAPDO_OPENAPI_OUT) writeFileSync(process.env.CAPDO_OPENAPI_OUT, JSON.stringify(doc, null, 2));
  });
  afterAll(() => t.close());

  it('no schema property is a shapeless object: scalars are typed, nested objects are DTOs or described free-form JSON', () => {
    const found = Object.entries(doc.components.schemas).flatMap(([name, schema]) => shapelessSchemas(schema, name, []));
    expect(found).toEqual([]);
  });

  it('no two DTO classes share a schema name (the second would silently replace the first in the document)', () => {
    const byName = new Map<string, string[]>();
    for (const { file, name } of schemaClasses(join(__dirname, '..', 'src'))) byName.set(name, [...(byName.get(name) ?? []), file]);
    expect([...byName].filter(([, files]) => files.length > 1)).toEqual([]);
  });

  it('the fields a client fills are typed as what the API accepts (the examples from the issue)', () => {
    const props = (name: string) => (doc.components.schemas[name].properties ?? {}) as Record<string, Schema>;
    const system = props('CreateSystemDto');
    expect(system.userCount).toMatchObject({ type: 'integer', nullable: true, minimum: 0 });
    expect(system.internetFacing).toMatchObject({ type: 'boolean', nullable: true });
    expect(system.goLiveDate).toMatchObject({ type: 'string', format: 'date', nullable: true });
    expect(system.description).toMatchObject({ type: 'string', nullable: true });
    expect(props('UpdateSystemDto').userCount).toMatchObject({ type: 'integer', nullable: true });
    expect(props('PlanEntryDto').plannedDate).toMatchObject({ type: 'string', format: 'date', nullable: true });
    expect(props('PolicyRuleInput').intervalMonths).toMatchObject({ type: 'integer', nullable: true, minimum: 1, maximum: 120 });
    expect(props('CreateRoutingRuleDto').appraiserAgencyId).toMatchObject({ type: 'string', format: 'uuid', nullable: true });
  });

  it('nested objects the mappers return are described field by field', () => {
    const props = (name: string) => (doc.components.schemas[name].properties ?? {}) as Record<string, Schema>;
    expect(props('DossierDto').system).toEqual({ $ref: '#/components/schemas/RefDto' });
    const workflow = props('WorkflowStateDto');
    expect(workflow.appraisal).toMatchObject({ nullable: true, allOf: [{ $ref: '#/components/schemas/AppraisalDto' }] });
    expect(workflow.decision).toMatchObject({ nullable: true, allOf: [{ $ref: '#/components/schemas/DecisionRecordDto' }] });
    expect(props('DecisionRecordDto').level).toMatchObject({ type: 'integer', minimum: 1, maximum: 5 });
  });

  it('every example in the schemas conforms to its schema (redocly no-invalid-schema-examples)', async () => {
    const config = await createConfig({ rules: { 'no-invalid-schema-examples': 'error' } });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: 'openapi.json', config });
    const messages = problems.map((p) => `${p.location[0]?.pointer ?? ''}: ${p.message}`);
    expect(messages).toEqual([]);
  });

  it('real answers on the demo data conform to the declared schemas (types, formats, required, no undeclared field)', async () => {
    // The Sơn La demo's systems and dossiers in every state (drafts to approvals, levels 1–5, both decrees).
    await seedDemoActivity(t.app);
    const token = await t.login('admin');
    const get = async (url: string) => {
      const res = await t.http().get(url).set('Authorization', `Bearer ${token}`);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      return res.body as unknown;
    };
    const schemaOf = (url: string): Schema => {
      const template = Object.keys((doc as unknown as { paths: Record<string, unknown> }).paths).find((p) =>
        new RegExp(`^${p.replace(/\{\w+\}/g, '[^/]+')}$`).test(url.split('?')[0]),
      )!;
      const op = (doc as unknown as { paths: Record<string, { get: Schema }> }).paths[template].get;
      return ((op.responses as Record<string, Schema>)['200'].content as Record<string, { schema: Schema }>)['application/json'].schema;
    };
    const found: string[] = [];
    const check = async (url: string) => {
      const body = await get(url);
      found.push(...mismatches(doc, body, schemaOf(url), url));
      return body;
    };

    const dossiers = (await check('/api/v1/dossiers?pageSize=200')) as { items: { id: string; status: string }[] };
    expect(dossiers.items.length).toBeGreaterThan(5);
    for (const d of dossiers.items) {
      await check(`/api/v1/dossiers/${d.id}`);
      await check(`/api/v1/dossiers/${d.id}/history`);
      const revisions = (await check(`/api/v1/dossiers/${d.id}/revisions`)) as { number: number }[];
      if (revisions.length) await check(`/api/v1/dossiers/${d.id}/revisions/${revisions[0].number}`);
    }
    const systems = (await check('/api/v1/systems?pageSize=200')) as { items: { id: string; approvedLevel: number | null }[] };
    for (const s of systems.items.filter((x) => x.approvedLevel !== null).slice(0, 5)) {
      await check(`/api/v1/systems/${s.id}`);
      await check(`/api/v1/systems/${s.id}/plan-items`);
      await check(`/api/v1/systems/${s.id}/inspection-schedule`);
      await check(`/api/v1/systems/${s.id}/inspections`);
      await check(`/api/v1/systems/${s.id}/incidents`);
      await check(`/api/v1/systems/${s.id}/redetermination-flags`);
    }
    for (const d of dossiers.items.slice(0, 10)) await check(`/api/v1/dossiers/${d.id}/completeness`);
    for (const url of [
      '/api/v1/classification/questionnaire?regime=ND85',
      '/api/v1/classification/questionnaire?regime=ND331',
      '/api/v1/requirements?level=3',
      '/api/v1/appraisal-queue',
      '/api/v1/reports/pipeline?province=SL',
      '/api/v1/reports/annual?province=SL&year=2026',
      '/api/v1/audit?pageSize=200',
      '/api/v1/incidents',
      '/api/v1/plan-items',
      '/api/v1/inspection-policies',
      '/api/v1/inspections/due',
      '/api/v1/decision-queue',
      '/api/v1/classification/rulebooks/ND331',
      '/api/v1/requirements/catalogues',
      '/api/v1/agencies?pageSize=200',
      '/api/v1/agencies/tree',
      '/api/v1/agency-reorganisations',
      '/api/v1/users?pageSize=200',
      '/api/v1/auth/me',
      '/api/v1/notifications',
      '/api/v1/calendar?year=2026',
      '/api/v1/calendar/working-days?from=2026-02-11&days=10',
      '/api/v1/prior-approval-claims',
      '/api/v1/redetermination-flags',
      '/api/v1/routing-rules',
      '/api/v1/reports/approval-rate?province=SL&readings=true',
      '/api/v1/reports/after-approval?province=SL',
      '/api/v1/annual-reports/2026/progress?province=SL',
    ]) {
      await check(url);
    }
    const campaigns = (await check('/api/v1/campaigns')) as { id: string }[];
    for (const c of campaigns) await check(`/api/v1/campaigns/${c.id}/progress`);
    const evaluated = await t
      .http()
      .post('/api/v1/classification/evaluate')
      .set('Authorization', `Bearer ${token}`)
      .send({
        regime: 'ND331',
        facts: { systemType: 'CITIZEN_BUSINESS', infoTypes: ['PUBLIC', 'PERSONAL'], handlesAdminProcedures: true },
      });
    found.push(...mismatches(doc, evaluated.body, { $ref: '#/components/schemas/EvaluationResultDto' }, 'evaluate'));

    expect(found).toEqual([]);
  }, 240_000);
});
