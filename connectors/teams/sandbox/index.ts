/**
 * The Teams (Microsoft Graph) stand-in's public face. README.md in the connector folder lists
 * what it leaves out.
 */
export { startTeamsSandbox } from './start.js';
export type { TeamsSandbox, TeamsSandboxOptions } from './handle.js';
export type { NotificationAttempt, NotifyOptions } from './notifier.js';
export { DEFAULT_NOTIFY } from './notifier.js';
export type { Subscription } from './subscriptions.js';
export type { StoredChatMessage } from './tenant.js';
export type { PermissionModel } from './messages.js';
export { teamsSandboxFactory } from './factory.js';
export { teamsMessagingSandbox, graphErrorAnswer } from './conformance.js';
