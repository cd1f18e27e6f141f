/**
 * The charge object with every top-level key of Stripe's fixture (fixtures3.json `charge`), as a
 * card payment made with a test card: succeeded, or failed with the decline's outcome.
 */
import type { StripeObject } from '../table.js';

export interface Charge extends StripeObject {
  object: 'charge';
  amount: number;
  currency: string;
  customer: string | null;
  status: 'succeeded' | 'pending' | 'failed';
  metadata: Record<string, string>;
  [key: string]: unknown;
}

export interface ChargeInput {
  amount: number;
  currency: string;
  customer?: string | null;
  description?: string | null;
  metadata?: Record<string, string>;
  receipt_email?: string | null;
  /** A decline code makes a failed charge (test card `tok_chargeDeclined`). */
  declineCode?: string;
  billingName?: string | null;
}

const emptyAddress = () => ({ city: null, country: null, line1: null, line2: null, postal_code: null, state: null });

export function newCharge(id: string, created: number, input: ChargeInput): Charge {
  const failed = input.declineCode !== undefined;
  const tail = id.slice(id.indexOf('_') + 1);
  return {
    id,
    object: 'charge',
    amount: input.amount,
    amount_captured: failed ? 0 : input.amount,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: failed ? null : `txn_${tail}`,
    billing_details: { address: emptyAddress(), email: input.receipt_email ?? null, name: input.billingName ?? null, phone: null, tax_id: null },
    calculated_statement_descriptor: 'FORGEWORKS',
    captured: !failed,
    created,
    currency: input.currency,
    customer: input.customer ?? null,
    description: input.description ?? null,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: failed ? 'card_declined' : null,
    failure_message: failed ? 'Your card was declined.' : null,
    fraud_details: {},
    livemode: false,
    metadata: input.metadata ?? {},
    on_behalf_of: null,
    outcome: {
      advice_code: null, network_advice_code: null, network_decline_code: null,
      network_status: failed ? 'declined_by_network' : 'approved_by_network',
      reason: failed ? input.declineCode : null, risk_level: 'normal', risk_score: 32,
      seller_message: failed ? 'The bank did not return any further details with this decline.' : 'Payment complete.',
      type: failed ? 'issuer_declined' : 'authorized',
    },
    paid: !failed,
    payment_intent: `pi_${tail}`,
    payment_method: `pm_${tail}`,
    payment_method_details: {
      card: { brand: 'visa', country: 'US', exp_month: 12, exp_year: 2034, funding: 'credit', last4: failed ? '0002' : '4242', network: 'visa', three_d_secure: null, wallet: null },
      type: 'card',
    },
    receipt_email: input.receipt_email ?? null,
    receipt_number: null,
    receipt_url: failed ? null : `https://pay.stripe.com/receipts/payment/${tail}`,
    refunded: false,
    refunds: { object: 'list', data: [], has_more: false, url: `/v1/charges/${id}/refunds` },
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: failed ? 'failed' : 'succeeded',
    transfer_data: null,
    transfer_group: null,
  };
}
