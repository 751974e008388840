/** The parts of the OpenAPI document (GET /api/docs-json) the generated requests are built from. */
export interface SchemaObject {
  type?: string;
  enum?: unknown[];
  format?: string;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  example?: unknown;
  default?: unknown;
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  allOf?: SchemaObject[];
  $ref?: string;
}

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; required?: boolean; schema?: SchemaObject }[];
        requestBody?: { content: Record<string, { schema: SchemaObject }> };
      }
    >
  >;
  components: { schemas: Record<string, SchemaObject> };
}

export interface Operation {
  method: string;
  /** With `{name}` placeholders, as in the document. */
  path: string;
  pathParams: string[];
  query: { name: string; required: boolean; schema: SchemaObject }[];
  /** The JSON body's schema (resolved), and its component name. */
  body?: { name?: string; schema: SchemaObject };
  multipart?: SchemaObject;
}

export function resolve(doc: OpenApiDocument, schema: SchemaObject | undefined): SchemaObject {
  if (!schema) return {};
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
  if (schema.allOf?.length === 1) return { ...resolve(doc, schema.allOf[0]), nullable: schema.nullable };
  return schema;
}

export function operations(doc: OpenApiDocument): Operation[] {
  const result: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const json = op.requestBody?.content['application/json']?.schema;
      result.push({
        method: method.toUpperCase(),
        path,
        // The document leaves out some path parameters (a pipe-typed one, e.g. {regime}): read them from the path.
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        query: (op.parameters ?? [])
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: !!p.required, schema: p.schema ?? {} })),
        body: json ? { name: json.$ref?.replace('#/components/schemas/', ''), schema: resolve(doc, json) } : undefined,
        multipart: op.requestBody?.content['multipart/form-data']?.schema,
      });
    }
  }
  return result;
}

/** A value the schema accepts as far as the document can say (examples first). */
export function sampleValue(doc: OpenApiDocument, raw: SchemaObject | undefined, depth = 0): unknown {
  const schema = resolve(doc, raw);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  switch (schema.type) {
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'string':
      return 'Giá trị thử';
    default:
      if (schema.properties && depth < 4) {
        const value: Record<string, unknown> = {};
        for (const name of schema.required ?? []) value[name] = sampleValue(doc, schema.properties[name], depth + 1);
        return value;
      }
      return schema.type === 'object' ? {} : 'Giá trị thử';
  }
}
