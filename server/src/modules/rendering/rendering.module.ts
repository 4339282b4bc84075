import { Module } from '@nestjs/common';
import { CjkFonts } from './cjk-font';
import { Renderer } from './renderer';

/** Server-side rendering of printable documents: the 处理单 (PDF) and the red-header 公文 (PDF, DOCX); fonts are handled here once. */
@Module({ providers: [CjkFonts, Renderer], exports: [Renderer] })
export class RenderingModule {}
