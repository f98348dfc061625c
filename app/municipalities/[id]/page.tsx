import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BarChart } from "@/app/_components/charts";
import { loadOr404 } from "@/app/_components/guard";
import { EmptyState } from "@/app/_components/states";
import { serverCaller } from "@/app/_trpc/server";

type Props = { params: Promise<{ id: string }> };

const load = async (id: string) =>
  loadOr404(async () => {
    const data = await (await serverCaller()).scopes.overview({
      scopeKind: "municipality",
      scopeId: id,
    });
    return {
      ...data,
      municipality: {
        name: data.name ?? "",
        cbsCode: data.cbsCode ?? "",
        youthRegion: data.parents.find((p) => p.kind === "region")?.name ?? "",
      },
      total: data.partnerships,
    };
  });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await load((await params).id);
  return { title: data.municipality.name };
}

export default async function MunicipalityPage({ params }: Props) {
  const data = await load((await params).id);
  const t = await getTranslations("municipality");
  const te = await getTranslations("enums");
  const tf = await getTranslations("fields");
  const labels = data.byForm.map((f) => te(`formShort.${f.form}`));
  return (
    <>
      <h1 className="utrecht-heading-1">{t("title", { name: data.municipality.name })}</h1>
      <p className="utrecht-paragraph">{t("intro")}</p>
      <dl className="utrecht-data-list">
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t("region")}</dt>
          <dd className="utrecht-data-list__item-value">{data.municipality.youthRegion}</dd>
        </div>
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{tf("cbsCode")}</dt>
          <dd className="utrecht-data-list__item-value">{data.municipality.cbsCode}</dd>
        </div>
      </dl>
      <h2 className="utrecht-heading-2">{t("byForm")}</h2>
      <BarChart
        labels={labels}
        values={data.byForm.map((f) => f.partnerships)}
        label={t("count")}
      />
      <div className="smo-table-wrap">
        <table className="utrecht-table utrecht-table--html-table smo-table-compact">
          <caption className="utrecht-table__caption smo-visually-hidden">{t("byForm")}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                {t("form")}
              </th>
              <th
                scope="col"
                className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column"
              >
                {t("count")}
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {data.byForm.map((f, i) => (
              <tr key={f.form} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {labels[i]}
                </th>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
                  {f.partnerships}
                </td>
              </tr>
            ))}
            <tr className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                {t("total")}
              </th>
              <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
                {data.total}
              </td>
            </tr>
          </tbody>
        </table>
      </div>

      <h2 className="utrecht-heading-2">{t("sharedTitle")}</h2>
      <p className="utrecht-paragraph">{t("sharedIntro")}</p>
      {data.shared.length === 0 ? (
        <EmptyState>{t("sharedNone")}</EmptyState>
      ) : (
        <ul className="utrecht-unordered-list">
          {data.shared.map((p) => (
            <li key={p.id} className="utrecht-unordered-list__item">
              <Link href={`/partnerships/${p.id}`} className="utrecht-link utrecht-link--html-a">
                {p.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
