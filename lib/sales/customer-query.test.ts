import { describe, expect, it } from 'vitest';
import { parseCustomerQuery } from './customer-query';

describe('parseCustomerQuery', () => {
  it('reads a loyalty card number with spaces or dashes, checking its EAN-13 check digit', () => {
    expect(parseCustomerQuery(' 2912 3456 7890 6 ')).toEqual({ kind: 'card', cardNumber: '2912345678906' });
    expect(parseCustomerQuery('291-2345-678906')).toEqual({ kind: 'card', cardNumber: '2912345678906' });
    expect(parseCustomerQuery('2912345678907')).toEqual({ kind: 'invalid', reason: 'card_check_digit' });
    // Two neighbours swapped
    expect(parseCustomerQuery('2912345687906')).toEqual({ kind: 'invalid', reason: 'card_check_digit' });
    expect(parseCustomerQuery('291234567890')).toEqual({ kind: 'invalid', reason: 'card_length', digits: 12 });
    // A product barcode (valid EAN-13, not our prefix) scanned in the customer field
    expect(parseCustomerQuery('4006381333931')).toEqual({ kind: 'invalid', reason: 'card_prefix' });
  });

  it('reads an email, and refuses anything else', () => {
    expect(parseCustomerQuery(' Alice@Example.com ')).toEqual({ kind: 'email', email: 'Alice@Example.com' });
    expect(parseCustomerQuery('alice')).toEqual({ kind: 'invalid', reason: 'format' });
    expect(parseCustomerQuery('')).toEqual({ kind: 'invalid', reason: 'format' });
  });
});
