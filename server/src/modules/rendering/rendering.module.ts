import { Module } from '@nestjs/common';
import { CjkFonts } from './cjk-font';
import { Renderer } from './renderer';

/** Server-side rendering of printable documents (PDF): the 处理单 now, red-header 公文 later; fonts are handled here once. */
@Module({ providers: [CjkFonts, Renderer], exports: [Renderer] })
export class RenderingModule {}
