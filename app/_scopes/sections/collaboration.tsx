"use client";

/**
 * Part 3: collaboration by quarter across the scope's partnerships — the index, the five levels
 * and the 21 factors, each as the median over partnerships with the interquartile range and the
 * number of partnerships; people choose what to draw. Then the factors of one quarter, and the
 * median gap between the sectors per factor.
 */
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { CheckboxGroup } from "@/app/_components/checkbox-group";
import { CsvLink } from "@/app/_components/csv-link";
import { EmptyState } from "@/app/_components/states";
import { useTRPC } from "@/app/_trpc/client";
import { currentInstrument } from "@/domain/instrument";
import { QuarterSelect } from "../controls";
import { WithheldLegend } from "../figures";
import { SectorsPart, SpreadChart } from "../parts";
import { type ScopeInput, scopeCsvHref } from "../scope";
import { ScopeTable } from "../scope-table";
import { FiguresGate, ScopeSection } from "../section";
import { type TableContext, withheldIn } from "../table-model";
import {
  latestCollaborationQuarter,
  measureName,
  measures,
  quarterSpreadTable,
  spreadTable,
} from "../tables/collaboration";
import { quarterName, type CollaborationSection as Section } from "../tables/common";

export function CollaborationSection({ scope }: { scope: ScopeInput }) {
  const t = useTranslations("scopes.collaboration");
  const trpc = useTRPC();
  const query = useQuery(trpc.scopes.collaboration.queryOptions(scope));
  return (
    <ScopeSection id="collaboration" title={t("title")}>
      <FiguresGate
        scope={scope}
        query={query}
        isEmpty={(d) => d.quarters.every((q) => q.partnerships === 0)}
        empty={t("empty")}
      >
        {(data, context) => <Collaboration scope={scope} data={data} context={context} />}
      </FiguresGate>
    </ScopeSection>
  );
}

function Collaboration({
  scope,
  data,
  context,
}: {
  scope: ScopeInput;
  data: Section;
  context: TableContext;
}) {
  const t = useTranslations("scopes.collaboration");
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(["index"]));
  const latest = latestCollaborationQuarter(data);
  const [quarterStart, setQuarterStart] = useState(latest?.start ?? "");
  const quarter = data.quarters.find((q) => q.start === quarterStart) ?? latest;
  const chosen = measures.filter((m) => selected.has(m.id));
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const option = (m: (typeof measures)[number]) => ({ id: m.id, label: measureName(m, context) });
  const trendTables = chosen.map((m) => ({ m, table: spreadTable(data, m, context) }));
  const factors = quarter ? quarterSpreadTable(quarter, "factors", context) : null;
  const reasons = withheldIn(...trendTables.map((x) => x.table), ...(factors ? [factors] : []));

  return (
    <>
      <p className="utrecht-paragraph">{t("intro", { scorers: context.thresholds.scorers })}</p>
      <h3 className="utrecht-heading-3">{t("trendTitle")}</h3>
      <div className="smo-chooser">
        <CheckboxGroup
          legend={t("chooseLevels")}
          idPrefix="collab-measure"
          options={measures.filter((m) => m.kind !== "factor").map(option)}
          checked={selected}
          onToggle={toggle}
        />
        <details className="smo-details">
          <summary>{t("chooseFactors")}</summary>
          {currentInstrument.levels.map((level) => (
            <CheckboxGroup
              key={level.id}
              legend={level.label[context.locale]}
              idPrefix="collab-measure"
              options={measures
                .filter((m) => m.kind === "factor" && level.factors.some((f) => f.id === m.id))
                .map(option)}
              checked={selected}
              onToggle={toggle}
            />
          ))}
        </details>
      </div>
      {chosen.length === 0 ? (
        <EmptyState>{t("nothingChosen")}</EmptyState>
      ) : (
        <>
          <SpreadChart section={data} chosen={chosen} context={context} />
          <p className="utrecht-paragraph smo-muted">{t("bandNote")}</p>
          {trendTables.map(({ m, table }) => (
            <div key={m.id}>
              <ScopeTable
                caption={t("trendCaption", { measure: measureName(m, context) })}
                captionHidden={false}
                className="smo-table-compact"
                table={table}
              />
              <CsvLink
                href={scopeCsvHref(scope, "collaboration", { measure: m.id })}
                table={t("trendCaption", { measure: measureName(m, context) })}
              />
            </div>
          ))}
        </>
      )}

      <h3 className="utrecht-heading-3">{t("factorsTitle")}</h3>
      {quarter && factors && (
        <>
          <QuarterSelect
            id="collab-quarter"
            label={t("quarterChoice")}
            quarters={data.quarters}
            value={quarter.start}
            onChange={setQuarterStart}
            context={context}
          />
          <ScopeTable
            caption={t("factorsCaption", { quarter: quarterName(quarter.label, context) })}
            table={factors}
          />
          <CsvLink
            href={scopeCsvHref(scope, "collaboration-factors", { quarter: quarter.start })}
            table={t("factorsCaption", { quarter: quarterName(quarter.label, context) })}
          />
        </>
      )}
      <WithheldLegend reasons={reasons} context={context} />

      <h3 className="utrecht-heading-3">{t("sectors.title")}</h3>
      <p className="utrecht-paragraph">{t("sectors.intro")}</p>
      <SectorsPart section={data} context={context} csvHref={scopeCsvHref(scope, "sector-gaps")} />
      <p className="utrecht-paragraph smo-muted">{t("scaleNote")}</p>
    </>
  );
}
