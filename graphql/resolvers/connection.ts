import { encodeCursor, type Page } from "@/server/data-map/view";

// A Relay connection from a service page; cursors are the opaque row ids.
export function connection<T extends { id: string }>(page: Page<T>) {
  const edges = page.nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
