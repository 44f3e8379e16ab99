import type { Metadata } from "next";
import Link from "next/link";
import { formatDay } from "@/components/dates";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

export const metadata: Metadata = { title: "Orders" };

const PAGE = 20;

const OrdersQuery = graphql(`
  query OrdersPage($first: Int!, $after: String) {
    viewer {
      shop { handle }
      customer {
        orders(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges {
            node {
              id
              number
              placedAt
              status
              subtotal { formatted }
              shipping { formatted }
              total { formatted }
              shippingName
              shippingAddress
              billingName
              billingAddress
              invoiceNumbers
              items { sku productName quantity unitPrice { formatted } }
            }
          }
        }
      }
    }
  }
`);

const STATUS: Record<string, string> = {
  PLACED: "Placed",
  PAID: "Paid",
  SHIPPED: "Shipped",
  DELIVERED: "Delivered",
  CANCELLED: "Cancelled",
  RETURNED: "Returned",
};

// Orders, newest first, each with its items, addresses and invoices.
export default async function OrdersPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const { after } = await searchParams;
  const cursor = typeof after === "string" && /^[A-Za-z0-9_-]{1,100}$/.test(after) ? after : null;
  const { viewer } = await execute(OrdersQuery, { first: PAGE, after: cursor });
  if (!viewer.customer || !viewer.shop) return null;
  const { orders } = viewer.customer;
  const base = `/${viewer.shop.handle}/account/privacy/data`;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={base} className="underline">
          My data
        </Link>{" "}
        → Orders
      </p>
      <h1 className="text-3xl font-bold">
        Orders <span className="text-lg font-normal text-slate-500">({orders.totalCount})</span>
      </h1>
      {orders.edges.length === 0 && <p className="text-slate-600">You have no orders.</p>}
      <ul className="space-y-3">
        {orders.edges.map(({ node: order }) => (
          <li key={order.id} className="rounded-lg border border-slate-200 bg-white">
            <details>
              <summary className="flex cursor-pointer flex-wrap items-baseline justify-between gap-2 px-4 py-3">
                <span>
                  <strong>{order.number}</strong> · {formatDay(order.placedAt)} · {STATUS[order.status] ?? order.status}
                </span>
                <span className="font-medium">{order.total.formatted}</span>
              </summary>
              <div className="space-y-4 border-t border-slate-200 px-4 py-3 text-sm">
                <table className="w-full text-left">
                  <caption className="sr-only">Items of order {order.number}</caption>
                  <thead>
                    <tr className="text-slate-500">
                      <th scope="col" className="py-1 pr-3 font-medium">
                        Product
                      </th>
                      <th scope="col" className="py-1 pr-3 font-medium">
                        Quantity
                      </th>
                      <th scope="col" className="py-1 font-medium">
                        Unit price
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {order.items.map((item) => (
                      <tr key={item.sku + item.productName} className="border-t border-slate-100">
                        <td className="py-1 pr-3">
                          {item.productName} <span className="text-slate-500">({item.sku})</span>
                        </td>
                        <td className="py-1 pr-3">{item.quantity}</td>
                        <td className="py-1">{item.unitPrice.formatted}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <dl className="grid gap-3 sm:grid-cols-2">
                  <div>
                    <dt className="text-slate-500">Delivered to</dt>
                    <dd>
                      {order.shippingName}, {order.shippingAddress}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">Billed to</dt>
                    <dd>
                      {order.billingName}, {order.billingAddress}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">Amounts</dt>
                    <dd>
                      Subtotal {order.subtotal.formatted} · shipping {order.shipping.formatted} · total{" "}
                      {order.total.formatted}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">Invoices</dt>
                    <dd>
                      {order.invoiceNumbers.length ? (
                        <Link href={`${base}/documents`} className="underline">
                          {order.invoiceNumbers.join(", ")}
                        </Link>
                      ) : (
                        "None"
                      )}
                    </dd>
                  </div>
                </dl>
              </div>
            </details>
          </li>
        ))}
      </ul>
      <nav aria-label="Pages" className="flex gap-4 text-sm">
        {cursor && (
          <Link href={`${base}/orders`} className="underline">
            Newest orders
          </Link>
        )}
        {orders.pageInfo.hasNextPage && orders.pageInfo.endCursor && (
          <Link href={`${base}/orders?after=${orders.pageInfo.endCursor}`} className="underline">
            Older orders
          </Link>
        )}
      </nav>
    </div>
  );
}
