// The widget's words in the shopper's language: en, es, fr, de, it, pt, nl. The language comes from the script tag
// (data-lang), else the page (<html lang>), else the browser; the shop overrides any string (data-strings, JSON).
// Right-to-left languages get dir="rtl" (the words then stay English unless the shop supplies them).

export const STRING_KEYS = [
  "title", "subtitle", "greeting", "awayAssistant", "awayTeam", "ended", "endedShort", "newConversation", "reconnecting",
  "placeholder", "message", "send", "openChat", "closeChat", "newMessages", "conversation", "retry", "notSent", "sending",
  "you", "assistant", "team", "anAgent", "typing", "joined", "connectAgent", "connected", "connecting", "connectFailed",
  "leaveEmail", "validEmail", "connectMe", "thanksDetails", "emailFollowUp", "thanksReply", "emailSent", "failedRetry",
  "outOfStock", "justForYou", "copy", "copied", "order", "product", "coupon", "rewards", "subscription", "yourOrder",
  "orderNumber", "status", "placed", "expected", "delivered", "expires", "nextCharge", "redeemFor", "every", "yes", "no",
  "resumeFailed", "resumeSignIn",
] as const;
export type StringKey = (typeof STRING_KEYS)[number];
export type Strings = Record<StringKey, string>;

const en: Strings = {
  title: "Chat with us", subtitle: "We typically reply in a few minutes", greeting: "Hi there! Ask us anything about your order, our products or returns.",
  awayAssistant: "Our assistant answers now; the team replies when back", awayTeam: "We're away now; we'll reply as soon as we can",
  ended: "This conversation has ended.", endedShort: "Conversation ended", newConversation: "Start a new conversation",
  reconnecting: "Reconnecting… your messages will be delivered.", placeholder: "Write a message…", message: "Message", send: "Send message",
  openChat: "Open chat", closeChat: "Close chat", newMessages: "Open chat, {n} new", conversation: "Conversation", retry: "Retry",
  notSent: "Not sent yet · ", sending: "Sending…", you: "You", assistant: "Assistant", team: "Support team", anAgent: "An agent",
  typing: "{name} is typing…", joined: "{name} joined the conversation", connectAgent: "Yes, connect me with an agent",
  connected: "✓ You're connected with our team.", connecting: "Connecting you with an agent", connectFailed: "We couldn't connect you just now. Please try again.",
  leaveEmail: "Leave your email so our team can follow up if you leave the chat.", validEmail: "Please enter a valid email address.", connectMe: "Connect me",
  thanksDetails: "Thanks! Our team has your details.", emailFollowUp: "Your email, so an agent can follow up.",
  thanksReply: "✓ Thanks! Our team has your details and will reply here shortly.", emailSent: "Email sent, connecting you with an agent",
  failedRetry: "That didn't go through. Please try again.", outOfStock: "Out of stock", justForYou: "Just for you", copy: "Copy", copied: "Copied",
  order: "Order", product: "Product", coupon: "Coupon", rewards: "Rewards", subscription: "Subscription", yourOrder: "Your order", orderNumber: "Order #{n}",
  status: "Status", placed: "Placed", expected: "Expected", delivered: "Delivered", expires: "Expires", nextCharge: "Next charge", redeemFor: "Redeem for", every: "Every", yes: "Yes", no: "No",
  resumeFailed: "This link was already used or has expired. You can start a new conversation here.", resumeSignIn: "Sign in to the shop to continue this conversation.",
};

const es: Strings = {
  title: "Chatea con nosotros", subtitle: "Solemos responder en pocos minutos", greeting: "¡Hola! Pregúntanos lo que quieras sobre tu pedido, nuestros productos o devoluciones.",
  awayAssistant: "Nuestro asistente responde ya; el equipo, cuando vuelva", awayTeam: "Ahora no estamos; responderemos lo antes posible",
  ended: "Esta conversación ha terminado.", endedShort: "Conversación terminada", newConversation: "Iniciar una nueva conversación",
  reconnecting: "Reconectando… tus mensajes se entregarán.", placeholder: "Escribe un mensaje…", message: "Mensaje", send: "Enviar mensaje",
  openChat: "Abrir chat", closeChat: "Cerrar chat", newMessages: "Abrir chat, {n} nuevos", conversation: "Conversación", retry: "Reintentar",
  notSent: "Aún no enviado · ", sending: "Enviando…", you: "Tú", assistant: "Asistente", team: "Equipo de soporte", anAgent: "Un agente",
  typing: "{name} está escribiendo…", joined: "{name} se unió a la conversación", connectAgent: "Sí, ponme con un agente",
  connected: "✓ Estás en contacto con nuestro equipo.", connecting: "Te estamos poniendo con un agente", connectFailed: "No hemos podido conectarte. Inténtalo de nuevo.",
  leaveEmail: "Déjanos tu email para que el equipo pueda responderte si sales del chat.", validEmail: "Introduce un email válido.", connectMe: "Conectarme",
  thanksDetails: "¡Gracias! El equipo tiene tus datos.", emailFollowUp: "Tu email, para que un agente pueda responderte.",
  thanksReply: "✓ ¡Gracias! El equipo tiene tus datos y te responderá aquí en breve.", emailSent: "Email enviado, te ponemos con un agente",
  failedRetry: "No se ha podido enviar. Inténtalo de nuevo.", outOfStock: "Agotado", justForYou: "Solo para ti", copy: "Copiar", copied: "Copiado",
  order: "Pedido", product: "Producto", coupon: "Cupón", rewards: "Recompensas", subscription: "Suscripción", yourOrder: "Tu pedido", orderNumber: "Pedido #{n}",
  status: "Estado", placed: "Realizado", expected: "Previsto", delivered: "Entregado", expires: "Caduca", nextCharge: "Próximo cargo", redeemFor: "Canjear por", every: "Cada", yes: "Sí", no: "No",
  resumeFailed: "Este enlace ya se usó o ha caducado. Puedes iniciar una nueva conversación aquí.", resumeSignIn: "Inicia sesión en la tienda para continuar esta conversación.",
};

const fr: Strings = {
  title: "Discutons", subtitle: "Nous répondons généralement en quelques minutes", greeting: "Bonjour ! Posez-nous vos questions sur votre commande, nos produits ou les retours.",
  awayAssistant: "Notre assistant répond tout de suite ; l'équipe à son retour", awayTeam: "Nous sommes absents ; nous répondrons dès que possible",
  ended: "Cette conversation est terminée.", endedShort: "Conversation terminée", newConversation: "Démarrer une nouvelle conversation",
  reconnecting: "Reconnexion… vos messages seront remis.", placeholder: "Écrivez un message…", message: "Message", send: "Envoyer le message",
  openChat: "Ouvrir le chat", closeChat: "Fermer le chat", newMessages: "Ouvrir le chat, {n} nouveaux", conversation: "Conversation", retry: "Réessayer",
  notSent: "Pas encore envoyé · ", sending: "Envoi…", you: "Vous", assistant: "Assistant", team: "Équipe support", anAgent: "Un conseiller",
  typing: "{name} écrit…", joined: "{name} a rejoint la conversation", connectAgent: "Oui, mettez-moi en relation avec un conseiller",
  connected: "✓ Vous êtes en relation avec notre équipe.", connecting: "Mise en relation avec un conseiller", connectFailed: "La mise en relation a échoué. Réessayez.",
  leaveEmail: "Laissez votre e-mail pour que l'équipe puisse vous répondre si vous quittez le chat.", validEmail: "Saisissez une adresse e-mail valide.", connectMe: "Me mettre en relation",
  thanksDetails: "Merci ! L'équipe a vos coordonnées.", emailFollowUp: "Votre e-mail, pour qu'un conseiller puisse vous répondre.",
  thanksReply: "✓ Merci ! L'équipe a vos coordonnées et vous répondra ici rapidement.", emailSent: "E-mail envoyé, mise en relation avec un conseiller",
  failedRetry: "L'envoi a échoué. Réessayez.", outOfStock: "Rupture de stock", justForYou: "Rien que pour vous", copy: "Copier", copied: "Copié",
  order: "Commande", product: "Produit", coupon: "Code promo", rewards: "Récompenses", subscription: "Abonnement", yourOrder: "Votre commande", orderNumber: "Commande n° {n}",
  status: "Statut", placed: "Passée le", expected: "Prévue le", delivered: "Livrée le", expires: "Expire le", nextCharge: "Prochain prélèvement", redeemFor: "Échanger contre", every: "Tous les", yes: "Oui", no: "Non",
  resumeFailed: "Ce lien a déjà été utilisé ou a expiré. Vous pouvez démarrer une nouvelle conversation ici.", resumeSignIn: "Connectez-vous à la boutique pour poursuivre cette conversation.",
};

const de: Strings = {
  title: "Chatten Sie mit uns", subtitle: "Wir antworten meist innerhalb weniger Minuten", greeting: "Hallo! Fragen Sie uns alles zu Ihrer Bestellung, unseren Produkten oder Rücksendungen.",
  awayAssistant: "Unser Assistent antwortet sofort, das Team sobald es zurück ist", awayTeam: "Wir sind gerade nicht da und antworten so bald wie möglich",
  ended: "Diese Unterhaltung ist beendet.", endedShort: "Unterhaltung beendet", newConversation: "Neue Unterhaltung beginnen",
  reconnecting: "Verbindung wird wiederhergestellt… Ihre Nachrichten werden zugestellt.", placeholder: "Nachricht schreiben…", message: "Nachricht", send: "Nachricht senden",
  openChat: "Chat öffnen", closeChat: "Chat schließen", newMessages: "Chat öffnen, {n} neu", conversation: "Unterhaltung", retry: "Erneut versuchen",
  notSent: "Noch nicht gesendet · ", sending: "Wird gesendet…", you: "Sie", assistant: "Assistent", team: "Support-Team", anAgent: "Ein Mitarbeiter",
  typing: "{name} schreibt…", joined: "{name} ist der Unterhaltung beigetreten", connectAgent: "Ja, verbinden Sie mich mit einem Mitarbeiter",
  connected: "✓ Sie sind mit unserem Team verbunden.", connecting: "Sie werden mit einem Mitarbeiter verbunden", connectFailed: "Die Verbindung hat nicht geklappt. Bitte versuchen Sie es erneut.",
  leaveEmail: "Hinterlassen Sie Ihre E-Mail, damit unser Team Ihnen antworten kann, falls Sie den Chat verlassen.", validEmail: "Bitte geben Sie eine gültige E-Mail-Adresse ein.", connectMe: "Verbinden",
  thanksDetails: "Danke! Unser Team hat Ihre Angaben.", emailFollowUp: "Ihre E-Mail, damit ein Mitarbeiter antworten kann.",
  thanksReply: "✓ Danke! Unser Team hat Ihre Angaben und antwortet gleich hier.", emailSent: "E-Mail gesendet, Sie werden verbunden",
  failedRetry: "Das hat nicht geklappt. Bitte versuchen Sie es erneut.", outOfStock: "Ausverkauft", justForYou: "Nur für Sie", copy: "Kopieren", copied: "Kopiert",
  order: "Bestellung", product: "Produkt", coupon: "Gutschein", rewards: "Prämien", subscription: "Abo", yourOrder: "Ihre Bestellung", orderNumber: "Bestellung #{n}",
  status: "Status", placed: "Bestellt", expected: "Erwartet", delivered: "Zugestellt", expires: "Gültig bis", nextCharge: "Nächste Abbuchung", redeemFor: "Einlösen für", every: "Alle", yes: "Ja", no: "Nein",
  resumeFailed: "Dieser Link wurde bereits verwendet oder ist abgelaufen. Sie können hier eine neue Unterhaltung beginnen.", resumeSignIn: "Melden Sie sich im Shop an, um diese Unterhaltung fortzusetzen.",
};

const it: Strings = {
  title: "Chatta con noi", subtitle: "Di solito rispondiamo in pochi minuti", greeting: "Ciao! Chiedici qualsiasi cosa sul tuo ordine, sui prodotti o sui resi.",
  awayAssistant: "Il nostro assistente risponde subito; il team al suo rientro", awayTeam: "Ora non ci siamo; risponderemo appena possibile",
  ended: "Questa conversazione è terminata.", endedShort: "Conversazione terminata", newConversation: "Inizia una nuova conversazione",
  reconnecting: "Riconnessione… i tuoi messaggi verranno consegnati.", placeholder: "Scrivi un messaggio…", message: "Messaggio", send: "Invia messaggio",
  openChat: "Apri la chat", closeChat: "Chiudi la chat", newMessages: "Apri la chat, {n} nuovi", conversation: "Conversazione", retry: "Riprova",
  notSent: "Non ancora inviato · ", sending: "Invio…", you: "Tu", assistant: "Assistente", team: "Team di supporto", anAgent: "Un operatore",
  typing: "{name} sta scrivendo…", joined: "{name} si è unito alla conversazione", connectAgent: "Sì, mettimi in contatto con un operatore",
  connected: "✓ Sei in contatto con il nostro team.", connecting: "Ti stiamo mettendo in contatto con un operatore", connectFailed: "Non è stato possibile collegarti. Riprova.",
  leaveEmail: "Lascia la tua email così il team può risponderti se esci dalla chat.", validEmail: "Inserisci un indirizzo email valido.", connectMe: "Collegami",
  thanksDetails: "Grazie! Il team ha i tuoi dati.", emailFollowUp: "La tua email, così un operatore può risponderti.",
  thanksReply: "✓ Grazie! Il team ha i tuoi dati e ti risponderà qui a breve.", emailSent: "Email inviata, ti colleghiamo con un operatore",
  failedRetry: "Non è andato a buon fine. Riprova.", outOfStock: "Esaurito", justForYou: "Solo per te", copy: "Copia", copied: "Copiato",
  order: "Ordine", product: "Prodotto", coupon: "Coupon", rewards: "Premi", subscription: "Abbonamento", yourOrder: "Il tuo ordine", orderNumber: "Ordine #{n}",
  status: "Stato", placed: "Effettuato", expected: "Previsto", delivered: "Consegnato", expires: "Scade", nextCharge: "Prossimo addebito", redeemFor: "Riscatta per", every: "Ogni", yes: "Sì", no: "No",
  resumeFailed: "Questo link è già stato usato o è scaduto. Puoi iniziare una nuova conversazione qui.", resumeSignIn: "Accedi al negozio per continuare questa conversazione.",
};

const pt: Strings = {
  title: "Fale conosco", subtitle: "Costumamos responder em poucos minutos", greeting: "Olá! Pergunte o que quiser sobre o seu pedido, os nossos produtos ou devoluções.",
  awayAssistant: "O nosso assistente responde já; a equipa quando voltar", awayTeam: "Estamos ausentes; responderemos assim que possível",
  ended: "Esta conversa terminou.", endedShort: "Conversa terminada", newConversation: "Iniciar uma nova conversa",
  reconnecting: "A religar… as suas mensagens serão entregues.", placeholder: "Escreva uma mensagem…", message: "Mensagem", send: "Enviar mensagem",
  openChat: "Abrir chat", closeChat: "Fechar chat", newMessages: "Abrir chat, {n} novas", conversation: "Conversa", retry: "Tentar de novo",
  notSent: "Ainda não enviada · ", sending: "A enviar…", you: "Você", assistant: "Assistente", team: "Equipa de suporte", anAgent: "Um agente",
  typing: "{name} está a escrever…", joined: "{name} entrou na conversa", connectAgent: "Sim, ligue-me a um agente",
  connected: "✓ Está em contacto com a nossa equipa.", connecting: "A ligá-lo a um agente", connectFailed: "Não foi possível ligar agora. Tente de novo.",
  leaveEmail: "Deixe o seu email para a equipa lhe responder se sair do chat.", validEmail: "Introduza um email válido.", connectMe: "Ligar-me",
  thanksDetails: "Obrigado! A equipa tem os seus dados.", emailFollowUp: "O seu email, para um agente lhe responder.",
  thanksReply: "✓ Obrigado! A equipa tem os seus dados e responderá aqui em breve.", emailSent: "Email enviado, a ligá-lo a um agente",
  failedRetry: "Não foi possível enviar. Tente de novo.", outOfStock: "Esgotado", justForYou: "Só para si", copy: "Copiar", copied: "Copiado",
  order: "Pedido", product: "Produto", coupon: "Cupão", rewards: "Recompensas", subscription: "Subscrição", yourOrder: "O seu pedido", orderNumber: "Pedido #{n}",
  status: "Estado", placed: "Feito", expected: "Previsto", delivered: "Entregue", expires: "Expira", nextCharge: "Próxima cobrança", redeemFor: "Trocar por", every: "A cada", yes: "Sim", no: "Não",
  resumeFailed: "Esta ligação já foi usada ou expirou. Pode iniciar uma nova conversa aqui.", resumeSignIn: "Inicie sessão na loja para continuar esta conversa.",
};

const nl: Strings = {
  title: "Chat met ons", subtitle: "We reageren meestal binnen een paar minuten", greeting: "Hallo! Vraag ons alles over je bestelling, onze producten of retourneren.",
  awayAssistant: "Onze assistent antwoordt nu; het team zodra het terug is", awayTeam: "We zijn nu afwezig; we reageren zo snel mogelijk",
  ended: "Dit gesprek is beëindigd.", endedShort: "Gesprek beëindigd", newConversation: "Nieuw gesprek beginnen",
  reconnecting: "Opnieuw verbinden… je berichten worden afgeleverd.", placeholder: "Schrijf een bericht…", message: "Bericht", send: "Bericht versturen",
  openChat: "Chat openen", closeChat: "Chat sluiten", newMessages: "Chat openen, {n} nieuw", conversation: "Gesprek", retry: "Opnieuw",
  notSent: "Nog niet verstuurd · ", sending: "Versturen…", you: "Jij", assistant: "Assistent", team: "Supportteam", anAgent: "Een medewerker",
  typing: "{name} typt…", joined: "{name} neemt deel aan het gesprek", connectAgent: "Ja, verbind me met een medewerker",
  connected: "✓ Je bent verbonden met ons team.", connecting: "We verbinden je met een medewerker", connectFailed: "Verbinden lukte niet. Probeer het opnieuw.",
  leaveEmail: "Laat je e-mailadres achter zodat ons team kan reageren als je de chat verlaat.", validEmail: "Vul een geldig e-mailadres in.", connectMe: "Verbind me",
  thanksDetails: "Bedankt! Ons team heeft je gegevens.", emailFollowUp: "Je e-mailadres, zodat een medewerker kan reageren.",
  thanksReply: "✓ Bedankt! Ons team heeft je gegevens en reageert hier zo.", emailSent: "E-mail verstuurd, we verbinden je met een medewerker",
  failedRetry: "Dat lukte niet. Probeer het opnieuw.", outOfStock: "Uitverkocht", justForYou: "Speciaal voor jou", copy: "Kopiëren", copied: "Gekopieerd",
  order: "Bestelling", product: "Product", coupon: "Kortingscode", rewards: "Beloningen", subscription: "Abonnement", yourOrder: "Je bestelling", orderNumber: "Bestelling #{n}",
  status: "Status", placed: "Geplaatst", expected: "Verwacht", delivered: "Bezorgd", expires: "Verloopt", nextCharge: "Volgende afschrijving", redeemFor: "Inwisselen voor", every: "Elke", yes: "Ja", no: "Nee",
  resumeFailed: "Deze link is al gebruikt of verlopen. Je kunt hier een nieuw gesprek beginnen.", resumeSignIn: "Log in bij de winkel om dit gesprek voort te zetten.",
};

export const LANGUAGES = { en, es, fr, de, it, pt, nl } as const;
export type Language = keyof typeof LANGUAGES;
const RTL = new Set(["ar", "he", "fa", "ur", "ps", "yi", "dv"]);

/** The first of the candidates (BCP 47 tags, most wanted first) whose language the widget speaks; English otherwise. */
export function pickLanguage(candidates: readonly (string | null | undefined)[]): Language {
  for (const c of candidates) {
    const base = c?.trim().toLowerCase().split(/[-_]/)[0];
    if (base && base in LANGUAGES) return base as Language;
  }
  return "en";
}

/** Whether text in the first of the candidates' languages runs right to left. */
export function isRtl(candidates: readonly (string | null | undefined)[]): boolean {
  const base = candidates.find((c) => c && c.trim())?.trim().toLowerCase().split(/[-_]/)[0];
  return base !== undefined && RTL.has(base);
}

/** The strings for a language with the shop's overrides (unknown keys and non-strings are ignored). */
export function stringsFor(lang: Language, overrides: unknown): Strings {
  const out: Strings = { ...LANGUAGES[lang] };
  if (overrides && typeof overrides === "object") {
    for (const [k, v] of Object.entries(overrides as Record<string, unknown>)) if ((STRING_KEYS as readonly string[]).includes(k) && typeof v === "string" && v.trim()) out[k as StringKey] = v;
  }
  return out;
}

/** A string with `{name}`-style slots filled. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** The strings in use, set once when the widget boots (widget.ts). */
export let T: Strings = en;
export function useStrings(s: Strings): void {
  T = s;
}
