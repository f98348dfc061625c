/**
 * Demo data for a first start: real Dutch municipalities, fictional organisations and
 * partnerships, and one account per role (password "demo1234", listed in the README).
 * Idempotent: does nothing when the demo admin already exists.
 */
import { eq } from "drizzle-orm";
import type { Sector } from "@/domain/vocabulary";
import { regionIdFor } from "../queries/places";
import {
  memberships,
  municipalities,
  municipalityAccess,
  organisations,
  partnershipOrganisations,
  partnerships,
  regionAccess,
  users,
} from "../schema";
import type { Db, Tx } from "../types";
import { seedCases } from "./cases";
import { seedHistory } from "./history";

export const DEMO_PASSWORD = "demo1234";

export const demoAccounts = {
  admin: "admin@demo.nl",
  coordinator: "coordinator@demo.nl",
  leader: "leader@demo.nl",
  professional: "professional@demo.nl",
  municipality: "gemeente@demo.nl",
  region: "regio@demo.nl",
  national: "landelijk@demo.nl",
} as const;

const demoMunicipalities = [
  { cbsCode: "GM0363", name: "Amsterdam", youthRegion: "Amsterdam-Amstelland" },
  { cbsCode: "GM0344", name: "Utrecht", youthRegion: "Utrecht Stad" },
  { cbsCode: "GM0193", name: "Zwolle", youthRegion: "IJsselland" },
  { cbsCode: "GM0599", name: "Rotterdam", youthRegion: "Rijnmond" },
  { cbsCode: "GM0014", name: "Groningen", youthRegion: "Groningen" },
  { cbsCode: "GM0362", name: "Amstelveen", youthRegion: "Amsterdam-Amstelland" },
  { cbsCode: "GM0384", name: "Diemen", youthRegion: "Amsterdam-Amstelland" },
  { cbsCode: "GM0166", name: "Kampen", youthRegion: "IJsselland" },
  { cbsCode: "GM0606", name: "Schiedam", youthRegion: "Rijnmond" },
  { cbsCode: "GM1966", name: "Het Hogeland", youthRegion: "Groningen" },
] as const;

/**
 * More partnerships, so that the municipality, region and national dashboards show real
 * figures and visible suppression: Amsterdam holds twelve, Amstelveen four, Diemen two (too few
 * for partnership-level figures), the other regions a few each. Each gets two schools, a
 * youth-care provider and a neighbourhood team of its own, one coordinator and one professional.
 */
const extraPartnerships: {
  name: string;
  municipality: MunicipalityCode;
  form: "vindbaar" | "op_school" | "geintegreerd";
  sharing: "aggregates" | "full";
  cadence: "quarterly" | "half_yearly";
}[] = [
  ...[
    "Samen naar school Amsterdam-Oost",
    "Kansrijk Opgroeien Nieuw-West",
    "Schoolmaatschappelijk werk Zuidoost",
    "Brede School Slotervaart",
    "Thuiszitterspact Centrum",
    "Jeugd en Gezin Bos en Lommer",
    "Passend Onderwijs West",
    "Zorgteam IJburg",
    "Kindcentrum Zeeburg",
    "OKT op school Geuzenveld",
    "Samen Sterk De Pijp",
  ].map((name, i) => ({
    name,
    municipality: "GM0363" as const,
    form: (["op_school", "vindbaar", "geintegreerd"] as const)[i % 3] ?? "op_school",
    sharing: i % 4 === 0 ? ("full" as const) : ("aggregates" as const),
    cadence: i % 3 === 2 ? ("half_yearly" as const) : ("quarterly" as const),
  })),
  ...[
    "Amstelveen Samen Sterk",
    "Zorg op school Westwijk",
    "Jeugdteam Amstelveen-Noord",
    "Brede School Keizer Karel",
  ].map((name, i) => ({
    name,
    municipality: "GM0362" as const,
    form: (["vindbaar", "op_school"] as const)[i % 2] ?? "vindbaar",
    sharing: "aggregates" as const,
    cadence: "quarterly" as const,
  })),
  ...["Diemen Thuisnabij", "Samenwerking Diemen-Zuid"].map((name) => ({
    name,
    municipality: "GM0384" as const,
    form: "op_school" as const,
    sharing: "aggregates" as const,
    cadence: "quarterly" as const,
  })),
  ...["Overvecht Samen", "Leidsche Rijn Jeugd en School", "Zuilen op School"].map((name) => ({
    name,
    municipality: "GM0344" as const,
    form: "vindbaar" as const,
    sharing: "aggregates" as const,
    cadence: "quarterly" as const,
  })),
  ...["Zwolle-Zuid Samen", "Holtenbroek Thuisnabij"].map((name) => ({
    name,
    municipality: "GM0193" as const,
    form: "geintegreerd" as const,
    sharing: "aggregates" as const,
    cadence: "quarterly" as const,
  })),
  ...["Rotterdam-Zuid Kansrijk", "Delfshaven op School", "Feijenoord Samen"].map((name) => ({
    name,
    municipality: "GM0599" as const,
    form: "op_school" as const,
    sharing: "aggregates" as const,
    cadence: "quarterly" as const,
  })),
  ...(
    [
      ["Kampen Samen op School", "GM0166"],
      ["Schiedam Kansrijk", "GM0606"],
      ["Het Hogeland Thuisnabij", "GM1966"],
    ] as const
  ).map(([name, municipality]) => ({
    name,
    municipality,
    form: "vindbaar" as const,
    sharing: "aggregates" as const,
    cadence: "quarterly" as const,
  })),
  ...["Groningen Stad Thuisnabij", "Oosterparkwijk Samen"].map((name) => ({
    name,
    municipality: "GM0014" as const,
    form: "vindbaar" as const,
    sharing: "aggregates" as const,
    cadence: "half_yearly" as const,
  })),
];

type MunicipalityCode = (typeof demoMunicipalities)[number]["cbsCode"];
type OrgType = (typeof organisations.$inferInsert)["type"];

const demoOrganisations: { name: string; type: OrgType; municipality: MunicipalityCode }[] = [
  { name: "Basisschool De Regenboog", type: "school_po", municipality: "GM0363" },
  { name: "Openbare basisschool Het Kompas", type: "school_po", municipality: "GM0363" },
  { name: "Jeugdhulp Amstelland", type: "jeugdhulp", municipality: "GM0363" },
  { name: "Buurtteam Noord", type: "wijkteam", municipality: "GM0363" },
  { name: "JGZ Amsterdam", type: "jgz", municipality: "GM0363" },
  {
    name: "Samenwerkingsverband Passend Onderwijs Amsterdam",
    type: "samenwerkingsverband",
    municipality: "GM0363",
  },
  { name: "Lyceum Kanaleneiland", type: "school_vo", municipality: "GM0344" },
  { name: "Buurtteam Jeugd en Gezin Utrecht-West", type: "wijkteam", municipality: "GM0344" },
  { name: "Jeugdzorg Midden-Nederland", type: "jeugdhulp", municipality: "GM0344" },
  { name: "Kindcentrum De Horizon", type: "school_po", municipality: "GM0193" },
  { name: "Speciaal onderwijs De Vaart", type: "school_so", municipality: "GM0193" },
  { name: "Jeugdhulp IJsselland", type: "jeugdhulp", municipality: "GM0193" },
  { name: "Oudervereniging Samen Sterk", type: "ouderorganisatie", municipality: "GM0193" },
  { name: "Gemeente Zwolle, team Jeugd", type: "gemeente", municipality: "GM0193" },
];

const demoPartnerships = [
  {
    name: "Zorg in en om de school Amsterdam-Noord",
    municipality: "GM0363" as MunicipalityCode,
    form: "op_school" as const,
    purpose:
      "Kinderen met zorgen krijgen op school snel de juiste hulp, zonder lange wachtlijsten of doorverwijzingen over en weer.",
    intendedImpact:
      "Minder thuiszitters en meer kinderen die zich veilig voelen op school en thuis.",
    reflectionCadence: "quarterly" as const,
    municipalitySharing: "full" as const,
    partners: [
      [
        "Basisschool De Regenboog",
        true,
        "Leerkrachten handelingsbekwaam maken en zorgleerlingen binnen de school houden.",
      ],
      [
        "Openbare basisschool Het Kompas",
        true,
        "Snel overleg met jeugdhulp over leerlingen die vastlopen.",
      ],
      [
        "Jeugdhulp Amstelland",
        true,
        "Eerder in beeld komen, zodat zwaardere hulp minder vaak nodig is.",
      ],
      ["Buurtteam Noord", false, "Gezinnen in de wijk bereiken via de school."],
      ["JGZ Amsterdam", false, "Signalen over gezondheid en ontwikkeling delen met school."],
    ] as const,
  },
  {
    name: "Wijkaanpak Kanaleneiland",
    municipality: "GM0344" as MunicipalityCode,
    form: "vindbaar" as const,
    purpose:
      "Jongeren en ouders weten waar ze terechtkunnen, en school en buurtteam weten elkaar te vinden.",
    intendedImpact: "Minder voortijdig schoolverlaten in de wijk.",
    reflectionCadence: "half_yearly" as const,
    municipalitySharing: "aggregates" as const,
    partners: [
      ["Lyceum Kanaleneiland", true, "Minder verzuim en uitval."],
      ["Buurtteam Jeugd en Gezin Utrecht-West", true, "Jongeren eerder bereiken."],
      ["Jeugdzorg Midden-Nederland", false, "Passende specialistische hulp wanneer nodig."],
    ] as const,
  },
  {
    name: "Kindcentrum De Horizon Zwolle",
    municipality: "GM0193" as MunicipalityCode,
    form: "geintegreerd" as const,
    purpose: "Onderwijs en jeugdhulp werken als één team met één gedeelde visie op ontwikkeling.",
    intendedImpact: "Ieder kind ontwikkelt zich thuisnabij, met één plan voor kind en gezin.",
    reflectionCadence: "quarterly" as const,
    municipalitySharing: "aggregates" as const,
    partners: [
      ["Kindcentrum De Horizon", true, "Eén plan per kind, samen met ouders."],
      ["Speciaal onderwijs De Vaart", true, "Kinderen thuisnabij onderwijs bieden."],
      ["Jeugdhulp IJsselland", true, "Hulp in de klas in plaats van daarbuiten."],
      ["Oudervereniging Samen Sterk", false, "De stem van ouders in de aanpak."],
      ["Gemeente Zwolle, team Jeugd", false, "Regie op het sociaal domein."],
    ] as const,
  },
];

type Role = (typeof memberships.$inferInsert)["role"];
const demoPeople: {
  email: string;
  name: string;
  isAdmin?: boolean;
  roles: [number, Role][];
  municipalities?: MunicipalityCode[];
  regions?: string[];
  national?: boolean;
}[] = [
  { email: demoAccounts.admin, name: "Anna de Beheerder", isAdmin: true, roles: [] },
  {
    email: demoAccounts.coordinator,
    name: "Carla Coördinator",
    roles: [
      [0, "coordinator"],
      [1, "coordinator"],
    ],
  },
  { email: demoAccounts.leader, name: "Lucas Leidinggevende", roles: [[0, "leader"]] },
  { email: demoAccounts.professional, name: "Priya Professional", roles: [[0, "professional"]] },
  {
    email: demoAccounts.municipality,
    name: "Gerrit Gemeente",
    roles: [],
    municipalities: ["GM0363"],
  },
  {
    email: demoAccounts.region,
    name: "Rana Regio",
    roles: [],
    regions: ["Amsterdam-Amstelland"],
  },
  { email: demoAccounts.national, name: "Nadia Landelijk", roles: [], national: true },
  { email: "ib.regenboog@demo.nl", name: "Ingrid Bakker (IB'er)", roles: [[0, "professional"]] },
  { email: "jeugdhulp.noord@demo.nl", name: "Youssef El Amrani", roles: [[0, "professional"]] },
  { email: "teamleider.kanaleneiland@demo.nl", name: "Marieke Jansen", roles: [[1, "leader"]] },
  { email: "coordinator.horizon@demo.nl", name: "Henk Visser", roles: [[2, "coordinator"]] },
  { email: "directeur.horizon@demo.nl", name: "Fatima Ouali", roles: [[2, "leader"]] },
];

/** The sector an organisation type speaks for in a reflection. */
function sectorOf(type: OrgType): Sector {
  if (["school_po", "school_so", "school_vo", "mbo", "samenwerkingsverband"].includes(type))
    return "education";
  if (["jeugdhulp", "wijkteam", "jgz"].includes(type)) return "youth_care";
  if (type === "gemeente") return "municipality";
  if (type === "ouderorganisatie") return "parent";
  return "other";
}

export async function seedDemo(
  db: Db,
  hashPassword: (password: string) => Promise<string>,
): Promise<boolean> {
  const existing = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, demoAccounts.admin));
  if (existing.length > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const munis = await tx
      .insert(municipalities)
      .values(
        await Promise.all(
          demoMunicipalities.map(async (m) => ({
            ...m,
            regionId: await regionIdFor(tx, m.youthRegion),
          })),
        ),
      )
      .returning();
    const muniId = (code: MunicipalityCode) => munis.find((m) => m.cbsCode === code)?.id ?? "";
    const orgs = await tx
      .insert(organisations)
      .values(
        demoOrganisations.map((o) => ({
          name: o.name,
          type: o.type,
          municipalityId: muniId(o.municipality),
        })),
      )
      .returning();
    const orgId = (name: string) => orgs.find((o) => o.name === name)?.id ?? "";
    const created = [];
    for (const p of demoPartnerships) {
      const [row] = await tx
        .insert(partnerships)
        .values({
          name: p.name,
          municipalityId: muniId(p.municipality),
          form: p.form,
          purpose: p.purpose,
          intendedImpact: p.intendedImpact,
          reflectionCadence: p.reflectionCadence,
          municipalitySharing: p.municipalitySharing,
        })
        .returning();
      if (!row) throw new Error("seed: partnership not created");
      created.push(row);
      await tx.insert(partnershipOrganisations).values(
        p.partners.map(([name, isCore, ownInterest]) => ({
          partnershipId: row.id,
          organisationId: orgId(name),
          isCore,
          ownInterest,
        })),
      );
    }
    const roleHolders: { index: number; role: Role; userId: string }[] = [];
    for (const person of demoPeople) {
      const [user] = await tx
        .insert(users)
        .values({
          email: person.email,
          name: person.name,
          passwordHash,
          isAdmin: person.isAdmin ?? false,
          isNationalAnalyst: person.national ?? false,
        })
        .returning();
      if (!user) throw new Error("seed: user not created");
      for (const [index, role] of person.roles) {
        const partnership = created[index];
        roleHolders.push({ index, role, userId: user.id });
        if (partnership)
          await tx
            .insert(memberships)
            .values({ userId: user.id, partnershipId: partnership.id, role });
      }
      for (const code of person.municipalities ?? []) {
        await tx
          .insert(municipalityAccess)
          .values({ userId: user.id, municipalityId: muniId(code) });
      }
      for (const region of person.regions ?? [])
        await tx
          .insert(regionAccess)
          .values({ userId: user.id, regionId: await regionIdFor(tx, region) });
    }
    // History: goals, measurements and reflections, so that the dashboards tell a story.
    const today = new Date().toISOString().slice(0, 10);
    for (const [index, partnership] of created.entries()) {
      const spec = demoPartnerships[index];
      if (!spec) continue;
      const holder = (role: Role) =>
        roleHolders.find((h) => h.index === index && h.role === role)?.userId ?? null;
      await seedHistory(tx, {
        index,
        partnershipId: partnership.id,
        cadence: spec.reflectionCadence,
        partners: spec.partners.map(([name]) => {
          const org = orgs.find((o) => o.name === name);
          return { id: org?.id ?? "", name, sector: sectorOf(org?.type ?? "overig") };
        }),
        coordinatorId: holder("coordinator") ?? "",
        leaderId: holder("leader"),
        today,
        // One partnership shows what an overdue reflection cycle looks like.
        overdue: index === 1,
      });
      await seedCases(tx, {
        index,
        partnershipId: partnership.id,
        workers: [
          holder("professional"),
          ...roleHolders
            .filter((h) => h.index === index && h.role === "professional")
            .map((h) => h.userId),
          holder("coordinator"),
        ].filter((u, i, all): u is string => Boolean(u) && all.indexOf(u) === i),
        today,
      });
    }
    await seedExtraPartnerships(tx, { passwordHash, muniId, today, first: created.length });
  });
  return true;
}

/** The partnerships of extraPartnerships, with their people, history and cases. */
async function seedExtraPartnerships(
  tx: Tx,
  input: {
    passwordHash: string;
    muniId: (code: MunicipalityCode) => string;
    today: string;
    first: number;
  },
) {
  const [coordinator, professional] = await tx
    .insert(users)
    .values([
      { email: "regiecoordinatie@demo.nl", name: "Rob Regie", passwordHash: input.passwordHash },
      { email: "jeugdprofessional@demo.nl", name: "Joke Jansen", passwordHash: input.passwordHash },
    ])
    .returning();
  if (!coordinator || !professional) throw new Error("seed: extra people");
  for (const [i, spec] of extraPartnerships.entries()) {
    const index = input.first + i;
    const [row] = await tx
      .insert(partnerships)
      .values({
        name: spec.name,
        municipalityId: input.muniId(spec.municipality),
        form: spec.form,
        purpose:
          "Kinderen en gezinnen krijgen op tijd de hulp die past, dicht bij school en thuis.",
        intendedImpact: "Meer kinderen die zich veilig voelen en zich ontwikkelen.",
        reflectionCadence: spec.cadence,
        municipalitySharing: spec.sharing,
      })
      .returning();
    if (!row) throw new Error("seed: extra partnership");
    const orgs = await tx
      .insert(organisations)
      .values(
        [
          { name: `Basisschool ${spec.name}`, type: "school_po" as const },
          { name: `Voortgezet onderwijs ${spec.name}`, type: "school_vo" as const },
          { name: `Jeugdhulp ${spec.name}`, type: "jeugdhulp" as const },
          { name: `Buurtteam ${spec.name}`, type: "wijkteam" as const },
        ].map((o) => ({ ...o, municipalityId: input.muniId(spec.municipality) })),
      )
      .returning();
    await tx.insert(partnershipOrganisations).values(
      orgs.map((o, k) => ({
        partnershipId: row.id,
        organisationId: o.id,
        isCore: k < 3,
        ownInterest: "Samen eerder en beter helpen.",
      })),
    );
    await tx.insert(memberships).values([
      { userId: coordinator.id, partnershipId: row.id, role: "coordinator" as const },
      { userId: professional.id, partnershipId: row.id, role: "professional" as const },
    ]);
    await seedHistory(tx, {
      index,
      partnershipId: row.id,
      cadence: spec.cadence,
      partners: orgs.map((o) => ({ id: o.id, name: o.name, sector: sectorOf(o.type) })),
      coordinatorId: coordinator.id,
      leaderId: null,
      today: input.today,
      overdue: i % 7 === 3,
      wideMeeting: true,
    });
    await seedCases(tx, {
      index,
      partnershipId: row.id,
      workers: [professional.id, coordinator.id],
      today: input.today,
      // Amstelveen's four are larger, so that a second municipality shows its case figures.
      count: spec.municipality === "GM0362" ? 34 : 14 + (i % 5) * 3,
    });
  }
}
