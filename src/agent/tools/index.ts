// Every tool a skill can use, by name: what the skills page lists and what the model may call.
import { catalogSearch } from "./catalogSearch.ts";
import { changeSubscription } from "./changeSubscription.ts";
import { getProfile } from "./getProfile.ts";
import { listCoupons } from "./listCoupons.ts";
import { listSubscriptions } from "./listSubscriptions.ts";
import { loyaltyBalance, loyaltyProgram } from "./loyalty.ts";
import { lookupCoupon } from "./lookupCoupon.ts";
import { findOrders, orderStatus } from "./orders.ts";
import { returnStatus } from "./returnStatus.ts";
import { returnsPortal } from "./returnsPortal.ts";
import { searchKnowledge } from "./searchKnowledge.ts";

export const agentTools = {
  getProfile,
  searchKnowledge,
  findOrders,
  orderStatus,
  catalogSearch,
  listCoupons,
  lookupCoupon,
  loyaltyBalance,
  loyaltyProgram,
  listSubscriptions,
  changeSubscription,
  returnsPortal,
  returnStatus,
};

export type ToolName = keyof typeof agentTools;

export { callTool } from "./call.ts";
