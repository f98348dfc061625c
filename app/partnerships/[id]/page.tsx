import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requestTableContext } from "@/app/_components/csv-route";
import { DataTable } from "@/app/_components/data-table";
import { EmptyState } from "@/app/_components/states";
import { HydrateClient, prefetch, serverCaller, trpc } from "@/app/_trpc/server";
import { PartnershipDashboard } from "./dashboard";
import { partnersTable } from "./dashboard-tables";
import { loadPartnership } from "./partnership";

type Props = { params: Promise<{ id: string }> };

async function load(id: string) {
  const partnership = await loadPartnership(id);
  // A municipality analyst reads what the partnership shares: not who its people are.
  const members = partnership.can.readPeople
    ? await (await serverCaller()).partnerships.members({ partnershipId: id })
    : null;
  return { partnership, members };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { partnership } = await load((await params).id);
  return { title: partnership.name };
}

export default async function PartnershipPage({ params }: Props) {
  const { id } = await params;
  const [{ partnership: p, members }] = await Promise.all([
    load(id),
    prefetch(trpc.dashboards.partnership.queryOptions({ partnershipId: id })),
  ]);
  // Case figures of one partnership are for its own people: a municipality sees case data only
  // summed over several partnerships.
  const withCases = p.can.readCaseAggregates;
  if (withCases) await prefetch(trpc.dashboards.cases.queryOptions({ partnershipId: id }));
  const t = await getTranslations("partnerships");
  const te = await getTranslations("enums");
  const text = (value: string) =>
    value ? (
      <span style={{ whiteSpace: "pre-line" }}>{value}</span>
    ) : (
      <span className="smo-muted">{t("notFilled")}</span>
    );

  return (
    <>
      <h1 className="utrecht-heading-1">{p.name}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">
        {p.municipality.name} · {te(`formShort.${p.form}`)} ·{" "}
        <span className="utrecht-status-badge">
          {t("yourRole", { role: te(`role.${p.myRole}`) })}
        </span>
      </p>

      <HydrateClient>
        <PartnershipDashboard
          partnershipId={p.id}
          withCases={withCases}
          readSessions={p.can.readSessions}
        />
      </HydrateClient>

      <h2 className="utrecht-heading-2">{t("about")}</h2>
      <dl className="utrecht-data-list">
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t("purpose")}</dt>
          <dd className="utrecht-data-list__item-value">{text(p.purpose)}</dd>
        </div>
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t("impact")}</dt>
          <dd className="utrecht-data-list__item-value">{text(p.intendedImpact)}</dd>
        </div>
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t("columns.form")}</dt>
          <dd className="utrecht-data-list__item-value">{te(`form.${p.form}`)}</dd>
        </div>
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t("cadence")}</dt>
          <dd className="utrecht-data-list__item-value">{te(`cadence.${p.reflectionCadence}`)}</dd>
        </div>
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t("sharing")}</dt>
          <dd className="utrecht-data-list__item-value">
            {te(`sharing.${p.municipalitySharing}`)}
          </dd>
        </div>
      </dl>

      <h2 className="utrecht-heading-2">{t("partners")}</h2>
      {p.organisations.length === 0 ? (
        <EmptyState>{t("noPartners")}</EmptyState>
      ) : (
        <DataTable
          caption={t("partners")}
          table={partnersTable(p.organisations, await requestTableContext(), {
            name: (o) => (
              <>
                {o.name}
                <br />
                <span className="smo-muted">{te(`organisationType.${o.type}`)}</span>
              </>
            ),
            ownInterest: (o) => text(o.ownInterest),
          })}
          rowKey={(o) => o.id}
          csv={`/partnerships/${p.id}/export/partners.csv`}
        />
      )}

      {members && (
        <>
          <h2 className="utrecht-heading-2">{t("members")}</h2>
          <ul className="utrecht-unordered-list">
            {members.map((m) => (
              <li key={m.id} className="utrecht-unordered-list__item">
                {m.name} — {te(`role.${m.role}`)}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
