import { fieldDescriptionOf, languageOf, messageOf } from './messages';

describe(languageOf.name, () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR, en;q=0.5', 'en'],
    ['en;q=0.3, zh;q=0.8', 'zh-CN'],
    ['de-DE', 'zh-CN'],
    ['en;q=0', 'zh-CN'],
  ])('reads %p as %s', (header, language) => {
    expect(languageOf(header)).toBe(language);
  });
});

describe(messageOf.name, () => {
  it('words a code in each language, Chinese first', () => {
    expect(messageOf('NOT_SIGNED_IN', 'zh-CN')).toMatch(/未登录/);
    expect(messageOf('NOT_SIGNED_IN', 'en')).toMatch(/not signed in/);
  });
});

describe(fieldDescriptionOf.name, () => {
  const taken = { field: 'username', reason: 'USERNAME_TAKEN', description: 'is taken by another account' };

  it('words a reason of the gateway in Chinese, a field of its own first', () => {
    expect(fieldDescriptionOf(taken, 'zh-CN')).toMatch(/用户名/);
    expect(
      fieldDescriptionOf({ field: 'password', reason: 'TOO_SHORT', description: 'too short' }, 'zh-CN'),
    ).toMatch(/12 个字符/);
  });

  it('keeps the rule’s own English, and a reason it does not know as it came', () => {
    expect(fieldDescriptionOf(taken, 'en')).toBe('is taken by another account');
    expect(fieldDescriptionOf({ field: 'x', reason: 'ODD', description: 'odd' }, 'zh-CN')).toBe('odd');
  });
});
