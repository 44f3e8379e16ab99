import { revealValue } from "@/server/data-map/reveal";
import { findDataset, findDatasets, getDataCategories } from "@/server/data-map/view";
import { AppError } from "@/server/errors";
import { listInvoices, listOrders, listWarrantyCertificates } from "@/server/orders";
import type { Resolvers } from "../generated/resolvers-types";
import { fromGlobalId, toGlobalId } from "../global-id";
import { mutate } from "../user-errors";
import { connection } from "./connection";
import { purposeToGraph, retentionRuleToGraph, sourceToGraph } from "./shop";

const money = (cents: number, currency: string) => ({
  cents,
  currency,
  formatted: `${(cents / 100).toFixed(2)} ${currency}`,
});

const documentUrl = (type: string, id: string) => `/api/documents/${toGlobalId(type, id)}`;

export const myDataResolvers: Resolvers = {
  Mutation: {
    dataReveal: (_parent, { input }, { viewer }) =>
      mutate({ value: null }, async () => {
        const decoded = fromGlobalId(input.recordId);
        if (!decoded) throw new AppError("NOT_FOUND", "No such record.");
        return { value: await revealValue({ viewer, model: decoded.type, id: decoded.id, field: input.field }) };
      }),
  },
  Customer: {
    // Every Customer field acts on its parent: the services' authorization checks that
    // it is the request's subject.
    dataCategories: (customer, _args, { viewer }) => getDataCategories({ viewer, customerId: customer.id }),
    dataset: (customer, { id }, { viewer }) => findDataset({ viewer, customerId: customer.id, id }),
    datasets: (customer, { ids }, { viewer }) => findDatasets({ viewer, customerId: customer.id, ids }),
    orders: async (customer, args, { viewer }) =>
      connection(await listOrders({ viewer, customerId: customer.id, ...args })),
    invoices: async (customer, args, { viewer }) =>
      connection(await listInvoices({ viewer, customerId: customer.id, ...args })),
    warrantyCertificates: async (customer, args, { viewer }) =>
      connection(await listWarrantyCertificates({ viewer, customerId: customer.id, ...args })),
  },
  DataCategory: {
    sources: (c) => c.sources.map(sourceToGraph),
    purposes: (c) => c.purposes.map(purposeToGraph),
  },
  RetentionInfo: {
    rule: (r) => retentionRuleToGraph(r.rule),
  },
  DataSet: {
    fields: (d) => d.fields.map((f) => ({ ...f, source: sourceToGraph(f.source) })),
    records: async (dataset, args, { loadDatasetRecords }) =>
      connection(await loadDatasetRecords({ dataset, ...args })),
  },
  DataRecord: {
    id: (r) => toGlobalId(r.model, r.id),
  },
  Order: {
    id: (o) => toGlobalId("Order", o.id),
    subtotal: (o) => money(o.subtotalCents, o.currency),
    shipping: (o) => money(o.shippingCents, o.currency),
    total: (o) => money(o.totalCents, o.currency),
    items: (o) => o.items.map((i) => ({ ...i, unitPrice: money(i.unitPriceCents, o.currency) })),
    invoiceNumbers: (o) => o.invoices.map((i) => i.number),
  },
  Invoice: {
    id: (i) => toGlobalId("Invoice", i.id),
    orderNumber: (i) => i.order?.number ?? null,
    net: (i) => money(i.netCents, i.currency),
    tax: (i) => money(i.taxCents, i.currency),
    total: (i) => money(i.totalCents, i.currency),
    downloadUrl: (i) => documentUrl("Invoice", i.id),
  },
  WarrantyCertificate: {
    id: (w) => toGlobalId("WarrantyCertificate", w.id),
    orderNumber: (w) => w.order?.number ?? null,
    downloadUrl: (w) => documentUrl("WarrantyCertificate", w.id),
  },
};
