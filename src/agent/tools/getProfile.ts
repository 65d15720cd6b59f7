// Tool: the shopper's profile as the agent may use it (logged in or not, name, the email it may look data up with).
import { z } from "zod";
import { defineTool } from "./call.ts";

export const getProfile = defineTool({
  name: "getProfile",
  description: "Who the shopper is: whether they are logged in, their name and the email their orders, points and subscriptions can be looked up with.",
  input: z.object({}),
  async run(ctx) {
    return {
      loggedIn: ctx.shopper.loggedIn,
      name: ctx.shopper.name ?? null,
      email: ctx.verifiedEmail ?? null,
      profileId: ctx.shopper.id ?? null,
    };
  },
});
