// What the rest of Edgedesk uses from the AI customer agent: the turn, its records, the handoff helpers, the model and the demo seed.
export { runAgentTurn } from "./runTurn.ts";
export type { AgentTurnInput, AgentTurnResult } from "./runTurn.ts";
export { agentFigures, recordAgentTurn, recordHandoff, recordTurn, turnOutcome } from "./turnLog.ts";
export type { AgentFigures, TurnOutcome, TurnRecord } from "./turnLog.ts";
export { assertHandoffConnected, handoffClosingMessage, handoffSubject, handoffToPlatform } from "./handoff.ts";
export type { HandoffOutcome, HandoffPlatform, HandoffRequest, OutsidePlatform } from "./handoff.ts";
export { modelFor } from "./model.ts";
export { seedDemoAgentData } from "./seed.ts";
export type { AgentChannel, HistoryEntry, ShopperProfile } from "./types.ts";
