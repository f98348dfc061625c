/**
 * Common given names and surnames in the Netherlands, for the identifier guard's check on
 * person names (domain/people-identifiers.ts). Not a register of everyone: the names people are
 * most likely to write about a child or a parent (the most frequent surnames; given names
 * frequent among children and adults now, including names common in Moroccan, Turkish and
 * Surinamese Dutch families). Lower case; surnames without their prefix ("de vries" is
 * "vries" here, since the prefix is matched separately). Small enough for the browser.
 */

export const givenNames: ReadonlySet<string> = new Set(
  (
    "noah sem liam lucas daan finn levi luuk mees milan noud jesse bram luca thomas max jayden " +
    "julian thijs ruben lars tim stijn jan pieter kees henk piet mohammed mohamed muhammed " +
    "ahmed yusuf youssef adam ayoub bilal ibrahim omar daniel david jacob joep gijs hugo olivier " +
    "siem tygo floris jens niels kevin dennis mark peter johan willem hendrik sven rick bas koen " +
    "wouter jeroen martijn sander tom joris teun vince dex morris mats ties hidde cas guus boaz " +
    "jurre job stan olaf emir yassin amir ali hamza zakaria mustafa mehmet mert emre kerem " +
    "arda efe berat jayson dylan mike jordy kenny rayan ilias anas adem selim samir karim " +
    "mila emma julia tess sophie zoë zoe sara sarah nora yara eva liv lotte saar evi noor anna " +
    "lisa fleur sanne femke lieke isa fenna roos elin lynn maud nina olivia hanna hannah lina " +
    "sofie esmee amber iris floor jasmijn lauren anouk ilse marieke annemarie ingrid petra " +
    "monique linda marloes kim laura charlotte emily ella fatima fatma aisha aicha amira " +
    "yasmina yasmine meryem elif zeynep ilona joyce demi britt romy jade luna vera isabel merel " +
    "suus nova lara feline puck hailey mira nienke eline janneke sanna ayla ilayda esra hatice " +
    "salma imane soufiane nadia naima khadija latifa priya shanti sharon natasja chantal " +
    "kimberley melissa samantha jessica mandy bianca esther miriam ruth maria marie johanna"
  ).split(" "),
);

export const surnames: ReadonlySet<string> = new Set(
  (
    "jong jansen vries berg dijk bakker janssen visser smit meijer meyer boer mulder groot bos " +
    "vos peters hendriks leeuwen dekker brouwer wit dijkstra smits graaf meer linden kok jacobs " +
    "haan vermeulen heuvel veen broek bruijn bruin heijden schouten beek willems vliet ven " +
    "hoekstra maas verhoeven koster dam wal prins blom huisman peeters jonge kuipers post " +
    "kuiper veenstra kramer brink scholten wijk postma martens vink ruiter timmermans groen " +
    "gerritsen jonker loon velde willemsen smeets lange bosch dongen schipper koning laan " +
    "velden driessen doorn hermans evers meulen hofman bosman wolters sanders horst mol " +
    "kuijpers molenaar pol leeuw verbeek yilmaz yılmaz kaya demir şahin sahin çelik celik " +
    "öztürk ozturk aydın aydin arslan doğan dogan kılıç kilic amrani bakkali idrissi alaoui " +
    "haddou boukhari tahiri chaouch ramdin sewdien jagroep ramcharan"
  ).split(" "),
);

/** The prefixes of Dutch surnames ("de Vries", "van der Meer", "in 't Veld"). */
export const surnamePrefixes = [
  "van der",
  "van den",
  "van de",
  "van 't",
  "in 't",
  "op de",
  "ter",
  "ten",
  "van",
  "de",
  "den",
  "der",
  "het",
  "el",
] as const;

/**
 * Words that introduce a person's name. Titles are followed by the name ("mevrouw De Vries",
 * "juf Anouk", "dhr. Jansen"); "naam" only with a colon or "is" ("naam: Bakker"); "heet" and
 * the like only by a name the lists know ("heet Noor"), since teams and projects are named
 * too ("het project heet Samen Sterk"). Not "mw" or "ms": maatschappelijk werk, MS Word.
 */
export const titleCues = [
  "mevrouw",
  "mevr",
  "meneer",
  "dhr",
  "de heer",
  "juf",
  "juffrouw",
  "meester",
] as const;
export const labelCues = ["naam", "name"] as const;
export const callingCues = ["heet", "heten", "genaamd", "named", "called"] as const;

/**
 * Words that end the names of organisations and places, which begin with a given name often
 * enough ("Emma Kinderziekenhuis", "Thomas More College", "Willem de Zwijgerschool").
 */
export const organisationWord =
  /(?:school|college|lyceum|gymnasium|academie|ziekenhuis|kliniek|centrum|stichting|onderwijs|huis|zorg|opvang|praktijk|instituut|universiteit|hogeschool|kerk|moskee|team|straat|laan|weg|plein|park|more|fonds|groep)$/i;

/** Words near which a date is a date of birth: "geboren op 12-03-2015", "geb. 1 mei 2014". */
export const birthCues = [
  "geboren",
  "geb",
  "geboortedatum",
  "geboortedag",
  "verjaardag",
  "jarig",
  "born",
  "birthday",
  "date of birth",
  "dob",
] as const;

/** Month names in Dutch and English, with their abbreviations, for dates written in words. */
export const monthNames = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
  "jan",
  "feb",
  "mrt",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "okt",
  "oct",
  "nov",
  "dec",
  "january",
  "february",
  "march",
  "may",
  "june",
  "july",
  "august",
  "october",
] as const;
