import { DataSource } from 'typeorm';
import { bindNamed } from './named-query';

// The real PostgreSQL driver of an unconnected data source: binding needs no database.
const driver = new DataSource({ type: 'postgres', url: 'postgres://unused@localhost/unused' }).driver;

describe(bindNamed.name, () => {
  const sut = (sql: string, parameters: Record<string, unknown>) => bindNamed(driver, sql, parameters);

  it('numbers each name once, in order of first use, whatever the order of the values', () => {
    expect(sut('SELECT * FROM t WHERE b = :b AND a = :a OR b2 = :b', { a: 1, b: 'x' })).toEqual([
      'SELECT * FROM t WHERE b = $1 AND a = $2 OR b2 = $1',
      ['x', 1],
    ]);
  });

  it('sends an array as one value, and spreads it into a list with :...name', () => {
    expect(
      sut('WHERE id = ANY(:ids::uuid[]) AND k IN (:...keys)', { ids: ['a', 'b'], keys: [7, 8] }),
    ).toEqual(['WHERE id = ANY($1::uuid[]) AND k IN ($2, $3)', [['a', 'b'], 7, 8]]);
  });

  it('leaves ::type casts and time literals alone', () => {
    expect(
      sut(`SELECT :at::timestamptz, x::text, '08:30'::time, :d::date`, { at: 'now', d: '2027-01-01' }),
    ).toEqual([`SELECT $1::timestamptz, x::text, '08:30'::time, $2::date`, ['now', '2027-01-01']]);
  });

  it('refuses a parameter named like a cast of the statement, which the driver would bind there', () => {
    expect(() => sut('SELECT x::text = :text', { text: 'a' })).toThrow(
      ':text has the name of a cast in the statement (::text)',
    );
  });

  it('refuses a name without a value and a value no name uses, naming each', () => {
    expect(() => sut('UPDATE t SET a = :a, b = :bee WHERE id = :id', { a: 1, b: 2, id: 3 })).toThrow(
      'named parameters: :bee has no value; :b is not used by the statement',
    );
  });

  it('refuses undefined (NULL is null) and a function, which the driver would paste in as SQL', () => {
    expect(() => sut('SELECT :a, :f', { a: undefined, f: () => 'now()' })).toThrow(
      ':a is undefined (pass null for NULL); :f is a function, not a value',
    );
    expect(sut('SELECT :a', { a: null })).toEqual(['SELECT $1', [null]]);
  });

  it('binds a statement without parameters as it is', () => {
    expect(sut(`SELECT '{}'::text[]`, {})).toEqual([`SELECT '{}'::text[]`, []]);
  });
});
