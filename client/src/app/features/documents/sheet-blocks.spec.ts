import type { ProcessingStep, StepOpinion } from '@liuzhuan/contracts';
import { sheetBlocks } from './sheet-blocks';

const opinion = (kind: string, text: string, author: string, onBehalfOf: string | null = null): StepOpinion => ({
  kind,
  text,
  author,
  onBehalfOf,
  documentDigest: 'd1',
  at: '2026-10-12T02:00:00.000Z',
});
const step = (id: string, element: string, name: string, opinions: StepOpinion[]): ProcessingStep => ({
  taskId: id,
  step: element,
  name,
  assignee: opinions[0]?.author ?? null,
  status: 'completed',
  createdAt: '2026-10-12T01:00:00.000Z',
  completedAt: '2026-10-12T02:00:00.000Z',
  completedBy: opinions[0]?.author ?? null,
  opinion: opinions.at(-1)?.text ?? null,
  opinions,
});

describe('sheetBlocks', () => {
  it('should place every opinion of a 收文 once, in its block, and the rest under 其他意见', () => {
    // given a 批示 written in the form with a panel "同意", and two 协办 results
    const record = [
      step('t1', 'propose', '拟办', [opinion('proposal', '建议由市住建局牵头办理。', 'head')]),
      step('t2', 'instruct', '领导批示', [
        opinion('approval', '同意', 'deputy'),
        opinion('instruction', '同意。请市住建局牵头…', 'deputy'),
      ]),
      step('t3', 'assistHandle', '协办单位承办', [opinion('handling', '市发改委：已纳入计划。', 'fgw_head')]),
      step('t4', 'assistHandle', '协办单位承办', [opinion('handling', '市财政局：资金已下达。', 'czj_head')]),
      step('t5', 'leadHandle', '主办单位承办', [opinion('handling', '已完成。', 'mayor', 'zjj_head')]),
    ];
    // when
    const blocks = sheetBlocks({ direction: 'incoming', processingRecord: record });
    // then
    const texts = Object.fromEntries(blocks.map((b) => [b.label, b.opinions.map((o) => o.text)]));
    expect(texts).toEqual({
      'docs.sheet.block.proposal': ['建议由市住建局牵头办理。'],
      'docs.sheet.block.instruction': ['同意。请市住建局牵头…'],
      'docs.sheet.block.leadHandling': ['已完成。'],
      'docs.sheet.block.assistHandling': ['市发改委：已纳入计划。', '市财政局：资金已下达。'],
      'docs.sheet.block.other': ['同意'],
    });
    expect(blocks.find((b) => b.label === 'docs.sheet.block.leadHandling')?.opinions[0]).toMatchObject({
      author: 'mayor',
      onBehalfOf: 'zjj_head',
    });
  });

  it('should lay out a 发文 as 签发, 会签 and 核稿 with no 其他意见 when every opinion has its block', () => {
    // given
    const record = [
      step('t1', 'review', '核稿', [opinion('review', '文字已核。', 'head')]),
      step('t2', 'signOff', '签发', [opinion('signOff', '同意印发。', 'mayor')]),
    ];
    // when
    const blocks = sheetBlocks({ direction: 'outgoing', processingRecord: record });
    // then
    expect(blocks.map((b) => [b.label, b.opinions.length])).toEqual([
      ['docs.sheet.block.signOff', 1],
      ['docs.sheet.block.countersign', 0],
      ['docs.sheet.block.review', 1],
    ]);
  });
});
