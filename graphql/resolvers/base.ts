import { GraphQLScalarType, Kind } from "graphql";
import { findAddressById } from "@/server/addresses";
import { findCustomerById } from "@/server/customers";
import { findShopById } from "@/server/tenants";
import type { Resolvers } from "../generated/resolvers-types";
import { fromGlobalId } from "../global-id";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

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
      if (typeof value !== "string" || !DATE.test(value) || Number.isNaN(Date.parse(value))) {
        throw new TypeError("Date must be YYYY-MM-DD.");
      }
      return value;
    },
    parseLiteral: (ast) => {
      if (ast.kind !== Kind.STRING || !DATE.test(ast.value) || Number.isNaN(Date.parse(ast.value))) {
        throw new TypeError("Date must be YYYY-MM-DD.");
      }
      return ast.value;
    },
  }),
  Node: {
    __resolveType: (node) => ("recipientName" in node ? "Address" : "handle" in node ? "Shop" : "Customer"),
  },
  Query: {
    viewer: () => ({}),
    node: async (_parent, { id }, { viewer }) => {
      const decoded = fromGlobalId(id);
      if (!decoded) return null;
      switch (decoded.type) {
        case "Customer":
          return findCustomerById({ viewer, id: decoded.id });
        case "Shop":
          return findShopById({ id: decoded.id });
        case "Address":
          return findAddressById({ viewer, id: decoded.id });
        default:
          return null;
      }
    },
  },
};
