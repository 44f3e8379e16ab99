"use server";

import { redirect } from "next/navigation";
import { execute, GraphQLOperationError } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

const SupportSearchQuery = graphql(`
  query SupportSearch($query: String!, $first: Int, $after: String) {
    supportCustomers(query: $query, first: $first, after: $after) {
      totalCount
      searchKind
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          email
          displayName
          status
          lastSignInAt
          openDeletionRequests
          supportAccess { isPermissionRequired isAllowed }
        }
      }
    }
  }
`);

export type SupportSearchResult = {
  id: string;
  email: string;
  displayName: string;
  status: string;
  lastSignInAt: string | null;
  openDeletionRequests: number;
  isAccessAllowed: boolean;
  isPermissionRequired: boolean;
};

export type SupportSearchState = {
  submission: number;
  query: string;
  error: string | null;
  searchKind: string | null;
  totalCount: number;
  results: SupportSearchResult[];
  // The `after` cursor of every page up to the current one (null for the first), so
  // "Previous page" can go back.
  trail: (string | null)[];
  endCursor: string | null;
  hasNextPage: boolean;
};

const PAGE_SIZE = 20;

// A POST, not a GET: the query (an email, a name) stays out of URLs and server logs.
export async function searchCustomersAction(previous: SupportSearchState, form: FormData): Promise<SupportSearchState> {
  const query = String(form.get("query") ?? "").trim();
  const move = String(form.get("move") ?? "");
  const isSameQuery = query === previous.query;
  let trail: (string | null)[] = [null];
  if (isSameQuery && move === "next" && previous.endCursor) trail = [...previous.trail, previous.endCursor];
  else if (isSameQuery && move === "previous")
    trail = previous.trail.slice(0, -1).length ? previous.trail.slice(0, -1) : [null];
  const after = trail.at(-1) ?? null;
  const base = { submission: previous.submission + 1, query, trail };
  try {
    const { supportCustomers: page } = await execute(SupportSearchQuery, { query, first: PAGE_SIZE, after });
    return {
      ...base,
      error: null,
      searchKind: page.searchKind,
      totalCount: page.totalCount,
      endCursor: page.pageInfo.endCursor ?? null,
      hasNextPage: page.pageInfo.hasNextPage,
      results: page.edges.map(({ node }) => ({
        id: node.id,
        email: node.email,
        displayName: node.displayName,
        status: node.status,
        lastSignInAt: node.lastSignInAt ?? null,
        openDeletionRequests: node.openDeletionRequests,
        isAccessAllowed: node.supportAccess.isAllowed,
        isPermissionRequired: node.supportAccess.isPermissionRequired,
      })),
    };
  } catch (error) {
    if (!(error instanceof GraphQLOperationError)) throw error;
    const code = error.errors[0]?.extensions?.code;
    const message =
      code === "INVALID_INPUT"
        ? (error.errors[0]?.message ?? "Check the search.")
        : code === "UNAUTHENTICATED" || code === "FORBIDDEN"
          ? "Your support session has ended. Sign in again."
          : "The search did not work. Try again.";
    return {
      ...base,
      trail: [null],
      error: message,
      searchKind: null,
      totalCount: 0,
      results: [],
      endCursor: null,
      hasNextPage: false,
    };
  }
}

const ImpersonationStartMutation = graphql(`
  mutation ImpersonationStart($input: ImpersonationStartInput!) {
    impersonationStart(input: $input) {
      impersonation { id }
      userErrors { field code message }
    }
  }
`);

export type ImpersonationStartState = {
  submission: number;
  fieldErrors: Record<string, string>;
  formError: string | null;
  // What was typed, so a refused form keeps it.
  values: { reason: string; ticket: string };
};

// Said after the API's own refusal ("…has not allowed support staff into their account.
// Ask them to allow it first."): where and how the customer allows it, not the same again.
const NO_PERMISSION_EXPLANATION =
  "They can allow it on their access log page (for 24 hours, 7 days or until they withdraw it); then start the session again.";

export async function startImpersonationAction(
  shop: string,
  customerId: string,
  previous: ImpersonationStartState,
  form: FormData,
): Promise<ImpersonationStartState> {
  const values = { reason: String(form.get("reason") ?? ""), ticket: String(form.get("ticket") ?? "") };
  const { impersonationStart: result } = await execute(ImpersonationStartMutation, {
    input: { customerId, ...values },
  });
  if (result.impersonation) redirect(`/${shop}/account/privacy`);
  const fieldErrors: Record<string, string> = {};
  let formError: string | null = null;
  for (const e of result.userErrors) {
    const field = e.field?.[1];
    if (e.code === "FORBIDDEN" && field === "customerId") formError = `${e.message} ${NO_PERMISSION_EXPLANATION}`;
    else if ((field === "reason" || field === "ticket") && !fieldErrors[field]) fieldErrors[field] = e.message;
    else formError ??= e.message;
  }
  return { submission: previous.submission + 1, fieldErrors, formError, values };
}

const ImpersonationEndMutation = graphql(`
  mutation ImpersonationEnd {
    impersonationEnd {
      impersonation { id endedAt }
      userErrors { field code message }
    }
  }
`);

export type ImpersonationEndState = { submission: number; error: string | null };

// Ends the agent's support session and goes back to the console. A session that was
// already gone (ended elsewhere, or revoked by the customer) ends here too.
export async function endImpersonationAction(
  shop: string,
  previous: ImpersonationEndState,
): Promise<ImpersonationEndState> {
  const { impersonationEnd: result } = await execute(ImpersonationEndMutation);
  const error = result.userErrors[0];
  if (!result.impersonation && error && error.code !== "NOT_FOUND") {
    return { submission: previous.submission + 1, error: error.message };
  }
  redirect(`/${shop}/support`);
}

const RepresentativeRequestMutation = graphql(`
  mutation RepresentativeRequestCreate($input: RightsRequestCreateInput!) {
    rightsRequestCreate(input: $input) {
      request { id }
      userErrors { field code message }
    }
  }
`);

export type RepresentativeRequestState = {
  submission: number;
  fieldErrors: Record<string, string>;
  formError: string | null;
  values: { type: string; purposes: string[]; details: string; name: string; proof: string };
};

// Records a request an authorised agent or representative sent by post or email: it
// waits for the privacy officer's check of their proof, in the request queue.
export async function recordRepresentativeRequestAction(
  shop: string,
  customerId: string,
  previous: RepresentativeRequestState,
  form: FormData,
): Promise<RepresentativeRequestState> {
  const values = {
    type: String(form.get("type") ?? ""),
    purposes: form.getAll("purposes").map(String),
    details: String(form.get("details") ?? ""),
    name: String(form.get("representativeName") ?? ""),
    proof: String(form.get("representativeProof") ?? ""),
  };
  const fieldErrors: Record<string, string> = {};
  if (!values.type) {
    fieldErrors.type = "Choose what the representative asks for.";
    return { submission: previous.submission + 1, fieldErrors, formError: null, values };
  }
  const { rightsRequestCreate: result } = await execute(RepresentativeRequestMutation, {
    input: {
      type: values.type as never,
      customerId,
      purposes: values.purposes.length ? values.purposes : null,
      details: values.details || null,
      representative: { name: values.name, proof: values.proof },
    },
  });
  if (result.request && /^[a-z0-9-]+$/.test(shop)) {
    redirect(`/${shop}/support/requests/${encodeURIComponent(result.request.id)}`);
  }
  let formError: string | null = null;
  const FIELDS: Record<string, string> = {
    type: "type",
    purposes: "purposes",
    details: "details",
    name: "representativeName",
    proof: "representativeProof",
  };
  for (const e of result.userErrors) {
    const path = e.field ?? [];
    const key = path[1] === "representative" ? FIELDS[path[2] ?? ""] : FIELDS[path[1] ?? ""];
    if (key && !fieldErrors[key]) fieldErrors[key] = e.message;
    else if (path[1] === "representative" && !fieldErrors.representativeName)
      fieldErrors.representativeName = e.message;
    else formError ??= e.message;
  }
  return { submission: previous.submission + 1, fieldErrors, formError, values };
}
