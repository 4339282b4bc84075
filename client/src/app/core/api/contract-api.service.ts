import { HttpClient, HttpContext, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ContractRouteKey, ContractRoutes } from '@liuzhuan/contracts';
import type { Observable } from 'rxjs';
import type * as z from 'zod';

/** `/tasks/:id/complete` → `{ id: string }`. */
type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string } & PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : unknown;

type Output<S> = S extends z.ZodType ? z.output<S> : void;
/** The answer of a route: the schema of its 2xx status (void for a 204). */
export type ContractResponse<R> = R extends { responses: infer S } ? Output<S[Extract<keyof S, 200 | 201 | 202 | 204>]> : never;

/** What a call of a route sends: its path parameters, query and body as the contract types them. */
export type ContractRequest<R> = (R extends { path: infer P extends string }
  ? P extends `${string}:${string}`
    ? { params: PathParams<P> }
    : unknown
  : unknown) &
  (R extends { query: infer Q extends z.ZodType } ? { query?: Partial<z.input<Q>> } : unknown) &
  (R extends { body: infer B extends z.ZodType } ? { body: z.input<B> } : unknown) & {
    context?: HttpContext;
    headers?: HttpHeaders;
  };

type Args<R> = object extends ContractRequest<R> ? [request?: ContractRequest<R>] : [request: ContractRequest<R>];

/**
 * The one way the client reaches the API: a route of `libs/contracts` named `METHOD /path` as the
 * server declares it (`'POST /tasks/:id/complete'`), with its parameters, answered with the
 * contract's type. A route or a parameter that is not in the contract does not compile.
 */
@Injectable({ providedIn: 'root' })
export class ContractApi {
  private readonly http = inject(HttpClient);

  call<K extends ContractRouteKey>(route: K, ...args: Args<ContractRoutes[K]>): Observable<ContractResponse<ContractRoutes[K]>> {
    return this.send(route, (args as LooseRequest[])[0] ?? {}, 'json') as Observable<ContractResponse<ContractRoutes[K]>>;
  }

  /** A route that answers text (the XML of a definition), not JSON. */
  text<K extends ContractRouteKey>(route: K, ...args: Args<ContractRoutes[K]>): Observable<string> {
    return this.send(route, (args as LooseRequest[])[0] ?? {}, 'text') as Observable<string>;
  }

  /** A route that answers a file (an export): its bytes, for the caller to save. */
  blob<K extends ContractRouteKey>(route: K, ...args: Args<ContractRoutes[K]>): Observable<Blob> {
    return this.send(route, (args as LooseRequest[])[0] ?? {}, 'blob') as Observable<Blob>;
  }

  private send(route: string, request: LooseRequest, responseType: 'json' | 'text' | 'blob'): Observable<unknown> {
    const [method, path] = route.split(' ');
    const xml = typeof request.body === 'string';
    return this.http.request(method, contractUrl(path as ContractPathName, request.params), {
      body: request.body,
      params: queryParams(request.query),
      context: request.context,
      headers: xml ? (request.headers ?? new HttpHeaders()).set('Content-Type', 'application/xml') : request.headers,
      responseType: responseType as 'json',
    });
  }
}

interface LooseRequest {
  params?: Record<string, string>;
  query?: object;
  body?: unknown;
  context?: HttpContext;
  headers?: HttpHeaders;
}

/** A path the contract declares, e.g. `/tasks/:id`. */
export type ContractPathName = ContractRoutes[ContractRouteKey]['path'];

/**
 * `/tasks/:id` with `{ id: 'a/b' }` → `/api/tasks/a%2Fb`: the URL of a contract route, for the
 * few calls HttpClient must make itself (the notification stream reads progress events).
 */
export function contractUrl(path: ContractPathName, params: Record<string, string> = {}): string {
  const filled = path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} of ${path}`);
    return encodeURIComponent(value);
  });
  return `/api${filled}`;
}

function queryParams(query: object | undefined): HttpParams | undefined {
  if (!query) return undefined;
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) params = params.append(key, String(item));
  }
  return params;
}
