import { Injectable } from '@nestjs/common';
import { CjkFonts } from './cjk-font';
import type { ProcessingSheetModel } from './processing-sheet.model';
import { renderProcessingSheet } from './processing-sheet.pdf';

/** What other modules ask of rendering: a layout model in, PDF bytes out. */
@Injectable()
export class Renderer {
  constructor(private readonly fonts: CjkFonts) {}

  async processingSheet(model: ProcessingSheetModel): Promise<Buffer> {
    return renderProcessingSheet(model, await this.fonts.font());
  }
}
