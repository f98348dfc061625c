/**
 * The fields of a case that the new-case and the edit form share: a checkbox per problem
 * domain (`domain_<domain>`), gathered into the list the server takes.
 */
import { useTranslations } from "next-intl";
import type { z } from "zod";
import type { FieldSpec } from "@/app/_components/form";
import type { caseFieldsInput } from "@/domain/schemas";
import { type ProblemDomain, problemDomains } from "@/domain/vocabulary";

/** The case's fields as its forms hold them. */
export type CaseFieldValues = Omit<z.input<typeof caseFieldsInput>, "problemDomains"> & {
  [K in `domain_${ProblemDomain}`]?: boolean;
};

const domainField = (d: ProblemDomain) => `domain_${d}` as const;

/** A checkbox per problem domain, ticked for those in `checked`. */
export function useDomainFields(checked?: readonly ProblemDomain[]): FieldSpec<CaseFieldValues>[] {
  const t = useTranslations("cases");
  const tf = useTranslations("fields");
  return problemDomains.map((d) => ({
    name: domainField(d),
    kind: "checkbox",
    label: `${tf("problemDomains")}: ${t(`domain.${d}`)}`,
    defaultValue: checked?.includes(d),
  }));
}

/** The domains whose checkbox is ticked. */
export function checkedDomains(v: CaseFieldValues): ProblemDomain[] {
  return problemDomains.filter((d) => v[domainField(d)] === true);
}
