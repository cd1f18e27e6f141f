/**
 * The Slack connector's public face: its definition, and helpers the hub may use beyond the
 * messaging contract (the bot's identity, the signature function for tests).
 */
export { slackDefinition } from './definition.js';
export { slackIdentity, type SlackIdentity } from './health.js';
export { slackSignature, SIGNATURE_WINDOW_SECONDS } from './signature.js';
export { MARKER_EVENT_TYPE } from './marker.js';
