import { opinionFieldsOf } from '@liuzhuan/contracts';
import { DomainError } from '../../platform/errors/domain-error';
import { fieldOpinions } from './opinions';

const schema = {
  type: 'default',
  components: [
    { type: 'textarea', key: 'instruction', label: '批示意见', properties: { opinion: 'instruction' } },
    { type: 'select', key: 'leadDept', label: '主办单位' },
    { type: 'group', components: [{ type: 'textarea', key: 'extra', properties: { opinion: 'whatever' } }] },
  ],
};

describe('fieldOpinions', () => {
  it('should turn each filled opinion field into an opinion of its kind, word for word', () => {
    // given the fields the schema marks, and the completion's variables
    const fields = opinionFieldsOf(schema);
    // when
    const opinions = fieldOpinions(fields, { instruction: '同意。请市住建局牵头…', leadDept: 'zjj', extra: '补充意见' });
    // then (a kind the contract does not know is a note)
    expect(fields.map((f) => f.key)).toEqual(['instruction', 'extra']);
    expect(opinions).toEqual([
      { text: '同意。请市住建局牵头…', kind: 'instruction' },
      { text: '补充意见', kind: 'note' },
    ]);
  });

  it('should write nothing for a blank or absent field, and refuse a text longer than an opinion may be', () => {
    // given
    const fields = opinionFieldsOf(schema);
    // when / then
    expect(fieldOpinions(fields, { instruction: '   ' })).toEqual([]);
    expect(() => fieldOpinions(fields, { instruction: '字'.repeat(2001) })).toThrow(DomainError);
  });
});
