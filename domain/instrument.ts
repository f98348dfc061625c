/**
 * The uniform instrument: the success factors of collaboration between education and youth
 * care (Verwey-Jonker knowledge synthesis; docs/DOMAIN.md "The instrument"), grouped by level. Every
 * stored score names the instrument version and the factor id; changing any wording makes a
 * new version, and scores of different versions are never mixed in a trend.
 * Scores are 1 ("niet op orde") … 5 ("volledig op orde"), or null for "weet niet / n.v.t.".
 */

export type Text = { nl: string; en: string };
export type Factor = { id: string; label: Text; question: Text; explanation: Text };
export type Level = { id: LevelId; label: Text; factors: readonly Factor[] };
export type { LevelId } from "./vocabulary";

import type { LevelId } from "./vocabulary";
export type Instrument = { version: number; levels: readonly Level[] };

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

const f = (id: string, label: Text, question: Text, explanation: Text): Factor => ({
  id,
  label,
  question,
  explanation,
});

export const instrumentV1: Instrument = {
  version: 1,
  levels: [
    {
      id: "bestuurlijk",
      label: { nl: "Bestuurlijk", en: "Governance" },
      factors: [
        f(
          "B1",
          { nl: "Gezamenlijke visie", en: "Shared vision" },
          {
            nl: "Hebben we een gedeelde visie, samen opgebouwd met professionals en gezinnen?",
            en: "Do we have a shared vision, built together with professionals and families?",
          },
          {
            nl: "De belangrijkste factor op dit niveau: een groepsidentiteit die vroeg is gevormd.",
            en: "The most important factor at this level: a group identity formed early.",
          },
        ),
        f(
          "B2",
          { nl: "Regie gemeente", en: "Municipal direction" },
          {
            nl: "Voert de gemeente regie op de verbinding in het sociaal domein?",
            en: "Does the municipality direct the connection in the social domain?",
          },
          {
            nl: "Vanuit het gezamenlijk belang, niet vanuit één partij.",
            en: "From the collective interest, not from one party.",
          },
        ),
        f(
          "B3",
          { nl: "Brede netwerkbenadering", en: "Broad network approach" },
          {
            nl: "Doen huisartsen, lokale teams en het netwerk in de wijk mee?",
            en: "Do GPs, local teams and the neighbourhood network take part?",
          },
          {
            nl: "Samenwerking reikt verder dan school en jeugdhulp alleen.",
            en: "Collaboration reaches beyond school and youth care alone.",
          },
        ),
        f(
          "B4",
          { nl: "Basisondersteuning", en: "Basic support" },
          {
            nl: "Is de basisondersteuning van de school goed en duidelijk afgebakend, ook in de praktijk?",
            en: "Is the school's basic support good and clearly bounded, in practice too?",
          },
          {
            nl: "Niet alleen op papier: iedereen weet wat de school zelf biedt.",
            en: "Not only on paper: everyone knows what the school itself offers.",
          },
        ),
        f(
          "B5",
          { nl: "Afspraken financiering en inzet", en: "Agreements on funding and deployment" },
          {
            nl: "Zijn er heldere afspraken over financiering en de inzet van mensen en middelen?",
            en: "Are there clear agreements on funding and on deploying people and means?",
          },
          {
            nl: "Wie betaalt wat, en wie zet wie in.",
            en: "Who pays for what, and who deploys whom.",
          },
        ),
      ],
    },
    {
      id: "relationeel",
      label: { nl: "Relationeel", en: "Relational" },
      factors: [
        f(
          "R1",
          { nl: "Betrokken leiderschap", en: "Engaged leadership" },
          {
            nl: "Is er een betrokken leider die draagvlak bouwt en als gelijke doelen stelt?",
            en: "Is there an engaged leader who builds support and sets goals as an equal?",
          },
          {
            nl: "Transformationeel leiderschap: verbinden in plaats van sturen van bovenaf.",
            en: "Transformational leadership: connecting rather than steering from above.",
          },
        ),
        f(
          "R2",
          { nl: "Samen reflecteren en monitoren", en: "Reflecting and monitoring together" },
          {
            nl: "Staan we regelmatig samen stil bij de vraag of we onze doelen halen?",
            en: "Do we regularly stop together to check whether we reach our goals?",
          },
          {
            nl: "Een cyclus van plannen, doen, checken en bijsturen.",
            en: "A cycle of plan, do, check and adjust.",
          },
        ),
        f(
          "R3",
          { nl: "Nabijheid", en: "Proximity" },
          {
            nl: "Zijn we fysiek, inhoudelijk en persoonlijk dicht bij elkaar?",
            en: "Are we physically, substantively and personally close to each other?",
          },
          {
            nl: "Elkaar kennen en makkelijk kunnen vinden.",
            en: "Knowing each other and finding each other easily.",
          },
        ),
        f(
          "R4",
          { nl: "Vertrouwen", en: "Trust" },
          {
            nl: "Durven we elkaar aan te spreken op wat niet goed gaat?",
            en: "Do we dare to address each other on what goes wrong?",
          },
          { nl: "Vertrouwen groeit van onderop.", en: "Trust grows bottom-up." },
        ),
        f(
          "R5",
          { nl: "Resultaatgericht werken", en: "Results-oriented working" },
          {
            nl: "Zijn het einddoel en ieders rol daarin expliciet?",
            en: "Are the end result and everyone's role in it explicit?",
          },
          {
            nl: "Met een doorlopende lijn en een warme overdracht.",
            en: "With a continuous line and a warm handover.",
          },
        ),
        f(
          "R6",
          { nl: "Perspectief jeugdige en ouders", en: "Perspective of young people and parents" },
          {
            nl: "Worden de jeugdige en de ouders gehoord, naast beide professies?",
            en: "Are the young person and the parents heard, alongside both professions?",
          },
          {
            nl: "Praten mét ouders en jongeren, niet over hen.",
            en: "Talk with parents and young people, not about them.",
          },
        ),
      ],
    },
    {
      id: "professioneel",
      label: { nl: "Professioneel", en: "Professional" },
      factors: [
        f(
          "P1",
          { nl: "Professionele leergemeenschap", en: "Professional learning community" },
          {
            nl: "Leren leerkrachten en jeugdhulpwerkers van en met elkaar?",
            en: "Do teachers and care workers learn from and with each other?",
          },
          { nl: "Een cultuur van delen.", en: "A culture of sharing." },
        ),
        f(
          "P2",
          { nl: "Onderzoekende houding", en: "Inquiring attitude" },
          {
            nl: "Hebben we een onderzoekende, reflectieve houding en vragen we feedback op ons werk?",
            en: "Do we have an inquiring, reflective attitude and ask feedback on our work?",
          },
          { nl: "Nieuwsgierig naar wat werkt en waarom.", en: "Curious about what works and why." },
        ),
        f(
          "P3",
          { nl: "Deskundigheid", en: "Expertise" },
          {
            nl: "Is er interprofessionele deskundigheid, al vanaf de opleiding?",
            en: "Is there interprofessional expertise, starting in training?",
          },
          { nl: "Kennis van elkaars vak.", en: "Knowledge of each other's profession." },
        ),
        f(
          "P4",
          { nl: "Samenhangende professionalisering", en: "Joint professional development" },
          {
            nl: "Volgen we samen scholing over samenwerken en communiceren?",
            en: "Do we train together on collaboration and communication?",
          },
          { nl: "Samen leren samenwerken.", en: "Learning to collaborate together." },
        ),
        f(
          "P5",
          { nl: "Kernpartners en borging", en: "Core partners and safeguarding" },
          {
            nl: "Zijn kernpartners benoemd en zijn er vroeg afspraken over de governance gemaakt?",
            en: "Are core partners named and governance agreements made early?",
          },
          {
            nl: "Niet afhankelijk van één enthousiasteling.",
            en: "Not dependent on one enthusiast.",
          },
        ),
      ],
    },
    {
      id: "proces",
      label: { nl: "Proces", en: "Process" },
      factors: [
        f(
          "W1",
          { nl: "Samenwerkingsprocedures", en: "Collaboration procedures" },
          {
            nl: "Zijn er ondersteunende procedures voor het samenwerken?",
            en: "Are there supporting procedures for working together?",
          },
          {
            nl: "Wie doet wat, wanneer, en hoe schakelen we.",
            en: "Who does what, when, and how we connect.",
          },
        ),
        f(
          "W2",
          { nl: "Afstemming diagnostiek", en: "Aligned diagnosis" },
          {
            nl: "Stemmen we de diagnostiek tussen partners op elkaar af?",
            en: "Is diagnosis aligned between partners?",
          },
          {
            nl: "Niet dubbel onderzoeken, wel samen duiden.",
            en: "No double assessments; interpret together.",
          },
        ),
        f(
          "W3",
          { nl: "Gezamenlijk plan", en: "Joint plan" },
          {
            nl: "Werken we met één gezamenlijk plan per kind en gezin?",
            en: "Do we work with one joint plan per child and family?",
          },
          {
            nl: "Eerst een helder plan, dan wie wat bijdraagt.",
            en: "First a clear plan, then who contributes what.",
          },
        ),
      ],
    },
    {
      id: "kennis",
      label: { nl: "Kennis en informatie", en: "Knowledge and information" },
      factors: [
        f(
          "K1",
          { nl: "Afstemming informatiesystemen", en: "Aligned information systems" },
          {
            nl: "Sluiten de informatie- en datasystemen van de organisaties op elkaar aan?",
            en: "Do the organisations' information and data systems fit together?",
          },
          {
            nl: "Informatie delen waar het mag en nodig is.",
            en: "Sharing information where allowed and needed.",
          },
        ),
        f(
          "K2",
          { nl: "Vertrouwen in veiligheid", en: "Trust in security" },
          {
            nl: "Vertrouwen partners op de beveiliging van elkaars systemen?",
            en: "Do partners trust the security of each other's systems?",
          },
          {
            nl: "Veilig delen is een voorwaarde voor delen.",
            en: "Safe sharing is a condition for sharing.",
          },
        ),
      ],
    },
  ],
};

/** Every version ever used; a stored score's version must be one of these. */
export const instruments: Record<number, Instrument> = { 1: instrumentV1 };
export const currentInstrument = instrumentV1;

export function instrumentByVersion(version: number): Instrument | undefined {
  return instruments[version];
}

export function factorIds(instrument: Instrument): string[] {
  return instrument.levels.flatMap((l) => l.factors.map((x) => x.id));
}
