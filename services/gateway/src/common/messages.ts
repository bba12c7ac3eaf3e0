/** The languages the gateway answers in; zh-CN unless the browser prefers English. */
export type Language = 'zh-CN' | 'en';

/**
 * The language of an Accept-Language header: the first of its tags, by weight, that is Chinese
 * or English; zh-CN when it names neither (or is absent).
 */
export function languageOf(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'zh-CN';
  const tags = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of tags) {
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
    if (tag === 'zh' || tag.startsWith('zh-') || tag === '*') return 'zh-CN';
  }
  return 'zh-CN';
}

/** The gateway's own messages, by error code, in each language. */
const MESSAGES: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  SIGN_IN_FAILED: {
    'zh-CN': '用户名或密码错误；连续多次失败后账户将暂时锁定 15 分钟。',
    en: 'Wrong username or password. After repeated failures the account is locked for 15 minutes.',
  },
  NOT_SIGNED_IN: {
    'zh-CN': '未登录或会话已过期，请重新登录。',
    en: 'You are not signed in, or your session has ended. Please sign in again.',
  },
  CSRF_INVALID: {
    'zh-CN': '请求缺少有效的 CSRF 令牌，请刷新页面后重试。',
    en: 'The request has no valid CSRF token. Reload the page and try again.',
  },
  VALIDATION_FAILED: {
    'zh-CN': '请求有误，请检查标出的字段。',
    en: 'The request is not valid: see the fields named.',
  },
  PERMISSION_DENIED: {
    'zh-CN': '您无权执行此操作或查看此内容。',
    en: 'You are not allowed to do this or to see this.',
  },
  NOT_FOUND: { 'zh-CN': '未找到所请求的内容。', en: 'Not found.' },
  CONFLICT: {
    'zh-CN': '操作与当前状态冲突，请刷新后重试。',
    en: 'This conflicts with the current state. Reload and try again.',
  },
  UNAVAILABLE: {
    'zh-CN': '服务暂时不可用，请稍后重试。',
    en: 'The service is unavailable for now. Try again later.',
  },
  RATE_LIMITED: { 'zh-CN': '请求过于频繁，请稍后再试。', en: 'Too many requests. Try again in a moment.' },
  INTERNAL: {
    'zh-CN': '服务器内部错误，请稍后重试。',
    en: 'Something went wrong on our side. Try again later.',
  },
  OIDC_NOT_CONFIGURED: {
    'zh-CN': '本部署未配置统一身份认证（OIDC）登录，请使用用户名和密码登录。',
    en: 'Single sign-on (OIDC) is not configured for this deployment. Sign in with your username and password.',
  },
  OIDC_FAILED: {
    'zh-CN': '统一身份认证登录失败，或该身份未绑定门户账户。',
    en: 'Single sign-on failed, or that identity has no portal account.',
  },
  USERNAME_TAKEN: { 'zh-CN': '用户名已被使用。', en: 'That username is taken.' },
  NOT_CITY_OPERATOR: {
    'zh-CN': '只有市级运营人员可以管理门户账户。',
    en: 'Only city operators may administer portal accounts.',
  },
  ACCOUNT_NOT_FOUND: {
    'zh-CN': '您所在城市没有该账户。',
    en: 'There is no such account in your city.',
  },
  CANNOT_DISABLE_SELF: {
    'zh-CN': '不能停用您自己的账户。',
    en: 'You cannot disable your own account.',
  },
};

/** The message of a code in a language (the code itself for one without a message). */
export function messageOf(code: string, language: Language): string {
  return MESSAGES[code]?.[language] ?? code;
}

export function hasMessage(code: string): boolean {
  return code in MESSAGES;
}

/**
 * The gateway's own field reasons in Chinese, by `field:reason` or by reason alone. In English a
 * field keeps the description its rule wrote, which is English already and says more (a length,
 * the values allowed).
 */
const FIELD_REASONS_ZH: Readonly<Record<string, string>> = {
  REQUIRED: '必填。',
  TOO_LONG: '超出长度上限。',
  INVALID_FORMAT: '格式不正确。',
  INVALID_VALUE: '取值无效。',
  INVALID_TYPE: '类型不正确。',
  OUT_OF_RANGE: '超出允许范围。',
  NOT_FEN: '须为整数分，不能填元（¥12.50 即 1250 分）。',
  'username:INVALID_FORMAT': '只能包含字母、数字和 . _ @ -。',
  'password:TOO_SHORT': '密码至少需要 12 个字符。',
  'pageToken:INVALID_FORMAT': '不是本列表的翻页令牌。',
  USERNAME_TAKEN: '该用户名已被其他账户使用。',
  ROLE_NOT_ALLOWED: '只能创建集团管理员（group-admin）或机构工作人员（institution-staff）账户。',
  UNKNOWN_INSTITUTION: '注册中心在您所在城市没有该机构。',
  UNKNOWN_GROUP: '注册中心在您所在城市没有该医疗集团。',
  NOT_IN_GROUP: '该机构不是所选医疗集团的成员。',
};

/** A field violation of the gateway's own rules, described in the user's language. */
export function fieldDescriptionOf(
  violation: { readonly field: string; readonly reason: string; readonly description: string },
  language: Language,
): string {
  if (language === 'en') return violation.description;
  return (
    FIELD_REASONS_ZH[`${violation.field}:${violation.reason}`] ??
    FIELD_REASONS_ZH[violation.reason] ??
    violation.description
  );
}
