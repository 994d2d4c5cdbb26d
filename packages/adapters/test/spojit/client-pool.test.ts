import { describe, expect, it } from "vitest";
import { ClientPool, type PooledTools } from "../../src/spojit/client-pool.js";
import { validateConnection, type ValidConnection } from "../../src/spojit/connection.js";

const connection = (id: string, token: string): ValidConnection => {
  // Padded: real tokens are long, and the validator refuses short ones.
  const result = validateConnection({ id, token: `${token}-0123456789abcdef` });
  if (!result.ok) throw new Error("invalid test connection");
  return result.connection;
};

const fakeFactory = () => {
  const created: Array<{ token: string; disposed: boolean }> = [];
  const create = (c: ValidConnection): PooledTools => {
    const record = { token: c.token.replace("-0123456789abcdef", ""), disposed: false };
    created.push(record);
    return {
      invokeDetailed: async () => ({ data: null, meta: { attempts: 1, rateLimit: {} } }),
      dispose: async () => {
        record.disposed = true;
      },
    };
  };
  return { created, create };
};

describe("ClientPool", () => {
  it("reuses one client per connection id while the token is unchanged", () => {
    const { created, create } = fakeFactory();
    const pool = new ClientPool(create, 10);
    const a1 = pool.acquire(connection("a", "token-a"));
    a1.release();
    const a2 = pool.acquire(connection("a", "token-a"));
    a2.release();
    const b = pool.acquire(connection("b", "token-b"));
    b.release();
    expect(a1.tools).toBe(a2.tools);
    expect(b.tools).not.toBe(a1.tools);
    expect(created.map((c) => c.token)).toEqual(["token-a", "token-b"]);
    expect(pool.size).toBe(2);
  });

  it("gives a changed token a fresh client and disposes the old one after its calls finish", async () => {
    const { created, create } = fakeFactory();
    const pool = new ClientPool(create, 10);
    const old = pool.acquire(connection("a", "token-old"));
    const fresh = pool.acquire(connection("a", "token-new"));
    expect(fresh.tools).not.toBe(old.tools);
    expect(created[0]?.disposed).toBe(false); // still in flight
    old.release();
    old.release(); // a double release must not over-count
    await pool.settled();
    expect(created[0]?.disposed).toBe(true);
    expect(created[1]?.disposed).toBe(false);
    fresh.release();
    expect(pool.size).toBe(1);
  });

  it("retires least-recently-used idle clients beyond the maximum, never busy ones", async () => {
    const { created, create } = fakeFactory();
    const pool = new ClientPool(create, 2);
    const busy = pool.acquire(connection("a", "t-a"));
    pool.acquire(connection("b", "t-b")).release();
    pool.acquire(connection("c", "t-c")).release();
    await pool.settled();
    expect(created.map((c) => [c.token, c.disposed])).toEqual([
      ["t-a", false],
      ["t-b", true],
      ["t-c", false],
    ]);
    busy.release();
    await pool.close();
    expect(created.every((c) => c.disposed)).toBe(true);
    expect(pool.closed).toBe(true);
  });
});
