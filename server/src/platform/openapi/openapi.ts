import { API_ROUTES, ApiErrorSchema, type ApiRoute } from '@liuzhuan/contracts';
import { z, type ZodType } from 'zod';

type JsonSchema = Record<string, unknown>;

const ref = (id: string) => `#/components/schemas/${id}`;

/** JSON schema of one contract schema; named schemas become references into components. */
function schemaOf(schema: ZodType): JsonSchema {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return { $ref: ref(id) };
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', unrepresentable: 'any', io: 'input' }) as JsonSchema;
  // named sub-schemas land in $defs; they are in components already, so point there
  delete json.$schema;
  delete json.$defs;
  return JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
}

function parametersOf(route: ApiRoute): JsonSchema[] {
  const params: JsonSchema[] = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  if (route.query) {
    const json = schemaOf(route.query) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, schema] of Object.entries(json.properties ?? {})) {
      params.push({ name, in: 'query', required: json.required?.includes(name) ?? false, schema });
    }
  }
  return params;
}

/** JSON by default; XML uploads name their media types, multipart carries the file as `file`. */
function requestContent(route: ApiRoute, body: ZodType): Record<string, JsonSchema> {
  const types = route.bodyContentTypes ?? ['application/json'];
  return Object.fromEntries(
    types.map((t) => [
      t,
      {
        schema:
          t === 'multipart/form-data'
            ? { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] }
            : schemaOf(body),
      },
    ]),
  );
}

/** The OpenAPI 3 document, built from the same contract list the server validates with. */
export function buildOpenApiDocument(version: string): JsonSchema {
  const components = z.toJSONSchema(z.globalRegistry, { target: 'openapi-3.0', uri: ref, unrepresentable: 'any' }) as {
    schemas: Record<string, JsonSchema>;
  };
  // OpenAPI 3.0 schema objects have no $id
  for (const schema of Object.values(components.schemas)) delete schema.$id;
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of API_ROUTES) {
    const path = `/api${route.path.replace(/:(\w+)/g, '{$1}')}`;
    const responses: Record<string, JsonSchema> = {};
    for (const [status, schema] of Object.entries(route.responses)) {
      responses[status] = schema
        ? { description: 'OK', content: { [route.responseContentType ?? 'application/json']: { schema: schemaOf(schema) } } }
        : { description: 'No content' };
    }
    const error = { description: 'Error', content: { 'application/json': { schema: { $ref: ref('ApiError') } } } };
    responses['400'] = { ...error, description: 'Invalid input' };
    if (!route.public) responses['401'] = { ...error, description: 'Not signed in' };
    if (route.roles) responses['403'] = { ...error, description: `Needs role: ${route.roles.join(' | ')}` };
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      tags: [route.tag],
      summary: route.summary,
      ...(route.public ? { security: [] } : {}),
      parameters: parametersOf(route),
      ...(route.body ? { requestBody: { required: true, content: requestContent(route, route.body) } } : {}),
      responses,
    };
  }
  void ApiErrorSchema; // registered in the global registry by import
  return {
    openapi: '3.0.3',
    info: { title: 'Liuzhuan 流转 API', version, description: 'BPMN workflow and official-document handling for government offices.' },
    servers: [{ url: '/' }],
    components: { ...components, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
