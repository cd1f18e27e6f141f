export { Hub, HUB_QUEUE } from './service.js';
export { BridgeStore, BridgeDefinitionError, type NewBridge, type StoredBridge } from './store.js';
export { handleBridgeEvent, bridgeMarker } from './engine.js';
export type { HubEventJob, InboundAnswer } from './inbound.js';
export type { Bridge, BridgeSide, ChatPort, HandleResult } from './types.js';
