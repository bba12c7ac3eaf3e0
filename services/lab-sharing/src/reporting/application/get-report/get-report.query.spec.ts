import { ValidationError } from '@medgrid/errors';
import { v7 as uuidv7 } from 'uuid';
import { GetReportQuery } from './get-report.query';

describe(GetReportQuery.name, () => {
  it("reads a report by its order's id, for the purpose given", () => {
    const orderId = uuidv7();

    const sut = GetReportQuery.create({ reportId: '', orderId, 'x-purpose': 'treatment' });

    expect(sut).toEqual({ by: { orderId }, purpose: 'treatment' });
  });

  it('refuses a request naming both the report and the order, or neither', () => {
    const act = (reportId: string, orderId: string) => () => GetReportQuery.create({ reportId, orderId });

    expect(act(uuidv7(), uuidv7())).toThrow(ValidationError);
    expect(act('', '')).toThrow(/exactly one of reportId and orderId/);
  });
});
