"use server";

import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

const ObjectionMutation = graphql(`
  mutation InvitationObjection($input: InvitationObjectionInput!) {
    invitationObjection(input: $input) {
      shop { handle }
      isAlreadyObjected
      userErrors { field code message }
    }
  }
`);

export type ObjectionState = { isDone: boolean; error: string | null };

// "Don't contact me again", without signing in: the token from the link is the only
// authority. Pressing it again (another tab, a second click) is answered the same way.
export async function objectAction(_previous: ObjectionState, form: FormData): Promise<ObjectionState> {
  const token = String(form.get("token") ?? "");
  const { invitationObjection: result } = await execute(ObjectionMutation, { input: { token } });
  if (result.shop) return { isDone: true, error: null };
  return {
    isDone: false,
    error: result.userErrors[0]?.message ?? "We could not record this. Nothing was changed; try again later.",
  };
}
