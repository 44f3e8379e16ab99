"use server";

import { redirect } from "next/navigation";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

const AuditCustomerLookupQuery = graphql(`
  query AuditCustomerLookup($query: String!) {
    supportCustomers(query: $query, first: 1) { edges { node { id } } }
  }
`);

// The filter form posts here and comes back as a GET with ids only: an email typed into
// the customer filter is turned into the customer's global ID, so it never sits in a URL
// (browser history, server logs).
export async function filterAuditLogAction(shop: string, form: FormData): Promise<void> {
  const params = new URLSearchParams();
  const customer = String(form.get("customer") ?? "").trim();
  const agent = String(form.get("agent") ?? "").trim();
  const action = String(form.get("action") ?? "").trim();
  if (customer.includes("@")) {
    const found = await execute(AuditCustomerLookupQuery, { query: customer }).catch(() => null);
    const id = found?.supportCustomers.edges[0]?.node.id;
    if (id) params.set("customer", id);
    else params.set("unknownCustomer", "1");
  } else if (customer) {
    params.set("customer", customer);
  }
  if (agent) params.set("agent", agent);
  if (action) params.set("action", action);
  const query = params.toString();
  redirect(`/${shop}/support/audit-log${query ? `?${query}` : ""}`);
}
