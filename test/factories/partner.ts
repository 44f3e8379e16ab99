import type { ApiScope } from "@/server/api-keys/scopes";
import { generateApiKeySecret, hashApiKeySecret, visiblePrefix } from "@/server/api-keys/secret";
import { NO_REQUEST, type PartnerViewer } from "@/server/auth/viewer";
import { getPrisma } from "@/server/db";
import { shop } from "./index";

// A partner key with real ApiKey and ApiKeySecret rows, and the viewer a request with
// its secret would get.
export async function partnerKey(
  options: { shop?: string; scopes?: ApiScope[]; name?: string; recipientKey?: string | null } = {},
): Promise<{ viewer: PartnerViewer; secret: string; apiKeyId: string }> {
  const s = await shop(options.shop);
  const scopes = options.scopes ?? [
    "customers:read",
    "consents:read",
    "consents:write",
    "webhooks:manage",
    "policy:read",
  ];
  const secret = generateApiKeySecret("test");
  const key = await getPrisma().apiKey.create({
    data: {
      shopId: s.id,
      name: options.name ?? "Test partner",
      scopes,
      recipientKey: options.recipientKey ?? null,
      secrets: { create: { prefix: visiblePrefix(secret), secretHash: hashApiKeySecret(secret) } },
    },
    select: { id: true, name: true, recipientKey: true, secrets: { select: { id: true } } },
  });
  return {
    secret,
    apiKeyId: key.id,
    viewer: {
      kind: "partner",
      shop: s,
      apiKey: { id: key.id, name: key.name, scopes, secretId: key.secrets[0].id, recipientKey: key.recipientKey },
      subjectId: null,
      request: { ...NO_REQUEST, source: "api" },
    },
  };
}
