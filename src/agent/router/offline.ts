// The offline router: the bundled logistic-regression model plus the rules that keep a conversation's topic.
import { normalizeUtterance } from "./features.ts";
import { loadRouterModel, skillProbabilities } from "./model-file.ts";
import type { RouterModel } from "./model-file.ts";
import { defaultLexicon, markProducts } from "./lexicon.ts";
import type { ShopLexicon } from "./lexicon.ts";
import type { SkillId } from "./skills.ts";
import modelFile from "./model.json" with { type: "json" };

/** One earlier message of the conversation. */
export interface Turn {
  readonly author: "customer" | "ai" | "agent";
  readonly text: string;
}

export interface RouteDecision {
  readonly skill: SkillId;
  /** Softmax probability of the chosen skill, in [0, 1]. */
  readonly confidence: number;
}

export interface ClassifyInput {
  readonly text: string;
  readonly history?: readonly Turn[];
  /** The shop's catalog and help-centre words (lexicon.ts); without it only common product nouns are known. */
  readonly lexicon?: ShopLexicon | undefined;
}

/** Only the last few customer messages shape the running topic; older ones are history, not context. */
const historyWindow = 8;
/** A message this sure of its own topic switches to it, however short. */
const switchConfidence = 0.8;
/** Long emails: the topic is set in the opening lines, and reading all of it would cost milliseconds. */
const maxCharsRead = 1200;

/**
 * How likely the shopper is to still be on the previous topic, before reading the message, by message
 * length: a three-word fragment ("the coffee one") almost always continues, a long message often starts afresh.
 */
function stickiness(tokenCount: number): number {
  if (tokenCount <= 4) return 0.9;
  if (tokenCount <= 8) return 0.7;
  return 0.35;
}

// Words that carry no topic on their own: answers, pronouns, fillers, and the words shoppers wrap
// around an order number or email ("my order number is #1042", "my email is a@b.com").
const noTopicWords = new Set(
  (
    "yes yeah yea yep yup ya yah ye ok okay okey k kk oki sure alright right fine " +
    "no nope nah not and or but so then also too plus well hmm um uh oh ah " +
    "the a an this that these those it its one ones other another same first second last next " +
    "what whats wat about abt " +
    "is are was were be been am do does did can could will would should " +
    "i im ive id me my mine we our you your u ur he she they them their his her " +
    "here there still again now just only please pls plz " +
    "to of for in on at by with from as if " +
    "order number no nr num id email mail e adress address name phone"
  ).split(" "),
);

// Closing and greeting words: a message read as "other" that contains one of these ends or pauses the topic.
const socialWords = new Set(
  (
    "hi hello hey hiya heya yo morning evening thanks thank thanx thx ty tysm cheers ta appreciate appreciated " +
    "bye goodbye cya later night great perfect awesome cool nice brilliant lovely amazing wonderful excellent lol haha"
  ).split(" "),
);

function carriesNoTopic(tokens: readonly string[]): boolean {
  return tokens.every((token) => token.startsWith("#") || noTopicWords.has(token));
}

function best(model: RouterModel, probabilities: Float64Array): RouteDecision {
  let top = 0;
  for (let j = 1; j < probabilities.length; j++) if ((probabilities[j] ?? 0) > (probabilities[top] ?? 0)) top = j;
  const skill = model.labels[top];
  if (skill === undefined) throw new Error("router model has no labels");
  return { skill, confidence: probabilities[top] ?? 0 };
}

/** The topic after one more customer message, given the topic so far (null at the start). */
function nextTopic(model: RouterModel, fullText: string, previous: RouteDecision | null, lexicon: ShopLexicon | undefined): RouteDecision {
  const text = fullText.length > maxCharsRead ? fullText.slice(0, maxCharsRead) : fullText;
  const probabilities = skillProbabilities(model, text, lexicon);
  const standalone = best(model, probabilities);
  if (previous === null || previous.skill === "other") return standalone;
  // A product mention alone ("the coffee one", "the blue sofa") answers the question in progress: it keeps the topic.
  const tokens = markProducts(normalizeUtterance(text), lexicon ?? defaultLexicon());
  if (carriesNoTopic(tokens)) return previous;
  if (standalone.skill === "other" && tokens.some((token) => socialWords.has(token))) return standalone;
  // A message that is clearly about something else on its own is a change of topic, whatever came before.
  if (standalone.skill !== "other" && standalone.confidence >= switchConfidence) return standalone;
  // Bayes with the previous topic as the prior: switching needs the message to be clearly about something else.
  const stay = stickiness(tokens.length);
  const previousIndex = model.labels.indexOf(previous.skill);
  const elsewhere = (1 - stay) / (model.labels.length - 1);
  const posterior = probabilities.map((p, j) => p * (j === previousIndex ? stay : elsewhere));
  const total = posterior.reduce((a, b) => a + b, 0);
  return best(model, posterior.map((p) => p / total));
}

/** A synchronous classifier over a loaded model (the offline router wraps it in a Promise). */
export function createOfflineClassifier(model: RouterModel): (input: ClassifyInput) => RouteDecision {
  return ({ text, history = [], lexicon }) => {
    const earlierCustomerTurns = history.filter((turn) => turn.author === "customer").slice(-historyWindow);
    let topic: RouteDecision | null = null;
    for (const turn of earlierCustomerTurns) topic = nextTopic(model, turn.text, topic, lexicon);
    return nextTopic(model, text, topic, lexicon);
  };
}

let bundledModel: RouterModel | undefined;

/** The model committed as model.json, unpacked once per isolate. */
export function bundledRouterModel(): RouterModel {
  bundledModel ??= loadRouterModel(modelFile);
  return bundledModel;
}
