// The words the grounding check reads facts by, in the seven languages the agent speaks: months, time units, number
// words, currencies, order states, actions and who claims them. Data only; src/agent/grounding.ts uses it.
// Word boundaries are spelled out with lookarounds because `\b` in a JavaScript regex stops at accented letters ("annulé").

/** Month names and unambiguous abbreviations → month number (1–12). Words that are also common words ("out", "set") are left out. */
export const monthNames: Record<string, number> = {};
const monthLists: string[][] = [
  // en
  ["january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug", "september sep sept", "october oct", "november nov", "december dec"],
  // es
  ["enero ene", "febrero", "marzo", "abril abr", "mayo", "junio", "julio", "agosto", "septiembre setiembre", "octubre", "noviembre", "diciembre dic"],
  // fr
  ["janvier janv", "février fevrier févr", "mars", "avril avr", "mai", "juin", "juillet juil", "août aout", "septembre", "octobre", "novembre", "décembre decembre déc"],
  // de
  ["januar jänner", "februar", "märz maerz mär", "april", "mai", "juni", "juli", "august", "september", "oktober okt", "november", "dezember dez"],
  // it
  ["gennaio", "febbraio", "marzo", "aprile", "maggio mag", "giugno giu", "luglio lug", "agosto", "settembre", "ottobre ott", "novembre", "dicembre"],
  // pt
  ["janeiro", "fevereiro fev", "março marco", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
  // nl
  ["januari", "februari", "maart mrt", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
];
for (const list of monthLists) list.forEach((names, i) => names.split(" ").forEach((n) => (monthNames[n] = i + 1)));

export type TimeUnit = "minute" | "hour" | "day" | "week" | "month" | "year";

/** Time units (singular and plural) → unit. "Business day", "Werktag", "giorno lavorativo" are days. */
export const unitWords: [RegExp, TimeUnit][] = [
  [/^(?:minutes?|mins?|minutos?|minuten?|minut[oi])$/, "minute"],
  [/^(?:hours?|hrs?|h|horas?|heures?|stunden?|or[ae]|uur|uren)$/, "hour"],
  [/^(?:days?|días?|dias?|jours?|journées?|tag(?:e|en)?|werktag(?:e|en)?|arbeitstag(?:e|en)?|giorn[oi]|dag(?:en)?|werkdag(?:en)?)$/, "day"],
  [/^(?:weeks?|semanas?|semaines?|wochen?|settiman[ae]|weken)$/, "week"],
  [/^(?:months?|mes(?:es)?|mois|monat(?:e|en)?|mes[ie]|maand(?:en)?)$/, "month"],
  [/^(?:years?|años?|ans?|années?|jahr(?:e|en)?|ann[oi]|anos?|jaar|jaren)$/, "year"],
];

/** Words that may stand between a number and its unit: "5 business days", "3 Werk-". */
export const unitQualifiers = new Set(["business", "working", "calendar", "full", "more", "extra", "additional"]);

/** Number words a duration or quantity may be written in → value. Articles ("a", "un") only count before a unit. */
export const numberWords: Record<string, number> = {};
const numberLists: [string, number][] = [
  ["one", 1], ["two", 2], ["three", 3], ["four", 4], ["five", 5], ["six", 6], ["seven", 7], ["eight", 8], ["nine", 9], ["ten", 10],
  ["eleven", 11], ["twelve", 12], ["fourteen", 14], ["fifteen", 15], ["twenty", 20], ["thirty", 30], ["sixty", 60], ["ninety", 90],
  ["uno una un", 1], ["dos", 2], ["tres", 3], ["cuatro", 4], ["cinco", 5], ["seis", 6], ["siete", 7], ["ocho", 8], ["nueve", 9], ["diez", 10],
  ["once", 11], ["doce", 12], ["catorce", 14], ["quince", 15], ["veinte", 20], ["treinta", 30], ["sesenta", 60], ["noventa", 90],
  ["une", 1], ["deux", 2], ["trois", 3], ["quatre", 4], ["cinq", 5], ["sept", 7], ["huit", 8], ["neuf", 9], ["dix", 10],
  ["onze", 11], ["douze", 12], ["quatorze", 14], ["quinze", 15], ["vingt", 20], ["trente", 30], ["soixante", 60],
  ["ein eine einen einem einer", 1], ["zwei", 2], ["drei", 3], ["vier", 4], ["fünf", 5], ["sechs", 6], ["sieben", 7], ["acht", 8], ["neun", 9], ["zehn", 10],
  ["elf", 11], ["zwölf", 12], ["vierzehn", 14], ["fünfzehn", 15], ["zwanzig", 20], ["dreißig", 30], ["sechzig", 60], ["neunzig", 90],
  ["uno", 1], ["due", 2], ["tre", 3], ["quattro", 4], ["sei", 6], ["sette", 7], ["otto", 8], ["nove", 9], ["dieci", 10],
  ["undici", 11], ["dodici", 12], ["quattordici", 14], ["quindici", 15], ["venti", 20], ["trenta", 30], ["sessanta", 60], ["novanta", 90],
  ["um uma", 1], ["dois duas", 2], ["três", 3], ["quatro", 4], ["sete", 7], ["oito", 8], ["dez", 10],
  ["doze", 12], ["catorze", 14], ["vinte", 20], ["trinta", 30],
  ["een één", 1], ["twee", 2], ["drie", 3], ["vijf", 5], ["zes", 6], ["zeven", 7], ["negen", 9], ["tien", 10],
  ["twaalf", 12], ["veertien", 14], ["vijftien", 15], ["twintig", 20], ["dertig", 30], ["zestig", 60], ["negentig", 90],
];
for (const [names, value] of numberLists) for (const n of names.split(" ")) numberWords[n] ??= value;

/** Range words between two numbers: "5 to 8", "5 a 8", "5 à 8", "5 bis 8", "5 tot 8", "5 e 8". */
export const rangeWords = new Set(["to", "a", "à", "bis", "tot", "e", "y", "and", "et", "und", "en", "or", "o", "ou", "oder", "of", "-", "–", "—"]);

/** Currency words and symbols: a number next to one is a price. */
export const currencyPattern = String.raw`(?:US\$|CA\$|A\$|[$€£¥]|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:USD|EUR|GBP|CAD|AUD|CHF|dollars?|dólares|dolares|dollari|euros?|pounds?|libras?|sterline|pond|francs?|franken)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])))`;

/** Today, tomorrow, yesterday in any language → one word, compared with the evidence. */
export const relativeDays: [RegExp, string][] = [
  [/(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:today|hoy|aujourd'hui|heute|oggi|hoje|vandaag)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu, "today"],
  [/(?:(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))tomorrow(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))mañana(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))demain(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))morgen(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))domani(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|amanhã|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))morgen(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])))/iu, "tomorrow"],
  [/(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:yesterday|ayer|hier|gestern|ieri|ontem|gisteren)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu, "yesterday"],
];

export type OrderState = "delivered" | "shipped" | "out_for_delivery" | "cancelled" | "not_shipped" | "refunded";

/** Words that state where an order is. Order matters: the first pattern that matches a span claims it. */
export const orderStateWords: [RegExp, OrderState][] = [
  [/(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:out for delivery|en reparto|sali[óo] (?:a|para) (?:reparto|entrega)|en cours de livraison|in (?:der )?zustellung|in consegna|saiu para (?:a )?entrega|wordt vandaag bezorgd)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu, "out_for_delivery"],
  [/(?:(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))being prepared(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))hasn't shipped(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))has not shipped(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))not (?:yet )?(?:been )?shipped(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))preparing(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))en preparación(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))no se ha enviado(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))pas encore (?:été )?expédiée?s?(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))en (?:cours de )?préparation(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))noch nicht versandt(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))in vorbereitung(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))wird vorbereitet(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))non (?:è )?ancora (?:stat[oa] )?spedit[oa](?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))in preparazione(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))ainda não foi enviad[oa](?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))em preparação(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))nog niet verzonden(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))wordt voorbereid(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])))/giu, "not_shipped"],
  [/(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:delivered|entregad[oa]s?|livrée?s?|geliefert|zugestellt|consegnat[oa]|entregue|bezorgd|afgeleverd|geleverd)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu, "delivered"],
  [/(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:shipped|dispatched|on (?:its|the) way|in transit|enviad[oa]|en camino|en tránsito|expédiée?s?|en route|en transit|versandt|verschickt|unterwegs|spedit[oa]|in viaggio|in transito|a caminho|em trânsito|verzonden|onderweg)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu, "shipped"],
  [/(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:cancell?ed|cancelad[oa]|annulée?s?|storniert|annullat[oa]|geannuleerd)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu, "cancelled"],
  [/(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:refunded|reembolsad[oa]|remboursée?s?|(?:zurück|rück)?erstattet|rimborsat[oa]|terugbetaald)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu, "refunded"],
];

/** A negation just before a state word turns "delivered" into "not delivered". */
export const negationBefore = /(?:(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))not|n't|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))never|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))no|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))nunca|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))todavía no|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))aún no|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))pas|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))jamais|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))nicht|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))noch nicht|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))nie|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))non|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))mai|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))não|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))niet|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))nog niet|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))nooit)(?:\s+\p{L}+){0,3}\s*$/iu;

export type ActionKind = "cancel" | "refund" | "pause" | "skip" | "resume" | "change" | "apply" | "send" | "create" | "escalate";

/** Verbs (any person or tense) of things only a tool can do. */
export const actionVerbs: [RegExp, ActionKind][] = [
  [/(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:cancel(?:l?ed|l?ing|s)?|cancel(?:é|ado|ada|aré|amos|ei|arei|o)|annul(?:é|ée|er|erai|ons)|storn(?:iert|iere|ieren)|annull(?:at[oa]|erò|o)|cancellat[oa]|(?:ge)?annule(?:erd|er|ren))(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu, "cancel"],
  [/(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:refund(?:ed|ing|s)?|reimbursed|credited|reembols(?:é|ado|ada|aré|amos|ei|arei|o)|rembours(?:é|ée|er|erai|ons)|(?:zurück|rück)?erstatt(?:et|e|en)|gutgeschrieben|rimbors(?:at[oa]|erò|o)|terugbeta(?:ald|len|al)|teruggestort)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu, "refund"],
  [/(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:paused|pausing|paus(?:é|ado|ada|ei|ée|ato|ata|eer|eerd)|pausiert|mis en pause|messo in pausa|in pausa)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu, "pause"],
  [/(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:skipped|skipping|saltad[oa]|salté|saltei|sauté|übersprungen|saltat[oa]|overgeslagen)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu, "skip"],
  [/(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:resumed|reactivated|reanudad[oa]|reanudé|reactivé|repris|réactivé|fortgesetzt|reaktiviert|riattivat[oa]|ripres[oa]|retomad[oa]|reativad[oa]|hervat|geheractiveerd)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu, "resume"],
  [/(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:changed|updated|modified|swapped|switched|cambiad[oa]|cambié|actualizad[oa]|actualicé|modificad[oa]|modifié|modifiée|mis à jour|changé|geändert|aktualisiert|umgestellt|cambiat[oa]|aggiornat[oa]|modificat[oa]|alterad[oa]|alterei|atualizad[oa]|atualizei|mudei|gewijzigd|aangepast|bijgewerkt)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu, "change"],
  [/(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:applied|aplicad[oa]|apliqué|appliqué|angewendet|eingelöst|applicat[oa]|apliquei|toegepast)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu, "apply"],
  [/(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:sent|emailed|e-mailed|resent|envié|mandé|envoyé|envoyée|geschickt|gesendet|zugeschickt|inviat[oa]|mandat[oa]|enviei|mandei|gestuurd|verstuurd|gemaild)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu, "send"],
  [/(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:created|opened|started|initiated|issued|processed|arranged|booked|scheduled|generated|submitted|creado|abierto|iniciado|procesado|tramitado|créé|ouvert|lancé|traité|erstellt|eröffnet|angelegt|bearbeitet|veranlasst|creato|aperto|avviato|elaborato|criado|aberto|processado|aangemaakt|gestart|verwerkt)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu, "create"],
  [/(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:escalated|forwarded|passed (?:it |this |your \p{L}+ )?(?:on|along)?\s*to|transferred|handed (?:it |this )?over|escalad[oa]|transferid[oa]|transmis|transféré|weitergeleitet|eskaliert|inoltrat[oa]|trasferit[oa]|encaminhad[oa]|transferid[oa]|doorgestuurd|doorgezet)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu, "escalate"],
];

/** "I've", "we have", "he", "j'ai", "ich habe", "ho", "eu", "ik heb": the shop's assistant claims it did (or will do) something. */
export const firstPerson =
  /(?:(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))bwe(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))we'(?:ve|ll|re)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))my colleagues(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))let me(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:yo|he|hemos|ya he|te he|le he|lo he|la he|voy a|vamos a)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))j'ai|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))je vais|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))je viens de|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))nous avons|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))on a)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:ich|wir|habe ich|haben wir|werde ich)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:ho|abbiamo|ti ho|le ho|l'ho|io|sto per)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:eu|nós|vou|vamos)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:ik|wij|heb ik|ik heb|ik zal|we hebben)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])))/iu;

/** English "I" (case-sensitive: Italian "i" is an article). */
export const firstPersonI = /(?<![\p{L}'])I(?:'(?:ve|ll|m|d))?(?![\p{L}])/u;

/** Verb forms that are first person on their own (Spanish -é, Portuguese -ei, Italian -erò): no subject needed. */
export const firstPersonVerb = /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))\p{L}{3,}(?:é|ei|erò|arò|irò)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/iu;

/** Before a verb these make it a state ("was cancelled", "ha sido reembolsado"), not something the assistant did. */
export const passiveBefore =
  /(?:(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:was|were|is|are|has been|have been|had been|been|got|gets|be|fue|fueron|ha sido|han sido|está|están|es|a été|ont été|est|sont|été|wurde|wurden|ist|sind|worden|è stat[oa]|sono stat[ie]|è|foi|foram|está|estão|werd|werden|zijn)\s+(?:\p{L}+\s+){0,2})$/iu;

/** Tool names that perform each action; only a successful call of one grounds the claim. */
export const actionTools: Record<ActionKind, RegExp | null> = {
  cancel: /cancel/i,
  refund: /refund/i,
  pause: /pause/i,
  skip: /skip/i,
  resume: /resume|reactivate|unpause/i,
  change: /update|change|edit|modify|swap|frequency/i,
  apply: /apply|redeem/i,
  send: /send|resend|email/i,
  create: /^(?:create|start|open|request|submit|issue|process)/i,
  // Handing over to the team is the turn's decision, shown in a message of its own: never the model's to claim.
  escalate: null,
};

/** Order states each stored stage (OrderFacts.stage, shipment status) shows. */
export const stagesShowing: Record<OrderState, readonly string[]> = {
  delivered: ["delivered", "picked_up"],
  shipped: ["in_transit", "out_for_delivery", "delivered", "delivery_problem", "ready_for_pickup", "attempted_delivery", "picked_up"],
  out_for_delivery: ["out_for_delivery"],
  cancelled: ["cancelled"],
  not_shipped: ["preparing", "not_shipped", "on_hold", "unfulfilled", "confirmed", "label_printed"],
  refunded: ["refunded"],
};

/** Carriers an answer may name: an order's carrier is an order fact, so one the results don't name is invented. */
export const carrierNames = [
  "UPS", "USPS", "FedEx", "DHL", "DHL Express", "Royal Mail", "Parcelforce", "Evri", "Hermes", "Yodel", "DPD", "GLS", "TNT", "Aramex",
  "Canada Post", "Purolator", "Australia Post", "OnTrac", "Amazon Logistics", "La Poste", "Colissimo", "Chronopost", "Mondial Relay",
  "Correos", "SEUR", "MRW", "Deutsche Post", "Poste Italiane", "BRT", "SDA", "CTT", "PostNL", "bpost",
];
