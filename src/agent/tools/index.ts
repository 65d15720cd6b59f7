// Every tool a skill can use, by name: what the skills page lists and what the model may call.
import { catalogSearch } from "./catalogSearch.ts";
import { getProfile } from "./getProfile.ts";
import { listCoupons } from "./listCoupons.ts";
import { listSubscriptions } from "./listSubscriptions.ts";
import { loyaltyBalance, loyaltyProgram } from "./loyalty.ts";
import { findOrders, orderStatus } from "./orders.ts";
import { returnsPortal } from "./returnsPortal.ts";
import { searchKnowledge } from "./searchKnowledge.ts";

export const agentTools = {
  getProfile,
  searchKnowledge,
  findOrders,
  orderStatus,
  catalogSearch,
  listCoupons,
  loyaltyBalance,
  loyaltyProgram,
  listSubscriptions,
  returnsPortal,
};

export type ToolName = keyof typeof agentTools;

export { callTool } from "./call.ts";
