/**
 * The instrument's questions in plain words (language level B1), for the parents and young
 * people who score in a round through their personal link. Each asks after the same success
 * factor as domain/instrument.ts, so the answer is a score of that factor; where a question is
 * about something a family cannot see, "weet ik niet" is a good answer and the hint says so.
 */
import type { LevelId, Text } from "./instrument";

export const plainQuestions: Record<string, Text> = {
  B1: {
    nl: "Willen de school en de hulp hetzelfde voor kinderen? En praten ze daar ook met ouders over?",
    en: "Do the school and the care services want the same for children? Do they talk about it with parents too?",
  },
  B2: {
    nl: "Zorgt de gemeente ervoor dat school en hulp goed samenwerken?",
    en: "Does the municipality make sure that school and care work well together?",
  },
  B3: {
    nl: "Werken ook de huisarts, het wijkteam en anderen in de buurt mee?",
    en: "Do the family doctor, the neighbourhood team and others nearby take part too?",
  },
  B4: {
    nl: "Weet u wat de school zelf doet als een kind extra hulp nodig heeft?",
    en: "Do you know what the school itself does when a child needs extra help?",
  },
  B5: {
    nl: "Zijn er goede afspraken over wie wat betaalt en wie wat doet?",
    en: "Are there clear agreements about who pays for what and who does what?",
  },
  R1: {
    nl: "Is er iemand die de samenwerking trekt en iedereen erbij betrekt?",
    en: "Is there someone who leads the collaboration and involves everyone?",
  },
  R2: {
    nl: "Kijken school en hulp samen of het goed gaat, en vaak genoeg?",
    en: "Do school and care check together, and often enough, whether things go well?",
  },
  R3: {
    nl: "Zijn de hulpverleners dichtbij? Bijvoorbeeld op school, en makkelijk te bereiken?",
    en: "Are the care workers close by? For example at school, and easy to reach?",
  },
  R4: {
    nl: "Durven school en hulp eerlijk tegen elkaar te zeggen wat niet goed gaat?",
    en: "Do school and care dare to tell each other honestly what is not going well?",
  },
  R5: {
    nl: "Is duidelijk wat het doel is, en wie wat doet om dat te halen?",
    en: "Is it clear what the goal is, and who does what to reach it?",
  },
  R6: {
    nl: "Luisteren school en hulp naar u en uw kind?",
    en: "Do school and care listen to you and your child?",
  },
  P1: {
    nl: "Leren de leerkrachten en de hulpverleners van elkaar?",
    en: "Do the teachers and the care workers learn from each other?",
  },
  P2: {
    nl: "Vragen ze wat u van hun werk vindt, en doen ze daar iets mee?",
    en: "Do they ask what you think of their work, and do something with it?",
  },
  P3: {
    nl: "Weten de leerkrachten en de hulpverleners genoeg van elkaars werk?",
    en: "Do the teachers and the care workers know enough about each other's work?",
  },
  P4: {
    nl: "Leren ze samen hoe ze goed samenwerken en met elkaar praten?",
    en: "Do they learn together how to work well together and talk with each other?",
  },
  P5: {
    nl: "Is duidelijk welke organisaties altijd meedoen, en is dat vastgelegd?",
    en: "Is it clear which organisations always take part, and is that written down?",
  },
  W1: {
    nl: "Zijn er duidelijke afspraken over hoe ze samenwerken?",
    en: "Are there clear agreements about how they work together?",
  },
  W2: {
    nl: "Als er onderzoek nodig is: doen school en hulp dat samen, zodat u het niet twee keer hoeft te vertellen?",
    en: "When something needs to be looked into: do school and care do it together, so you do not have to tell it twice?",
  },
  W3: {
    nl: "Is er één plan voor uw kind en uw gezin, waar iedereen zich aan houdt?",
    en: "Is there one plan for your child and your family that everyone follows?",
  },
  K1: {
    nl: "Kunnen school en hulp de informatie die nodig is goed met elkaar delen?",
    en: "Can school and care share the information that is needed with each other?",
  },
  K2: {
    nl: "Gaan school en hulp veilig om met de gegevens over u en uw kind?",
    en: "Do school and care handle the information about you and your child safely?",
  },
};

/** The instrument's five levels as a family would name them (the link page's part titles). */
export const plainLevels: Record<LevelId, Text> = {
  bestuurlijk: {
    nl: "Afspraken tussen de organisaties",
    en: "Agreements between the organisations",
  },
  relationeel: { nl: "Hoe ze samenwerken", en: "How they work together" },
  professioneel: { nl: "Wat de mensen kunnen en doen", en: "What the people know and do" },
  proces: { nl: "Hoe de hulp loopt", en: "How the help goes" },
  kennis: { nl: "Informatie delen", en: "Sharing information" },
};
