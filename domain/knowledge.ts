/**
 * What the knowledge synthesis behind the instrument found works, per success factor
 * (docs/KNOWLEDGE.md has the same in prose), in the project's own words and no further than
 * the study goes; the question to talk about with each is ours: shown beside a factor that scores low or falls, on the dashboard and in a session, so
 * the knowledge there is arrives where a partnership needs it. Each entry has what works and
 * one question to talk about.
 */
import type { Text } from "./instrument";
import { SCORE_MAX, SCORE_MIN } from "./instrument";

export type Knowledge = { works: readonly Text[]; ask: Text };

const k = (works: [string, string][], ask: [string, string]): Knowledge => ({
  works: works.map(([nl, en]) => ({ nl, en })),
  ask: { nl: ask[0], en: ask[1] },
});

export const factorKnowledge: Record<string, Knowledge> = {
  B1: k(
    [
      [
        "Vorm de visie vroeg, al in het eerste gesprek, en samen met professionals én gezinnen.",
        "Form the vision early, in the very first conversation, together with professionals and families.",
      ],
      [
        "Zoek eerst wat partners gemeen hebben, en werk als gelijken: dat geeft korte lijnen en snel schakelen.",
        "Look first for what partners share, and work as equals: that gives short lines and quick decisions.",
      ],
    ],
    [
      "Kan ieder van ons in één zin zeggen waarom we samenwerken, en zou een ouder die zin herkennen?",
      "Can each of us say in one sentence why we work together, and would a parent recognise it?",
    ],
  ),
  B2: k(
    [
      [
        "De gemeente verbindt het sociale domein het best: zij kijkt vanuit het gezamenlijke belang, niet vanuit één organisatie.",
        "The municipality connects the social domain best: it looks from the shared interest, not one organisation's.",
      ],
      [
        "Gemeenten in één regio die de jeugdhulp samen organiseren, maken samenwerkingen minder verschillend.",
        "Municipalities of one region that organise youth care together make partnerships differ less.",
      ],
    ],
    [
      "Wat vragen we van de gemeente om de regie te nemen, en wie spreekt haar daarop aan?",
      "What do we ask of the municipality to take the lead, and who raises it with them?",
    ],
  ),
  B3: k(
    [
      [
        "Betrek huisartsen, lokale teams en het netwerk in de wijk, niet alleen school en jeugdhulp.",
        "Involve GPs, local teams and the neighbourhood network, not only school and youth care.",
      ],
      [
        "Laat de gemeente het ondersteuningsproces in dat brede netwerk aansturen.",
        "Let the municipality steer the support process in that wide network.",
      ],
    ],
    [
      "Wie in de wijk ziet onze kinderen ook, en zit nog niet aan tafel?",
      "Who in the neighbourhood also sees our children, and is not at the table yet?",
    ],
  ),
  B4: k(
    [
      [
        "Maak de basisondersteuning van de school concreet en begrensd, en toets of die in de praktijk zo werkt, niet alleen op papier.",
        "Make the school's basic support concrete and bounded, and check that it works that way in practice, not only on paper.",
      ],
      [
        "Verschillen per school en per samenwerkingsverband maken samenwerken lastig: stem ze af.",
        "Differences between schools and partnerships make working together hard: align them.",
      ],
    ],
    [
      "Weet iedere leerkracht wat de school zelf biedt, en wanneer de jeugdhulp erbij komt?",
      "Does every teacher know what the school offers itself, and when youth care joins in?",
    ],
  ),
  B5: k(
    [
      [
        "Spreek helder af wie wat betaalt en wie welke mensen en middelen inzet; onduidelijkheid vertraagt.",
        "Agree clearly who pays for what and who deploys which people and means; vagueness delays.",
      ],
    ],
    [
      "Welke afspraak over geld of uren hebben we nog niet op papier?",
      "Which agreement on money or hours do we not have in writing yet?",
    ],
  ),
  R1: k(
    [
      [
        "Een betrokken, veranderkundige leider (transformationeel leiderschap) zorgt voor draagvlak.",
        "An engaged leader of change (transformational leadership) builds support.",
      ],
      [
        "Die leider stelt doelen voor kinderen en gezinnen samen met het team, als gelijke.",
        "That leader sets goals for children and families together with the team, as an equal.",
      ],
    ],
    [
      "Wie trekt deze samenwerking, en merken de professionals dat?",
      "Who leads this collaboration, and do the professionals notice it?",
    ],
  ),
  R2: k(
    [
      [
        "Sta regelmatig samen stil bij de doelen: dat geeft urgentie en maakt zichtbaar waarom het werk ertoe doet.",
        "Stop regularly together to look at the goals: it gives urgency and shows why the work matters.",
      ],
      [
        "Monitor drie dingen: het werk van elke organisatie, de samenwerking zelf en wat die betekent voor één kind en zijn ouders.",
        "Monitor three things: each organisation's work, the collaboration itself and what it means for one child and its parents.",
      ],
    ],
    [
      "Wanneer stonden we voor het laatst stil bij wat onze afspraken hebben opgeleverd?",
      "When did we last stop to look at what our agreements achieved?",
    ],
  ),
  R3: k(
    [
      [
        "Nabijheid is meer dan één gebouw: ook inhoudelijk (kennis samen vertalen naar elk domein) en persoonlijk (de kennis van de ander herkennen en gebruiken).",
        "Proximity is more than one building: also in content (translating knowledge together into each domain) and personally (recognising and using the other's knowledge).",
      ],
      [
        "Samen in één gebouw garandeert geen betere praktijk; een vaste ontmoetingsplek helpt wel.",
        "Sharing one building does not guarantee better practice; a fixed place to meet does help.",
      ],
    ],
    [
      "Weten we wat de ander weet, en gebruiken we dat in ons eigen werk?",
      "Do we know what the other knows, and do we use it in our own work?",
    ],
  ),
  R4: k(
    [
      [
        "In samenwerkingen die werken durven partners elkaar aan te spreken op wat niet goed gaat.",
        "In partnerships that work, partners dare to raise what goes wrong with each other.",
      ],
      [
        "Werkgroepen en zorgvuldige communicatie naar iedereen maken het proces van onderop; bouw voort op wat er al is.",
        "Working groups and careful communication with everyone make the process bottom-up; build on what exists.",
      ],
    ],
    [
      "Wat hebben we elkaar de laatste tijd niet durven zeggen?",
      "What have we not dared to tell each other lately?",
    ],
  ),
  R5: k(
    [
      [
        "Maak het eindresultaat en ieders rol daarin expliciet.",
        "Make the end result and everyone's role in it explicit.",
      ],
      [
        "Zorg voor een doorgaande lijn, met een warme overdracht tussen voorzieningen (zoals een ‘hier ben ik’-koffer van opvang naar school).",
        "Keep a continuous line, with a warm handover between services (such as a 'here I am' suitcase from childcare to school).",
      ],
    ],
    [
      "Weet elke partner welk resultaat van hem of haar afhangt?",
      "Does each partner know which result depends on them?",
    ],
  ),
  R6: k(
    [
      [
        "Praat mét jongeren en ouders, niet over hen: over oplossingen en over hoe de jongere zelf regie kan nemen.",
        "Talk with young people and parents, not about them: about solutions and how the young person can take charge.",
      ],
      [
        "Hoor ook beide beroepen: de blik van onderwijs en die van jeugdhulp.",
        "Hear both professions too: the view of education and that of youth care.",
      ],
    ],
    [
      "Wanneer zat een ouder of jongere voor het laatst mee aan tafel, en wat deden we met wat zij zeiden?",
      "When did a parent or young person last sit with us, and what did we do with what they said?",
    ],
  ),
  P1: k(
    [
      [
        "Een professionele leergemeenschap van leerkrachten en jeugdhulpverleners, met experts erbij, waarin men van en met elkaar leert.",
        "A professional learning community of teachers and youth-care workers, with experts, learning from and with each other.",
      ],
      [
        "Gelijkwaardige, informele relaties en een cultuur waarin kennis delen en kritisch kijken vanzelf spreekt.",
        "Equal, informal relations and a culture where sharing knowledge and looking critically is natural.",
      ],
    ],
    [
      "Wat hebben we de afgelopen maand van elkaar geleerd?",
      "What did we learn from each other in the past month?",
    ],
  ),
  P2: k(
    [
      [
        "Een onderzoekende, reflectieve houding: vraag anderen om feedback op je eigen handelen.",
        "An inquiring, reflective attitude: ask others for feedback on your own work.",
      ],
    ],
    [
      "Wie vroeg er onlangs een collega van de andere organisatie om feedback?",
      "Who recently asked a colleague of the other organisation for feedback?",
    ],
  ),
  P3: k(
    [
      [
        "Verschillende deskundigen werken aan verschillende kanten van één probleem; leer elkaars perspectief kennen.",
        "Different experts work on different sides of one problem; learn each other's perspective.",
      ],
      [
        "Interprofessioneel samenwerken begint al in de opleiding, waar studenten andere perspectieven leren kennen.",
        "Interprofessional work starts in training, where students come to know other perspectives.",
      ],
    ],
    [
      "Welke deskundigheid missen we bij de kinderen die nu vastlopen?",
      "Which expertise do we lack for the children who are stuck now?",
    ],
  ),
  P4: k(
    [
      [
        "Volg scholing over samenwerken en communiceren samen: dat geeft een gedeelde visie op zorg.",
        "Take training on collaboration and communication together: it gives a shared view of care.",
      ],
      [
        "Maak professionalisering een samenhangend traject, geen losse cursussen.",
        "Make professional development one coherent path, not separate courses.",
      ],
    ],
    [
      "Welke scholing volgen we dit jaar samen, onderwijs en jeugdhulp?",
      "Which training do we take together this year, education and youth care?",
    ],
  ),
  P5: k(
    [
      [
        "Leg vroeg vast wie de kernpartners zijn, met bestuurlijke afspraken.",
        "Settle early who the core partners are, in administrative agreements.",
      ],
      [
        "Bevlogen mensen zetten samenwerking in gang, maar die mag niet van één persoon afhangen.",
        "Enthusiasts start collaboration, but it must not depend on one person.",
      ],
    ],
    [
      "Als onze trekker morgen vertrekt, wat blijft er dan staan?",
      "If our driving force left tomorrow, what would remain?",
    ],
  ),
  W1: k(
    [
      [
        "Procedures die het samenwerken ondersteunen, door de partners samen gemaakt.",
        "Procedures that support working together, made by the partners together.",
      ],
    ],
    [
      "Zou een nieuwe collega aan onze procedures kunnen zien hoe we samenwerken?",
      "Could a new colleague see from our procedures how we work together?",
    ],
  ),
  W2: k(
    [["Stem het diagnosticeren af tussen de partners.", "Align diagnosis between the partners."]],
    [
      "Wordt een kind bij ons twee keer onderzocht omdat we elkaars bevindingen niet gebruiken?",
      "Is a child assessed twice here because we do not use each other's findings?",
    ],
  ),
  W3: k(
    [
      [
        "Werk aan een gezamenlijk zorgplan of een integrale aanpak.",
        "Work on a joint care plan or an integrated approach.",
      ],
    ],
    [
      "Heeft elk gezin dat we samen helpen één plan dat zij kennen?",
      "Does every family we help together have one plan that they know?",
    ],
  ),
  K1: k(
    [
      [
        "Informatie- en datasystemen van de organisaties die op elkaar zijn afgestemd.",
        "Information and data systems of the organisations that are aligned with each other.",
      ],
    ],
    [
      "Welke informatie typen we nu over van het ene systeem in het andere?",
      "Which information do we now retype from one system into another?",
    ],
  ),
  K2: k(
    [
      [
        "Vertrouwen in de veiligheid van elkaars systemen draagt bij aan de samenwerking.",
        "Trust in the security of each other's systems supports the collaboration.",
      ],
    ],
    [
      "Weten we van elkaar hoe gegevens van kinderen beveiligd zijn?",
      "Do we know from each other how children's data are secured?",
    ],
  ),
};

/** Below this mean a factor is low ("3 — niet goed, niet slecht" is the middle). */
export const LOW_BELOW = 3;
/** A fall of at least this much since the session before is a falling factor. */
export const FALLING_BY = 0.5;

/** Why a factor asks for knowledge: it scores low, or it fell; null when neither. */
export function weakness(
  latest: number | null | undefined,
  previous?: number | null,
): "low" | "falling" | null {
  if (latest === null || latest === undefined || latest < SCORE_MIN || latest > SCORE_MAX)
    return null;
  if (latest < LOW_BELOW) return "low";
  if (previous !== null && previous !== undefined && previous - latest >= FALLING_BY)
    return "falling";
  return null;
}
