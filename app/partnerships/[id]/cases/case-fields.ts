/**
 * The fields of a case that the new-case and the edit form share: age band, school type, and a
 * checkbox per problem domain (`domain_<domain>`), gathered into the list the server takes.
 */
import { useTranslations } from "next-intl";
import type { z } from "zod";
import type { FieldSpec } from "@/app/_components/form";
import { checkInRhythms } from "@/domain/cadence";
import type { caseFieldsInput } from "@/domain/schemas";
import {
  type AgeBand,
  ageBandBounds,
  ageBands,
  type ProblemDomain,
  problemDomains,
  type SchoolType,
  schoolTypes,
} from "@/domain/vocabulary";

/** The case's fields as its forms hold them. */
export type CaseFieldValues = Omit<z.input<typeof caseFieldsInput>, "problemDomains"> & {
  [K in `domain_${ProblemDomain}`]?: boolean;
};

const domainField = (d: ProblemDomain) => `domain_${d}` as const;

/**
 * Age band, school type and a checkbox per problem domain: prefilled from `current` when a
 * case is corrected, marked as required for a new one.
 */
export function useProfileFields(current?: {
  ageBand: AgeBand;
  schoolType: SchoolType;
  problemDomains: readonly ProblemDomain[];
}): FieldSpec<CaseFieldValues>[] {
  const t = useTranslations("cases");
  const tf = useTranslations("fields");
  const required = current ? undefined : true;
  return [
    {
      name: "ageBand",
      kind: "select",
      label: tf("ageBand"),
      required,
      defaultValue: current?.ageBand,
      options: ageBands.map((b) => ({ value: b, label: t("ageBandValue", ageBandBounds(b)) })),
    },
    {
      name: "schoolType",
      kind: "select",
      label: tf("schoolType"),
      required,
      defaultValue: current?.schoolType,
      options: schoolTypes.map((x) => ({ value: x, label: t(`schoolType.${x}`) })),
    },
    ...problemDomains.map((d) => ({
      name: domainField(d),
      kind: "checkbox" as const,
      label: `${tf("problemDomains")}: ${t(`domain.${d}`)}`,
      defaultValue: current?.problemDomains.includes(d),
    })),
  ];
}

/**
 * How often the case has a check-in: the assigned professionals get an e-mail when the next
 * one is due. Left empty, the case has no rhythm and no reminder.
 */
export function useRhythmField(current?: number | null): FieldSpec<CaseFieldValues> {
  const t = useTranslations("cases");
  const tf = useTranslations("fields");
  const weeks = [...checkInRhythms] as number[];
  // A rhythm set elsewhere (the API takes 1–52 weeks) stays choosable.
  if (current && !weeks.includes(current)) weeks.push(current);
  return {
    name: "checkInEveryWeeks",
    kind: "select",
    label: tf("checkInEveryWeeks"),
    hint: t("rhythmHint"),
    nullable: true,
    emptyLabel: t("noRhythm"),
    defaultValue: current ?? null,
    options: weeks.map((w) => ({ value: w, label: t("everyWeeks", { weeks: w }) })),
  };
}

/** The domains whose checkbox is ticked. */
export function checkedDomains(v: CaseFieldValues): ProblemDomain[] {
  return problemDomains.filter((d) => v[domainField(d)] === true);
}
