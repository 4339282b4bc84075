import { documentLabel } from './document-labels';

describe('documentLabel', () => {
  it('should name an unclassified document by its number and title, or its title alone', () => {
    expect(documentLabel('安政发〔2026〕3号', '关于春耕的通知', 'NONE')).toBe('安政发〔2026〕3号 关于春耕的通知');
    expect(documentLabel(null, '关于春耕的通知', 'NONE')).toBe('关于春耕的通知');
  });

  it.each(['SECRET', 'CONFIDENTIAL', 'TOP_SECRET'])('should never name a %s document by its title', (level) => {
    expect(documentLabel('安政发〔2026〕4号', '涉密标题', level)).toBe('安政发〔2026〕4号');
    expect(documentLabel(null, '涉密标题', level)).toBeNull();
  });
});
