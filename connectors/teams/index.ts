/** The Teams connector's public face. */
export { teamsDefinition } from './definition.js';
export { channelRef, parseChannel, parseMessageId, messageId } from './refs.js';
export { SUBSCRIPTION_MINUTES } from './subscribe.js';
