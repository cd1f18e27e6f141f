/**
 * The PagerDuty sandbox's public face: start it, point the messaging conformance suite at it, or
 * run it with `forge sandbox pagerduty`. README.md in the connector folder lists what it leaves out.
 */
export { startPagerDutySandbox, type PagerDutySandbox, type PagerDutySandboxOptions } from './server.js';
export { pagerdutyErrorResponse, pagerdutyMessagingSandbox, pagerdutySandboxFactory } from './conformance.js';
export { eventProblems } from './validate.js';
export type { Alert, AlertStatus, RecordedEvent } from './store.js';
