import { DomainError } from '../../platform/errors/domain-error';

/** The rendering module's failures (codes and Chinese texts in libs/contracts documents.errors.ts). */
export const RenderErrors = {
  /** no CJK font: a PDF set in a Latin font would show no Chinese at all */
  fontMissing: (tried: string[]) => new DomainError('RENDER_FONT_MISSING', `No CJK font found (tried ${tried.join(', ')})`, { tried }),
};
