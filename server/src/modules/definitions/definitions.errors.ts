import { DomainError } from '../../platform/errors/domain-error';

/** One compiler diagnostic as the API returns it in `details`. */
interface DiagnosticDetail {
  elementId: string | null;
  severity: string;
  code: string;
  message: string;
}

/** The definitions module's rejections; codes and Chinese texts are in libs/contracts definitions.errors.ts. */
export const DefinitionErrors = {
  notFound: (id: string) => new DomainError('DEFINITION_NOT_FOUND', `Definition ${id} not found`),
  fileMissing: (id: string) => new DomainError('DEFINITION_NOT_FOUND', `Definition ${id} has no stored file`),
  invalid: (summary: string, details: DiagnosticDetail[]) =>
    new DomainError('BPMN_INVALID', `The BPMN file cannot be deployed: ${summary}`, details),
  tooLarge: (details?: DiagnosticDetail[]) => new DomainError('PAYLOAD_TOO_LARGE', 'The BPMN file is larger than 5 MB', details),
  noFileField: () => new DomainError('VALIDATION_FAILED', 'Send the BPMN file in the multipart field "file"'),
  unsupportedBody: () => new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send BPMN XML as application/xml or as a multipart file'),
};
