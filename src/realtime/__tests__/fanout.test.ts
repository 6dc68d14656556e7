import { parse } from 'graphql';

import { groupKey } from '../fanout';

const key = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
  groupKey(parse(query), operationName, variables);

describe('groupKey', () => {
  const byVariable = `subscription ($id: ID!, $since: Int) { loyaltyStateChanged(customerId: $id, sinceVersion: $since) { version } }`;

  it('ignores where catch-up starts: sinceVersion, as a variable or inline', () => {
    expect(key(byVariable, { id: 'a', since: 3 })).toBe(key(byVariable, { id: 'a', since: 40 }));
    expect(key(byVariable, { id: 'a', since: 3 })).toBe(key(byVariable, { id: 'a' }));
    expect(key(`subscription { loyaltyStateChanged(customerId: "a", sinceVersion: 1) { version } }`)).toBe(
      key(`subscription { loyaltyStateChanged(customerId: "a", sinceVersion: 9) { version } }`),
    );
  });

  it('keeps the other variables, and ignores variables the operation does not use', () => {
    expect(key(byVariable, { id: 'a' })).not.toBe(key(byVariable, { id: 'b' }));
    expect(key(byVariable, { id: 'a', unused: 1 })).toBe(key(byVariable, { id: 'a', unused: 2 }));
  });

  it('puts other inline literals and other selections in groups of their own', () => {
    const a = key(`subscription { loyaltyStateChanged(customerId: "a") { version } }`);
    expect(a).not.toBe(key(`subscription { loyaltyStateChanged(customerId: "b") { version } }`));
    expect(a).not.toBe(key(`subscription { loyaltyStateChanged(customerId: "a") { version source } }`));
  });

  it('strips sinceVersion only from the root field', () => {
    const nested = (n: number) =>
      key(`subscription { loyaltyStateChanged(customerId: "a") { history(sinceVersion: ${n}) { version } } }`);
    expect(nested(1)).not.toBe(nested(2));
  });

  it('tells operations of one document apart by name', () => {
    const document = `subscription A { loyaltyStateChanged(customerId: "a") { version } } subscription B { loyaltyStateChanged(customerId: "b") { version } }`;
    expect(key(document, {}, 'A')).not.toBe(key(document, {}, 'B'));
  });
});
