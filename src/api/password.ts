// Changing one's own password: the current one proves it is the agent, every other session ends with its sockets.
import { createRoute, z } from "@hono/zod-openapi";
import { checkPassword, revokeOtherSessions, setPassword } from "../accounts/service.ts";
import { endSessionSockets } from "../accounts/sessions.ts";
import { router } from "../app.ts";
import { auditByAgent } from "../audit/request.ts";
import { requireAgent } from "../auth/context.ts";
import { EMAIL_POLICY, emailKey, retryAfterSeconds } from "../auth/throttle.ts";
import { blockedFor, clearFailures, recordFailure } from "../auth/throttleRepository.ts";
import { AppError, rateLimited } from "../lib/errors.ts";
import { passwordSchema } from "../schemas/account.ts";
import { body, errorResponses } from "../schemas/common.ts";

export const passwordApi = router();

const passwordChange = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: passwordSchema })
  .strict()
  .openapi("PasswordChange");

passwordApi.openapi(
  createRoute({
    method: "post",
    path: "/me/password",
    tags: ["Accounts"],
    summary: "Change your password; your other sessions end and their dashboards close",
    security: [{ bearer: [] }],
    middleware: [requireAgent] as const,
    request: { body: body(passwordChange) },
    responses: { 204: { description: "Changed" }, ...errorResponses(400, 401, 403, 429) },
  }),
  async (c) => {
    const me = c.get("agent");
    const { currentPassword, newPassword } = c.req.valid("json");
    // Wrong current passwords count like failed logins: a stolen token must not become a password oracle.
    const key = emailKey(me.email);
    const wait = await blockedFor(c.env, [key], Date.now());
    if (wait > 0) throw rateLimited("Too many wrong passwords; wait before trying again", retryAfterSeconds(wait));
    const { ok } = await checkPassword(c.env, me.email, currentPassword);
    if (!ok) {
      await recordFailure(c.env, key, EMAIL_POLICY, Date.now());
      await auditByAgent(c, "auth.password_change_failed");
      throw new AppError("forbidden", "The current password is not right", [{ path: "currentPassword", message: "does not match" }]);
    }
    if (currentPassword === newPassword) throw new AppError("validation_failed", "Choose a password different from the current one", [{ path: "newPassword", message: "same as the current password" }]);
    await clearFailures(c.env, key);
    await setPassword(c.env, me.id, newPassword);
    const ended = await revokeOtherSessions(c.env, me.id, c.get("sessionId"));
    await endSessionSockets(c.env, me.accountId, ended);
    await auditByAgent(c, "auth.password_changed", { details: { sessionsEnded: ended.length } });
    return c.body(null, 204);
  },
);
