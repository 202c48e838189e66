import { describe, expect, it } from 'vitest';
import { parseCustomerQuery } from './customer-query';

describe('parseCustomerQuery', () => {
  it('reads a card number with spaces or dashes, checking its EAN-13 check digit', () => {
    expect(parseCustomerQuery(' 4006381 333931 ')).toEqual({ kind: 'card', cardNumber: '4006381333931' });
    expect(parseCustomerQuery('400-6381-333931')).toEqual({ kind: 'card', cardNumber: '4006381333931' });
    expect(parseCustomerQuery('4006381333932')).toEqual({ kind: 'invalid', reason: 'card_check_digit' });
    // Two neighbours swapped
    expect(parseCustomerQuery('4006381339331')).toEqual({ kind: 'invalid', reason: 'card_check_digit' });
    expect(parseCustomerQuery('400638133393')).toEqual({ kind: 'invalid', reason: 'card_length', digits: 12 });
  });

  it('reads an email, and refuses anything else', () => {
    expect(parseCustomerQuery(' Alice@Example.com ')).toEqual({ kind: 'email', email: 'Alice@Example.com' });
    expect(parseCustomerQuery('alice')).toEqual({ kind: 'invalid', reason: 'format' });
    expect(parseCustomerQuery('')).toEqual({ kind: 'invalid', reason: 'format' });
  });
});
