import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "../audit";
import { actorOf } from "../auth/authorize";
import type { AgentViewer, PartnerViewer, RequestMeta, Viewer } from "../auth/viewer";
import { getDatabase, getPrisma } from "../db";
import { AppError } from "../errors";
import { requireAgent } from "../impersonation";
import { findShop } from "../tenants";
import { invalidInput, safeText } from "../validation";
import { API_SCOPES, type ApiScope, isApiScope } from "./scopes";
import { generateApiKeySecret, hashApiKeySecret, isWellFormedApiKeySecret, visiblePrefix } from "./secret";

// Partner API keys (issue 12): made by the shop's privacy officer in the support
// console, one shop and a set of scopes each. Only a secret's SHA-256 is stored; the
// secret itself is shown once. Rotation adds a secret and lets the older ones work
// until a chosen time; revocation ends every secret at once.

export const API_KEYS = {
  nameMaxLength: 100,
  // How long an old secret may keep working after a rotation, at most.
  maxOverlapDays: 30,
  defaultOverlapHours: 24,
  // lastUsedAt is written at most this often per secret.
  touchAfterMs: 60_000,
};

export type ApiKeyStatus = "ACTIVE" | "EXPIRED" | "REVOKED";

export type ApiKeySecretView = {
  id: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
};

export type ApiKeyView = {
  id: string;
  name: string;
  scopes: ApiScope[];
  recipientKey: string | null;
  createdByName: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  status: ApiKeyStatus;
  // Newest first; only those still working (or waiting to end after a rotation).
  secrets: ApiKeySecretView[];
};

const keySelect = {
  id: true,
  name: true,
  scopes: true,
  recipientKey: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
  createdBy: { select: { displayName: true } },
  secrets: {
    orderBy: { createdAt: "desc" as const },
    select: { id: true, prefix: true, createdAt: true, expiresAt: true, lastUsedAt: true },
  },
} as const;

type KeyRow = {
  id: string;
  name: string;
  scopes: string[];
  recipientKey: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  createdBy: { displayName: string } | null;
  secrets: ApiKeySecretView[];
};

function toView(row: KeyRow, now = new Date()): ApiKeyView {
  const status: ApiKeyStatus = row.revokedAt ? "REVOKED" : row.expiresAt && row.expiresAt <= now ? "EXPIRED" : "ACTIVE";
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes.filter(isApiScope),
    recipientKey: row.recipientKey,
    createdByName: row.createdBy?.displayName ?? null,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    status,
    secrets: row.revokedAt ? [] : row.secrets.filter((s) => !s.expiresAt || s.expiresAt > now),
  };
}

// Keys are the privacy officer's, in the console (not while acting in an account).
function requireKeyManager(viewer: Viewer): AgentViewer {
  const agent = requireAgent(viewer, "PRIVACY_OFFICER");
  if (agent.impersonation) {
    throw new AppError("FORBIDDEN", "End the support session first: API keys are managed from the console.");
  }
  return agent;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function findOwnKey(viewer: AgentViewer, id: string): Promise<KeyRow> {
  const row = UUID.test(id)
    ? await getPrisma().apiKey.findFirst({ where: { id, shopId: viewer.shop.id }, select: keySelect })
    : null;
  if (!row) throw new AppError("NOT_FOUND", "API key not found.");
  return row;
}

export async function listApiKeys(options: { viewer: Viewer }): Promise<ApiKeyView[]> {
  const viewer = requireKeyManager(options.viewer);
  const rows = await getPrisma().apiKey.findMany({
    where: { shopId: viewer.shop.id },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: keySelect,
  });
  const now = new Date();
  return rows.map((row) => toView(row, now));
}

const createSchema = z.object({
  name: safeText({ min: 1, max: API_KEYS.nameMaxLength, minMessage: "Name the partner or system using the key." }),
  scopes: z
    .array(z.string(), { error: "Choose the scopes." })
    .min(1, "Choose at least one scope.")
    .max(API_SCOPES.length, "Each scope once.")
    .refine((scopes) => scopes.every(isApiScope), `Scopes are ${API_SCOPES.join(", ")}.`)
    .refine((scopes) => new Set(scopes).size === scopes.length, "Each scope once."),
  expiresAt: z
    .date({ error: "Give a date and time." })
    .nullish()
    .refine((date) => !date || date.getTime() > Date.now(), "Choose a time in the future."),
  recipientKey: z.string().max(100).nullish(),
});

export type CreatedApiKey = { apiKey: ApiKeyView; secret: string };

export async function createApiKey(options: { viewer: Viewer; input: unknown }): Promise<CreatedApiKey> {
  const viewer = requireKeyManager(options.viewer);
  const parsed = createSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const { name, scopes, expiresAt, recipientKey } = parsed.data;
  if (recipientKey && !viewer.shop.profile.recipients.some((r) => r.key === recipientKey)) {
    throw new AppError("INVALID_INPUT", "Check the highlighted fields.", [
      {
        field: ["input", "recipientKey"],
        code: "INVALID_INPUT",
        message: `${viewer.shop.name}'s policy names no recipient "${recipientKey}".`,
      },
    ]);
  }
  const secret = generateApiKeySecret();
  const row = await getPrisma().$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        shopId: viewer.shop.id,
        name,
        scopes,
        recipientKey: recipientKey ?? null,
        createdById: viewer.agent.id,
        expiresAt: expiresAt ?? null,
        secrets: { create: { prefix: visiblePrefix(secret), secretHash: hashApiKeySecret(secret) } },
      },
      select: keySelect,
    });
    await recordAuditEvent(tx, {
      shopId: viewer.shop.id,
      customerId: null,
      ...actorOf(viewer),
      action: "api-key.create",
      details: { apiKeyId: created.id, name, scopes, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return created;
  });
  return { apiKey: toView(row), secret };
}

const rotateSchema = z.object({
  previousSecretExpiresAt: z
    .date({ error: "Give a date and time." })
    .nullish()
    .refine((date) => !date || date.getTime() >= Date.now() - 1000, "Choose now or a time in the future.")
    .refine(
      (date) => !date || date.getTime() <= Date.now() + API_KEYS.maxOverlapDays * 86_400_000,
      `The old secret may work for at most ${API_KEYS.maxOverlapDays} days.`,
    ),
});

// A new secret; the current ones keep working until `previousSecretExpiresAt` (24 hours
// by default; now ends them at once), so a partner can deploy the new one first.
export async function rotateApiKey(options: { viewer: Viewer; id: string; input?: unknown }): Promise<CreatedApiKey> {
  const viewer = requireKeyManager(options.viewer);
  const parsed = rotateSchema.safeParse(options.input ?? {});
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const key = await findOwnKey(viewer, options.id);
  if (toView(key).status !== "ACTIVE") throw new AppError("CONFLICT", "This key no longer works: create a new one.");
  const now = new Date();
  const until =
    parsed.data.previousSecretExpiresAt ?? new Date(now.getTime() + API_KEYS.defaultOverlapHours * 3600_000);
  const secret = generateApiKeySecret();
  const row = await getPrisma().$transaction(async (tx) => {
    // Secrets already ending sooner keep their earlier end.
    await tx.apiKeySecret.updateMany({
      where: { apiKeyId: key.id, OR: [{ expiresAt: null }, { expiresAt: { gt: until } }] },
      data: { expiresAt: until },
    });
    await tx.apiKeySecret.create({
      data: { apiKeyId: key.id, prefix: visiblePrefix(secret), secretHash: hashApiKeySecret(secret) },
    });
    await recordAuditEvent(tx, {
      shopId: viewer.shop.id,
      customerId: null,
      ...actorOf(viewer),
      action: "api-key.rotate",
      details: { apiKeyId: key.id, previousSecretsEndAt: until.toISOString() },
    });
    return tx.apiKey.findUniqueOrThrow({ where: { id: key.id }, select: keySelect });
  });
  return { apiKey: toView(row), secret };
}

export async function revokeApiKey(options: { viewer: Viewer; id: string }): Promise<ApiKeyView> {
  const viewer = requireKeyManager(options.viewer);
  const key = await findOwnKey(viewer, options.id);
  if (key.revokedAt) return toView(key);
  const row = await getPrisma().$transaction(async (tx) => {
    const now = new Date();
    await tx.apiKey.updateMany({ where: { id: key.id, revokedAt: null }, data: { revokedAt: now } });
    await tx.apiKeySecret.updateMany({
      where: { apiKeyId: key.id, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      data: { expiresAt: now },
    });
    await recordAuditEvent(tx, {
      shopId: viewer.shop.id,
      customerId: null,
      ...actorOf(viewer),
      action: "api-key.revoke",
      details: { apiKeyId: key.id },
    });
    return tx.apiKey.findUniqueOrThrow({ where: { id: key.id }, select: keySelect });
  });
  return toView(row);
}

// ---- A request's key ----

type SecretRow = {
  secretId: string;
  apiKeyId: string;
  name: string;
  scopes: string[];
  recipientKey: string | null;
  handle: string;
  lastUsedAt: Date | null;
};

// The partner viewer for a Bearer secret, or null for a secret that is malformed, unknown,
// revoked, expired or rotated out (the caller answers 401 with one message for all).
// One statement through the driver, as for sessions: it runs on every partner request.
export async function resolveApiKeyViewer(secret: string, request: RequestMeta): Promise<PartnerViewer | null> {
  if (!isWellFormedApiKeySecret(secret)) return null;
  const raw = getDatabase().raw;
  const now = new Date();
  const [row] = await raw.query<SecretRow>(
    `SELECT s."id" AS "secretId", k."id" AS "apiKeyId", k."name", k."scopes", k."recipientKey", sh."handle", s."lastUsedAt"
       FROM "ApiKeySecret" s JOIN "ApiKey" k ON k."id" = s."apiKeyId" JOIN "Shop" sh ON sh."id" = k."shopId"
      WHERE s."secretHash" = $1 AND k."revokedAt" IS NULL
        AND (k."expiresAt" IS NULL OR k."expiresAt" > $2) AND (s."expiresAt" IS NULL OR s."expiresAt" > $2)`,
    [hashApiKeySecret(secret), now],
    { name: "viewer-api-key" },
  );
  if (!row) return null;
  const shop = await findShop({ handle: row.handle });
  if (!shop) return null;
  if (!row.lastUsedAt || now.getTime() - new Date(row.lastUsedAt).getTime() > API_KEYS.touchAfterMs) {
    await raw.query(
      `WITH s AS (UPDATE "ApiKeySecret" SET "lastUsedAt" = $3 WHERE "id" = $1)
       UPDATE "ApiKey" SET "lastUsedAt" = $3 WHERE "id" = $2`,
      [row.secretId, row.apiKeyId, now],
    );
  }
  return {
    kind: "partner",
    shop,
    apiKey: {
      id: row.apiKeyId,
      name: row.name,
      scopes: parseScopes(row.scopes),
      secretId: row.secretId,
      recipientKey: row.recipientKey,
    },
    subjectId: null,
    request,
  };
}

// text[] arrives as an array from both drivers; be lenient with the literal form.
function parseScopes(value: string[] | string): ApiScope[] {
  const list = Array.isArray(value)
    ? value
    : value
        .replace(/^\{|\}$/g, "")
        .split(",")
        .filter(Boolean);
  return list.filter(isApiScope);
}

// The key's names for people: the access log shows the partner by name.
export async function apiKeyNames(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await getPrisma().apiKey.findMany({
    where: { id: { in: ids.filter((id) => UUID.test(id)) } },
    select: { id: true, name: true },
  });
  return new Map(rows.map((r) => [r.id, r.name]));
}
