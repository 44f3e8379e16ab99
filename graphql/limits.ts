import {
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from "graphql";

// Query limits, checked at validation time before anything runs.
export const LIMITS = {
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 10_000,
  maxPageSize: 100,
};

type Walk = (selectionSet: SelectionSetNode, visited: Set<string>) => number;

function fragmentsOf(context: ValidationContext): Map<string, FragmentDefinitionNode> {
  return new Map(
    context.getDocument().definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
  );
}

function eachOperation(check: (op: OperationDefinitionNode) => void): ASTVisitor {
  return {
    OperationDefinition(node) {
      check(node);
    },
  };
}

// Walks selections through fragments (each fragment at most once per path, so a
// cyclic fragment cannot loop; the spec's own rule reports the cycle).
function walker(
  fragments: Map<string, FragmentDefinitionNode>,
  onField: (field: FieldNode, inner: () => number) => number,
  combine: (values: number[]) => number,
): Walk {
  const walk: Walk = (selectionSet, visited) =>
    combine(
      selectionSet.selections.map((selection) => {
        if (selection.kind === Kind.FIELD) {
          return onField(selection, () => (selection.selectionSet ? walk(selection.selectionSet, visited) : 0));
        }
        if (selection.kind === Kind.INLINE_FRAGMENT) return walk(selection.selectionSet, visited);
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visited.has(name)) return 0;
        return walk(fragment.selectionSet, new Set([...visited, name]));
      }),
    );
  return walk;
}

export function depthLimitRule(maxDepth = LIMITS.maxDepth) {
  return (context: ValidationContext): ASTVisitor =>
    eachOperation((op) => {
      const walk = walker(
        fragmentsOf(context),
        (field, inner) => (field.name.value.startsWith("__") ? 0 : 1 + inner()),
        (values) => Math.max(0, ...values),
      );
      const depth = walk(op.selectionSet, new Set());
      if (depth > maxDepth) {
        context.reportError(
          new GraphQLError(`Query is ${depth} levels deep; the limit is ${maxDepth}.`, {
            nodes: [op],
            extensions: { code: "QUERY_TOO_DEEP" },
          }),
        );
      }
    });
}

export function aliasLimitRule(maxAliases = LIMITS.maxAliases) {
  return (context: ValidationContext): ASTVisitor =>
    eachOperation((op) => {
      const walk = walker(
        fragmentsOf(context),
        (field, inner) => (field.alias ? 1 : 0) + inner(),
        (values) => values.reduce((a, b) => a + b, 0),
      );
      const aliases = walk(op.selectionSet, new Set());
      if (aliases > maxAliases) {
        context.reportError(
          new GraphQLError(`Query uses ${aliases} aliases; the limit is ${maxAliases}.`, {
            nodes: [op],
            extensions: { code: "TOO_MANY_ALIASES" },
          }),
        );
      }
    });
}

function pageSize(field: FieldNode, variables: Record<string, unknown>): number | null {
  const arg = field.arguments?.find((a) => a.name.value === "first" || a.name.value === "last");
  if (!arg) return null;
  if (arg.value.kind === Kind.INT) return Number(arg.value.value);
  if (arg.value.kind === Kind.VARIABLE) {
    const value = variables[arg.value.name.value];
    return typeof value === "number" ? value : LIMITS.maxPageSize;
  }
  return LIMITS.maxPageSize;
}

// Cost: every field costs 1; a paginated field multiplies the cost of what is inside
// it by its page size. Reported in `extensions.cost` and refused above the limit.
export function queryCost(
  op: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
): number {
  const walk = walker(
    fragments,
    (field, inner) => {
      if (field.name.value.startsWith("__")) return 0;
      const size = pageSize(field, variables);
      return 1 + (size === null ? inner() : Math.max(1, size) * inner());
    },
    (values) => values.reduce((a, b) => a + b, 0),
  );
  return walk(op.selectionSet, new Set());
}

export function costLimitRule(maxCost = LIMITS.maxCost) {
  return (context: ValidationContext): ASTVisitor =>
    eachOperation((op) => {
      const cost = queryCost(op, fragmentsOf(context));
      if (cost > maxCost) {
        context.reportError(
          new GraphQLError(`Query costs ${cost}; the limit is ${maxCost}.`, {
            nodes: [op],
            extensions: { code: "QUERY_TOO_COSTLY" },
          }),
        );
      }
    });
}
