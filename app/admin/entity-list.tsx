"use client";

/**
 * The admin's list of a kind of record: search, pages, removed/active toggle, create form,
 * an edit form per row, remove and restore. Each page passes its columns, fields and calls.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { CsvLink } from "@/app/_components/csv-link";
import { type FieldSpec, ModelForm } from "@/app/_components/form";
import { useNotice } from "@/app/_components/notice";
import { Pagination } from "@/app/_components/pagination";
import { ScrollRegion } from "@/app/_components/scroll-region";
import { SearchBox } from "@/app/_components/search-box";
import { EmptyState, ErrorAlert, Loading } from "@/app/_components/states";
import { columnsFor, screenCell, type TableColumn } from "@/app/_components/table-model";
import type { ListFilters } from "@/app/admin/tables";
import { PAGE_SIZE } from "@/domain/paging";
import { type Locale, resolveLocale } from "@/i18n/locales";

type Row = { id: string; version: number; name: string };
type ListInput = { page: number; pageSize: number; search?: string; deleted: boolean };
type Page<R> = { items: R[]; total: number };

/** `V`: the values of the create and edit form, the input of the create and update calls. */
export function EntityList<R extends Row, V extends object>(props: {
  title: string;
  createTitle: string;
  emptyText: string;
  // biome-ignore lint/suspicious/noExplicitAny: tRPC query options differ per router; the page passes the right one.
  listOptions: (input: ListInput) => any;
  /** Declared in app/admin/tables.ts: the same columns as the list's CSV download. */
  columns: TableColumn<R>[];
  /** The CSV download of the list as filtered (app/admin/export/[table]/route.ts). */
  csv: (filters: ListFilters) => string;
  fields: (row?: R) => FieldSpec<V>[];
  create: (values: V) => Promise<unknown>;
  /** `version` is the one the edit form was opened with. */
  update: (row: R, values: V, version: number) => Promise<unknown>;
  remove: (row: R) => Promise<unknown>;
  restore: (row: R) => Promise<unknown>;
}) {
  const t = useTranslations();
  const locale = resolveLocale(useLocale());
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState<string | undefined>();
  const [deleted, setDeleted] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const notice = useNotice();
  const query = useQuery<Page<R>, Error>({
    ...props.listOptions({ page, pageSize: PAGE_SIZE, deleted, ...(search ? { search } : {}) }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <div className="smo-toolbar">
        <SearchBox
          label={t("app.search")}
          onSearch={(term) => {
            setSearch(term || undefined);
            setPage(1);
          }}
        />
        <button
          type="button"
          className="utrecht-button utrecht-button--subtle"
          aria-pressed={deleted}
          onClick={() => {
            setDeleted(!deleted);
            setPage(1);
          }}
        >
          {deleted ? t("admin.showActive") : t("admin.showDeleted")}
        </button>
      </div>
      {notice.view}
      {query.isPending ? (
        <Loading label={t("app.loading")} />
      ) : query.isError ? (
        <ErrorAlert message={query.error.message} />
      ) : query.data.total === 0 ? (
        <EmptyState>{props.emptyText}</EmptyState>
      ) : (
        <>
          <ScrollRegion label={props.title}>
            <table
              className="utrecht-table utrecht-table--html-table"
              aria-busy={query.isFetching || undefined}
            >
              <caption className="utrecht-table__caption smo-visually-hidden">
                {props.title}
              </caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  {columnsFor(props.columns, "screen").map((c) => (
                    <th key={c.header} scope="col" className="utrecht-table__header-cell">
                      {c.header}
                    </th>
                  ))}
                  <th scope="col" className="utrecht-table__header-cell">
                    <span className="smo-visually-hidden">{t("app.edit")}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {query.data.items.map((row) => (
                  <RowView<R, V>
                    key={row.id}
                    row={row}
                    columns={columnsFor(props.columns, "screen")}
                    locale={locale}
                    deleted={deleted}
                    editing={editing === row.id}
                    onEdit={() => setEditing(editing === row.id ? null : row.id)}
                    fields={props.fields(row)}
                    onSave={async (values, version) => {
                      await props.update(row, values, version);
                      setEditing(null);
                      notice.say({ ok: true, text: t("admin.savedOk") });
                    }}
                    onRemove={() => {
                      if (window.confirm(t("app.confirmRemove")))
                        void notice.run(() => props.remove(row), t("admin.removed"));
                    }}
                    onRestore={() => void notice.run(() => props.restore(row), t("admin.restored"))}
                  />
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <CsvLink href={props.csv({ search, deleted })} table={props.title} />
          <Pagination page={page} pageSize={PAGE_SIZE} total={query.data.total} onPage={setPage} />
        </>
      )}
      <h2 className="utrecht-heading-2">{props.createTitle}</h2>
      <ModelForm<V>
        fields={props.fields()}
        submitLabel={t("app.add")}
        successMessage={t("admin.created")}
        resetOnSuccess
        onSubmit={props.create}
      />
    </>
  );
}

function RowView<R extends Row, V extends object>(p: {
  row: R;
  columns: TableColumn<R>[];
  locale: Locale;
  deleted: boolean;
  editing: boolean;
  fields: FieldSpec<V>[];
  onEdit: () => void;
  onSave: (values: V, version: number) => Promise<void>;
  onRemove: () => void;
  onRestore: () => void;
}) {
  const t = useTranslations("app");
  // Captured when the edit form opens: a refetch meanwhile cannot move it on silently.
  const [openedVersion, setOpenedVersion] = useState(p.row.version);
  return (
    <>
      <tr className="utrecht-table__row">
        {p.columns.map((c) => (
          <td key={c.header} className="utrecht-table__cell">
            {screenCell(c, p.row, p.locale)}
          </td>
        ))}
        <td className="utrecht-table__cell">
          <div className="smo-row-actions">
            {p.deleted ? (
              <button
                type="button"
                className="utrecht-button utrecht-button--subtle"
                onClick={p.onRestore}
              >
                {t("restore")} <span className="smo-visually-hidden">{p.row.name}</span>
              </button>
            ) : (
              <>
                <button
                  type="button"
                  className="utrecht-button utrecht-button--subtle"
                  aria-expanded={p.editing}
                  onClick={() => {
                    setOpenedVersion(p.row.version);
                    p.onEdit();
                  }}
                >
                  {t("edit")} <span className="smo-visually-hidden">{p.row.name}</span>
                </button>
                <button
                  type="button"
                  className="utrecht-button utrecht-button--subtle"
                  onClick={p.onRemove}
                >
                  {t("remove")} <span className="smo-visually-hidden">{p.row.name}</span>
                </button>
              </>
            )}
          </div>
        </td>
      </tr>
      {p.editing && (
        <tr className="utrecht-table__row">
          <td className="utrecht-table__cell" colSpan={p.columns.length + 1}>
            <ModelForm<V>
              fields={p.fields}
              submitLabel={t("save")}
              onSubmit={(values) => p.onSave(values, openedVersion)}
            />
          </td>
        </tr>
      )}
    </>
  );
}
