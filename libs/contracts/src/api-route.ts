import type { ZodType } from 'zod';
import type { Role } from './roles';

/**
 * Every HTTP route of the API with its request and response schemas. The server validates with
 * these schemas and builds its OpenAPI document from this list; a test checks that the list and
 * the server's routes are the same, so the documentation cannot drift from the code.
 */
export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** path under /api, with `:param` segments */
  path: string;
  tag: string;
  summary: string;
  public?: boolean;
  roles?: readonly Role[];
  query?: ZodType;
  body?: ZodType;
  /** request body media types when not JSON (XML uploads); `multipart/form-data` carries a `file` */
  bodyContentTypes?: readonly string[];
  /** the success response's media type when not JSON (`text/event-stream`: the schema is each event's data) */
  responseContentType?: string;
  /** status → schema (null: no body) */
  responses: Record<number, ZodType | null>;
}
