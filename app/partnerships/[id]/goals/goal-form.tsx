"use client";

/**
 * What the goal pages share: the fields of a goal (for creating and for changing one), the
 * input they make for the server, the tree order of goals, and how values read in the
 * user's language.
 */
import { TRPCClientError } from "@trpc/client";
import { useFormatter, useTranslations } from "next-intl";
import type { z } from "zod";
import { useDates } from "@/app/_components/dates";
import type { FieldSpec } from "@/app/_components/form";
import { useInvalidate } from "@/app/_components/invalidate";
import { useTableContext } from "@/app/_components/table-context";
import type { goalInput } from "@/domain/schemas";
import {
  type EffectKind,
  effectKinds,
  type GoalDirection,
  goalDirections,
} from "@/domain/vocabulary";
import { goalValue } from "./tables";

/** A partner organisation of the partnership, which may have a role in a goal. */
export type Partner = { organisationId: string; name: string };

type TreeGoal = { id: string; parentId: string | null; title: string };

/** The value a parent select submits for "no parent": the goal is an impact goal. */
const NO_PARENT = "none";

/**
 * Goals in tree order (each impact goal followed by its intermediate goals, at any depth)
 * with their depth. A goal whose parent is not in the list is shown at the top level.
 */
export function treeOrder<G extends TreeGoal>(goals: G[]): { goal: G; depth: number }[] {
  const ids = new Set(goals.map((g) => g.id));
  const childrenOf = new Map<string | null, G[]>();
  for (const g of goals) {
    const parent = g.parentId && ids.has(g.parentId) ? g.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), g]);
  }
  const out: { goal: G; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const goal of childrenOf.get(parent) ?? []) {
      if (seen.has(goal.id)) continue;
      seen.add(goal.id);
      out.push({ goal, depth });
      walk(goal.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The goal and every goal below it: none of them can be its parent. */
function selfAndBelow(goals: TreeGoal[], goalId: string): Set<string> {
  const below = new Set([goalId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const g of goals) {
      if (g.parentId && below.has(g.parentId) && !below.has(g.id)) {
        below.add(g.id);
        grew = true;
      }
    }
  }
  return below;
}

/** A goal as the edit form opens it. */
export type GoalDefaults = {
  id: string;
  parentId: string | null;
  title: string;
  description: string;
  indicator: string;
  unit: string;
  direction: GoalDirection;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
  plausibleMin: number | null;
  plausibleMax: number | null;
  effectKind: EffectKind;
  roles: { organisationId: string; role: string }[];
};

const roleField = (organisationId: string) => `role_${organisationId}` as const;

/** A goal as its form holds it: a text per partner for its role, gathered into `roles`. */
export type GoalFormValues = Omit<z.input<typeof goalInput>, "roles"> & {
  [role: `role_${string}`]: string | undefined;
};

/** After any change, the goals' queries are fetched again. */
export function useInvalidateGoals() {
  return useInvalidate((trpc) => trpc.goals.pathFilter());
}

/** Every field of a goal, prefilled from `goal` when changing one. */
export function useGoalFields({
  goals,
  partners,
  goal,
}: {
  goals: TreeGoal[];
  partners: Partner[];
  goal?: GoalDefaults;
}): FieldSpec<GoalFormValues>[] {
  const t = useTranslations();
  const excluded = goal ? selfAndBelow(goals, goal.id) : new Set<string>();
  const parents = treeOrder(goals).filter(({ goal: g }) => !excluded.has(g.id));
  return [
    {
      name: "parentId",
      kind: "select",
      label: t("fields.parentId"),
      hint: t("goals.hints.parentId"),
      defaultValue: goal?.parentId ?? NO_PARENT,
      options: [
        { value: NO_PARENT, label: t("goals.parentNone") },
        ...parents.map(({ goal: g, depth }) => ({
          value: g.id,
          label: `${"— ".repeat(depth)}${g.title}`,
        })),
      ],
    },
    {
      name: "title",
      kind: "text",
      label: t("fields.title"),
      defaultValue: goal?.title,
      required: true,
    },
    {
      name: "description",
      kind: "textarea",
      label: t("fields.description"),
      defaultValue: goal?.description,
    },
    {
      name: "indicator",
      kind: "text",
      label: t("fields.indicator"),
      hint: t("goals.hints.indicator"),
      defaultValue: goal?.indicator,
      required: true,
    },
    {
      name: "unit",
      kind: "text",
      label: t("fields.unit"),
      hint: t("goals.hints.unit"),
      defaultValue: goal?.unit,
    },
    {
      name: "direction",
      kind: "select",
      label: t("fields.direction"),
      defaultValue: goal?.direction,
      required: true,
      options: goalDirections.map((d) => ({ value: d, label: t(`goals.direction.${d}`) })),
    },
    {
      name: "baselineValue",
      kind: "number",
      label: t("fields.baselineValue"),
      hint: `${t("goals.hints.baselineValue")} ${t("goals.hints.number")}`,
      defaultValue: goal?.baselineValue,
      required: true,
    },
    {
      name: "baselineDate",
      kind: "date",
      label: t("fields.baselineDate"),
      defaultValue: goal?.baselineDate,
      required: true,
    },
    {
      name: "targetValue",
      kind: "number",
      label: t("fields.targetValue"),
      defaultValue: goal?.targetValue,
      required: true,
    },
    {
      name: "targetDate",
      kind: "date",
      label: t("fields.targetDate"),
      defaultValue: goal?.targetDate,
      required: true,
    },
    {
      name: "plausibleMin",
      kind: "number",
      label: t("fields.plausibleMin"),
      hint: t("goals.hints.plausibleMin"),
      defaultValue: goal?.plausibleMin,
    },
    {
      name: "plausibleMax",
      kind: "number",
      label: t("fields.plausibleMax"),
      hint: t("goals.hints.plausibleMax"),
      defaultValue: goal?.plausibleMax,
    },
    {
      name: "effectKind",
      kind: "select",
      label: t("fields.effectKind"),
      defaultValue: goal?.effectKind,
      required: true,
      options: effectKinds.map((k) => ({ value: k, label: t(`goals.effectKind.${k}`) })),
    },
    ...partners.map(
      (p): FieldSpec<GoalFormValues> => ({
        name: roleField(p.organisationId),
        kind: "textarea",
        label: t("goals.roleOf", { name: p.name }),
        hint: t("goals.hints.role"),
        defaultValue: goal?.roles.find((r) => r.organisationId === p.organisationId)?.role ?? "",
      }),
    ),
  ];
}

/**
 * The goal input from the form's values: "no parent" is null, and only the filled-in partner
 * roles are sent.
 */
export function goalInputFrom(v: GoalFormValues, partners: Partner[]) {
  return {
    parentId: !v.parentId || v.parentId === NO_PARENT ? null : v.parentId,
    title: v.title,
    description: v.description,
    indicator: v.indicator,
    unit: v.unit,
    direction: v.direction,
    baselineValue: v.baselineValue,
    baselineDate: v.baselineDate,
    targetValue: v.targetValue,
    targetDate: v.targetDate,
    plausibleMin: v.plausibleMin ?? null,
    plausibleMax: v.plausibleMax ?? null,
    effectKind: v.effectKind,
    roles: partners.flatMap((p) => {
      const role = (v[roleField(p.organisationId)] ?? "").trim();
      return role ? [{ organisationId: p.organisationId, role }] : [];
    }),
  };
}

/**
 * Saves a goal; an error about the n-th role the server got ("roles.0.role") is shown beside
 * that organisation's field.
 */
export async function saveGoal<T>(
  roles: { organisationId: string }[],
  save: () => Promise<T>,
): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (error instanceof TRPCClientError) {
      const data = error.data as { fieldErrors?: Record<string, string> | null } | undefined;
      const fieldErrors = data?.fieldErrors;
      if (fieldErrors) {
        for (const [key, message] of Object.entries(fieldErrors)) {
          const index = /^roles\.(\d+)\./.exec(key)?.[1];
          const role = index === undefined ? undefined : roles[Number(index)];
          if (role) fieldErrors[roleField(role.organisationId)] = message;
        }
      }
    }
    throw error;
  }
}

/** Numbers, values with their unit, percentages and calendar dates in the user's language. */
export function useGoalFormat() {
  const format = useFormatter();
  const dates = useDates();
  const tables = useTableContext();
  const number = (value: number, digits = 3) =>
    format.number(value, { maximumFractionDigits: digits });
  return {
    number,
    value: (value: number, unit: string, digits?: number) => goalValue(value, unit, tables, digits),
    percent: (share: number | null) =>
      share === null ? "–" : format.number(share, { style: "percent", maximumFractionDigits: 0 }),
    /** A calendar date (YYYY-MM-DD) such as "12 maart 2026". */
    day: dates.day,
    moment: (at: Date) => dates.moment(at),
  };
}
