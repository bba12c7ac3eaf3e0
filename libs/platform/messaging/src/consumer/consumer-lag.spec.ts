import { topicLag } from './consumer-lag';

describe(topicLag.name, () => {
  const partitions = (...offsets: [number, number, number][]) =>
    offsets.map(([partition, low, high]) => ({ partition, low: String(low), high: String(high) }));

  it('sums what each partition has past the committed offset', () => {
    expect(
      topicLag(partitions([0, 0, 10], [1, 0, 7]), [
        { partition: 0, offset: '4' },
        { partition: 1, offset: '7' },
      ]),
    ).toBe(6);
  });

  it('counts a partition the group never committed on from its oldest retained event', () => {
    expect(topicLag(partitions([0, 3, 10]), [{ partition: 0, offset: '-1' }])).toBe(7);
    expect(topicLag(partitions([0, 3, 10]), [])).toBe(7);
  });

  it('does not count events the retention deleted before the group read them', () => {
    expect(topicLag(partitions([0, 50, 60]), [{ partition: 0, offset: '20' }])).toBe(10);
  });

  it('is zero on an empty topic and never negative', () => {
    expect(topicLag(partitions([0, 0, 0]), [])).toBe(0);
    expect(topicLag(partitions([0, 0, 5]), [{ partition: 0, offset: '9' }])).toBe(0);
  });
});
