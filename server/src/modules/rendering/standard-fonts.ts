/**
 * The five faces a 公文 is set in (GB/T 9704-2012 §7: 发文机关标志 and 标题 in 小标宋, 正文 in
 * 仿宋, 密级/紧急程度/一级标题/附件 in 黑体, 签发人 and 二级标题 in 楷体, 页码 in 宋体).
 * `family` is the name a DOCX names so the office's PCs show their own fonts; `files` are the file
 * names (without extension, any case) under which the server looks for a licensed copy in
 * LIUZHUAN_FONT_DIR to embed in PDFs.
 */
export const STANDARD_FONTS = {
  xiaobiaosong: { family: '方正小标宋简体', files: ['方正小标宋简体', '方正小标宋_GBK', '方正小标宋', 'FZXBSJW', 'FZXBSK'], bold: true },
  fangsong: { family: '仿宋_GB2312', files: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'simfang'], bold: false },
  heiti: { family: '黑体', files: ['黑体', 'SimHei'], bold: true },
  kaiti: { family: '楷体_GB2312', files: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'simkai'], bold: false },
  songti: { family: '宋体', files: ['宋体', 'SimSun'], bold: false },
} as const;

export type FontRole = keyof typeof STANDARD_FONTS;
export const FONT_ROLES = Object.keys(STANDARD_FONTS) as FontRole[];
