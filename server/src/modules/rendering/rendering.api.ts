// The rendering module's public surface for other modules.
export { RenderingModule } from './rendering.module';
export { Renderer } from './renderer';
export type { OfficialDocumentModel } from './official-document.model';
export type { ProcessingSheetModel, SheetBlock, SheetField, SheetOpinion } from './processing-sheet.model';
