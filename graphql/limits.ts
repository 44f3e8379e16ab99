import {
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  visit,
} from "graphql";

// Query limits, checked while parsing and validating, before anything runs.
export const LIMITS = {
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 10_000,
  maxPageSize: 100,
  // The app's largest document has ~120 tokens and GraphiQL's introspection query ~180.
  maxTokens: 3_000,
  maxDirectives: 10,
  // Errors in one response, the last of them saying how many more there were.
  maxErrors: 10,
};

type Walk = (selectionSet: SelectionSetNode, visited: Set<string>) => number;

export function fragmentsIn(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])));
}

const fragmentsOf = (context: ValidationContext) => fragmentsIn(context.getDocument());

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

// Page sizes a field gets when the query names none (`orders(first: Int = 20)`), by
// field name: the cost walk has no type information, so a name used by several types
// takes the largest. A `first` argument without a default counts as a full page.
export type PageDefaults = ReadonlyMap<string, number>;

const pageDefaultsCache = new WeakMap<GraphQLSchema, PageDefaults>();

export function pageDefaultsOf(schema: GraphQLSchema): PageDefaults {
  const cached = pageDefaultsCache.get(schema);
  if (cached) return cached;
  const defaults = new Map<string, number>();
  // Duck-typed, not isObjectType: graphql may be loaded both as CommonJS and as ESM
  // (Apollo's schema and this module), and its instanceof checks throw across the two.
  for (const type of Object.values(schema.getTypeMap())) {
    if (!("getFields" in type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const first = "args" in field ? field.args.find((a: { name: string }) => a.name === "first") : undefined;
      if (!first) continue;
      const size = typeof first.defaultValue === "number" ? first.defaultValue : LIMITS.maxPageSize;
      defaults.set(field.name, Math.max(size, defaults.get(field.name) ?? 0));
    }
  }
  pageDefaultsCache.set(schema, defaults);
  return defaults;
}

function pageSize(field: FieldNode, variables: Record<string, unknown>, defaults: PageDefaults): number | null {
  const arg = field.arguments?.find((a) => a.name.value === "first" || a.name.value === "last");
  if (!arg) return defaults.get(field.name.value) ?? null;
  if (arg.value.kind === Kind.INT) return Number(arg.value.value);
  if (arg.value.kind === Kind.VARIABLE) {
    const value = variables[arg.value.name.value];
    return typeof value === "number" ? value : LIMITS.maxPageSize;
  }
  return LIMITS.maxPageSize;
}

// Cost: every field costs 1, `__typename` and introspection fields too (else a
// thousand of them would be free); a paginated field multiplies the cost of what is
// inside it by its page size. Reported in `extensions.cost` and refused above the limit.
export function queryCost(
  op: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
  defaults: PageDefaults = new Map(),
): number {
  const walk = walker(
    fragments,
    (field, inner) => {
      const size = pageSize(field, variables, defaults);
      return 1 + (size === null ? inner() : Math.max(1, size) * inner());
    },
    (values) => values.reduce((a, b) => a + b, 0),
  );
  return walk(op.selectionSet, new Set());
}

export function costLimitRule(maxCost = LIMITS.maxCost) {
  return (context: ValidationContext): ASTVisitor =>
    eachOperation((op) => {
      const cost = queryCost(op, fragmentsOf(context), {}, pageDefaultsOf(context.getSchema()));
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

// Every directive in the document counts, wherever it is: each unknown one would
// otherwise come back as an error of its own.
export function directiveLimitRule(maxDirectives = LIMITS.maxDirectives) {
  return (context: ValidationContext): ASTVisitor => ({
    Document(node) {
      let directives = 0;
      visit(node, {
        Directive() {
          directives++;
        },
      });
      if (directives > maxDirectives) {
        context.reportError(
          new GraphQLError(`Query uses ${directives} directives; the limit is ${maxDirectives}.`, {
            extensions: { code: TOO_MANY_DIRECTIVES },
          }),
        );
      }
    },
  });
}

export const TOO_MANY_DIRECTIVES = "TOO_MANY_DIRECTIVES";

// At most `max` errors go out; the last one says how many were left out.
export function capErrors<E>(errors: readonly E[], max = LIMITS.maxErrors, tooMany: (left: number) => E): E[] {
  if (errors.length <= max) return [...errors];
  const kept = errors.slice(0, max - 1);
  return [...kept, tooMany(errors.length - kept.length)];
}

type ResultValue = unknown;

// The cost of what was actually returned: each field present in the result costs 1, and
// what is inside a list is counted for each item it really holds. Fields are collected
// by response key (as graphql merges them), so a key selected by several fragments
// counts once; a fragment whose type did not match left no keys, so it costs nothing.
export function resultCost(
  op: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  data: ResultValue,
): number {
  const collect = (sets: readonly SelectionSetNode[], into: Map<string, FieldNode[]>, visited: Set<string>) => {
    for (const set of sets) {
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          const same = into.get(key);
          if (same) same.push(selection);
          else into.set(key, [selection]);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          collect([selection.selectionSet], into, visited);
        } else {
          const fragment = fragments.get(selection.name.value);
          if (!fragment || visited.has(selection.name.value)) continue;
          collect([fragment.selectionSet], into, new Set([...visited, selection.name.value]));
        }
      }
    }
    return into;
  };
  const costOf = (sets: readonly SelectionSetNode[], value: ResultValue): number => {
    if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + costOf(sets, item), 0);
    if (!value || typeof value !== "object" || sets.length === 0) return 0;
    const record = value as Record<string, ResultValue>;
    let cost = 0;
    for (const [key, fields] of collect(sets, new Map(), new Set())) {
      if (!(key in record)) continue;
      const inner = fields.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
      cost += 1 + costOf(inner, record[key]);
    }
    return cost;
  };
  return costOf([op.selectionSet], data);
}
