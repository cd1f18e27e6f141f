/**
 * The Slack stand-in's public face. README.md in the connector folder lists what it leaves out.
 */
export { startSlackSandbox } from './start.js';
export type { SlackSandbox, SlackSandboxOptions } from './handle.js';
export type { DeliveryAttempt, DeliveryOptions } from './delivery.js';
export { DEFAULT_DELIVERY, signBody } from './delivery.js';
export type { StoredMessage } from './workspace.js';
export type { SlackLimitOptions } from './limits.js';
export { slackSandboxFactory } from './factory.js';
export { RATELIMITED_BODY } from './answers.js';
export { slackMessagingSandbox, slackErrorAnswer } from './conformance.js';
