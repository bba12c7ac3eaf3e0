import { describe, expect, it } from 'vitest';
import { apiErrorFrom } from './api-error';

describe(apiErrorFrom.name, () => {
  it("keeps the gateway's code, message and field violations", () => {
    const sut = apiErrorFrom(
      400,
      {
        error: {
          code: 'VALIDATION_FAILED',
          message: '请求有误，请检查标出的字段。',
          fields: [{ field: 'slotRatio', reason: 'RATIO_BELOW_FLOOR', description: '1/10 is below 1/3' }],
        },
      },
      'fallback',
    );

    expect(sut.code).toBe('VALIDATION_FAILED');
    expect(sut.message).toBe('请求有误，请检查标出的字段。');
    expect(sut.fieldError('slotRatio')?.reason).toBe('RATIO_BELOW_FLOOR');
    expect(sut.fieldError('bedRatio')).toBeUndefined();
  });

  it("keeps the service's reason beside the gateway's category", () => {
    const sut = apiErrorFrom(
      404,
      { error: { code: 'NOT_FOUND', message: '未找到所请求的内容。', reason: 'SETTLEMENT_NOT_FOUND' } },
      'fallback',
    );

    expect(sut.code).toBe('NOT_FOUND');
    expect(sut.reason).toBe('SETTLEMENT_NOT_FOUND');
  });

  it('falls back to a message of its own when the answer is not the API error shape', () => {
    const sut = apiErrorFrom(502, '<html>bad gateway</html>', '网关暂时不可用');

    expect(sut.code).toBe('HTTP_502');
    expect(sut.message).toBe('网关暂时不可用');
    expect(sut.fields).toEqual([]);
  });
});
