import type { Customer } from "@/server/db/generated/client";
import type { ShopRef } from "@/server/tenants";
import type { ShopProfile } from "@/server/tenants/profile-schema";

// What resolvers of each GraphQL type receive as their parent object.
export type CustomerParent = Pick<
  Customer,
  "id" | "shopId" | "email" | "firstName" | "lastName" | "alias" | "createdAt" | "status"
>;
export type ShopParent = ShopRef;
export type ShopPolicyParent = ShopProfile;
export type ViewerParent = Record<string, never>;
