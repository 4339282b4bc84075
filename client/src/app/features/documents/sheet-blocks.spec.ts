import type { ProcessingStep, StepOpinion } from '@liuzhuan/contracts';
import { sheetBlocks } from './sheet-blocks';

const opinion = (
  kind: string,
  text: string,
  author: string,
  onBehalfOf: string | null = null,
  extra: Partial<StepOpinion> = {},
): StepOpinion => ({
  kind,
  text,
  author,
  onBehalfOf,
  authorOrg: null,
  approve: null,
  ...extra,
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
      'docs.sheet.block.reply': [],
      'docs.sheet.block.conclusion': [],
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

  it('should give 答复内容 and 办结说明 their blocks, and sign 主办 and 协办 alike by department', () => {
    // given the 处理单 of a concluded 收文
    const record = [
      step('t1', 'leadHandle', '主办单位承办', [
        opinion('handling', '已完成。', 'zjj_head', null, { authorOrg: '安康市住房和城乡建设局' }),
      ]),
      step('t2', 'assistHandle', '协办单位承办', [opinion('handling', '资金已下达。', 'czj_head', null, { authorOrg: '安康市财政局' })]),
      step('t3', 'reply', '答复', [opinion('reply', '已答复来文单位。', 'clerk')]),
      step('t4', 'conclude', '办结', [opinion('conclusion', '办理完毕。', 'clerk')]),
    ];
    // when
    const blocks = sheetBlocks({ direction: 'incoming', processingRecord: record });
    // then
    const byLabel = new Map(blocks.map((b) => [b.label, b]));
    expect(byLabel.get('docs.sheet.block.reply')?.opinions.map((o) => o.text)).toEqual(['已答复来文单位。']);
    expect(byLabel.get('docs.sheet.block.conclusion')?.opinions.map((o) => o.text)).toEqual(['办理完毕。']);
    expect(byLabel.has('docs.sheet.block.other')).toBe(false);
    for (const label of ['docs.sheet.block.leadHandling', 'docs.sheet.block.assistHandling'] as const) {
      expect(byLabel.get(label)?.byDept).toBe(true);
    }
    expect(byLabel.get('docs.sheet.block.assistHandling')?.opinions[0].org).toBe('安康市财政局');
  });

  it('should carry the 会签 vote of each person', () => {
    // given two 会签 entries, one against
    const record = [
      step('t1', 'countersign', '会签', [opinion('countersign', '同意', 'zjj_head', null, { approve: true })]),
      step('t2', 'countersign', '会签', [opinion('countersign', '不同意', 'czj_head', null, { approve: false })]),
    ];
    // when
    const countersign = sheetBlocks({ direction: 'outgoing', processingRecord: record }).find(
      (b) => b.label === 'docs.sheet.block.countersign',
    );
    // then one entry per person, with the vote
    expect(countersign?.opinions.map((o) => [o.author, o.approve])).toEqual([
      ['zjj_head', true],
      ['czj_head', false],
    ]);
  });
});
