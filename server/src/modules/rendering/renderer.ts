import { Injectable } from '@nestjs/common';
import { CjkFonts } from './cjk-font';
import { renderOfficialDocumentDocx } from './official-document.docx';
import type { OfficialDocumentModel } from './official-document.model';
import { renderOfficialDocument } from './official-document.pdf';
import type { ProcessingSheetModel } from './processing-sheet.model';
import { renderProcessingSheet } from './processing-sheet.pdf';

/** What other modules ask of rendering: a layout model in, PDF or DOCX bytes out. */
@Injectable()
export class Renderer {
  constructor(private readonly fonts: CjkFonts) {}

  async processingSheet(model: ProcessingSheetModel): Promise<Buffer> {
    return renderProcessingSheet(model, await this.fonts.font());
  }

  /** The 公文 per GB/T 9704-2012 as a PDF, its fonts embedded (the office's licensed ones where installed). */
  async officialDocumentPdf(model: OfficialDocumentModel): Promise<Buffer> {
    return renderOfficialDocument(model, await this.fonts.set());
  }

  /** The same 公文 as a DOCX naming the standard fonts, for the office's PCs to show in their own. */
  officialDocumentDocx(model: OfficialDocumentModel): Promise<Buffer> {
    return renderOfficialDocumentDocx(model);
  }
}
