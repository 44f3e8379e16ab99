import "server-only";
import {
  type AccessLogItem,
  type AccessLogPage,
  entryTitle,
  partnerChangeText,
  sessionEndText,
  signInDetail,
  supportStepText,
} from "@/components/access-log-wording";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

const AccessLogQuery = graphql(`
  query AccessLog($first: Int!, $after: String) {
    viewer {
      shop { policy { consentPurposes { key label } } }
      customer {
        accessLog(first: $first, after: $after) {
          pageInfo { hasNextPage endCursor }
          edges {
            node {
              id
              at
              kind
              ipMasked
              userAgent
              actorName
              action
              subject
              changes
              supportSession {
                agentName
                reason
                ticket
                startedAt
                expiresAt
                endedAt
                endReason
                steps { at action subject fields }
              }
            }
          }
        }
      }
    }
  }
`);

export const ACCESS_LOG_PAGE = 20;

// One page of the signed-in customer's access log, newest first, in words.
export async function loadAccessLog(after: string | null): Promise<AccessLogPage> {
  const { viewer } = await execute(AccessLogQuery, { first: ACCESS_LOG_PAGE, after });
  const log = viewer.customer?.accessLog;
  if (!log) return { items: [], endCursor: null, hasNextPage: false };
  const labels = new Map((viewer.shop?.policy.consentPurposes ?? []).map((p) => [p.key, p.label]));
  const items = log.edges.map(({ node }): AccessLogItem => {
    const session = node.supportSession;
    const isSignIn = node.kind === "SIGN_IN" || node.kind === "SIGN_IN_FAILED" || node.kind === "PASSWORD_AGAIN";
    return {
      id: node.id,
      at: node.at,
      kind: node.kind,
      title: entryTitle(node),
      detail: isSignIn
        ? signInDetail(node.userAgent ?? null, node.ipMasked ?? null)
        : node.changes.length
          ? node.changes.map((change) => partnerChangeText(change, labels)).join("; ")
          : null,
      session: session
        ? {
            agentName: session.agentName,
            reason: session.reason,
            ticket: session.ticket,
            startedAt: session.startedAt,
            endText: sessionEndText({
              endedAt: session.endedAt ?? null,
              endReason: session.endReason ?? null,
              expiresAt: session.expiresAt,
            }),
            isOpen: !session.endedAt,
            steps: session.steps.flatMap((step) => {
              const text = supportStepText({ action: step.action, subject: step.subject ?? null, fields: step.fields });
              return text ? [{ at: step.at, text }] : [];
            }),
          }
        : null,
    };
  });
  return { items, endCursor: log.pageInfo.endCursor ?? null, hasNextPage: log.pageInfo.hasNextPage };
}
