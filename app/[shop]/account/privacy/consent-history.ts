import "server-only";
import type { ConsentHistoryPage, ConsentHistoryScope } from "@/components/consent-options";
import { isInScope } from "@/components/consent-options";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

const ConsentHistoryQuery = graphql(`
  query ConsentHistory($first: Int!, $after: String) {
    viewer {
      customer {
        consentHistory(first: $first, after: $after) {
          pageInfo { hasNextPage endCursor }
          edges {
            cursor
            node { id purposeKey purpose { label } state optInLevel source policyVersion createdAt }
          }
        }
      }
    }
  }
`);

export const HISTORY_PAGE = 20;
// The API's page cap: a scoped history reads this many records at a time.
const SCAN_PAGE = 100;
// How many API pages one "Show older" reads at most while looking for records in scope.
const MAX_SCANS = 5;

// One page of the signed-in customer's consent history, newest first. The API has no
// filter, so the cookie page's history reads pages and keeps its own records; it stops
// at a full page, at the oldest record, or after a few reads (and offers "Show older").
export async function loadConsentHistory(
  scope: ConsentHistoryScope,
  after: string | null,
): Promise<ConsentHistoryPage> {
  const page: ConsentHistoryPage = { items: [], endCursor: after, hasNextPage: true };
  for (let scan = 0; scan < MAX_SCANS && page.hasNextPage && page.items.length < HISTORY_PAGE; scan++) {
    const first = scope === "all" ? HISTORY_PAGE - page.items.length : SCAN_PAGE;
    const { viewer } = await execute(ConsentHistoryQuery, { first, after: page.endCursor });
    const history = viewer.customer?.consentHistory;
    if (!history) return { items: [], endCursor: null, hasNextPage: false };
    for (const { node } of history.edges) {
      if (!isInScope(node.purposeKey, scope)) continue;
      page.items.push({
        id: node.id,
        purposeKey: node.purposeKey,
        label: node.purpose?.label ?? null,
        state: node.state,
        optInLevel: node.optInLevel,
        source: node.source,
        policyVersion: node.policyVersion,
        createdAt: node.createdAt,
      });
    }
    page.endCursor = history.pageInfo.endCursor ?? null;
    page.hasNextPage = history.pageInfo.hasNextPage;
  }
  return page;
}
