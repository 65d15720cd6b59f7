import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ActorStorage, backoff, RETRY_MS } from "../../src/actors/storage.ts";

// A fresh rotation actor's SQLite, with the plumbing's own tables emptied, to exercise the plumbing on.
function freshState<T>(fn: (state: DurableObjectState) => T | Promise<T>): Promise<T> {
  const stub = env.ROTATION.get(env.ROTATION.idFromName(`storage-test:${crypto.randomUUID()}`));
  return runInDurableObject(stub, async (_instance, state) => {
    state.storage.sql.exec("DELETE FROM meta");
    state.storage.sql.exec("DELETE FROM schedule");
    await state.storage.deleteAlarm();
    return fn(state);
  });
}

describe("actor storage", () => {
  it("runs each migration step once, in order, and remembers the version", async () => {
    await freshState((state) => {
      const ran: number[] = [];
      const steps = [() => ran.push(1), () => ran.push(2)];
      const store = new ActorStorage(state);
      store.migrate(steps);
      store.migrate(steps);
      expect(ran).toEqual([1, 2]);
      new ActorStorage(state).migrate([...steps, () => ran.push(3)]);
      expect(ran).toEqual([1, 2, 3]);
    });
  });

  it("keeps meta values, JSON and counters", async () => {
    await freshState((state) => {
      const store = new ActorStorage(state);
      store.set("a", "1");
      store.setJson("j", { x: [1, 2] });
      expect(store.get("a")).toBe("1");
      expect(store.getJson("j")).toEqual({ x: [1, 2] });
      expect(store.bump("n")).toBe(1);
      expect(store.bump("n")).toBe(2);
      store.set("turn:m1", "pending");
      store.set("turn:m2", "done");
      store.set("turn:m3", "pending");
      expect(store.keysWith("turn:", "pending").sort()).toEqual(["m1", "m3"]);
      store.delete("a");
      expect(store.get("a")).toBeNull();
    });
  });

  it("points the one alarm at the soonest due job and hands the alarm what is due", async () => {
    await freshState(async (state) => {
      const t0 = Date.now() + 60_000;
      const store = new ActorStorage(state);
      store.schedule("index", t0 + 5_000);
      store.schedule("snooze", t0 + 9_000);
      store.scheduleBy("index", t0 + 7_000); // later than the one already due: kept
      expect(store.dueAt("index")).toBe(t0 + 5_000);
      store.planAlarm();
      expect(await state.storage.getAlarm()).toBe(t0 + 5_000);
      expect(store.due(t0 + 6_000)).toEqual(["index"]);
      // Run early (by hand, or a little before time), the alarm still gets the job it was set for.
      expect(store.due(t0)).toEqual(["index"]);
      expect(store.due(t0 + 10_000)).toEqual(["index", "snooze"]);
      store.unschedule("index");
      store.unschedule("snooze");
      store.planAlarm();
      expect(await state.storage.getAlarm()).toBeNull();
    });
  });

  it("backs off along the table and stays at its last step", () => {
    expect(backoff(1)).toBe(RETRY_MS[0]);
    expect(backoff(2)).toBe(RETRY_MS[1]);
    expect(backoff(99)).toBe(RETRY_MS[RETRY_MS.length - 1]);
    expect(backoff(3, [10, 20])).toBe(20);
  });
});
