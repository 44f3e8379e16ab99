import { GraphQLScalarType, Kind } from "graphql";
import { findAddressById } from "@/server/addresses";
import { findConsentRecord } from "@/server/consent";
import { findCustomerById } from "@/server/customers";
import { findDeletionRequest } from "@/server/erasure";
import { findExport } from "@/server/export";
import { findOwnRecord } from "@/server/orders";
import { findRightsRequest } from "@/server/requests/requests";
import { findShopById } from "@/server/tenants";
import type { Resolvers } from "../generated/resolvers-types";
import { fromGlobalId } from "../global-id";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

type NodeType =
  | "Customer"
  | "Shop"
  | "Address"
  | "Order"
  | "Invoice"
  | "WarrantyCertificate"
  | "Export"
  | "DeletionRequest"
  | "ConsentRecord";

// A real calendar date: "2023-02-30" parses in JavaScript (as 2 March) but is refused here.
function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const baseResolvers: Resolvers = {
  DateTime: new GraphQLScalarType({
    name: "DateTime",
    serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString()),
    parseValue: (value) => {
      const date = new Date(String(value));
      if (Number.isNaN(date.getTime())) throw new TypeError("DateTime must be an ISO 8601 date-time.");
      return date;
    },
    parseLiteral: (ast) => {
      if (ast.kind !== Kind.STRING) throw new TypeError("DateTime must be a string.");
      const date = new Date(ast.value);
      if (Number.isNaN(date.getTime())) throw new TypeError("DateTime must be an ISO 8601 date-time.");
      return date;
    },
  }),
  Date: new GraphQLScalarType({
    name: "Date",
    serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
    parseValue: (value) => {
      if (typeof value !== "string" || !isCalendarDate(value)) {
        throw new TypeError("Date must be YYYY-MM-DD.");
      }
      return value;
    },
    parseLiteral: (ast) => {
      if (ast.kind !== Kind.STRING || !isCalendarDate(ast.value)) {
        throw new TypeError("Date must be YYYY-MM-DD.");
      }
      return ast.value;
    },
  }),
  Node: {
    // node(id:) tags what it returns with its type; nothing else returns a bare Node.
    __resolveType: (node) => (node as unknown as { __typename: NodeType }).__typename,
  },
  Query: {
    viewer: () => ({}),
    node: async (_parent, { id }, { viewer }) => {
      const decoded = fromGlobalId(id);
      if (!decoded) return null;
      const tag = <T extends object>(found: T | null) =>
        found ? Object.assign(found, { __typename: decoded.type as NodeType }) : null;
      switch (decoded.type) {
        case "Customer":
          return tag(await findCustomerById({ viewer, id: decoded.id }));
        case "Shop":
          return tag(await findShopById({ id: decoded.id }));
        case "Address":
          return tag(await findAddressById({ viewer, id: decoded.id }));
        case "Order":
        case "Invoice":
        case "WarrantyCertificate":
          return tag(await findOwnRecord({ viewer, type: decoded.type, id: decoded.id }));
        case "Export":
          return tag(await findExport({ viewer, id: decoded.id }));
        case "ConsentRecord":
          return tag(await findConsentRecord({ viewer, id: decoded.id }));
        case "DeletionRequest":
          return tag(await findDeletionRequest({ viewer, id: decoded.id }));
        case "RightsRequest":
          return tag(await findRightsRequest({ viewer, id: decoded.id }));
        default:
          return null;
      }
    },
  },
};
