"use client";

/** Part 4: the goals of the scope's partnerships by status, per quarter. */
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { CsvLink } from "@/app/_components/csv-link";
import { useTRPC } from "@/app/_trpc/client";
import { WithheldLegend } from "../figures";
import { GoalsChart } from "../parts";
import { type ScopeInput, scopeCsvHref } from "../scope";
import { ScopeTable } from "../scope-table";
import { FiguresGate, ScopeSection } from "../section";
import { withheldIn } from "../table-model";
import { goalKeys, goalsTable } from "../tables/goals";

export function GoalsSection({ scope }: { scope: ScopeInput }) {
  const t = useTranslations("scopes.goals");
  const trpc = useTRPC();
  const query = useQuery(trpc.scopes.goals.queryOptions(scope));
  return (
    <ScopeSection id="goals" title={t("title")}>
      <FiguresGate
        scope={scope}
        query={query}
        isEmpty={(d) =>
          d.quarters.every((q) => goalKeys.every((k) => q[k].value === 0 && !q[k].withheld))
        }
        empty={t("empty")}
      >
        {(data, context) => {
          const table = goalsTable(data.quarters, context);
          return (
            <>
              <p className="utrecht-paragraph">{t("intro")}</p>
              <GoalsChart quarters={data.quarters} context={context} />
              <ScopeTable caption={t("caption")} table={table} />
              <CsvLink href={scopeCsvHref(scope, "goals")} table={t("caption")} />
              <WithheldLegend reasons={withheldIn(table)} context={context} />
            </>
          );
        }}
      </FiguresGate>
    </ScopeSection>
  );
}
