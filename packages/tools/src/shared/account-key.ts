/**
 * The per-account part of every shared (Redis) key, derived from the token without revealing it.
 *
 * HMAC-SHA256 under a fixed domain-separation key, not a per-deployment secret, because:
 * - every replica must derive the same name for one account with no extra shared configuration; a per-deployment
 *   key that differs between two replicas would silently turn sharing off between them;
 * - the hash only has to keep the token out of Redis (KEYS, MONITOR, a dump, a backup): Front API tokens are
 *   long random JWTs, so nobody can invert the hash or confirm a guessed token by hashing candidates;
 * - the fixed key separates these names from any other SHA-256 of the same token elsewhere, so a name found in
 *   Redis cannot be matched against a plain-hash table or another system's fingerprint of the token.
 * 128 bits (32 hex characters) are kept: collisions between accounts are out of reach, keys stay short.
 */
import { createHmac } from "node:crypto";

const DOMAIN_KEY = "frontkit shared-state account v1";

/** Prefix of every key frontkit writes to Redis; the version changes if the stored shapes ever do. */
export const KEY_NAMESPACE = "frontkit:v1";

/** The account name for a token: 32 hex characters of HMAC-SHA256(domain key, token). */
export const accountKey = (token: string): string => createHmac("sha256", DOMAIN_KEY).update(token, "utf8").digest("hex").slice(0, 32);

/** `frontkit:v1:<account>` — the prefix of one account's keys. */
export const accountPrefix = (token: string): string => `${KEY_NAMESPACE}:${accountKey(token)}`;
