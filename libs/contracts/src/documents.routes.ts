import type { ApiRoute } from './api-route';

/** Routes of Official documents (公文), document numbers, attachments and 传阅. */
export const DOCUMENT_ROUTES: ApiRoute[] = [];
