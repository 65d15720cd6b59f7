// Language detection on real-language shopper messages: short and long, with and without accents, in seven languages.
import { describe, expect, it } from "vitest";
import { conversationLanguage, detectLanguage, trigramScores, type Lang } from "../../src/agent/language.ts";

const examples: Record<Lang, string[]> = {
  en: [
    "where is my order",
    "hi, my package still hasn't arrived",
    "I want to return the boots I bought last week",
    "can I use two discount codes at once?",
    "do you have the puffer jacket in medium",
    "my code SUMMER25 isn't working",
    "This is ridiculous!!! I've been waiting for two weeks and NOBODY is helping me",
    "how many points do I have",
    "when will I get my refund",
    "cancel my subscription please",
  ],
  es: [
    "¿dónde está mi pedido 1038?",
    "donde esta mi pedido",
    "hola, quiero devolver unas zapatillas",
    "mi código de descuento no funciona",
    "¿cuánto cuesta el envío a México?",
    "todavía no he recibido mi compra",
    "quisiera cancelar mi suscripción",
    "¿tienen esta chaqueta en talla M?",
    "necesito cambiar la dirección de envío de mi pedido",
    "cuando llega mi paquete",
  ],
  fr: [
    "ma commande n'est pas arrivée",
    "où est mon colis ?",
    "bonjour, je voudrais retourner un article",
    "mon code promo ne marche pas",
    "quand est-ce que je serai remboursé ?",
    "je n'ai toujours pas reçu ma commande 1042",
    "est-ce que vous livrez en Belgique",
    "je veux annuler mon abonnement",
    "c'est quoi la taille de cette veste",
    "merci beaucoup pour votre aide",
  ],
  de: [
    "wo ist meine bestellung",
    "Hallo, mein Paket ist noch nicht angekommen",
    "Ich möchte die Schuhe zurückschicken",
    "Wann bekomme ich meine Rückerstattung?",
    "mein Gutschein funktioniert nicht",
    "Bestellung Nr. 1038 wurde noch nicht geliefert",
    "Kann ich meine Bestellung stornieren?",
    "habt ihr die Jacke in Größe M",
    "wie viele Punkte habe ich",
    "danke für die schnelle Hilfe",
  ],
  it: [
    "dov'è il mio ordine",
    "ciao, il mio pacco non è ancora arrivato",
    "vorrei restituire le scarpe",
    "quando riceverò il rimborso?",
    "il codice sconto non funziona",
    "posso annullare l'ordine 1038?",
    "avete questa giacca in taglia M",
    "quanto costa la spedizione in Italia",
    "grazie mille per l'aiuto",
    "non ho ancora ricevuto niente",
  ],
  pt: [
    "onde está a minha encomenda",
    "olá, o meu pedido ainda não chegou",
    "quero devolver uns sapatos",
    "quando vou receber o reembolso?",
    "o código de desconto não funciona",
    "vocês entregam em Portugal?",
    "quero cancelar a minha assinatura",
    "não recebi a encomenda 1038",
    "têm este casaco no tamanho M",
    "obrigado pela ajuda",
  ],
  nl: [
    "waar is mijn bestelling",
    "hoi, mijn pakket is nog niet aangekomen",
    "ik wil mijn schoenen retourneren",
    "wanneer krijg ik mijn terugbetaling?",
    "de kortingscode werkt niet",
    "kan ik mijn bestelling annuleren",
    "hebben jullie deze jas in maat M",
    "wat kost de verzending naar België",
    "bedankt voor de hulp",
    "ik heb mijn bestelling 1038 nog niet ontvangen",
  ],
};

// Written after the marker lists above, as a check on messages they weren't made from (docs/agent.md gives the figures).
const later: [Lang, string][] = [
  ["en", "got the wrong colour, what do i do"], ["en", "is the merino beanie itchy"], ["en", "package says delivered but nothing here"], ["en", "can i change my address"], ["en", "u guys ship to canada?"],
  ["es", "me llegó la talla equivocada"], ["es", "hacen envíos a Canarias"], ["es", "el paquete pone entregado pero no está"], ["es", "puedo cambiar la dirección"], ["es", "cuanto tarda en llegar"],
  ["fr", "j'ai reçu la mauvaise couleur"], ["fr", "vous livrez en Suisse ?"], ["fr", "le colis est marqué livré mais je ne l'ai pas"], ["fr", "je peux changer l'adresse de livraison"], ["fr", "combien de temps pour la livraison"],
  ["de", "falsche Farbe bekommen, was nun"], ["de", "liefert ihr auch in die Schweiz"], ["de", "Sendung zugestellt aber nicht da"], ["de", "kann ich die Adresse ändern"], ["de", "wie lange dauert der Versand"],
  ["it", "mi è arrivato il colore sbagliato"], ["it", "spedite in Svizzera?"], ["it", "risulta consegnato ma non c'è"], ["it", "posso cambiare l'indirizzo"], ["it", "quanto ci vuole per la consegna"],
  ["pt", "recebi a cor errada"], ["pt", "fazem envios para o Brasil?"], ["pt", "diz entregue mas não está cá"], ["pt", "posso mudar a morada"], ["pt", "quanto tempo demora a entrega"],
  ["nl", "verkeerde kleur ontvangen"], ["nl", "leveren jullie ook in België"], ["nl", "pakket staat op bezorgd maar is er niet"], ["nl", "kan ik het adres wijzigen"], ["nl", "hoe lang duurt de levering"],
  ["en", "need to swap these for a bigger size"], ["en", "when does the sale end"], ["en", "my parcel is late"], ["en", "do these run small"], ["en", "can you help me pick a gift"],
  ["es", "necesito cambiar estas por una talla más grande"], ["es", "cuando termina la oferta"], ["es", "mi paquete viene con retraso"], ["es", "estas tallan pequeño?"], ["es", "me ayudas a elegir un regalo"],
  ["fr", "je dois échanger pour une taille au-dessus"], ["fr", "les soldes se terminent quand"], ["fr", "mon colis a du retard"], ["fr", "ça taille petit ?"], ["fr", "vous pouvez m'aider à choisir un cadeau"],
  ["de", "ich muss die gegen eine größere Größe tauschen"], ["de", "wann endet der Sale"], ["de", "mein Paket hat Verspätung"], ["de", "fallen die klein aus"], ["de", "könnt ihr mir bei einem Geschenk helfen"],
  ["it", "devo cambiarle con una taglia più grande"], ["it", "quando finiscono i saldi"], ["it", "il mio pacco è in ritardo"], ["it", "vestono piccolo?"], ["it", "mi aiutate a scegliere un regalo"],
  ["pt", "preciso de trocar por um tamanho maior"], ["pt", "quando acaba a promoção"], ["pt", "a minha encomenda está atrasada"], ["pt", "isto veste pequeno?"], ["pt", "podem ajudar-me a escolher um presente"],
  ["nl", "ik moet deze ruilen voor een grotere maat"], ["nl", "wanneer stopt de uitverkoop"], ["nl", "mijn pakket is te laat"], ["nl", "vallen deze klein"], ["nl", "kunnen jullie me helpen een cadeau te kiezen"],
];

describe("detectLanguage", () => {
  it("recognises shopper messages written after the marker lists, and never names a wrong language", () => {
    const wrong = later.filter(([lang, t]) => detectLanguage(t) !== lang).map(([lang, t]) => `${t} (${lang}) → ${detectLanguage(t)}`);
    expect(wrong).toEqual([]);
  });

  for (const [lang, texts] of Object.entries(examples) as [Lang, string[]][]) {
    it(`recognises ${lang} shopper messages`, () => {
      const wrong = texts.filter((t) => detectLanguage(t) !== lang).map((t) => `${t} → ${detectLanguage(t)}`);
      expect(wrong).toEqual([]);
    });
  }

  it("falls back when a message says too little", () => {
    expect(detectLanguage("hi")).toBe("en");
    expect(detectLanguage("ok", "es")).toBe("es");
    expect(detectLanguage("#1038", "fr")).toBe("fr");
    expect(detectLanguage("sam@example.com", "de")).toBe("de");
    expect(detectLanguage("", "it")).toBe("it");
  });
});

describe("conversationLanguage", () => {
  it("keeps the shopper's language through short replies", () => {
    expect(conversationLanguage(["¿dónde está mi pedido 1038?", "ok"])).toBe("es");
    expect(conversationLanguage(["wo ist meine bestellung", "1038, sam@example.com", "super, danke"])).toBe("de");
    expect(conversationLanguage(["ma commande n'est pas arrivée", "ok merci", "no"])).toBe("fr");
  });

  it("switches on a message clearly in another language", () => {
    expect(conversationLanguage(["hola", "sorry, can you answer in English? where is my order"])).toBe("en");
  });

  it("is English until the shopper writes something telling", () => {
    expect(conversationLanguage(["hi"])).toBe("en");
    expect(conversationLanguage(["1038", "waar is mijn bestelling"])).toBe("nl");
  });
});

describe("the trigram model", () => {
  it("is franc-min's profiles of our seven languages, as scripts/build-language-trigrams.mjs writes them", async () => {
    const { data } = await import("franc-min/data.js");
    const file = (await import("../../src/agent/language-trigrams.json", { with: { type: "json" } })).default;
    const codes = { en: "eng", es: "spa", fr: "fra", de: "deu", it: "ita", pt: "por", nl: "nld" } as const;
    for (const [lang, code] of Object.entries(codes)) expect(file.profiles[lang as keyof typeof codes]).toBe(data.Latin?.[code]);
  });

  it("tells longer messages apart by their letters alone", () => {
    const closest = (text: string) => [...trigramScores(text)].sort((a, b) => b[1] - a[1])[0]?.[0];
    expect(closest("Tengo una chaqueta impermeable que compré hace tres semanas y ya se rompió la cremallera")).toBe("es");
    expect(closest("J'aimerais échanger une veste achetée récemment contre une taille supérieure")).toBe("fr");
    expect(closest("Ich hätte gerne Informationen über Lieferzeiten nach Österreich und der Schweiz")).toBe("de");
    expect(closest("Vorrei sapere quali metodi di pagamento accettate per gli acquisti online")).toBe("it");
    expect(closest("Gostaria de trocar uma camisola comprada recentemente por outro tamanho")).toBe("pt");
    expect(closest("Ik zou graag willen weten welke betaalmethoden jullie accepteren voor bestellingen")).toBe("nl");
    expect(closest("I would like to exchange a jacket purchased recently for another size")).toBe("en");
  });
});
