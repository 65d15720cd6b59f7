// Messages looked at while writing the frustration cues in src/agent/escalation.ts (the detector is tuned on these; held-out.ts is not).
export const tuningUpset: readonly string[] = [
  "This is ridiculous!!! Where is my order, NOBODY is helping me",
  "I'm so fed up with this company",
  "worst customer service ever",
  "this is unacceptable, I want my money back",
  "are you kidding me? it's been two weeks",
  "I've asked three times now and still nothing",
  "WHERE IS MY PACKAGE",
  "you people are useless",
  "Esto es ridículo, nadie me ayuda",
  "C'est scandaleux, personne ne répond",
];

export const tuningCalm: readonly string[] = [
  "where is my order 1038?",
  "can I return the boots?",
  "thanks, that helps!",
  "do you have this in blue?",
  "what's your return policy",
  "I'd like to talk to someone about a bulk order",
  "¿dónde está mi pedido?",
  "hello",
];
